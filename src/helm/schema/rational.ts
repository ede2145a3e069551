/**
 * Exact numbers for JSON Schema's numeric keywords, as santhosh-tekuri/jsonschema compares them (big.Rat
 * from the value's `%v` text): `0.3` is a multiple of `0.1` here, though not in float arithmetic.
 *
 *   isMultipleOf(rationalOf(0.3), rationalOf(0.1)) → true
 */
import { GoInt } from '../../gotemplate/index.js';

/** num/den with den > 0. */
export interface Rational {
  num: bigint;
  den: bigint;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/** The exact value of a JSON number (float64 by its shortest decimal text, int64 exactly). */
export function rationalOf(v: number | GoInt): Rational {
  if (v instanceof GoInt) return { num: v.value, den: 1n };
  const m = DECIMAL.exec(String(v));
  if (!m) return { num: 0n, den: 1n }; // NaN/Infinity never come from JSON or YAML values
  const [, sign, whole, frac = '', exp = '0'] = m;
  let num = BigInt(`${sign}${whole}${frac}`);
  let den = 10n ** BigInt(frac.length);
  const e = Number(exp);
  if (e >= 0) num *= 10n ** BigInt(e);
  else den *= 10n ** BigInt(-e);
  return { num, den };
}

/** -1, 0 or 1 as a < b, a = b, a > b. */
export function compareRationals(a: Rational, b: Rational): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Whether a / b is an integer (b non-zero). */
export function isMultipleOf(a: Rational, b: Rational): boolean {
  if (b.num === 0n) return false;
  return (a.num * b.den) % (b.num * a.den) === 0n;
}

/** The float64 nearest a rational (big.Rat.Float64, for messages). */
export function rationalToFloat(r: Rational): number {
  return Number(r.num) / Number(r.den);
}
