/**
 * A generator of random Helm templates and values for differential runs against `helm template`: each
 * case is one template file holding a `define` with random text, actions, pipelines, conditionals, loops,
 * variables and Sprig/Helm calls over a random values tree, printed base64-encoded so any output is a
 * valid manifest. Deterministic for a seed (mulberry32).
 */

/** A seeded random source. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
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

const KEYS = ['a', 'b', 'name', 'port', 'tags', 'on', 'x_y', 'Cap', 'empty', 'nested'];
const WORDS = ['foo', 'Bar', 'hello world', '', '  pad  ', 'a,b,c', 'x-y_z', 'ünï', '42', '3.5', 'true', 'line\nbreak'];

/** A random values.yaml text (YAML flow style, so every scalar kind and null appear). */
export function randomValues(r: Random, depth = 0): string {
  const scalar = (): string => r.pick([
    () => String(r.int(2000) - 1000), () => (r.int(10000) / 100).toString(), () => JSON.stringify(r.pick(WORDS)),
    () => r.pick(['true', 'false', 'null']), () => '1e6', () => '0.1',
  ])();
  const value = (d: number): string => {
    const k = r.int(d > 2 ? 1 : 4);
    if (k === 1) return `[${Array.from({ length: r.int(4) }, () => value(d + 1)).join(', ')}]`;
    if (k === 2) return map(d + 1);
    return scalar();
  };
  const map = (d: number): string => `{${[...new Set(Array.from({ length: 1 + r.int(5) }, () => r.pick(KEYS)))].map((key) => `${key}: ${value(d)}`).join(', ')}}`;
  return map(depth);
}

interface Scope {
  vars: string[];
  inRange?: boolean;
  /** Inside range/with, where `.` is no longer the top data (paths then start at `$`). */
  dotMoved?: boolean;
}

const PATHS = ['.Values.a', '.Values.b', '.Values.name', '.Values.port', '.Values.tags', '.Values.nested', '.Values.missing', '.Values', '.Release.Name', '.Chart.Name', '.Values.on', '.Values.x_y'];

/** How a function's arguments are generated: any value, a string, a list, a map, or two values of one kind. */
type ArgKind = 'any' | 'str' | 'list' | 'map' | 'same';

/**
 * Functions with their argument kind and arity (`keys` and `values` are left out: they follow Go's random
 * map order); `risky` ones often fail (rarer, to keep most cases rendering). */
