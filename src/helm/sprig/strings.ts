/**
 * Sprig's string functions (strings.go and the goutils helpers it calls), with Go's signatures so the
 * executor reports Go's argument errors. Go strings are bytes: functions that index by byte (trunc,
 * substr, abbrev, initials, nospace, wrap) do so here too.
 */
import { createHash } from 'node:crypto';
import { ANY, type GoFuncDef, GoSlice, GoTypedMap, type GoValue, goInt, quote as goQuote, sprintf } from '../../gotemplate/index.js';
import { sliceBytes, strslice, strval, toInt64 } from './cast.js';
import { camelCaseToLowerCase, toPascalCase } from './xstrings.js';
import { SprigError } from './errors.js';
import { goLower, goLowerRune, goTitleRune, goUpper, goUpperRune } from './go-case.js';

const STR = 'string';
const INT = 'int';

function f(params: string[], fn: (a: GoValue[]) => GoValue, result: string, variadic = false): GoFuncDef {
  return { params, fn, result, variadic };
}
const s = (v: GoValue | undefined) => v as string;
const n = (v: GoValue | undefined) => Number(toInt64(v ?? null));

/** unicode.IsSpace for one code point. */
export function isGoSpace(cp: number): boolean {
  return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x85 || cp === 0xa0 ||
    (cp > 0xff && /^\s$/u.test(String.fromCodePoint(cp)) && cp !== 0xfeff);
}

function byteLen(str: string): number {
  return Buffer.byteLength(str, 'utf8');
}

function abbreviateFull(str: string, offset: number, maxWidth: number): string {
  if (str === '') return '';
  if (maxWidth < 4) return '';
  const len = byteLen(str);
  if (len <= maxWidth) return str;
  if (offset > len) offset = len;
  if (len - offset < maxWidth - 3) offset = len - (maxWidth - 3);
  if (offset <= 4) return sliceBytes(str, 0, maxWidth - 3) + '...';
  if (maxWidth < 7) return '';
  if (offset + maxWidth - 3 < len) return '...' + abbreviateFull(sliceBytes(str, offset, undefined), 0, maxWidth - 3);
  return '...' + sliceBytes(str, len - (maxWidth - 3), undefined);
}

/** goutils' byte-wise loops treat each byte as a Latin-1 rune and re-encode it. */
function latin1Runes(str: string): number[] {
  return [...Buffer.from(str, 'utf8')];
}

function initials(str: string): string {
  let out = '';
  let lastWasGap = true;
  for (const b of latin1Runes(str)) {
    if (isGoSpace(b)) lastWasGap = true;
    else if (lastWasGap) {
      out += String.fromCharCode(b);
      lastWasGap = false;
    }
  }
  return out;
}

function deleteWhiteSpace(str: string): string {
  const bytes = latin1Runes(str);
  const kept = bytes.filter((b) => !isGoSpace(b));
  if (kept.length === bytes.length) return str;
  return kept.map((b) => String.fromCharCode(b)).join('');
}

function untitle(str: string): string {
  if (str === '') return str;
  let out = '';
  let next = true;
  for (const ch of str) {
    if (isGoSpace(ch.codePointAt(0)!)) next = true;
    else if (next) {
      out += goLowerRune(ch);
      next = false;
      continue;
    }
    out += ch;
  }
  return out;
}

function swapCase(str: string): string {
  let out = '';
  let whitespace = true;
  for (const ch of str) {
    const lower = goLowerRune(ch);
    const upper = goUpperRune(ch);
    // a rune with a lower case is lowered first (Go lowers the title-case ǅ too)
    if (ch !== lower) {
      out += lower;
      whitespace = false;
    } else if (ch !== upper) {
      out += whitespace ? upper : upper;
      whitespace = false;
    } else {
      out += ch;
      whitespace = isGoSpace(ch.codePointAt(0)!);
    }
  }
  return out;
}

/** strings.Title: upper-cases the first letter of each word (words end at non-letter/digit/underscore). */
function title(str: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of str) {
    out += isTitleSeparator(prev) ? goTitleRune(ch) : ch;
    prev = ch;
  }
  return out;
}

function isTitleSeparator(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  if (cp <= 0x7f) return !/[0-9A-Za-z_]/.test(ch);
  if (/[\p{L}\p{Nd}]/u.test(ch)) return false;
  return isGoSpace(cp);
}

