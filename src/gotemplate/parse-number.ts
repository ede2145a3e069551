/**
 * Numeric literals: Go's strconv.ParseInt/ParseUint/ParseFloat (base 0, underscores, 0x/0o/0b prefixes,
 * hex floats) and parse.newNumber's rules for which interpretations a constant has.
 */
import { GoSyntaxError, unquoteCharLiteral } from './strconv.js';

/** The interpretations of a numeric literal (the fields of Go's NumberNode). */
export interface NumberInfo {
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int64: bigint;
  uint64: bigint;
  float64: number;
}

/** A literal Go rejects; the message is Go's (e.g. `illegal number syntax: "1x"`). */
export class NumberSyntaxError extends Error {
  override readonly name = 'NumberSyntaxError' as const;
}

const MAX_U64 = (1n << 64n) - 1n;
const MAX_I64 = (1n << 63n) - 1n;

function underscoreOK(s0: string): boolean {
  let s = s0;
  let saw = '^';
  let i = 0;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'boxBOX'.includes(s[1]!)) {
    i = 2;
    saw = '0';
    hex = s[1]!.toLowerCase() === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    const lc = c.toLowerCase();
    if ((c >= '0' && c <= '9') || (hex && lc >= 'a' && lc <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** Go's strconv.ParseUint(s, 0, 64); undefined on any error. */
export function parseUint64(s0: string): bigint | undefined {
  let s = s0;
  if (s === '') return undefined;
  let base = 10;
  if (s[0] === '0') {
    const p = s[1]?.toLowerCase();
    if (s.length >= 3 && p === 'b') { base = 2; s = s.slice(2); }
    else if (s.length >= 3 && p === 'o') { base = 8; s = s.slice(2); }
    else if (s.length >= 3 && p === 'x') { base = 16; s = s.slice(2); }
    else { base = 8; s = s.slice(1); }
  }
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === '_') { underscores = true; continue; }
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) return undefined;
    n = n * BigInt(base) + BigInt(d);
    if (n > MAX_U64) return undefined;
  }
  if (underscores && !underscoreOK(s0)) return undefined;
  return n;
}

/** Go's strconv.ParseInt(s, 0, 64); undefined on any error. */
export function parseInt64(s: string): bigint | undefined {
  if (s === '') return undefined;
  const neg = s[0] === '-';
  const body = s[0] === '+' || s[0] === '-' ? s.slice(1) : s;
  const u = parseUint64(body);
  if (u === undefined) return undefined;
  if (!neg && u > MAX_I64) return undefined;
  if (neg && u > MAX_I64 + 1n) return undefined;
  return neg ? -u : u;
}

/** Go's strconv.ParseFloat(s, 64) for the syntax the lexer can produce; undefined on error. */
export function parseFloat64(s0: string): number | undefined {
  if (!underscoreOK(s0)) return undefined;
  const s = s0.replace(/_/g, '');
  const m = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(s);
  if (m) {
    const intPart = m[2] ?? '';
    const frac = m[3] ?? '';
    if (intPart === '' && frac === '') return undefined;
    const mant = parseInt(intPart + frac || '0', 16);
    const v = mant * Math.pow(2, Number(m[4]) - 4 * frac.length);
    return m[1] === '-' ? -v : v;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined; // Go reports a range error for overflow
}

function charInfo(text: string): NumberInfo {
  let cp: number;
  try {
    cp = unquoteCharLiteral(text);
  } catch (e) {
    if (e instanceof GoSyntaxError && [...text.slice(1, -1)].length > 1 && text.slice(1, -1)[0] !== '\\') {
      throw new NumberSyntaxError(`malformed character constant: ${text}`);
    }
    throw new NumberSyntaxError('invalid syntax');
  }
  const v = BigInt(cp);
  return { isInt: true, isUint: true, isFloat: true, isComplex: false, int64: v, uint64: v, float64: cp };
}

/**
 * Classifies a numeric literal as Go's parse.newNumber does. `isChar` marks a character constant.
 * Throws NumberSyntaxError with Go's message for illegal or overflowing literals and for complex numbers.
 */
export function classifyNumber(text: string, isChar: boolean): NumberInfo {
  if (isChar) return charInfo(text);
  if (text.endsWith('i')) throw new NumberSyntaxError(`complex constants are not supported: ${text}`);
  const info: NumberInfo = {
    isInt: false, isUint: false, isFloat: false, isComplex: false, int64: 0n, uint64: 0n, float64: 0,
  };
  const u = parseUint64(text);
  if (u !== undefined) { info.isUint = true; info.uint64 = u; }
  const i = parseInt64(text);
  if (i !== undefined) {
    info.isInt = true;
    info.int64 = i;
    if (i === 0n) { info.isUint = true; info.uint64 = u ?? 0n; }
  }
  if (info.isInt) { info.isFloat = true; info.float64 = Number(info.int64); }
  else if (info.isUint) { info.isFloat = true; info.float64 = Number(info.uint64); }
  else {
    const f = parseFloat64(text);
    if (f !== undefined) {
      if (!/[.eEpP]/.test(text)) throw new NumberSyntaxError(`integer overflow: ${JSON.stringify(text)}`);
      info.isFloat = true;
      info.float64 = f;
      if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) { info.isInt = true; info.int64 = BigInt(f); }
      if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) { info.isUint = true; info.uint64 = BigInt(f); }
    }
  }
  if (!info.isInt && !info.isUint && !info.isFloat) {
    throw new NumberSyntaxError(`illegal number syntax: ${JSON.stringify(text)}`);
  }
  return info;
}
