/**
 * Character classes: Go's Perl, POSIX and Unicode groups written as JavaScript `v`-mode class text, and
 * CharTest, which answers "is this code point in the class" for the matcher by running a one-character
 * JavaScript RegExp (constant time: a class against one code point cannot backtrack), with an ASCII table
 * and a memo in front of it.
 */
import type { ClassSpec } from './ast.js';

/** A code point range, both ends included. */
type Range = readonly [number, number];

/** A code point as `v`-mode class text (no character needs escaping in this form). */
export function classChar(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

/** A range as `v`-mode class text. */
export function classRange(lo: number, hi: number): string {
  return lo === hi ? classChar(lo) : `${classChar(lo)}-${classChar(hi)}`;
}

function rangesText(ranges: readonly Range[], negate: boolean): string {
  return `[${negate ? '^' : ''}${ranges.map(([lo, hi]) => classRange(lo, hi)).join('')}]`;
}

const c = (ch: string): number => ch.codePointAt(0)!;
const DIGIT: Range = [c('0'), c('9')];
const UPPER: Range = [c('A'), c('Z')];
const LOWER: Range = [c('a'), c('z')];
const UNDERSCORE: Range = [c('_'), c('_')];

/** Go's Perl groups (perl_groups.go): ASCII only; `\s` is `[\t\n\f\r ]` (no `\v`). */
const PERL: Record<string, readonly Range[]> = {
  d: [DIGIT],
  s: [[9, 10], [12, 13], [32, 32]],
  w: [DIGIT, UPPER, UNDERSCORE, LOWER],
};

/** Go's POSIX groups (perl_groups.go), by name as written between `[:` and `:]`. */
const POSIX: Record<string, readonly Range[]> = {
  alnum: [DIGIT, UPPER, LOWER],
  alpha: [UPPER, LOWER],
  ascii: [[0, 0x7f]],
  blank: [[9, 9], [32, 32]],
  cntrl: [[0, 0x1f], [0x7f, 0x7f]],
  digit: [DIGIT],
  graph: [[c('!'), c('~')]],
  lower: [LOWER],
  print: [[c(' '), c('~')]],
  punct: [[c('!'), c('/')], [c(':'), c('@')], [c('['), c('`')], [c('{'), c('~')]],
  space: [[9, 13], [32, 32]],
  upper: [UPPER],
  word: [DIGIT, UPPER, UNDERSCORE, LOWER],
  xdigit: [DIGIT, [c('A'), c('F')], [c('a'), c('f')]],
};

/** Class text of a Perl escape letter (`d`, `D`, `s`, `S`, `w`, `W`), or undefined for any other letter. */
export function perlClassText(letter: string): string | undefined {
  const ranges = PERL[letter.toLowerCase()];
  return ranges ? rangesText(ranges, letter !== letter.toLowerCase()) : undefined;
}

/** Class text of a POSIX name (`alpha`, `^alpha`), or undefined when Go does not know the name. */
export function posixClassText(name: string): string | undefined {
  const negate = name.startsWith('^');
  const ranges = POSIX[negate ? name.slice(1) : name];
  return ranges ? rangesText(ranges, negate) : undefined;
}

/** Builds a one-code-point test for a class; throws SyntaxError if JavaScript cannot compile it. */
export class CharTest {
  private readonly re: RegExp;
  private readonly ascii = new Uint8Array(128);
  private readonly memo = new Map<number, boolean>();

  constructor(cls: ClassSpec) {
    this.re = new RegExp(`^${cls.source}$`, cls.fold ? 'vi' : 'v');
    for (let cp = 0; cp < 128; cp++) this.ascii[cp] = this.re.test(String.fromCharCode(cp)) ? 1 : 0;
  }

  /** Whether the code point (a lone surrogate counts as one) is in the class. */
  has(cp: number): boolean {
    if (cp < 128) return this.ascii[cp] === 1;
    let hit = this.memo.get(cp);
    if (hit === undefined) {
      hit = this.re.test(String.fromCodePoint(cp));
      if (this.memo.size >= 4096) this.memo.clear();
      this.memo.set(cp, hit);
    }
    return hit;
  }
}

const tests = new Map<string, CharTest>();

/** A shared CharTest for a class (classes such as `\d` recur across patterns). */
export function charTestFor(cls: ClassSpec): CharTest {
  const key = (cls.fold ? 'i' : '-') + cls.source;
  let t = tests.get(key);
  if (!t) {
    t = new CharTest(cls);
    if (tests.size >= 1000) tests.clear();
    tests.set(key, t);
  }
  return t;
}
