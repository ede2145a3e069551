/**
 * Go's parsePerlFlags: what follows `(?` — a named group `(?P<name>` / `(?<name>`, a non-capturing group
 * `(?:`, a flag group `(?i-s:`, or flags for the rest of the current group `(?imsU)`.
 */
import { DOT_NL, ERR, FOLD_CASE, MULTI_LINE, NON_GREEDY, parseError } from './ast.js';
import { cpWidth } from './parse-escape.js';

/** The parser state parsePerlFlags changes. */
export interface FlagTarget {
  flags: number;
  openGroup(capture: boolean, name: string, flagsBefore: number): void;
}

const FLAG_BITS: Record<string, number> = { i: FOLD_CASE, m: MULTI_LINE, s: DOT_NL, U: NON_GREEDY };

/** Go's isValidCaptureName: [A-Za-z0-9_]+. */
function isValidCaptureName(name: string): boolean {
  return /^[A-Za-z0-9_]+$/.test(name);
}

function namedGroup(p: FlagTarget, src: string, i: number, nameStart: number): number {
  const close = src.indexOf('>', i);
  if (close < 0) throw parseError(ERR.invalidNamedCapture, src.slice(i));
  const name = src.slice(nameStart, close);
  if (!isValidCaptureName(name)) throw parseError(ERR.invalidNamedCapture, src.slice(i, close + 1));
  p.openGroup(true, name, p.flags);
  return close + 1;
}

/**
 * Reads the construct starting with `(?` at `i`, updates `p`, and returns the index after it. Throws
 * Go's "invalid or unsupported Perl syntax" (quoting the text read up to the bad character) or
 * "invalid named capture".
 */
export function parsePerlFlags(p: FlagTarget, src: string, i: number): number {
  const rest = src.length - i;
  if (rest > 4 && src[i + 2] === 'P' && src[i + 3] === '<') return namedGroup(p, src, i, i + 4);
  if (rest > 3 && src[i + 2] === '<') return namedGroup(p, src, i, i + 3);
  let t = i + 2;
  let flags = p.flags;
  let negate = false;
  let sawFlag = false;
  while (t < src.length) {
    const cp = src.codePointAt(t)!;
    t += cpWidth(cp);
    const ch = String.fromCodePoint(cp);
    const bit = FLAG_BITS[ch];
    if (bit !== undefined) {
      flags = negate ? flags & ~bit : flags | bit;
      sawFlag = true;
    } else if (ch === '-') {
      if (negate) break;
      negate = true;
      sawFlag = false;
    } else if (ch === ':' || ch === ')') {
      if (negate && !sawFlag) break;
      if (ch === ':') p.openGroup(false, '', p.flags);
      p.flags = flags;
      return t;
    } else break;
  }
  throw parseError(ERR.invalidPerlOp, src.slice(i, t));
}
