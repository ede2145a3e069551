/**
 * A seeded generator of random templates and data. The same seed always yields the same cases, so the
 * oracle's goldens stay valid; run `emit.ts random` with another seed (edit index.ts) to explore.
 */
import type { CorpusCase } from '../harness.js';

/** A small deterministic PRNG (mulberry32). */
export class Rng {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const KEYS = ['a', 'b', 'name', 'n', 'list', 'm', 'x'];
const WORDS = ['foo', 'bar', ' ', '\n', '  ', 'x: ', '- ', '\t', 'é'];
const VERBS = ['%v', '%d', '%s', '%q', '%x', '%5.2f', '%-4v|', '%t', '%g', '%03d', '%T', '%e', '%+v', '%c'];
const FUNCS1 = ['len', 'not', 'html', 'js', 'urlquery', 'print', 'println', 'typeOf', 'isnil', 'upper'];
const CMP = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'];

function randomScalar(r: Rng): unknown {
  switch (r.int(8)) {
    case 0: return r.int(10);
    case 1: return r.pick([0.5, -2.25, 1234567, 1e21, 0.0001, 3]);
    case 2: return { $int64: String(r.int(200) - 100) };
    case 3: return r.pick(['', 'abc', 'a b', '<x>', 'é"\'']);
    case 4: return r.chance(0.5);
    case 5: return null;
    case 6: return { $int: String(r.int(5)) };
    default: return r.pick(['s', 'hello']);
  }
}

/** Root data: a map with every key, so most field paths resolve. */
function randomRoot(r: Rng): unknown {
  const m: Record<string, unknown> = {};
  for (const k of KEYS) m[k] = randomData(r, 2);
  m.list = Array.from({ length: r.int(4) }, () => randomScalar(r));
  m.m = { a: randomScalar(r), b: randomScalar(r), name: randomScalar(r) };
  return m;
}

function randomData(r: Rng, depth: number): unknown {
  if (depth <= 0 || r.chance(0.4)) return randomScalar(r);
  if (r.chance(0.4)) return Array.from({ length: r.int(4) }, () => randomData(r, depth - 1));
  const m: Record<string, unknown> = {};
  for (let i = r.int(5); i > 0; i--) m[r.pick(KEYS)] = randomData(r, depth - 1);
  return m;
}

class TemplateGen {
  vars: string[] = [];
  constructor(private readonly r: Rng) {}

  literal(): string {
    const r = this.r;
    switch (r.int(6)) {
      case 0: return String(r.int(20) - 5);
      case 1: return r.pick(['1.5', '0.0', '1e3', '0x10', "'a'", '2.0']);
      case 2: return JSON.stringify(r.pick(['', 'a', 'x y', '<&>']));
      case 3: return r.pick(['true', 'false']);
      case 4: return '`raw`';
      default: return 'nil';
    }
  }

  operand(depth: number): string {
    const r = this.r;
    const choice = r.int(depth > 0 ? 9 : 5);
    switch (choice) {
      case 0: return '.';
      case 1: return r.chance(0.3) ? '.m.' + r.pick(['a', 'b', 'name', 'zz']) : '.' + r.pick(KEYS);
      case 2: return this.vars.length && r.chance(0.7) ? r.pick(this.vars) : '$';
      case 3: return this.literal();
      case 4: return '.' + r.pick(KEYS);
      case 5: return `(${this.pipeline(depth - 1)})`;
      case 6: return `(${r.pick(CMP)} ${this.comparable()})`;
      case 7: return r.chance(0.5) ? `(index .list ${r.int(3)})` : `(index .m ${r.pick(['"a"', '"name"', '"zz"'])})`;
      default: return `(${r.pick(['and', 'or'])} ${this.operand(depth - 1)} ${this.operand(depth - 1)})`;
    }
  }

  /** Two operands likely to be comparable without a type error. */
  comparable(): string {
    const r = this.r;
    switch (r.int(4)) {
      case 0: return `${r.int(5)} ${r.int(5)}`;
      case 1: return `${JSON.stringify(r.pick(['a', 'b', '']))} ${r.pick(['.m.name', '"a"', '.name'])}`;
      case 2: return `(len .list) ${r.int(4)}`;
      default: return `${r.pick(['.n', '.a', '1.5', '0.0'])} ${r.pick(['2.0', '.b', '.n'])}`;
    }
  }

