/**
 * A compact, typed text form of Go values for table tests: maps with sorted keys, `7` for int64, `7f` for
 * float64, quoted strings, `nil`.  {a: [7, "x", nil], b: {c: 1.5f}}
 */
import { GoInt, type GoValue } from '../../../src/gotemplate/index.js';

/** Renders a value in the compact form. */
export function showValue(v: GoValue | undefined): string {
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return `${v}f`;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof GoInt) return v.kind === 'int64' ? String(v.value) : `${v.kind}(${v.value})`;
  if (Array.isArray(v)) return `[${v.map(showValue).join(', ')}]`;
  if (v instanceof Map) {
    return `{${[...v.keys()].sort().map((k) => `${k}: ${showValue(v.get(k))}`).join(', ')}}`;
  }
  return `<${typeof v}>`;
}
