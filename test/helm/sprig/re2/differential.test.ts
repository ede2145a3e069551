/**
 * Differential test of the Go regexp port (src/helm/sprig/re2.ts) against Go's regexp package: thousands
 * of random (pattern, input, template) cases from a fixed seed go through a small stdlib-only Go program
 * (./oracle, built here with the Go toolchain) and through the port, and MatchString,
 * FindAllStringSubmatchIndex, ReplaceAllString, ReplaceAllLiteralString, Split and compile errors must
 * agree exactly. Without Go the suite is skipped, except in CI (or with CHARTROOM_REQUIRE_PEERS=1),
 * where a missing Go fails it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  GoRegexError, compileGoRegexp, findAllMatches, matchString, replaceAll, splitRegexp,
} from '../../../../src/helm/sprig/re2.js';
import { edgeCases } from './edge-cases.js';
import { type RegexCase, generateCases } from './generate.js';

const required = process.env.CI === 'true' || process.env.CHARTROOM_REQUIRE_PEERS === '1';

/** The go command: on PATH, or Go's default install location. */
function findGo(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'go'))) return join(dir, 'go');
  }
  return existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined;
}

interface Outcome {
  err?: string;
  match: boolean;
  all: number[][] | null;
  repl: string;
  lit: string;
  split: string[] | null;
  split2: string[] | null;
}

/** The port's answers for one case, shaped as the oracle prints them. */
function portOutcome(c: RegexCase): Outcome {
  let r;
  try {
    r = compileGoRegexp(c.p);
  } catch (e) {
    if (!(e instanceof GoRegexError)) throw e;
    return { err: e.message, match: false, all: null, repl: '', lit: '', split: null, split2: null };
  }
  return {
    match: matchString(r, c.s),
    all: findAllMatches(r, c.s, -1, undefined, true),
    repl: replaceAll(r, c.s, c.r, false),
    lit: replaceAll(r, c.s, c.r, true),
    split: splitRegexp(r, c.s, -1),
    split2: splitRegexp(r, c.s, 2),
  };
}

const go = findGo();

describe.skipIf(!go && !required)('Go regexp differential', () => {
  let dir = '';
  let oracle = '';

  beforeAll(() => {
    if (!go) throw new Error('go is required (CHARTROOM_REQUIRE_PEERS=1 or CI) but was not found');
    dir = mkdtempSync(join(tmpdir(), 're2-oracle-'));
    oracle = join(dir, 're2oracle');
    execFileSync(go, ['build', '-o', oracle, '.'], { cwd: join(import.meta.dirname, 'oracle'), stdio: 'pipe' });
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `cases` through Go and the port; returns Go's outcomes and the disagreements. */
  function compare(cases: RegexCase[]): { expected: Outcome[]; mismatches: string[] } {
    const expected = JSON.parse(execFileSync(oracle, { input: JSON.stringify(cases), maxBuffer: 256 << 20 }).toString()) as Outcome[];
    const mismatches: string[] = [];
    cases.forEach((c, k) => {
      const want = { ...expected[k]!, err: expected[k]!.err ?? undefined };
      const got = portOutcome(c);
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        const text = (v: unknown) => JSON.stringify(v).slice(0, 400);
        mismatches.push(`${text(c)}\n  go:   ${text(want)}\n  port: ${text(got)}`);
      }
    });
    return { expected, mismatches };
  }

  for (const seed of [1, 2, 3]) {
    it(`agrees with Go on 1500 random cases (seed ${seed})`, () => {
      const cases = generateCases(seed, 500, 3);
      const { expected, mismatches } = compare(cases);
      expect(expected.filter((e) => e.err).length).toBeGreaterThan(10);
      expect(expected.filter((e) => e.match).length).toBeGreaterThan(cases.length / 3);
      expect(mismatches.slice(0, 8).join('\n')).toBe('');
    }, 120_000);
  }

  it('agrees with Go on hand-picked edge cases', () => {
    const { mismatches } = compare(edgeCases());
    expect(mismatches.slice(0, 8).join('\n')).toBe('');
  }, 120_000);
});