const FUNCS: [name: string, kind: ArgKind, arity: number][] = [
  ['quote', 'any', 1], ['squote', 'any', 1], ['toJson', 'any', 1], ['toYaml', 'any', 1], ['toString', 'any', 1],
  ['kindOf', 'any', 1], ['typeOf', 'any', 1], ['empty', 'any', 1], ['default', 'any', 2], ['coalesce', 'any', 2],
  ['list', 'any', 2], ['dict "k"', 'any', 1], ['toPrettyJson', 'any', 1], ['printf "%v"', 'any', 1], ['printf "%q"', 'any', 1],
  ['printf "%d"', 'any', 1], ['printf "%s-%v"', 'any', 2], ['printf "%5.2f|%x|%T"', 'any', 3], ['print', 'any', 2], ['int', 'any', 1],
  ['int64', 'any', 1], ['float64', 'any', 1], ['add', 'any', 2], ['sub', 'any', 2], ['mul', 'any', 2], ['max', 'any', 2],
  ['not', 'any', 1], ['and', 'any', 2], ['or', 'any', 2], ['toToml', 'any', 1],
  ['ceil', 'any', 1], ['toStrings', 'any', 1], ['html', 'any', 1], ['js', 'any', 1], ['urlquery', 'any', 1], ['include "helper"', 'any', 1],
  ['eq', 'same', 2], ['ne', 'same', 2], ['lt', 'same', 2], ['ge', 'same', 2],
  ['b64enc', 'str', 1], ['upper', 'str', 1], ['trim', 'str', 1], ['title', 'str', 1], ['replace "o" "0"', 'str', 1],
  ['trunc 3', 'str', 1], ['repeat 2', 'str', 1], ['contains "o"', 'str', 1], ['hasPrefix "f"', 'str', 1], ['split ","', 'str', 1],
  ['sha256sum', 'str', 1], ['nindent 2', 'str', 1], ['indent 2', 'str', 1], ['snakecase', 'str', 1], ['camelcase', 'str', 1],
  ['regexReplaceAll "[aeiou]" "_"', 'str', 1], ['tpl', 'str', 2],
  ['sortAlpha', 'list', 1], ['first', 'list', 1], ['rest', 'list', 1], ['uniq', 'list', 1], ['compact', 'list', 1],
  ['join "-"', 'list', 1], ['last', 'list', 1], ['reverse', 'list', 1], ['pluck "a"', 'map', 1],
  ['regexFind "[a-z]+"', 'str', 1], ['regexFindAll "[a-z]" 2', 'str', 1], ['regexMatch "^f"', 'str', 1], ['regexSplit "," -1', 'str', 1],
  ['splitList ","', 'str', 1], ['abbrev 5', 'str', 1], ['initials', 'str', 1], ['kebabcase', 'str', 1],
  ['swapcase', 'str', 1], ['plural "one" "many"', 'any', 1], ['quote', 'list', 1], ['sha1sum', 'str', 1],
  ['adler32sum', 'str', 1], ['trimPrefix "f"', 'str', 1], ['trimSuffix "o"', 'str', 1], ['nospace', 'str', 1], ['cat "x"', 'any', 2],
  ['mergeOverwrite (dict "z" 1)', 'map', 1], ['merge (dict "a" 9)', 'map', 1], ['deepCopy', 'map', 1],
  ['dig "a" "b" "dflt"', 'map', 1], ['toDecimal', 'str', 1], ['floor', 'any', 1],
  ['mod 7', 'any', 1], ['biggest', 'any', 2], ['min', 'any', 2], ['addf', 'any', 2], ['mulf', 'any', 2], ['seq 3', 'any', 0],
  ['append', 'list', 2], ['prepend', 'list', 2], ['has 1', 'list', 1], ['without', 'list', 2], ['slice', 'list', 1],
  ['chunk 2', 'list', 1], ['concat (list 1)', 'list', 1], ['toRawJson', 'any', 1], ['fromJsonArray', 'str', 1],
  ['semver', 'str', 1],
  // risky: fail often, which exercises error texts
  ['required "need it"', 'any', 1], ['index', 'any', 2], ['semverCompare ">=1.0"', 'str', 1], ['atoi', 'str', 1], ['len', 'any', 1],
  ['fromJson', 'str', 1], ['div', 'any', 2],
];
const RISKY = new Set(['required "need it"', 'index', 'semverCompare ">=1.0"', 'atoi', 'len', 'fromJson', 'div']);

function literal(r: Random): string {
  return r.pick([
    () => String(r.int(200) - 100), () => `${r.int(100)}.${r.int(100)}`, () => JSON.stringify(r.pick(WORDS)),
    () => r.pick(['true', 'false', 'nil']), () => '`raw`', () => "'x'",
  ])();
}

function atom(r: Random, scope: Scope, depth: number): string {
  const k = r.int(depth > 2 ? 3 : 5);
  if (k === 0) return `${scope.dotMoved || r.chance(0.5) ? '$' : ''}${r.pick(PATHS)}`;
  if (k === 1) return literal(r);
  if (k === 2 && scope.vars.length > 0) return r.pick(scope.vars);
  // Printing the top-level data shows Go pointer addresses (.Capabilities), which no two runs share.
  if (k === 2) return scope.dotMoved ? '.' : '$.Values';
  return `(${call(r, scope, depth + 1)})`;
}

