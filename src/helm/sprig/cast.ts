/**
 * Conversions Sprig relies on: spf13/cast's ToInt64/ToInt/ToFloat64 (as Sprig v3.3.0 calls them), Sprig's
 * strval and strslice, its `empty` test, reflect.DeepEqual and Go's string byte slicing with Go's runtime
 * panic texts.
 */
import {
  GoFunc, GoInt, GoSlice, GoStruct, GoTypedMap, type GoValue, mapEntries, sprintf,
} from '../../gotemplate/index.js';
import { parseFloat64, parseInt64 } from '../../gotemplate/parse-number.js';
import { SprigError } from './errors.js';

const MIN_I64 = -(1n << 63n);

/** Go's int64(f) conversion of a float64 on amd64 (out-of-range and NaN give the minimum int64). */
export function floatToInt64(f: number): bigint {
  if (!Number.isFinite(f) || Math.abs(f) >= 2 ** 63) return MIN_I64;
  return BigInt(Math.trunc(f));
}

function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === '.') {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === '0') foundZero = true;
    else return s;
  }
  return s;
}

/** spf13/cast ToInt64: numbers convert (floats truncate), strings parse (base prefixes allowed), else 0. */
export function toInt64(v: GoValue): bigint {
  if (v instanceof GoInt) return BigInt.asIntN(64, v.value);
  if (typeof v === 'number') return floatToInt64(v);
  if (typeof v === 'string') return parseInt64(trimZeroDecimal(v)) ?? 0n;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  return 0n;
}

/** Go's strconv.ParseFloat(s, 64) including inf/nan spellings; undefined on error. */
export function parseGoFloat(s: string): number | undefined {
  const m = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (m) {
    if (m[2]!.toLowerCase() === 'nan') return m[1] ? undefined : NaN;
    return m[1] === '-' ? -Infinity : Infinity;
  }
  return parseFloat64(s);
}

/** spf13/cast ToFloat64. */
export function toFloat64(v: GoValue): number {
  if (typeof v === 'number') return v;
  if (v instanceof GoInt) return Number(v.value);
  if (typeof v === 'string') return parseGoFloat(v) ?? 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return 0;
}

/** Sprig's strval: strings as is, []byte as text, everything else with %v. */
export function strval(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (v instanceof GoSlice && v.elemType === 'uint8') return bytesToString(v);
  return sprintf('%v', [v]);
}

/** The text of a []byte value. */
export function bytesToString(v: GoSlice): string {
  return Buffer.from(v.items.map((b) => Number((b as GoInt).value))).toString('utf8');
}

/** Sprig's strslice: a list as []string (nil elements dropped), nil as [], anything else as [strval]. */
export function strslice(v: GoValue): string[] {
  if (v instanceof GoSlice && v.elemType === 'string') return v.items as string[];
  if (Array.isArray(v) || v instanceof GoSlice) {
    return (Array.isArray(v) ? v : v.items).filter((x) => x !== null).map(strval);
  }
  if (v === null) return [];
  return [strval(v)];
}

/** Sprig's empty: nil, false, 0, "", and empty lists and maps; structs never. */
export function isEmpty(v: GoValue): boolean {
  if (v === null) return true;
  if (typeof v === 'boolean') return !v;
  if (typeof v === 'string') return v.length === 0;
  if (typeof v === 'number') return v === 0;
  if (v instanceof GoInt) return v.value === 0n;
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof GoSlice) return v.items.length === 0;
  if (v instanceof Map) return v.size === 0;
  if (v instanceof GoTypedMap) return v.entries.size === 0;
  return false;
}

/** Items of a slice value, or undefined when v is not a slice. */
export function listItems(v: GoValue): GoValue[] | undefined {
  if (Array.isArray(v)) return v;
  if (v instanceof GoSlice) return v.items;
  return undefined;
}

/** Go's reflect.DeepEqual over Go values. */
export function deepEqual(a: GoValue, b: GoValue): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (a instanceof GoInt) return b instanceof GoInt && a.kind === b.kind && a.value === b.value;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]!));
  if (a instanceof GoSlice) {
    return b instanceof GoSlice && a.elemType === b.elemType && a.items.length === b.items.length &&
      a.items.every((x, i) => deepEqual(x, b.items[i]!));
  }
  if (a instanceof Map || a instanceof GoTypedMap) {
    if (!(b instanceof Map || b instanceof GoTypedMap) || (a instanceof GoTypedMap) !== (b instanceof GoTypedMap)) return false;
    if (a instanceof GoTypedMap && b instanceof GoTypedMap && a.elemType !== b.elemType) return false;
    const ea = mapEntries(a);
    const eb = mapEntries(b);
    return ea.size === eb.size && [...ea].every(([k, x]) => eb.has(k) && deepEqual(x, eb.get(k)!));
  }
  if (a instanceof GoStruct) {
    return b instanceof GoStruct && a.typeName === b.typeName && a.isPointer === b.isPointer &&
      (a === b || [...a.fields].every(([k, x]) => deepEqual(x, b.fields.get(k) ?? null)));
  }
  if (a instanceof GoFunc) return false; // Go: funcs are equal only if both nil
  return false;
}

/** Go's s[start:end] on the UTF-8 bytes of s, throwing Go's runtime panic text when out of range. */
export function sliceBytes(s: string, start: number | undefined, end: number | undefined): string {
  const bytes = Buffer.from(s, 'utf8');
  const len = bytes.length;
  const lo = start ?? 0;
  const hi = end ?? len;
  const fail = (what: string) => new SprigError(`runtime error: slice bounds out of range [${what}]`);
  if (hi < 0) throw fail(`:${hi}`);
  if (hi > len) throw new SprigError(`runtime error: slice bounds out of range [:${hi}] with length ${len}`);
  if (lo < 0) throw fail(`${lo}:`);
  if (lo > hi) throw fail(`${lo}:${hi}`);
  return bytes.subarray(lo, hi).toString('utf8');
}
