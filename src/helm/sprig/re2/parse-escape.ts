/**
 * The parts of Go's regexp parser that read escapes and bracketed classes (regexp/syntax parseEscape,
 * parseClass, parseNamedClass, parseUnicodeClass). Each reader takes the pattern and the index where its
 * construct starts, returns what it read and the index after it, and throws Go's error for bad input with
 * the same offending text Go quotes.
 */
import { type ClassSpec, ERR, parseError } from './ast.js';
import { classRange, perlClassText, posixClassText } from './charset.js';
import { unicodeClassText } from './unicode-names.js';

/** Width in UTF-16 units of the code point `cp`. */
export function cpWidth(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

function isAlnum(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

function unhex(cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  if (cp >= 0x61 && cp <= 0x66) return cp - 0x61 + 10;
  if (cp >= 0x41 && cp <= 0x46) return cp - 0x41 + 10;
  return -1;
}

const isOctal = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '7';

const C_ESCAPES: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };

/** A code point read from the pattern, and the index after it. */
export interface Read {
  cp: number;
  end: number;
}

/** Reads `\x41`, `\x{263a}` (after `\x` at `t`); undefined means Go's invalid escape ending at `.end`. */
function readHex(src: string, t: number): { cp?: number; end: number } {
  if (t >= src.length) return { end: t };
  const c = src.codePointAt(t)!;
  t += cpWidth(c);
  if (c === 0x7b) {
    let r = 0;
    let digits = 0;
    for (;;) {
      if (t >= src.length) return { end: t };
      const d = src.codePointAt(t)!;
      t += cpWidth(d);
      if (d === 0x7d) break;
      const v = unhex(d);
      if (v < 0) return { end: t };
      r = r * 16 + v;
      if (r > 0x10ffff) return { end: t };
      digits++;
    }
    return digits === 0 ? { end: t } : { cp: r, end: t };
  }
  const y = t < src.length ? src.codePointAt(t)! : -1;
  if (y >= 0) t += cpWidth(y);
  const hi = unhex(c);
  const lo = unhex(y);
  return hi < 0 || lo < 0 ? { end: t } : { cp: hi * 16 + lo, end: t };
}

/** Go's parseEscape: a single-character escape at `i` (the backslash). */
export function parseEscape(src: string, i: number): Read {
  let t = i + 1;
  if (t >= src.length) throw parseError(ERR.trailingBackslash, '');
  const c = src.codePointAt(t)!;
  t += cpWidth(c);
  if (c < 0x80 && !isAlnum(c)) return { cp: c, end: t };
  const ch = String.fromCodePoint(c);
  if ((ch >= '1' && ch <= '7' && isOctal(src[t])) || ch === '0') {
    // Up to three octal digits; a lone \1-\7 would be a backreference, which Go rejects.
    let r = c - 0x30;
    for (let k = 1; k < 3 && isOctal(src[t]); k++) r = r * 8 + src.charCodeAt(t++) - 0x30;
    return { cp: r, end: t };
  }
  if (ch === 'x') {
    const hex = readHex(src, t);
    if (hex.cp !== undefined) return { cp: hex.cp, end: hex.end };
    t = hex.end;
  } else if (C_ESCAPES[ch] !== undefined) return { cp: C_ESCAPES[ch]!, end: t };
  throw parseError(ERR.invalidEscape, src.slice(i, t));
}

/** Class text read from the pattern, and the index after it. */
export interface ReadClass {
  text: string;
  end: number;
}

/** Go's parseUnicodeClass at `t` (a backslash followed by `p` or `P`). */
export function parseUnicodeClass(src: string, t: number): ReadClass {
  let negate = src[t + 1] === 'P';
  const u = t + 2;
  let name: string;
  let end: number;
  if (u < src.length && src[u] === '{') {
    const close = src.indexOf('}', t);
    if (close < 0) throw parseError(ERR.invalidCharRange, src.slice(t));
    name = src.slice(t + 3, close);
    end = close + 1;
  } else {
    end = u < src.length ? u + cpWidth(src.codePointAt(u)!) : u;
    name = src.slice(u, end);
  }
  if (name.startsWith('^')) {
    negate = !negate;
    name = name.slice(1);
  }
  const text = unicodeClassText(name, negate);
  if (text === undefined) throw parseError(ERR.invalidCharRange, src.slice(t, end));
  return { text, end };
}

/** A Perl class escape (`\d` …) at `t`, or undefined when there is none. */
export function parsePerlClass(src: string, t: number): ReadClass | undefined {
  if (src[t] !== '\\' || t + 1 >= src.length) return undefined;
  const text = perlClassText(src[t + 1]!);
  return text === undefined ? undefined : { text, end: t + 2 };
}

/** A POSIX class (`[:alpha:]`) at `t` inside a bracket, or undefined when there is none. */
function parseNamedClass(src: string, t: number): ReadClass | undefined {
  if (src.length - t <= 2 || src[t] !== '[' || src[t + 1] !== ':') return undefined;
  const close = src.indexOf(':]', t + 2);
  if (close < 0) return undefined;
  const text = posixClassText(src.slice(t + 2, close));
  if (text === undefined) throw parseError(ERR.invalidCharRange, src.slice(t, close + 2));
  return { text, end: close + 2 };
}

function parseClassChar(src: string, t: number, classStart: number): Read {
  if (t >= src.length) throw parseError(ERR.missingBracket, src.slice(classStart));
  if (src[t] === '\\') return parseEscape(src, t);
  const cp = src.codePointAt(t)!;
  return { cp, end: t + cpWidth(cp) };
}

/** One element of a bracketed class at `t`: a named, Unicode or Perl class, a character or a range. */
function parseClassItem(src: string, t: number, classStart: number): ReadClass {
  const named = parseNamedClass(src, t);
  if (named) return named;
  if (src[t] === '\\' && (src[t + 1] === 'p' || src[t + 1] === 'P')) return parseUnicodeClass(src, t);
  const perl = parsePerlClass(src, t);
  if (perl) return perl;
  const lo = parseClassChar(src, t, classStart);
  if (src.length - lo.end >= 2 && src[lo.end] === '-' && src[lo.end + 1] !== ']') {
    const hi = parseClassChar(src, lo.end + 1, classStart);
    if (hi.cp < lo.cp) throw parseError(ERR.invalidCharRange, src.slice(t, hi.end));
    return { text: classRange(lo.cp, hi.cp), end: hi.end };
  }
  return { text: classRange(lo.cp, lo.cp), end: lo.end };
}

/** Go's parseClass at `i` (the `[`); `fold` is the (?i) flag in force. */
export function parseClass(src: string, i: number, fold: boolean): { cls: ClassSpec; end: number } {
  let t = i + 1;
  const negate = src[t] === '^';
  if (negate) t++;
  let body = '';
  for (let first = true; t >= src.length || src[t] !== ']' || first; first = false) {
    const item = parseClassItem(src, t, i);
    body += item.text;
    t = item.end;
  }
  return { cls: { source: `[${negate ? '^' : ''}${body}]`, fold }, end: t + 1 };
}
