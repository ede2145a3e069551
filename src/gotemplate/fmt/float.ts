/**
 * Go's strconv.FormatFloat for float64 with formats e, E, f, g, G (shortest or fixed precision).
 *
 * Digits come from an exact decimal expansion (BigInt) rounded half-to-even, or, for the shortest form,
 * from JavaScript's shortest round-trip digits, which pick the same digits Go does.
 */

/** A decimal: digits without leading/trailing zeros and the position of the decimal point. */
interface Decimal {
  digits: string;
  dp: number;
}

function exactDecimal(v: number): Decimal {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(v));
  const bits = view.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp: number;
  if (expBits === 0) exp = -1074;
  else { mant |= 1n << 52n; exp = expBits - 1075; }
  if (mant === 0n) return { digits: '', dp: 0 };
  let digits: string;
  let dp: number;
  if (exp >= 0) {
    digits = (mant << BigInt(exp)).toString();
    dp = digits.length;
  } else {
    digits = (mant * 5n ** BigInt(-exp)).toString();
    dp = digits.length + exp;
  }
  return trim({ digits, dp });
}

function trim(d: Decimal): Decimal {
  let digits = d.digits.replace(/0+$/, '');
  let dp = d.dp;
  const lead = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(lead);
  dp -= lead;
  if (digits === '') dp = 0;
  return { digits, dp };
}

/** Rounds to `nd` significant digits, half to even (ties are exact because the expansion is exact). */
function roundTo(d: Decimal, nd: number): Decimal {
  if (nd < 0) return { digits: '', dp: 0 };
  if (nd >= d.digits.length) return d;
  const next = d.digits.charCodeAt(nd) - 48;
  let up = next > 5;
  if (next === 5) {
    const exactHalf = nd + 1 === d.digits.length;
    up = !exactHalf || (nd > 0 && (d.digits.charCodeAt(nd - 1) - 48) % 2 === 1);
  }
  let kept = d.digits.slice(0, nd);
  if (!up) return trim({ digits: kept, dp: d.dp });
  let i = nd - 1;
  while (i >= 0 && kept[i] === '9') i--;
  if (i < 0) return { digits: '1', dp: d.dp + 1 };
  kept = kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1);
  return trim({ digits: kept, dp: d.dp });
}

function shortestDecimal(v: number): Decimal {
  if (v === 0) return { digits: '', dp: 0 };
  const [mant, exp] = Math.abs(v).toExponential().split('e') as [string, string];
  const digits = mant.replace('.', '');
  return trim({ digits, dp: Number(exp) + 1 });
}

function fmtE(d: Decimal, prec: number, fmt: 'e' | 'E'): string {
  let s = d.digits.length > 0 ? d.digits[0]! : '0';
  if (prec > 0) {
    s += '.';
    const frac = d.digits.slice(1, 1 + prec);
    s += frac + '0'.repeat(prec - frac.length);
  }
  let exp = d.digits.length === 0 ? 0 : d.dp - 1;
  const sign = exp < 0 ? '-' : '+';
  exp = Math.abs(exp);
  return s + fmt + sign + (exp < 10 ? '0' + exp : String(exp));
}

function fmtF(d: Decimal, prec: number): string {
  let s: string;
  if (d.dp > 0) {
    s = d.digits.slice(0, d.dp);
    s += '0'.repeat(Math.max(0, d.dp - d.digits.length));
  } else {
    s = '0';
  }
  if (prec > 0) {
    s += '.';
    for (let i = 1; i <= prec; i++) {
      const j = d.dp + i - 1;
      s += j >= 0 && j < d.digits.length ? d.digits[j] : '0';
    }
  }
  return s;
}

/** The formats supported by formatFloat. */
export type FloatFormat = 'e' | 'E' | 'f' | 'g' | 'G';

/**
 * Go's strconv.FormatFloat(v, fmt, prec, 64). `prec` -1 means the shortest representation that round-trips.
 * Infinities and NaN print as `+Inf`, `-Inf`, `NaN`.
 */