  command(depth: number): string {
    const r = this.r;
    switch (r.int(6)) {
      case 0: return this.operand(depth);
      case 1: return `${r.pick(FUNCS1)} ${this.operand(depth)}`;
      case 2: return `printf ${JSON.stringify(r.pick(VERBS) + r.pick(['', ' %v', '|']))} ${this.operand(depth)}`;
      case 3: return `${r.pick(CMP)} ${r.chance(0.6) ? this.comparable() : this.operand(depth) + ' ' + this.operand(depth)}`;
      case 4: return `slice ${r.pick(['.list', '.name', '"abcdef"', this.operand(depth)])} ${r.int(3)}`;
      default: return `${r.pick(['and', 'or'])} ${this.operand(depth)} ${this.operand(depth)}`;
    }
  }

  pipeline(depth: number): string {
    let p = this.command(depth);
    if (this.r.chance(0.25)) p += ` | ${this.r.pick(['print', 'printf "%v"', 'len', 'not', 'html', 'or 1', 'eq 1'])}`;
    return p;
  }

  action(): string {
    const r = this.r;
    const lt = r.chance(0.2) ? '{{- ' : '{{ ';
    const rt = r.chance(0.2) ? ' -}}' : ' }}';
    if (r.chance(0.15)) {
      const name = `$v${this.vars.length}`;
      const text = `${lt}${name} := ${this.pipeline(2)}${rt}`;
      this.vars.push(name);
      return text;
    }
    return `${lt}${this.pipeline(2)}${rt}`;
  }

  block(depth: number): string {
    const r = this.r;
    const kind = r.pick(['if', 'with', 'range']);
    const saved = this.vars.length;
    let head = this.pipeline(1);
    if (kind === 'range' && r.chance(0.4)) {
      head = `$k${depth}, $e${depth} := ${head}`;
      this.vars.push(`$k${depth}`, `$e${depth}`);
    }
    let body = `{{${kind} ${head}}}${this.body(depth - 1)}`;
    if (r.chance(0.4)) body += `{{else}}${this.body(depth - 1)}`;
    this.vars.length = saved;
    return body + '{{end}}';
  }

  body(depth: number): string {
    const r = this.r;
    let s = '';
    for (let i = 1 + r.int(3); i > 0; i--) {
      const k = r.int(10);
      if (k < 3) s += r.pick(WORDS);
      else if (k < 8 || depth <= 0) s += this.action();
      else s += this.block(depth);
    }
    return s;
  }
}

/** A template with named templates: defines up front, then a body that calls them. */
function withDefines(r: Rng): string {
  const names = ['a', 'b', 'c'].slice(0, 1 + r.int(3));
  let s = '';
  for (const n of names) {
    const g = new TemplateGen(r);
    s += `{{- define "${n}" -}}${g.body(1)}{{- end -}}${r.pick(['', '\n', ' '])}`;
  }
  const g = new TemplateGen(r);
  let body = g.body(2);
  for (let i = r.int(3); i >= 0; i--) {
    const arg = r.pick(['.', '.', '$', '.m', g.operand(1)]);
    const call = r.chance(0.5) ? `{{template "${r.pick(names)}" ${arg}}}` : `{{include "${r.pick(names)}" ${arg} | printf "%q"}}`;
    body += r.pick(WORDS) + call;
  }
  return s + body;
}

/** `count` random cases from `seed`; profile `defines` adds named templates and include calls. */
export function randomCases(seed: number, count: number, profile: 'plain' | 'defines' = 'plain'): CorpusCase[] {
  const r = new Rng(seed);
  const cases: CorpusCase[] = [];
  for (let i = 0; i < count; i++) {
    const data = randomRoot(r);
    const tpl = profile === 'defines' ? withDefines(r) : new TemplateGen(r).body(2);
    cases.push({ name: `random-${profile}-${seed}-${i}`, tpl, data });
  }
  return cases;
}
