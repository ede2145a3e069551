/**
 * Random Go regexps and inputs for the differential test: patterns from a small grammar over a tiny
 * alphabet (so matches, empty matches and competing alternatives actually happen), with flags, groups,
 * named groups, lazy and counted repetition, anchors and some Unicode; a few are deliberately broken so
 * parse errors are compared too. Deterministic for a seed.
 */

/** mulberry32: a seeded PRNG, so a failure names a reproducible case. */
export function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ATOMS = [
  'a', 'b', 'a', 'b', 'a', 'b', '.', '[ab]', '[^a]', '[a-b]', '\\w', '\\W', '\\s', '\\S', '\\d', 'A', 'é', '😀',
  '\\pL', '\\PL', '[[:alpha:]]', '[[:^lower:]]', '\\x61', '\\n', '[^\\n]', '[é😀]', '\\p{Greek}', '[\\d_]',
  '(?i)k', 's', '[^\\W]', '\\Qa.\\E', '\\101', '\\x{212A}', '[k-s]', '\\p{^Lu}', '\\P{greek}', '(?-i)B',
];
const ASSERTS = ['^', '$', '\\b', '\\B', '\\A', '\\z'];
const QUANTS = ['*', '+', '?', '*', '+', '?', '{2}', '{0,2}', '{1,}', '{0}', '{1,3}', '{2,}', '{3,5}'];
const GROUPS = ['(', '(', '(?:', '(?P<n1>', '(?<n2>', '(?i:', '(?s:', '(?-i:', '(?U:', '(?m:'];
const FLAGS = ['(?i)', '(?m)', '(?s)', '(?U)', '(?ms)', '(?i-s)', '(?is)'];
const BREAKAGE = [')', '(', '**', '{1001}', '[b-a]', '\\q', '(?P<>a)', '[a', '\\', '(?z)', 'a{2}{3}', '\\p{Foo}', '(?P=n)'];
const ALPHABET = ['a', 'b', 'a', 'b', 'a', 'b', 'A', 'B', ' ', '\n', 'é', '😀', '_', '1', 'α', 'k', '\u212a', 'S', 'ſ'];
const TEMPLATES = ['<$1>', '[${n1}]', '$0$0', 'x', '$$', '${2}.', '$n2', '$1x', '', '${n1}${n2}'];

/** One differential case. */
export interface RegexCase {
  p: string;
  s: string;
  r: string;
}

class Generator {
  constructor(private readonly random: () => number) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  piece(depth: number): string {
    let text: string;
    if (depth < 3 && this.chance(0.3)) text = this.pick(GROUPS) + this.alternation(depth + 1) + ')';
    else if (this.chance(0.12)) return this.pick(ASSERTS);
    else text = this.pick(ATOMS);
    if (this.chance(0.4)) text += this.pick(QUANTS) + (this.chance(0.3) ? '?' : '');
    return text;
  }

  concat(depth: number): string {
    const n = Math.floor(this.random() * 4);
    let out = '';
    for (let k = 0; k < n; k++) out += this.piece(depth);
    return out;
  }

  alternation(depth: number): string {
    const parts = [this.concat(depth)];
    while (parts.length < 3 && this.chance(0.3)) parts.push(this.concat(depth));
    return parts.join('|');
  }

  pattern(): string {
    let p = (this.chance(0.3) ? this.pick(FLAGS) : '') + this.alternation(0);
    if (this.chance(0.04)) {
      // Insert between code points: a split surrogate pair is no string Go could be given.
      const chars = [...p];
      chars.splice(Math.floor(this.random() * (chars.length + 1)), 0, this.pick(BREAKAGE));
      p = chars.join('');
    }
    return p;
  }

  input(): string {
    const n = Math.floor(this.random() * 11);
    let s = '';
    for (let k = 0; k < n; k++) s += this.pick(ALPHABET);
    return s;
  }
}

/** `patterns` random patterns, each with `inputsEach` random inputs and a replacement template. */
export function generateCases(seed: number, patterns: number, inputsEach: number): RegexCase[] {
  const g = new Generator(randomSource(seed));
  const cases: RegexCase[] = [];
  for (let k = 0; k < patterns; k++) {
    const p = g.pattern();
    for (let j = 0; j < inputsEach; j++) cases.push({ p, s: g.input(), r: g.pick(TEMPLATES) });
  }
  return cases;
}