function wrapCustom(str: string, wrapLength: number, newLine: string, wrapLongWords: boolean): string {
  if (str === '') return '';
  if (newLine === '') newLine = '\n';
  if (wrapLength < 1) wrapLength = 1;
  const b = Buffer.from(str, 'utf8');
  const len = b.length;
  const sub = (x: number, y: number) => b.subarray(x, y).toString('utf8');
  let offset = 0;
  let out = '';
  while (len - offset > wrapLength) {
    if (b[offset] === 0x20) { offset++; continue; }
    const end = wrapLength + offset + 1;
    const at = b.subarray(offset, end).lastIndexOf(0x20) + offset;
    if (at >= offset) {
      out += sub(offset, at) + newLine;
      offset = at + 1;
    } else if (wrapLongWords) {
      out += sub(offset, wrapLength + offset) + newLine;
      offset += wrapLength;
    } else {
      const e = wrapLength + offset;
      const idx = b.subarray(e).indexOf(0x20);
      if (idx === -1) { out += sub(offset, len); offset = len; }
      else { out += sub(offset, idx + e) + newLine; offset = idx + e + 1; }
    }
  }
  return out + sub(offset, len);
}

function trimCutset(str: string, cutset: string): string {
  const set = new Set([...cutset]);
  const chars = [...str];
  let i = 0;
  let j = chars.length;
  while (i < j && set.has(chars[i]!)) i++;
  while (j > i && set.has(chars[j - 1]!)) j--;
  return chars.slice(i, j).join('');
}

function adler32(str: string): string {
  let a = 1;
  let b = 0;
  for (const byte of Buffer.from(str, 'utf8')) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return String(((b << 16) | a) >>> 0);
}

function splitMap(parts: string[]): GoTypedMap {
  return new GoTypedMap('string', new Map(parts.map((p, i) => [`_${i}`, p])));
}

/** Go's strings.SplitN. */
function splitN(str: string, sep: string, limit: number): string[] {
  if (limit === 0) return [];
  if (sep === '') {
    const chars = [...str];
    if (limit < 0 || limit >= chars.length) return chars;
    return [...chars.slice(0, limit - 1), chars.slice(limit - 1).join('')];
  }
  const parts = str.split(sep);
  if (limit < 0 || parts.length <= limit) return parts;
  return [...parts.slice(0, limit - 1), parts.slice(limit - 1).join(sep)];
}

function repeat(count: number, str: string): string {
  if (count < 0) throw new SprigError('strings: negative Repeat count');
  return str.repeat(count);
}

