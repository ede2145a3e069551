/**
 * Go regular expressions on JavaScript's RegExp: compilation (through re2-translate.ts) and Go's regexp
 * semantics for FindAll, ReplaceAll (with Go's `$name` expansion), Split and QuoteMeta.
 */
import { GoRegexError, type GoRegexp, Translator } from './re2-translate.js';

export { GoRegexError, type GoRegexp } from './re2-translate.js';

const cache = new Map<string, GoRegexp>();

/** Compiles a Go regexp; throws GoRegexError. */
export function compileGoRegexp(src: string): GoRegexp {
  const hit = cache.get(src);
  if (hit) return hit;
  const t = new Translator(src);
  const body = t.translate();
  let re: RegExp;
  try {
    const flags = 'dgu' + [...new Set(t.leadingFlags)].join('');
    re = new RegExp(body, flags);
  } catch {
    throw new GoRegexError(`error parsing regexp: invalid syntax: \`${src}\``);
  }
  const compiled = { source: src, re, names: t.names };
  if (cache.size > 500) cache.clear();
  cache.set(src, compiled);
  return compiled;
}

/** One match: [start, end] of the whole match and of each group (-1 when a group did not take part). */
type Match = number[];

function execAt(r: GoRegexp, s: string, pos: number): Match | undefined {
  r.re.lastIndex = pos;
  const m = r.re.exec(s);
  if (!m) return undefined;
  const idx: Match = [];
  for (const pair of m.indices!) idx.push(pair ? pair[0] : -1, pair ? pair[1] : -1);
  return idx;
}

function runeWidth(s: string, pos: number): number {
  const c = s.charCodeAt(pos);
  return c >= 0xd800 && c <= 0xdbff && pos + 1 < s.length ? 2 : 1;
}

/** Go's allMatches: successive non-overlapping matches, no empty match right after a previous match. */
export function findAllMatches(r: GoRegexp, s: string, n: number): Match[] {
  const out: Match[] = [];
  if (n < 0) n = s.length + 1;
  for (let pos = 0, prevEnd = -1; out.length < n && pos <= s.length; ) {
    const m = execAt(r, s, pos);
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

/** Go's Regexp.Expand for ReplaceAllString templates ($1, ${1}, $name, ${name}, $$). */
function expand(r: GoRegexp, template: string, s: string, m: Match): string {
  let out = '';
  for (;;) {
    const at = template.indexOf('$');
    if (at < 0) break;
    out += template.slice(0, at);
    template = template.slice(at + 1);
    if (template[0] === '$') {
      out += '$';
      template = template.slice(1);
      continue;
    }
    const ref = /^(\{)?([\p{L}\p{Nd}_]+)(\})?/u.exec(template);
    if (!ref || (ref[1] && !ref[3])) {
      out += '$';
      continue;
    }
    const name = ref[2]!;
    template = template.slice(ref[1] ? ref[0].length : name.length);
    let num = /^\d+$/.test(name) && !(name[0] === '0' && name.length > 1) ? Number(name) : -1;
    if (num >= 1e8) num = -1;
    const group = num >= 0 ? num : r.names.indexOf(name);
    if (group >= 0 && 2 * group + 1 < m.length && m[2 * group]! >= 0) out += s.slice(m[2 * group], m[2 * group + 1]);
  }
  return out + template;
}

/** Go's ReplaceAllString (literal = ReplaceAllLiteralString). */
export function replaceAll(r: GoRegexp, s: string, repl: string, literal: boolean): string {
  let out = '';
  let lastEnd = 0;
  for (let pos = 0; pos <= s.length; ) {
    const m = execAt(r, s, pos);
    if (!m) break;
    out += s.slice(lastEnd, m[0]);
    if (m[1]! > lastEnd || m[0] === 0) out += literal ? repl : expand(r, repl, s, m);
    lastEnd = m[1]!;
    const width = pos < s.length ? runeWidth(s, pos) : 1;
    if (pos + width > m[1]!) pos += width;
    else if (pos + 1 > m[1]!) pos++;
    else pos = m[1]!;
  }
  return out + s.slice(lastEnd);
}

/** Go's Regexp.Split. */
export function splitRegexp(r: GoRegexp, s: string, n: number): string[] {
  if (n === 0) return [];
  if (r.source.length > 0 && s.length === 0) return [''];
  const matches = findAllMatches(r, s, n);
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
