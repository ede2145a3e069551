/**
 * How Go prints the values kubectl's printers find: `json.Marshal` (compact, keys sorted, `<>&` escaped)
 * for maps and lists in JSONPath output, `fmt.Sprint` (`map[a:b]`, `[x y]`) in custom columns, and `%v` of
 * a float64 (`1e+06`), which is what a JSON number becomes in kubectl's JSONPath printer.
 */

/** Go's json.Marshal of decoded JSON: compact, map keys sorted, HTML characters escaped. */
export function goJsonMarshal(value: unknown): string {
  return JSON.stringify(sortKeys(value)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
}

/**
 * `fmt.Sprint(float64)`: the shortest representation, in exponent form when the decimal exponent is
 * below -4 or at least 6 (%g with shortest precision).
 *
 *   3 → "3", 123456 → "123456", 1000000 → "1e+06", 0.00001 → "1e-05", 2.5 → "2.5"
 */
export function goFloat(n: number): string {
  if (n === 0 || !Number.isFinite(n)) return n === 0 ? '0' : n > 0 ? '+Inf' : Number.isNaN(n) ? 'NaN' : '-Inf';
  const exponent = Math.floor(Math.log10(Math.abs(Number(n.toExponential()))));
  if (exponent >= -4 && exponent < 6) return String(n);
  const [mantissa, exp] = n.toExponential().split('e') as [string, string];
  const sign = exp.startsWith('-') ? '-' : '+';
  return `${mantissa}e${sign}${exp.replace(/^[+-]/, '').padStart(2, '0')}`;
}

/**
 * `fmt.Sprint` of a decoded JSON value. `numbers` says how numbers were decoded: `float` (plain
 * encoding/json, as the JSONPath printer decodes) or `int` (unstructured, whole numbers as int64).
 */
export function goSprint(value: unknown, numbers: 'float' | 'int'): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'number') return numbers === 'int' && Number.isInteger(value) ? String(value) : goFloat(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => goSprint(v, numbers)).join(' ')}]`;
  const record = value as Record<string, unknown>;
  return `map[${Object.keys(record).sort().map((k) => `${k}:${goSprint(record[k], numbers)}`).join(' ')}]`;
}

/**
 * One JSONPath result as client-go's PrintResults writes it: maps and lists as compact JSON, anything
 * else as `fmt.Fprint` would (strings raw, numbers as float64).
 */
export function jsonPathText(value: unknown): string {
  if (value !== null && typeof value === 'object') return goJsonMarshal(value);
  return goSprint(value, 'float');
}