/** An argument of the wanted kind. */
function arg(r: Random, scope: Scope, depth: number, kind: ArgKind): string {
  if (kind === 'str') return r.chance(0.5) ? JSON.stringify(r.pick(WORDS)) : `(toString ${atom(r, scope, depth)})`;
  if (kind === 'list') return r.chance(0.3) ? '.Values.tags' : `(list ${atom(r, scope, depth)} ${literal(r)} ${literal(r)})`;
  if (kind === 'map') return r.pick(['$.Values', scope.dotMoved ? '.' : '$.Values.nested', `(dict "a" ${atom(r, scope, depth)} "b" 1)`]);
  return atom(r, scope, depth);
}

function pickFunc(r: Random): [string, ArgKind, number] {
  const f = r.pick(FUNCS);
  return RISKY.has(f[0]) && r.chance(0.7) ? r.pick(FUNCS) : f;
}

function call(r: Random, scope: Scope, depth: number): string {
  const [fn, kind, arity] = pickFunc(r);
  if (kind === 'same') {
    const lits = [() => String(r.int(9)), () => JSON.stringify(r.pick(WORDS)), () => r.pick(['true', 'false'])];
    const gen = r.pick(lits);
    return `${fn} ${gen()} ${gen()}`;
  }
  return [fn, ...Array.from({ length: arity }, () => arg(r, scope, depth, kind))].join(' ');
}

function pipeline(r: Random, scope: Scope): string {
  let p = r.chance(0.5) ? atom(r, scope, 0) : call(r, scope, 0);
  if (p === 'nil') p = '"nil"';
  for (let i = r.int(3); i > 0; i--) {
    const [fn, kind, arity] = pickFunc(r);
    if (kind === 'same') continue;
    // The piped value is the last argument; string and list functions get it converted first.
    const convert = kind === 'str' ? 'toString | ' : kind === 'list' ? 'list | ' : kind === 'map' ? 'dict "v" | ' : '';
    p += ` | ${convert}${[fn, ...Array.from({ length: arity - 1 }, () => arg(r, scope, 2, kind))].join(' ')}`;
  }
  return p;
}

/** A block's own scope: variables declared inside end with the block, as in Go. */
function nested(scope: Scope): Scope {
  return { ...scope, vars: [...scope.vars] };
}

function body(r: Random, scope: Scope, depth: number): string {
  let out = '';
  for (let n = 1 + r.int(4); n > 0; n--) {
    const trim = (): string => (r.chance(0.3) ? '-' : '');
    const k = r.int(depth > 1 ? 3 : 7);
    if (k === 0) out += r.pick(['text ', '\n', '  x: ', 'é ', '{ }']);
    else if (k === 1) out += `{{${trim()} ${pipeline(r, scope)} ${trim()}}}`;
    else if (k === 2) {
      const v = `$v${scope.vars.length}`;
      out += `{{ ${v} := ${pipeline(r, scope)} }}`;
      scope.vars.push(v);
    } else if (k === 3) out += `{{ if ${pipeline(r, scope)} }}${body(r, nested(scope), depth + 1)}{{ else }}${body(r, nested(scope), depth + 1)}{{ end }}`;
    else if (k === 4) {
      const inner: Scope = { vars: [...scope.vars, '$i', '$e'], inRange: true, dotMoved: true };
      out += `{{ range $i, $e := ${arg(r, scope, 1, r.pick(['list', 'map'] as const))} }}[{{ $i }}=${body(r, inner, depth + 1)}]{{ end }}`;
    } else if (k === 5) out += `{{ with ${pipeline(r, scope)} }}${body(r, { ...nested(scope), dotMoved: true }, depth + 1)}{{ end }}`;
    else out += `{{/* c */}}{{ ${r.pick(scope.inRange ? ['break', 'continue', '$e | toJson'] : ['len .', '. | kindOf', '. | typeOf'])} }}`;
  }
  return out;
}

/** One template file: a `define` with a random body and a manifest line printing it base64-encoded. */
export function randomTemplate(r: Random, name: string): string {
  return `{{- define "${name}" -}}\n${body(r, { vars: [] }, 0)}\n{{- end -}}\n${name}: {{ include "${name}" . | b64enc | quote }}\n`;
}

/** The shared helper that `include "helper"` calls. */
export const HELPER = '{{- define "helper" -}}h:{{ . | toJson }}{{- end -}}\n';
