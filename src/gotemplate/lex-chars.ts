/** Character classes and small scanners shared by the lexer and its state functions. */

/** Go's isSpace. */
export function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

/** Go's template whitespace, trimmed by `{{-` and `-}}`. */
export const SPACE_CHARS = ' \t\r\n';
/** Comment delimiters inside actions. */
export const LEFT_COMMENT = '/*';
/** See LEFT_COMMENT. */
export const RIGHT_COMMENT = '*/';


const ALNUM = /^[_\p{L}\p{Nd}]$/u;

/** Go's isAlphaNumeric: underscore, Unicode letter or digit. */
export function isAlphaNumeric(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
  }
  return ALNUM.test(c);
}

/** A `-` followed by a space right after a left delimiter. */
export function hasLeftTrimMarker(s: string, at: number): boolean {
  return s.length - at >= 2 && s[at] === '-' && isSpace(s[at + 1]);
}

/** A space followed by `-` right before a right delimiter. */
export function hasRightTrimMarker(s: string, at: number): boolean {
  return s.length - at >= 2 && isSpace(s[at]) && s[at + 1] === '-';
}

/** `%#U` of a character, as lexer errors print it: `U+0023 '#'`. */
export function formatSharpU(c: string): string {
  const cp = c.codePointAt(0)!;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(c);
  return printable ? `U+${hex} '${c}'` : `U+${hex}`;
}

/** Counts newlines in s[from, to). */
export function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Length of trailing Go whitespace. */
export function rightTrimLength(s: string): number {
  let i = s.length;
  while (i > 0 && SPACE_CHARS.includes(s[i - 1]!)) i--;
  return s.length - i;
}

/** Length of leading Go whitespace from `from`. */
export function leftTrimLength(s: string, from: number): number {
  let i = from;
  while (i < s.length && SPACE_CHARS.includes(s[i]!)) i++;
  return i - from;
}
