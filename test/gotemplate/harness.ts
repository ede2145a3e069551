/**
 * Shared pieces of the differential tests: the case shape, the tagged-JSON data decoder (the same tags
 * the Go oracle reads) and the test function map (the same functions the oracle registers).
 */
import {
  ANY, GoFunc, type GoFuncDef, GoInt, GoSlice, GoStruct, GoTypedMap, type GoValue, Template, sprint, typeName,
} from '../../src/gotemplate/index.js';

/** One case: what to parse and execute; `out`/`err` are filled in by the Go oracle. */
export interface CorpusCase {
  name: string;
  tpl: string;
  data?: unknown;
  /** Go template option; the emitter defaults it to `missingkey=zero` (Helm's). */
  option?: string;
  /** Templates parsed (with t.New(name).Parse) before `tpl`. */
  files?: { name: string; text: string }[];
  /** Execute this associated template instead of the main one. */
  exec?: string;
  delims?: [string, string];
  /** Name of the main template (default `tpl`). */
  tname?: string;
  out?: string;
  err?: string;
}

function fn(params: string[], f: (a: GoValue[]) => GoValue, variadic = false, result?: string): GoFuncDef {
  return { params, variadic, fn: f, result };
}

const int = (n: bigint) => new GoInt('int', n);
const iv = (v: GoValue) => (v as GoInt).value;

/** The functions the oracle registers, with the same Go signatures. */
export const TEST_FUNCS: Record<string, GoFuncDef> = {
  upper: fn(['string'], ([s]) => (s as string).toUpperCase(), false, 'string'),
  add: fn(['int', 'int'], ([a, b]) => int(iv(a!) + iv(b!)), false, 'int'),
  addf: fn(['float64', 'float64'], ([a, b]) => (a as number) + (b as number), false, 'float64'),
  fail: fn(['string'], ([m]) => { throw new Error(m as string); }),
  join: fn(['string', ANY], ([sep, ...xs]) => xs.map((x) => sprint([x])).join(sep as string), true, 'string'),
  list: fn([ANY], (xs) => xs, true, '[]interface {}'),
  strs: fn(['string'], (xs) => new GoSlice('string', xs), true, '[]string'),
  dict: fn([ANY], (kv) => {
    const m = new Map<string, GoValue>();
    for (let i = 0; i + 1 < kv.length; i += 2) m.set(sprint([kv[i]!]), kv[i + 1]!);
    return m;
  }, true, 'map[string]interface {}'),
  i64: fn(['int'], ([n]) => new GoInt('int64', iv(n!)), false, 'int64'),
  u: fn(['int'], ([n]) => new GoInt('uint', iv(n!)), false, 'uint'),
  f64: fn(['int'], ([n]) => Number(iv(n!)), false, 'float64'),
  bytes: fn(['string'], ([s]) => new GoSlice('uint8', [...Buffer.from(s as string)].map((b) => new GoInt('uint8', b))), false, '[]uint8'),
  retnil: fn([], () => null, false, 'interface {}'),
  isnil: fn([ANY], ([x]) => x === null, false, 'bool'),
  typeOf: fn([ANY], ([x]) => typeName(x!), false, 'string'),
  adder: fn([], () => new GoFunc('adder', fn(['int', 'int'], ([a, b]) => int(iv(a!) + iv(b!)), false, 'int')), false, 'func(int, int) int'),
  boom: fn([ANY], ([x]) => { throw new Error(`boom: ${sprint([x!])}`); }, false, 'interface {}'),
  // include and tpl re-enter the running template set, as Helm's functions of those names do
  include: {
    params: ['string', ANY], result: 'string',
    fn: ([name, data], ctx) => ctx.executeTemplate(name as string, data!),
  },
  tpl: {
    params: ['string', ANY], result: 'string',
    fn: ([text, data], ctx) => ctx.template.clone().new('inline').parse(text as string).execute(data!),
  },
};

let funcTable: Record<string, GoFuncDef> = TEST_FUNCS;

/** Decodes tagged JSON (see the oracle's doc comment) into Go values. Plain numbers are float64. */
export function fromTagged(v: unknown): GoValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number') return v;
  if (Array.isArray(v)) return v.map(fromTagged);
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1 && keys[0]!.startsWith('$')) {
    const t = decodeTag(keys[0]!, obj[keys[0]!]);
    if (t !== undefined) return t;
  }
  return new Map(keys.map((k) => [k, fromTagged(obj[k])]));
}

function decodeTag(tag: string, v: unknown): GoValue | undefined {
  const s = typeof v === 'string' ? v : '';
  switch (tag) {
    case '$int': return new GoInt('int', BigInt(s));
    case '$int64': return new GoInt('int64', BigInt(s));
    case '$uint': return new GoInt('uint', BigInt(s));
    case '$uint8': return new GoInt('uint8', BigInt(s));
    case '$float64': return s === 'NaN' ? NaN : s === '+Inf' ? Infinity : s === '-Inf' ? -Infinity : Number(s);
    case '$strings': return new GoSlice('string', (v as string[]).slice());
    case '$bytes': return TEST_FUNCS.bytes!.fn([s], undefined as never);
    case '$func': return new GoFunc(s, funcTable[s] ?? TEST_FUNCS[s]!);
    case '$smap': return new GoTypedMap('string', new Map(Object.entries(v as Record<string, string>)));
    case '$struct': case '$ptr': return makeStruct(v as [string, unknown][], tag === '$ptr');
    default: return undefined;
  }
}

function makeStruct(pairs: [string, unknown][], pointer: boolean): GoStruct {
  const fields = new Map<string, GoValue>(pairs.map(([k, v]) => [k, fromTagged(v)]));
  const decl = [...fields].map(([k, v]) => `${k} ${v === null ? 'interface {}' : typeName(v)}`).join('; ');
  return new GoStruct(`struct { ${decl} }`, fields, new Map(), pointer);
}

/** Runs a case through the TypeScript engine, returning output or error text like the oracle. */
export function runCase(c: CorpusCase, funcs: Record<string, GoFuncDef> = TEST_FUNCS): { out?: string; err?: string } {
  try {
    const t = new Template(c.tname ?? 'tpl').funcs(funcs).funcs({ include: TEST_FUNCS.include!, tpl: TEST_FUNCS.tpl! });
    if (c.option) t.option(c.option);
    if (c.delims) t.delims(c.delims[0], c.delims[1]);
    for (const f of c.files ?? []) t.new(f.name).parse(f.text);
    t.parse(c.tpl);
    funcTable = funcs;
    const data = fromTagged(c.data);
    const out = c.exec ? t.executeTemplate(c.exec, data) : t.execute(data);
    return { out };
  } catch (e) {
    return { err: (e as Error).message };
  }
}
