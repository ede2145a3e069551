/**
 * Conversions between plain JavaScript data (what YAML and JSON parsers give) and Go values.
 *
 * Helm reads values files through sigs.k8s.io/yaml, so every number from a file is a float64; `--set`
 * gives int64 for integers; `--set-json` gives float64. `fromPlain` takes that choice as a parameter.
 */
import { jsonFields } from './json-fields.js';
import { GoFunc, GoInt, GoSlice, GoStruct, GoTypedMap, type GoValue } from './value.js';

/** How numbers from plain data become Go numbers. */
export interface FromPlainOptions {
  /**
   * `float64` (default): every number is a float64, as Helm's values files.
   * `int64`: integral numbers (and bigints) become int64, others float64, as Helm's `--set`.
   */
  numbers?: 'float64' | 'int64';
}

/** Thrown for data with no Go counterpart (functions, symbols, class instances other than Map/Date). */
export class UnconvertibleValueError extends Error {
  override readonly name = 'UnconvertibleValueError' as const;
}

/**
 * Converts parsed YAML/JSON (null, booleans, strings, numbers, bigints, arrays, plain objects, Maps) into
 * Go values: objects become `map[string]interface {}`, arrays `[]interface {}`. `undefined` becomes nil.
 * Throws UnconvertibleValueError for anything else.
 */
export function fromPlain(v: unknown, opts: FromPlainOptions = {}): GoValue {
  const asInt = opts.numbers === 'int64';
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'boolean': case 'string': return v;
    case 'number': return asInt && Number.isInteger(v) ? new GoInt('int64', BigInt(v)) : v;
    case 'bigint': return asInt ? new GoInt('int64', v) : Number(v);
    default:
  }
  if (v instanceof GoInt || v instanceof GoSlice || v instanceof GoTypedMap || v instanceof GoStruct || v instanceof GoFunc) return v;
  if (Array.isArray(v)) return v.map((x) => fromPlain(x, opts));
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [String(k), fromPlain(x, opts)]));
  if (typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)) {
    return new Map(Object.entries(v).map(([k, x]) => [k, fromPlain(x, opts)]));
  }
  throw new UnconvertibleValueError(`cannot convert ${Object.prototype.toString.call(v)} to a Go value`);
}

/**
 * Converts a Go value to plain data for serialisers: maps become plain objects (insertion order), slices
 * arrays (a `[]uint8` the base64 string encoding/json makes of it), integers numbers when they fit exactly
 * in a double and bigints otherwise, structs objects of their JSON members (see jsonFields), functions null.
 */
export function toPlain(v: GoValue): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof GoInt) {
    const n = Number(v.value);
    return Number.isSafeInteger(n) ? n : v.value;
  }
  if (Array.isArray(v)) return v.map(toPlain);
  if (v instanceof GoSlice && v.elemType === 'uint8') {
    return Buffer.from(v.items.map((b) => Number((b as GoInt).value))).toString('base64');
  }
  if (v instanceof GoSlice) return v.items.map(toPlain);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, toPlain(x)]));
  if (v instanceof GoTypedMap) return Object.fromEntries([...v.entries].map(([k, x]) => [k, toPlain(x)]));
  if (v instanceof GoStruct && v.methods.get('MarshalJSON')?.params.length === 0) {
    // encoding/json serialises a json.Marshaler through its method (semver.Version is its String text)
    const raw = v.methods.get('MarshalJSON')!.fn([], undefined as never);
    return JSON.parse(raw instanceof GoSlice ? Buffer.from(raw.items.map((b) => Number((b as GoInt).value))).toString('utf8') : String(raw)) as unknown;
  }
  if (v instanceof GoStruct) return Object.fromEntries(jsonFields(v).map(([k, x]) => [k, toPlain(x)]));
  return null;
}
