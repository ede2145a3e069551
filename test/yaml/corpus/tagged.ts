/**
 * The corpus travels to the Go oracle as JSON, which cannot tell an int64 from a float64 nor spell
 * -0, NaN or ±Infinity. Those are tagged: `{"$int64": "12"}` is a bigint (Go int64) and
 * `{"$float64": "-0"}` a JS number (Go float64). Every other JSON number is a float64.
 */

/** A corpus value in its JSON-safe, tagged form. */
export type Tagged = null | boolean | string | number | Tagged[] | { [key: string]: Tagged };

/** One oracle case: a name and a tagged value. */
export interface CorpusCase {
  readonly name: string;
  readonly value: Tagged;
}

/** Tags a bigint for the oracle. */
export function int64(n: bigint | number): Tagged {
  return { $int64: BigInt(n).toString() };
}

/** Tags a float64 JSON cannot spell (or any float64, for clarity). */
export function float64(n: number): Tagged {
  if (Object.is(n, -0)) return { $float64: '-0' };
  if (Number.isNaN(n)) return { $float64: 'NaN' };
  if (n === Infinity) return { $float64: '+Inf' };
  if (n === -Infinity) return { $float64: '-Inf' };
  return n;
}

/** Turns a tagged value back into the JS value our emitter takes (bigint, number, …). */
export function untag(value: Tagged): unknown {
  if (Array.isArray(value)) return value.map(untag);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$int64' && typeof value.$int64 === 'string') return BigInt(value.$int64);
  if (keys.length === 1 && keys[0] === '$float64' && typeof value.$float64 === 'string') {
    const s = value.$float64;
    return s === '+Inf' ? Infinity : s === '-Inf' ? -Infinity : Number(s);
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = untag(value[k]!);
  return out;
}
