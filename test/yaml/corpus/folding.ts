/**
 * A sweep around go-yaml's 80-column fold: words ending just before, at and after the limit,
 * single and double spaces at the break, at several nesting depths, in sequence items and map
 * values, for each of the plain, single-quoted and double-quoted styles.
 */
import type { CorpusCase, Tagged } from './tagged.js';

// A prefix that forces each style: none (plain), ':' start (single quotes), tab (double quotes).
const STYLE_PREFIXES: ReadonlyArray<readonly [string, string]> = [['plain', ''], ['single', ': '], ['double', '\t'], ['emoji', '🚀 ']];

function sweepStrings(prefix: string): string[] {
  const out: string[] = [];
  for (let len = 64; len <= 92; len += 2) {
    out.push(`${prefix}${'a'.repeat(len)} bb cc ${'d'.repeat(len)} ee`);
    out.push(`${prefix}${'a'.repeat(len)}  bb   cc`);
    out.push(`${prefix}${'w '.repeat(len)}end`);
  }
  return out;
}

function nest(depth: number, value: Tagged): Tagged {
  return depth === 0 ? value : { level: nest(depth - 1, value) };
}

/** Builds the fold-sweep cases. */
export function foldingCases(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const [style, prefix] of STYLE_PREFIXES) {
    const strings = sweepStrings(prefix);
    for (const depth of [0, 1, 3, 6]) {
      const value = { items: strings, values: Object.fromEntries(strings.map((s, i) => [`k${i}`, s])) };
      cases.push({ name: `fold ${style} depth ${depth}`, value: nest(depth, value) });
    }
    cases.push({ name: `fold ${style} root items`, value: strings });
    cases.push({ name: `fold ${style} list of lists`, value: [[[strings.slice(0, 10)]]] });
  }
  return cases;
}