/** Sprig's string function map. */
export const STRING_FUNCS: Record<string, GoFuncDef> = {
  abbrev: f([INT, STR], ([w, x]) => (n(w) < 4 ? s(x) : abbreviateFull(s(x), 0, n(w))), STR),
  abbrevboth: f([INT, INT, STR], ([l, r, x]) => (n(r) < 4 || (n(l) > 0 && n(r) < 7) ? s(x) : abbreviateFull(s(x), n(l), n(r))), STR),
  trunc: f([INT, STR], ([c, x]) => {
    const len = byteLen(s(x));
    const cnt = n(c);
    if (cnt < 0 && len + cnt > 0) return sliceBytes(s(x), len + cnt, undefined);
    if (cnt >= 0 && len > cnt) return sliceBytes(s(x), 0, cnt);
    return s(x);
  }, STR),
  trim: f([STR], ([x]) => trimCutsetFn(s(x)), STR),
  upper: f([STR], ([x]) => goUpper(s(x)), STR),
  lower: f([STR], ([x]) => goLower(s(x)), STR),
  title: f([STR], ([x]) => title(s(x)), STR),
  untitle: f([STR], ([x]) => untitle(s(x)), STR),
  substr: f([INT, INT, STR], ([a, b, x]) => {
    const start = n(a);
    const end = n(b);
    if (start < 0) return sliceBytes(s(x), undefined, end);
    if (end < 0 || end > byteLen(s(x))) return sliceBytes(s(x), start, undefined);
    return sliceBytes(s(x), start, end);
  }, STR),
  repeat: f([INT, STR], ([c, x]) => repeat(n(c), s(x)), STR),
  trimall: f([STR, STR], ([a, b]) => trimCutset(s(b), s(a)), STR),
  trimAll: f([STR, STR], ([a, b]) => trimCutset(s(b), s(a)), STR),
  trimSuffix: f([STR, STR], ([a, b]) => (s(b).endsWith(s(a)) ? s(b).slice(0, s(b).length - s(a).length) : s(b)), STR),
  trimPrefix: f([STR, STR], ([a, b]) => (s(b).startsWith(s(a)) ? s(b).slice(s(a).length) : s(b)), STR),
  nospace: f([STR], ([x]) => deleteWhiteSpace(s(x)), STR),
  initials: f([STR], ([x]) => initials(s(x)), STR),
  swapcase: f([STR], ([x]) => swapCase(s(x)), STR),
  snakecase: f([STR], ([x]) => camelCaseToLowerCase(s(x), '_'), STR),
  kebabcase: f([STR], ([x]) => camelCaseToLowerCase(s(x), '-'), STR),
  camelcase: f([STR], ([x]) => toPascalCase(s(x)), STR),
  wrap: f([INT, STR], ([l, x]) => wrapCustom(s(x), n(l), '', false), STR),
  wrapWith: f([INT, STR, STR], ([l, sep, x]) => wrapCustom(s(x), n(l), s(sep), true), STR),
  contains: f([STR, STR], ([a, b]) => s(b).includes(s(a)), 'bool'),
  hasPrefix: f([STR, STR], ([a, b]) => s(b).startsWith(s(a)), 'bool'),
  hasSuffix: f([STR, STR], ([a, b]) => s(b).endsWith(s(a)), 'bool'),
  quote: f([ANY], (xs) => xs.filter((x) => x !== null).map((x) => goQuote(strval(x))).join(' '), STR, true),
  squote: f([ANY], (xs) => xs.filter((x) => x !== null).map((x) => sprintf("'%v'", [x])).join(' '), STR, true),
  cat: f([ANY], (xs) => {
    const v = xs.filter((x) => x !== null);
    return sprintf(Array(v.length).fill('%v').join(' '), v);
  }, STR, true),
  indent: f([INT, STR], ([c, x]) => indent(n(c), s(x)), STR),
  nindent: f([INT, STR], ([c, x]) => '\n' + indent(n(c), s(x)), STR),
  replace: f([STR, STR, STR], ([o, nw, x]) => replaceAll(s(x), s(o), s(nw)), STR),
  plural: f([STR, STR, INT], ([one, many, c]) => (n(c) === 1 ? s(one) : s(many)), STR),
  sha1sum: f([STR], ([x]) => createHash('sha1').update(s(x), 'utf8').digest('hex'), STR),
  sha256sum: f([STR], ([x]) => createHash('sha256').update(s(x), 'utf8').digest('hex'), STR),
  sha512sum: f([STR], ([x]) => createHash('sha512').update(s(x), 'utf8').digest('hex'), STR),
  adler32sum: f([STR], ([x]) => adler32(s(x)), STR),
  toString: f([ANY], ([x]) => strval(x!), STR),
  split: f([STR, STR], ([sep, x]) => splitMap(splitN(s(x), s(sep), -1)), 'map[string]string'),
  splitList: f([STR, STR], ([sep, x]) => new GoSlice('string', splitN(s(x), s(sep), -1)), '[]string'),
  splitn: f([STR, INT, STR], ([sep, c, x]) => splitMap(splitN(s(x), s(sep), n(c))), 'map[string]string'),
  toStrings: f([ANY], ([x]) => new GoSlice('string', strslice(x!)), '[]string'),
  join: f([STR, ANY], ([sep, x]) => strslice(x!).join(s(sep)), STR),
  b64enc: f([STR], ([x]) => Buffer.from(s(x), 'utf8').toString('base64'), STR),
  b64dec: f([STR], ([x]) => base64Decode(s(x)), STR),
  atoi: f([STR], ([x]) => goInt(atoi(s(x))), INT),
};

function trimCutsetFn(str: string): string {
  const chars = [...str];
  let i = 0;
  let j = chars.length;
  while (i < j && isGoSpace(chars[i]!.codePointAt(0)!)) i++;
  while (j > i && isGoSpace(chars[j - 1]!.codePointAt(0)!)) j--;
  return chars.slice(i, j).join('');
}

function indent(spaces: number, v: string): string {
  const pad = ' '.repeat(Math.max(0, spaces));
  if (spaces < 0) throw new SprigError('strings: negative Repeat count');
  return pad + v.split('\n').join('\n' + pad);
}

/** Go's strings.Replace(src, old, new, -1), including the empty-old case (insert around every rune). */
function replaceAll(src: string, old: string, nw: string): string {
  if (old === nw) return src;
  if (old === '') return nw + [...src].join(nw) + (src === '' ? '' : nw);
  return src.split(old).join(nw);
}

/** strconv.Atoi, ignoring errors as Sprig does (0 on failure). */
function atoi(str: string): number {
  if (!/^[+-]?[0-9]+$/.test(str)) return 0;
  const v = BigInt(str);
  if (v > (1n << 63n) - 1n || v < -(1n << 63n)) return v > 0n ? Number((1n << 63n) - 1n) : Number(-(1n << 63n));
  return Number(v);
}

function base64Decode(str: string): string {
  const clean = /^[A-Za-z0-9+/]*={0,2}$/.test(str) && str.length % 4 === 0;
  if (!clean) {
    const bad = [...str].findIndex((c, i) => !/[A-Za-z0-9+/=]/.test(c) || (c === '=' && i < str.length - 2));
    const at = bad >= 0 ? bad : Math.floor(str.length / 4) * 4;
    return `illegal base64 data at input byte ${at}`;
  }
  return Buffer.from(str, 'base64').toString('utf8');
}
