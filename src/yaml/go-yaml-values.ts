/**
 * The JSON half of sigs.k8s.io/yaml's Marshal: Go first runs encoding/json over the value and
 * then lets go-yaml v2 parse that JSON text back before encoding it as YAML. Everything that
 * round trip changes is modelled here, so the emitter only ever sees what go-yaml would see:
 *
 * - a JS number is a Go float64: integral values below 1e21 become integers (int64, then uint64),
 *   everything else is a float printed with Go's `%g`-style shortest form (`1.5`, `1.2345675e+06`,
 *   `1e-07`, `1e+21`); NaN and ±Infinity are JSON errors;
 * - a bigint is a Go int64 (uint64 is accepted too);
 * - `toJSON()` is honoured, `undefined`/functions/symbols are dropped from objects and become
 *   null in arrays, exactly like JSON.stringify;
 * - strings and keys go through go-yaml-json-strings.ts (U+FFFD for lone surrogates, NEL folding,
 *   the characters and keys go-yaml's reader rejects);
 * - map keys are sorted with go-yaml-key-order.ts.
 */
import { GoYamlMarshalError } from './go-yaml-error.js';
import { normalizeGoKey, normalizeGoString } from './go-yaml-json-strings.js';
import { compareGoYamlKeys } from './go-yaml-key-order.js';

/** A value after the JSON round trip: what the emitter walks. */
export type GoYamlNode =
  | { readonly kind: 'scalar'; readonly text: string; readonly isString: boolean }
  | { readonly kind: 'sequence'; readonly source: object; readonly items: readonly unknown[] }
  | { readonly kind: 'mapping'; readonly source: object; readonly entries: ReadonlyArray<readonly [string, unknown]> };

const NULL_NODE: GoYamlNode = { kind: 'scalar', text: 'null', isString: false };
const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;

/**
 * Classifies one input value as a scalar, sequence or mapping after calling its `toJSON(key)`,
 * as JSON.stringify does. Throws GoYamlMarshalError for values Go cannot marshal.
 */
export function toGoYamlNode(input: unknown, key: string): GoYamlNode {
  return classifyJsonValue(applyToJSON(input, key));
}

/**
 * Classifies a value whose `toJSON` has already been applied. Mapping entries come back with
 * normalised keys, sorted by {@link compareGoYamlKeys}, members JSON.stringify would drop left
 * out and `toJSON` already applied to their values; sequence items are left raw so the emitter
 * can walk them lazily. Throws GoYamlMarshalError for values Go cannot marshal.
 */
export function classifyJsonValue(value: unknown): GoYamlNode {
  switch (typeof value) {
    case 'string':
      return { kind: 'scalar', text: normalizeGoString(value), isString: true };
    case 'number':
      return { kind: 'scalar', text: formatGoFloat64(value), isString: false };
    case 'bigint':
      return { kind: 'scalar', text: formatGoInt64(value), isString: false };
    case 'boolean':
      return { kind: 'scalar', text: value ? 'true' : 'false', isString: false };
    case 'object':
      if (value === null) return NULL_NODE;
      if (Array.isArray(value)) return { kind: 'sequence', source: value, items: value };
      return { kind: 'mapping', source: value, entries: sortedEntries(value) };
    default:
      return NULL_NODE; // undefined, function, symbol: JSON.stringify writes null in arrays
  }
}

/** Calls `value.toJSON(key)` when it exists, as JSON.stringify does; otherwise returns value. */
export function applyToJSON(value: unknown, key: string): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON(key: string): unknown }).toJSON(key);
  }
  return value;
}

/** Reports whether JSON.stringify would drop an object member holding `value` (after toJSON). */
export function isOmittedMember(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function sortedEntries(value: object): Array<[string, unknown]> {
  const entries: Array<[string, unknown]> = [];
  const source = value instanceof Map ? value.entries() : Object.entries(value);
  for (const [k, raw] of source) {
    if (typeof k !== 'string') throw new GoYamlMarshalError(`map key ${String(k)} is not a string`);
    const v = applyToJSON(raw, k);
    if (!isOmittedMember(v)) entries.push([normalizeGoKey(k), v]);
  }
  return entries.sort((a, b) => compareGoYamlKeys(a[0], b[0]));
}

/**
 * Formats a float64 the way JSON → go-yaml → YAML prints it: integral values below 1e21 that fit
 * int64/uint64 as plain integers (`-0` → `0`), everything else like Go's
 * strconv.FormatFloat(f, 'g', -1, 64). Throws GoYamlMarshalError for NaN and ±Infinity, which
 * encoding/json rejects.
 */
export function formatGoFloat64(n: number): string {
  if (!Number.isFinite(n)) {
    const shown = Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
    throw new GoYamlMarshalError(`error marshaling into JSON: json: unsupported value: ${shown}`);
  }
  if (Number.isInteger(n) && Math.abs(n) < 1e21) {
    // Go's JSON writes the same shortest digits as String(n); go-yaml reads them as an integer.
    const asInt = BigInt(String(n));
    if (asInt >= INT64_MIN && asInt <= UINT64_MAX) return asInt.toString();
  }
  return formatGoFloatG(n);
}

/**
 * strconv.FormatFloat(n, 'g', -1, 64) for a finite n: the shortest round-trip digits (the same
 * ones JS picks), in %e form when the decimal exponent is < -4 or >= 6 (Go's `eprec` is 6 for the
 * shortest format), e.g. 1234567.5 → `1.2345675e+06`, 0.00001 → `1e-05`, 123456.5 → `123456.5`.
 */
function formatGoFloatG(n: number): string {
  const [mantissa, expText] = Math.abs(n).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  const sign = n < 0 ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? '.' + digits.slice(1) : '';
    const e = Math.abs(exp);
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const fracPart = digits.slice(exp + 1);
  return sign + intPart + (fracPart ? '.' + fracPart : '');
}

/** Formats a bigint as Go int64 (or uint64); throws GoYamlMarshalError outside that range. */
export function formatGoInt64(n: bigint): string {
  if (n < INT64_MIN || n > UINT64_MAX) {
    throw new GoYamlMarshalError(`bigint ${n} does not fit a Go int64 or uint64`);
  }
  return n.toString();
}
