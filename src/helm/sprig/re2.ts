/**
 * Go regular expressions with Go's guarantees: patterns are parsed as Go's regexp/syntax parses them
 * (re2/parse.ts) and run on a Pike VM (re2/vm.ts), so matching takes time linear in the input for every
 * pattern and gives Go's leftmost-first matches and submatches. On top: Go's semantics for MatchString,
 * FindAll, ReplaceAll (with `$name` expansion), Split and QuoteMeta. No JavaScript RegExp ever runs
 * the pattern (only one-character class tests, see re2/charset.ts).
 *
 * Each function takes an optional `check`, called every few ten thousand VM steps; a render passes its
 * time-limit check so a long search on a huge input stops when the render's time is up.
 */
import { ERR, parseError } from './re2/ast.js';
import { compileProgram } from './re2/compile.js';
import { type Match, expandTemplate } from './re2/expand.js';
import { parseRegex } from './re2/parse.js';
import { simplifyRegex } from './re2/simplify.js';
import { Machine } from './re2/vm.js';

export { GoRegexError } from './re2/ast.js';

/** A compiled Go regexp. */
export interface GoRegexp {
  source: string;
  /** Capture group names by index (index 0 is the whole match, unnamed groups are ""). */
  names: string[];
  machine: Machine;
}

/** Called now and then during a search; throws to abandon it. */
export type SearchCheck = () => void;

const cache = new Map<string, GoRegexp>();
/** Instructions held by the cache; a pattern can compile to millions (Go's limit), so memory is capped. */
let cachedInstructions = 0;
const CACHE_MAX_PATTERNS = 500;
const CACHE_MAX_INSTRUCTIONS = 4_000_000;

/** Compiles a Go regexp (cached); throws GoRegexError with Go's message. */
export function compileGoRegexp(src: string): GoRegexp {
  const hit = cache.get(src);
  if (hit) return hit;
  const { root, names } = parseRegex(src);
  let machine: Machine;
  try {
    machine = new Machine(compileProgram(simplifyRegex(root), names.length));
  } catch (e) {
    // A class JavaScript cannot compile (a Unicode name newer than this Node knows).
    if (e instanceof SyntaxError) throw parseError(ERR.invalidCharRange, src);
    throw e;
  }
  const compiled = { source: src, names, machine };
  if (cache.size >= CACHE_MAX_PATTERNS || cachedInstructions + machine.size > CACHE_MAX_INSTRUCTIONS) {
    cache.clear();
    cachedInstructions = 0;
  }
  cache.set(src, compiled);
  cachedInstructions += machine.size;
  return compiled;
}

function execAt(r: GoRegexp, s: string, pos: number, ncap: number, check?: SearchCheck): number[] | undefined {
  if (!r.machine.exec(s, pos, ncap, check)) return undefined;
  const cap = r.machine.matchcap;
  const m = new Array<number>(cap.length);
  for (let k = 0; k < cap.length; k++) m[k] = cap[k]!;
  return m;
}

function runeWidth(s: string, pos: number): number {
  const c = s.charCodeAt(pos);
  return c >= 0xd800 && c <= 0xdbff && pos + 1 < s.length ? 2 : 1;
}

/** Go's MatchString: whether `s` contains a match. */
export function matchString(r: GoRegexp, s: string, check?: SearchCheck): boolean {
  return r.machine.exec(s, 0, 0, check);
}

/**
 * Go's allMatches: successive non-overlapping matches (at most `n`, all when n < 0), no empty match right
 * after a previous match. Each match holds the whole match's bounds, and every group's when `groups`.
 */
export function findAllMatches(r: GoRegexp, s: string, n: number, check?: SearchCheck, groups = false): number[][] {
  const out: number[][] = [];
  const ncap = groups ? 2 * r.names.length : 2;
  if (n < 0) n = s.length + 1;
  for (let pos = 0, prevEnd = -1; out.length < n && pos <= s.length; ) {
    const m = execAt(r, s, pos, ncap, check);
    if (!m) break;
    let accept = true;
    if (m[1] === pos) {
      if (m[0] === prevEnd) accept = false;
      pos += pos < s.length ? runeWidth(s, pos) : 1;
    } else pos = m[1]!;
    prevEnd = m[1]!;
    if (accept) out.push(m);
  }
  return out;
}

/** Go's ReplaceAllString (literal = ReplaceAllLiteralString). */
export function replaceAll(r: GoRegexp, s: string, repl: string, literal: boolean, check?: SearchCheck): string {
  let out = '';
  let lastEnd = 0;
  const ncap = literal || !repl.includes('$') ? 2 : 2 * r.names.length;
  for (let pos = 0; pos <= s.length; ) {
    const m: Match | undefined = execAt(r, s, pos, ncap, check);
    if (!m) break;
    out += s.slice(lastEnd, m[0]);
    if (m[1]! > lastEnd || m[0] === 0) out += literal ? repl : expandTemplate(r.names, repl, s, m);
    lastEnd = m[1]!;
    const width = pos < s.length ? runeWidth(s, pos) : 1;
    if (pos + width > m[1]!) pos += width;
    else if (pos + 1 > m[1]!) pos++;
    else pos = m[1]!;
  }
  return out + s.slice(lastEnd);
}

/** Go's Regexp.Split. */
export function splitRegexp(r: GoRegexp, s: string, n: number, check?: SearchCheck): string[] {
  if (n === 0) return [];
  if (r.source.length > 0 && s.length === 0) return [''];
  const matches = findAllMatches(r, s, n, check);
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of matches) {
    if (n > 0 && out.length === n - 1) break;
    end = m[0]!;
    if (m[1] !== 0) out.push(s.slice(beg, end));
    beg = m[1]!;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

/** Go's regexp.QuoteMeta. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}
