/** Character classes of go-yaml's emitter (yamlprivateh.go), on code points. */

/** The space character. */
export const SP = 0x20;
/** The line feed character. */
export const LF = 0x0a;

/** Space or tab (go-yaml's is_blank). */
export function isBlank(c: number | undefined): boolean {
  return c === SP || c === 0x09;
}

/** CR, LF, NEL, LS or PS (go-yaml's is_break). */
export function isBreak(c: number | undefined): boolean {
  return c === LF || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** go-yaml's is_blankz. */
export function isBlankOrBreakOrNul(c: number): boolean {
  return isBlank(c) || isBreak(c) || c === 0;
}

/** go-yaml's is_printable (what may appear unescaped): LF, printable ASCII, BMP minus surrogates, FEFF, FFFE, FFFF; no astral. */
export function isPrintable(c: number): boolean {
  return c === LF || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}

/** Bytes the code point takes in UTF-8. */
export function utf8Length(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}
