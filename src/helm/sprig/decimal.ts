/**
 * The slice of shopspring/decimal that Sprig's float functions (addf, subf, mulf, divf, add1f) use:
 * exact decimal arithmetic starting from a float64's shortest representation, division rounded to 16
 * places (half away from zero), and conversion back to the nearest float64.
 */
import { formatFloat } from '../../gotemplate/index.js';
import { SprigError } from './errors.js';

/** coef × 10^exp */
export interface Decimal {
  coef: bigint;
  exp: number;
}

/** decimal.NewFromFloat; panics (throws) on NaN and infinities with the library's message. */
export function decimalFromFloat(v: number): Decimal {
  if (!Number.isFinite(v)) throw new SprigError(`Cannot create a Decimal from ${formatFloat(v, 'g', -1)}`);
  if (v === 0) return { coef: 0n, exp: 0 };
  const [mant, e] = formatFloat(v, 'e', -1).split('e') as [string, string];
  const digits = mant.replace('.', '').replace('-', '');
  const frac = mant.includes('.') ? mant.split('.')[1]!.length : 0;
  const coef = BigInt(digits) * (v < 0 ? -1n : 1n);
  return { coef, exp: Number(e) - frac };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exp = Math.min(a.exp, b.exp);
  return [a.coef * 10n ** BigInt(a.exp - exp), b.coef * 10n ** BigInt(b.exp - exp), exp];
}

/** a + b */
export function decimalAdd(a: Decimal, b: Decimal): Decimal {
  const [x, y, exp] = align(a, b);
  return { coef: x + y, exp };
}

/** a - b */
export function decimalSub(a: Decimal, b: Decimal): Decimal {
  const [x, y, exp] = align(a, b);
  return { coef: x - y, exp };
}

/** a × b */
export function decimalMul(a: Decimal, b: Decimal): Decimal {
  return { coef: a.coef * b.coef, exp: a.exp + b.exp };
}

const DIVISION_PRECISION = 16;

/** a ÷ b rounded to 16 decimal places, half away from zero; throws on division by zero. */
export function decimalDiv(a: Decimal, b: Decimal): Decimal {
  if (b.coef === 0n) throw new SprigError('decimal division by 0');
  // a/b = (ca/cb) × 10^(ea-eb); we want an integer q with q × 10^-P ≈ a/b
  const shift = a.exp - b.exp + DIVISION_PRECISION;
  let num = a.coef < 0n ? -a.coef : a.coef;
  let den = b.coef < 0n ? -b.coef : b.coef;
  if (shift >= 0) num *= 10n ** BigInt(shift);
  else den *= 10n ** BigInt(-shift);
  let q = num / den;
  const r = num % den;
  if (2n * r >= den) q += 1n;
  const neg = (a.coef < 0n) !== (b.coef < 0n);
  return { coef: neg ? -q : q, exp: -DIVISION_PRECISION };
}

/** The nearest float64 (decimal.Float64). */
export function decimalToFloat(d: Decimal): number {
  return Number(`${d.coef}e${d.exp}`);
}