export function formatFloat(v: number, fmt: FloatFormat, prec: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  const neg = v < 0 || Object.is(v, -0);
  const shortest = prec < 0;
  let d: Decimal;
  if (shortest) {
    d = shortestDecimal(v);
    if (fmt === 'e' || fmt === 'E') prec = Math.max(d.digits.length - 1, 0);
    else if (fmt === 'f') prec = Math.max(d.digits.length - d.dp, 0);
    else prec = d.digits.length;
  } else {
    const exact = exactDecimal(v);
    if (fmt === 'e' || fmt === 'E') d = roundTo(exact, prec + 1);
    else if (fmt === 'f') d = roundTo(exact, exact.dp + prec);
    else {
      if (prec === 0) prec = 1;
      d = roundTo(exact, prec);
    }
  }
  return (neg ? '-' : '') + formatDigits(d, fmt, prec, shortest);
}

/**
 * Go's strconv.FormatFloat(v, 'g', -1, 32): `v` rounded to float32, in the fewest digits that read back as
 * the same float32 (`3.14159265358979` → `3.1415927`, `1234567` → `1.234567e+06`).
 */
export function formatFloat32(v: number): string {
  const f = Math.fround(v);
  if (!Number.isFinite(f)) return formatFloat(f, 'g', -1);
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  let digits = '';
  for (let p = 1; p <= 9; p++) {
    digits = Math.abs(f).toPrecision(p);
    if (Math.fround(Number(digits)) === Math.abs(f)) break;
  }
  const [mant, exp] = Number(digits).toExponential().split('e') as [string, string];
  const d = trim({ digits: mant.replace('.', ''), dp: Number(exp) + 1 });
  return (f < 0 ? '-' : '') + formatDigits(d, 'g', d.digits.length, true);
}

function formatDigits(d: Decimal, fmt: FloatFormat, prec: number, shortest: boolean): string {
  if (fmt === 'e' || fmt === 'E') return fmtE(d, prec, fmt);
  if (fmt === 'f') return fmtF(d, prec);
  let eprec = prec;
  const nd = d.digits.length;
  if (eprec > nd && nd >= d.dp) eprec = nd;
  if (shortest) eprec = 6;
  const exp = d.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > nd) prec = nd;
    return fmtE(d, prec - 1, fmt === 'g' ? 'e' : 'E');
  }
  if (prec > d.dp) prec = nd;
  return fmtF(d, Math.max(prec - d.dp, 0));
}

function floatBits(v: number): { neg: boolean; mant: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const bits = view.getBigUint64(0);
  const neg = bits >> 63n === 1n;
  let exp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  if (exp === 0) exp++;
  else mant |= 1n << 52n;
  return { neg, mant, exp: exp - 1023 };
}

/** Go's strconv 'b' format: decimal mantissa, `p`, binary exponent (`4503599627370496p-52`). */
export function formatFloatBinary(v: number): string {
  if (!Number.isFinite(v)) return formatFloat(v, 'g', -1);
  const { neg, mant, exp } = floatBits(v);
  const e = exp - 52;
  return `${neg ? '-' : ''}${mant}p${e >= 0 ? '+' : ''}${e}`;
}

const MASK60 = (1n << 60n) - 1n;

/** Go's strconv 'x'/'X' format: hexadecimal mantissa and binary exponent (`0x1.8p+01`). */
export function formatFloatHex(v: number, fmt: 'x' | 'X', prec: number): string {
  if (!Number.isFinite(v)) return formatFloat(v, 'g', -1);
  let { neg, mant, exp } = floatBits(v);
  if (mant === 0n) exp = 0;
  mant <<= 8n;
  while (mant !== 0n && (mant & (1n << 60n)) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & MASK60;
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = fmt === 'X' ? '0123456789ABCDEF' : '0123456789abcdef';
  let s = (neg ? '-' : '') + '0' + fmt + String((mant >> 60n) & 1n);
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  const digit = () => {
    const d = hex[Number((mant >> 60n) & 15n)]!;
    mant = (mant << 4n) & ((1n << 64n) - 1n);
    return d;
  };
  if (prec < 0 && mant !== 0n) {
    s += '.';
    while (mant !== 0n) s += digit();
  } else if (prec > 0) {
    s += '.';
    for (let i = 0; i < prec; i++) s += digit();
  }
  s += fmt === 'X' ? 'P' : 'p';
  s += exp < 0 ? '-' : '+';
  const a = Math.abs(exp);
  return s + (a < 10 ? '0' + a : String(a));
}
