import { describe, expect, it } from 'vitest';

import { InvalidConstraintError, parseConstraint } from '../../../src/helm/semver/index.js';

// Masterminds' constraint regexes exactly as constraints.go builds them, with Go's ASCII-only `\s`
// spelled out. They are the oracle for the re-shaped, linear-time patterns the port uses.
const WS = '[\\t\\n\\f\\r ]';
const OPS = '=||!=|>|<|>=|=>|<=|=<|~|~>|\\^';
const CV =
  'v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?' +
  '(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?' +
  '(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';
const GO_VALID = new RegExp(`^(${WS}*(${OPS})${WS}*(${CV})${WS}*)((?:${WS}+|,${WS}*)(${OPS})${WS}*(${CV})${WS}*)*$`);
const GO_FIND = new RegExp(`(${OPS})${WS}*(${CV})`, 'g');
const GO_COMPARATOR = new RegExp(`^${WS}*(${OPS})${WS}*(${CV})${WS}*$`);

/** What Masterminds' String() would print for a group that passed GO_VALID. */
function goComparators(group: string): string {
  return [...group.matchAll(GO_FIND)]
    .map(([found]) => {
      const m = GO_COMPARATOR.exec(found);
      return `${m?.[1]}${m?.[2]}`;
    })
    .join(' ');
}

/** Deterministic PRNG (mulberry32) so a failure names a reproducible input. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T,>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Mostly well-formed groups with random damage, so both accepted and rejected shapes occur. */
function randomGroup(random: () => number): string {
  const parts: string[] = [];
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) {
    if (i > 0) parts.push(pick(random, [' ', '  ', ',', ', ', ' ,', '\t', '']));
    parts.push(pick(random, ['', '', '=', '!=', '>', '<', '>=', '=>', '<=', '=<', '~', '~>', '^', '!', '>>']));
    parts.push(pick(random, ['', ' ', '  ']));
    parts.push(pick(random, ['1', 'v1', '1.2', '1.x', '*', 'X.1', '1.2.3', '1.2.*', '0.0', '1.2.3.4', 'x']));
    parts.push(pick(random, ['', '', '-beta', '-0', '-a.1', '+b', '-', '.', '|2']));
  }
  parts.push(pick(random, ['', '', ' ', ',', 'v', '  ']));
  return parts.join('');
}

function randomNoise(random: () => number): string {
  const alphabet = [' ', ',', '\t', '=', '!', '<', '>', '~', '^', '0', '1', '2', 'x', '*', '.', '-', '+', 'v', 'a', '|'];
  const length = 1 + Math.floor(random() * 10);
  return Array.from({ length }, () => pick(random, alphabet)).join('');
}

describe('constraint grammar matches Masterminds regexes', () => {
  const random = randomSource(20260410);
  const inputs = [
    ...Array.from({ length: 3000 }, () => randomGroup(random)),
    ...Array.from({ length: 3000 }, () => randomNoise(random)),
  ].filter((input) => !input.includes('||') && !new RegExp(`${WS}-${WS}`).test(input));

  it('samples enough accepted and rejected groups to mean something', () => {
    const accepted = inputs.filter((input) => GO_VALID.test(input)).length;
    expect(accepted).toBeGreaterThan(500);
    expect(inputs.length - accepted).toBeGreaterThan(500);
  });

  it('accepts, rejects and splits every sampled group as Masterminds does', () => {
    const mismatches: string[] = [];
    for (const input of inputs) {
      const expected = GO_VALID.test(input) ? goComparators(input) : 'improper';
      let actual: string;
      try {
        actual = parseConstraint(input).toString();
      } catch (error) {
        if (!(error instanceof InvalidConstraintError)) throw error;
        actual = error.code === 'improper-constraint' ? 'improper' : expected;
      }
      if (actual !== expected) mismatches.push(`${JSON.stringify(input)}: ${actual} ≠ ${expected}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('adversarial constraints stay linear', () => {
  // Masterminds' validator pattern, run by a backtracking engine, explores every way to split
  // these runs of spaces; each case would take far longer than the test timeout.
  it('rejects many space-separated comparators followed by garbage', () => {
    expect(() => parseConstraint(`1${'  1'.repeat(20000)}!`)).toThrow(InvalidConstraintError);
  });

  it('accepts long runs of spaces before a comma', () => {
    expect(parseConstraint(`1${' '.repeat(20000)},2`).toString()).toBe('1 2');
  });
});
