/**
 * Values as the JSON Schema validator sees them: Helm hands it the Go map itself, so int64 and float64 are
 * both `number` (integers when integral), maps are objects, and equality compares numbers exactly.
 */
import { GoInt, GoSlice, type GoValue } from '../../gotemplate/index.js';
import type { Json } from './schema-doc.js';
import { compareRationals, rationalOf } from './rational.js';

/** JSON Schema's instance types, in the order the validator lists them in `want …`. */
export const TYPE_ORDER = ['null', 'boolean', 'number', 'integer', 'string', 'array', 'object'] as const;

/** The JSON type of a value (`number` for every number). */
export function jsonTypeOf(v: GoValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number' || v instanceof GoInt) return 'number';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v) || v instanceof GoSlice) return 'array';
  return 'object';
}

/** Whether a number is integral. */
export function isIntegral(v: GoValue): boolean {
  return v instanceof GoInt || (typeof v === 'number' && Number.isInteger(v));
}

/** Elements of an array value. */
export function arrayItems(v: GoValue): GoValue[] {
  return v instanceof GoSlice ? v.items : (v as GoValue[]);
}

/** JSON equality between a value and a schema constant (numbers exactly, objects by keys). */
export function equalsJson(v: GoValue, j: Json): boolean {
  const t = jsonTypeOf(v);
  if (j === null) return t === 'null';
  if (typeof j === 'number') return t === 'number' && compareRationals(rationalOf(v as number | GoInt), rationalOf(j)) === 0;
  if (typeof j !== 'object') return v === j;
  if (Array.isArray(j)) {
    if (t !== 'array') return false;
    const items = arrayItems(v);
    return items.length === j.length && items.every((x, i) => equalsJson(x, j[i]!));
  }
  if (!(v instanceof Map)) return false;
  const keys = Object.keys(j);
  return v.size === keys.length && keys.every((k) => v.has(k) && equalsJson(v.get(k)!, j[k]!));
}

/** JSON equality between two values (uniqueItems). */
export function equalsValue(a: GoValue, b: GoValue): boolean {
  const t = jsonTypeOf(a);
  if (t !== jsonTypeOf(b)) return false;
  if (t === 'number') return compareRationals(rationalOf(a as number | GoInt), rationalOf(b as number | GoInt)) === 0;
  if (t === 'array') {
    const x = arrayItems(a);
    const y = arrayItems(b);
    return x.length === y.length && x.every((v, i) => equalsValue(v, y[i]!));
  }
  if (t === 'object') {
    const x = a as Map<string, GoValue>;
    const y = b as Map<string, GoValue>;
    return x.size === y.size && [...x].every(([k, v]) => y.has(k) && equalsValue(v, y.get(k)!));
  }
  return a === b;
}
