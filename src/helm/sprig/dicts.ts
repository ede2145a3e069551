/**
 * Sprig's dict functions (dict.go), with mergo v1.0.1's merge rules for `merge` and `mergeOverwrite`.
 * Go iterates maps in random order for `keys` and `values`; here they follow insertion order.
 */
import { ANY, type GoFuncDef, GoSlice, GoTypedMap, type GoValue, typeName } from '../../gotemplate/index.js';
import { isEmpty, listItems, strval } from './cast.js';
import { SprigError } from './errors.js';

const DICT = 'map[string]interface {}';
type Dict = Map<string, GoValue>;

function f(params: string[], fn: (a: GoValue[]) => GoValue, result: string, variadic = false): GoFuncDef {
  return { params, fn, result, variadic };
}
const d = (v: GoValue | undefined) => v as Dict;

/** mergo's deepMerge of one map into another (dst is mutated). */
export function mergeInto(dst: Dict, src: Dict, overwrite: boolean): void {
  for (const [key, srcEl] of src) {
    const hasDst = dst.has(key);
    const dstEl = hasDst ? dst.get(key)! : null;
    if (srcEl === null) {
      if (overwrite) dst.set(key, null);
      continue;
    }
    if (srcEl instanceof Map && dstEl instanceof Map) mergeInto(dstEl, srcEl, overwrite);
    const srcIsSlice = listItems(srcEl) !== undefined && !(srcEl instanceof GoTypedMap);
    if (hasDst && !isEmpty(dstEl)) {
      if (srcIsSlice && !overwrite) continue;
      if (srcEl instanceof Map && dstEl instanceof Map) continue;
    }
    if (overwrite || !hasDst || isEmpty(dstEl)) dst.set(key, srcEl);
  }
}

function digFrom(dict: Dict, dflt: GoValue, keys: string[]): GoValue {
  const [k, ...rest] = keys;
  if (!dict.has(k!)) return dflt;
  const step = dict.get(k!)!;
  if (rest.length === 0) return step;
  return digFrom(assertDict(step), dflt, rest);
}

function assertDict(v: GoValue): Dict {
  // A Go type assertion to map[string]interface {} fails for a named map type such as chartutil.Values.
  if (v instanceof Map && typeName(v) === 'map[string]interface {}') return v;
  throw new SprigError(`interface conversion: interface {} is ${v === null ? 'nil' : typeName(v)}, not map[string]interface {}`);
}

function assertString(v: GoValue): string {
  if (typeof v === 'string') return v;
  throw new SprigError(`interface conversion: interface {} is ${v === null ? 'nil' : typeName(v)}, not string`);
}

/** copystructure.Copy panics on a nil interface; text/template reports the panic as the call's error. */
function notNil(v: GoValue): GoValue {
  if (v === null) throw new SprigError('reflect: call of reflect.Value.Type on zero Value');
  return v;
}

/** copystructure.Copy for Go values: maps and slices are copied deeply, scalars shared. */
export function deepCopy(v: GoValue): GoValue {
  if (Array.isArray(v)) return v.map(deepCopy);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, deepCopy(x)]));
  if (v instanceof GoSlice) return new GoSlice(v.elemType, v.items.map(deepCopy));
  if (v instanceof GoTypedMap) return new GoTypedMap(v.elemType, new Map([...v.entries].map(([k, x]) => [k, deepCopy(x)])));
  return v;
}

function mergeAll(overwrite: boolean) {
  return ([dst, ...srcs]: GoValue[]) => {
    for (const src of srcs) mergeInto(d(dst), d(src), overwrite);
    return dst!;
  };
}

/** Sprig's dict function map. */
export const DICT_FUNCS: Record<string, GoFuncDef> = {
  dict: f([ANY], (kv) => {
    const m: Dict = new Map();
    for (let i = 0; i < kv.length; i += 2) m.set(strval(kv[i]!), i + 1 < kv.length ? kv[i + 1]! : '');
    return m;
  }, DICT, true),
  get: f([DICT, 'string'], ([m, k]) => (d(m).has(k as string) ? d(m).get(k as string)! : ''), ANY),
  set: f([DICT, 'string', ANY], ([m, k, v]) => d(m).set(k as string, v!), DICT),
  unset: f([DICT, 'string'], ([m, k]) => { d(m).delete(k as string); return m!; }, DICT),
  hasKey: f([DICT, 'string'], ([m, k]) => d(m).has(k as string), 'bool'),
  pluck: f(['string', DICT], ([k, ...ms]) => ms.filter((m) => d(m).has(k as string)).map((m) => d(m).get(k as string)!), '[]interface {}', true),
  keys: f([DICT], (ms) => new GoSlice('string', ms.flatMap((m) => [...d(m).keys()])), '[]string', true),
  pick: f([DICT, 'string'], ([m, ...ks]) => {
    const out: Dict = new Map();
    for (const k of ks) if (d(m).has(k as string)) out.set(k as string, d(m).get(k as string)!);
    return out;
  }, DICT, true),
  omit: f([DICT, 'string'], ([m, ...ks]) => new Map([...d(m)].filter(([k]) => !ks.includes(k))), DICT, true),
  merge: f([DICT, DICT], mergeAll(false), ANY, true),
  mustMerge: f([DICT, DICT], mergeAll(false), ANY, true),
  mergeOverwrite: f([DICT, DICT], mergeAll(true), ANY, true),
  mustMergeOverwrite: f([DICT, DICT], mergeAll(true), ANY, true),
  values: f([DICT], ([m]) => [...d(m).values()], '[]interface {}'),
  deepCopy: f([ANY], ([v]) => deepCopy(notNil(v!)), ANY),
  mustDeepCopy: f([ANY], ([v]) => deepCopy(notNil(v!)), ANY),
  dig: f([ANY], (ps) => {
    if (ps.length < 3) throw new SprigError('dig needs at least three arguments');
    const dict = assertDict(ps[ps.length - 1]!);
    const keys = ps.slice(0, -2).map(assertString);
    return digFrom(dict, ps[ps.length - 2]!, keys);
  }, ANY, true),
};
