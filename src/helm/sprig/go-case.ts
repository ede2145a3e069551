/**
 * Go's per-rune case mapping (unicode.ToUpper, ToLower, ToTitle: the simple mappings), which strings.ToUpper,
 * ToLower and Title apply rune by rune. JavaScript's toUpperCase/toLowerCase use the full mappings instead
 * (`ß` → `SS`, `İ` → `i̇`, a final `Σ` → `ς`); here a rune whose JavaScript mapping is more than one rune keeps
 * its simple mapping from the tables below, or itself, as in Go: `goUpper('straße')` → `STRAßE`.
 */

/** Simple upper-case mappings of runes whose full mapping is several runes (Greek with ypogegrammeni). */
function simpleUpper(cp: number): number {
  if ((cp >= 0x1f80 && cp <= 0x1f87) || (cp >= 0x1f90 && cp <= 0x1f97) || (cp >= 0x1fa0 && cp <= 0x1fa7)) return cp + 8;
  if (cp === 0x1fb3 || cp === 0x1fc3 || cp === 0x1ff3) return cp + 9;
  return cp;
}

const TITLE: Record<number, number> = {
  0x1c4: 0x1c5, 0x1c5: 0x1c5, 0x1c6: 0x1c5, 0x1c7: 0x1c8, 0x1c8: 0x1c8, 0x1c9: 0x1c8,
  0x1ca: 0x1cb, 0x1cb: 0x1cb, 0x1cc: 0x1cb, 0x1f1: 0x1f2, 0x1f2: 0x1f2, 0x1f3: 0x1f2,
};

const single = (s: string): boolean => s.length === 1 || (s.length === 2 && s.codePointAt(0)! > 0xffff);

/** unicode.ToUpper of one rune (given as a string of one code point). */
export function goUpperRune(ch: string): string {
  const full = ch.toUpperCase();
  return single(full) ? full : String.fromCodePoint(simpleUpper(ch.codePointAt(0)!));
}

/** unicode.ToLower of one rune. */
export function goLowerRune(ch: string): string {
  const full = ch.toLowerCase();
  if (single(full)) return full;
  return ch === '\u0130' ? 'i' : ch;
}

/** unicode.ToTitle of one rune (the upper case, except the DŽ/LJ/NJ/DZ digraphs' title forms). */
export function goTitleRune(ch: string): string {
  const t = TITLE[ch.codePointAt(0)!];
  return t === undefined ? goUpperRune(ch) : String.fromCodePoint(t);
}

/** strings.ToUpper. */
export function goUpper(s: string): string {
  let out = '';
  for (const ch of s) out += goUpperRune(ch);
  return out;
}

/** strings.ToLower. */
export function goLower(s: string): string {
  let out = '';
  for (const ch of s) out += goLowerRune(ch);
  return out;
}
