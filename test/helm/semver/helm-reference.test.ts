import { describe, expect, it } from 'vitest';

import {
  InvalidConstraintError,
  parseConstraint,
  parseVersion,
  selectChartVersion,
  sortVersionStringsDescending,
} from '../../../src/helm/semver/index.js';

// Every example of /work/shared/reference/helm.md §3 and deps.md §6, as (constraint, version, satisfied).
type CheckRow = readonly [constraint: string, version: string, satisfied: boolean];

const WILDCARDS_AND_MISSING_PARTS: readonly CheckRow[] = [
  // 1.2.x / 1.2 / =1.2 = >=1.2.0 <1.3.0
  ...['1.2.x', '1.2', '=1.2'].flatMap((c): CheckRow[] => [
    [c, '1.2.0', true],
    [c, '1.2.9', true],
    [c, '1.3.0', false],
    [c, '1.1.9', false],
  ]),
  ['>=1.2.x', '1.2.0', true],
  ['>=1.2.x', '9.0.0', true],
  ['>=1.2.x', '1.1.9', false],
  ['<=2.x', '2.9.9', true],
  ['<=2.x', '3.0.0', false],
  ['>1.x', '1.9.9', false],
  ['>1.x', '2.0.0', true],
  ['<=1.1', '1.1.1', true],
  ['*', '1.2.3', true],
  ['*', '1.2.3-alpha', false],
  ['!=4.x', '4.0.0', false],
  ['!=4.x', '4.9.9', false],
  ['!=4.x', '3.9.9', true],
  ['!=4.x', '5.0.0', true],
];

const TILDE_AND_CARET: readonly CheckRow[] = [
  ['~1.2.3', '1.2.3', true],
  ['~1.2.3', '1.2.9', true],
  ['~1.2.3', '1.3.0', false],
  ['~1.2', '1.2.0', true],
  ['~1.2', '1.3.0', false],
  ['~1', '1.0.0', true],
  ['~1', '1.9.9', true],
  ['~1', '2.0.0', false],
  ['~0.0.0', '7.8.9', true],
  ['~*', '7.8.9', true],
  ['^1.2.3', '1.9.9', true],
  ['^1.2.3', '2.0.0', false],
  ['^0.2.3', '0.2.3', true],
  ['^0.2.3', '0.2.9', true],
  ['^0.2.3', '0.3.0', false],
  ['^0.0.3', '0.0.3', true],
  ['^0.0.3', '0.0.4', false],
  ['^0.0', '0.0.9', true],
  ['^0.0', '0.1.0', false],
  ['^0', '0.9.9', true],
  ['^0', '1.0.0', false],
];

const OPERATORS_AND_SEPARATORS: readonly CheckRow[] = [
  ['>=1.1 <2', '1.5.0', true],
  ['>=1.1 <2', '2.0.0', false],
  ['>=1.1, <2', '1.5.0', true],
  ['>=1.1, <2', '2.0.0', false],
  ['=>1.1', '1.1.0', true],
  ['=<1.1', '1.1.0', true],
  ['~>1.2', '1.2.5', true],
  ['~>1.2', '1.3.0', false],
  // A hyphen range needs spaces; without them the right side is a prerelease.
  ['1.2 - 1.4.5', '1.2.0', true],
  ['1.2 - 1.4.5', '1.4.5', true],
  ['1.2 - 1.4.5', '1.4.6', false],
  ['1.2 - 1.4.5', '1.1.9', false],
  ['1.2-1.4.5', '1.2.0-1.4.5', true],
  ['1.2-1.4.5', '1.4.5', false],
];

// "Prereleases (the big difference)": the AND-group rule, and Helm's idioms built on it.
const PRERELEASES: readonly CheckRow[] = [
  ['>= 1.0.0 <= 2.0.0-beta', '1.0.1-beta', true],
  ['>=1.1', '4.1.0-beta', false],
  ['~1.1', '1.1.1-alpha', false],
  ['~1.1-alpha', '1.1.1-beta', true],
  ['^1.x', '1.1.1-beta1', false],
  ['^1.1.2-alpha', '1.2.1-beta1', true],
  ['>=1.0.0-0 <=2.0.0', '1.0.1-beta', true],
  ['>0.0.0-0', '0.1.0-alpha', true],
  ['>0.0.0-0', '1.0.0', true],
  ['>0.0.0', '1.0.0-rc.1', false],
  ['>0.0.0', '0.0.1', true],
  // deps.md §6: rows where node-semver disagrees.
  ['>= 1.0.0-0', '1.2.3-beta.2', true],
  ['^1.2.3-beta.1', '1.2.4-alpha', true],
];

// "More Masterminds test rows usable as conformance".
const CONFORMANCE: readonly CheckRow[] = [
  ['*', '1.2.3', true],
  ['0.x.x', '1.2.3', false],
  ['= 2.0', '2.0.0', true],
  ['4.1', '4.1.0', true],
  ['1.x', '1.4', true],
  ['!=4.1', '4.1.0', false],
  ['!=4.1-alpha', '4.1.0', true],
  ['>1.1', '1.1.0', false],
  ['<1.x', '1.1.1', false],
  ['<1.x', '0.1.1', true],
  ['<1.1.x', '1.1.500', false],
  ['<=2.x', '3.0.0', false],
  ['<=4.5', '4.6.3', false],
  ['>=1.1, <2, !=1.2.3 || > 3', '4.1.2', true],
  ['>=1.1, <2, !=1.2.3 || > 3', '3.0.0', false],
  ['1.1 - 2', '1.1.1', true],
  ['1.1-3', '4.3.2', false],
  ['^0.0.1', '0.3.1', false],
  ['~1', '1.4', true],
  ['~1.2.3', '1.3.2', false],
  ['1.0.0 - 2.0.0, <=2.0.0', '1.5.0', true],
];

describe('helm.md §3 constraint examples', () => {
  it.each([
    ...WILDCARDS_AND_MISSING_PARTS,
    ...TILDE_AND_CARET,
    ...OPERATORS_AND_SEPARATORS,
    ...PRERELEASES,
    ...CONFORMANCE,
  ])('%j with %s → %s', (constraint, version, expected) => {
    expect(parseConstraint(constraint).check(parseVersion(version))).toBe(expected);
  });

  it('quotes the offending group in the error', () => {
    expect(() => parseConstraint('>=1.0 || 1.2.3.4')).toThrow(
      new InvalidConstraintError('improper-constraint', 'improper constraint: " 1.2.3.4"', '>=1.0 || 1.2.3.4'),
    );
  });
});

describe('selectChartVersion (helm.md §1.8, IndexFile.Get)', () => {
  const entries = sortVersionStringsDescending([
    '0.9.0',
    '1.2.3+build.2',
    'not-a-version',
    '1.2.2',
    '2.0.0-rc.1',
    '1.2.3+build.1',
  ]).map((version) => ({ version }));

  it('sorts the index the way Helm does', () => {
    expect(entries.map((entry) => entry.version)).toEqual([
      '2.0.0-rc.1',
      '1.2.3+build.2',
      '1.2.3+build.1',
      '1.2.2',
      '0.9.0',
      'not-a-version',
    ]);
  });

  it.each([
    ['', '1.2.3+build.2'], // empty = "*" = newest stable
    ['1.2.3+build.1', '1.2.3+build.1'], // exact string match beats constraint order
    ['1.2.3', '1.2.3+build.2'], // no exact string: first version equal by precedence
    ['>0.0.0-0', '2.0.0-rc.1'], // --devel
    ['^1', '1.2.3+build.2'],
    ['~0.9', '0.9.0'],
    ['1.2.2', '1.2.2'],
  ])('%j picks %s', (query, expected) => {
    expect(selectChartVersion(entries, query)?.version).toBe(expected);
  });

  it('returns undefined when nothing satisfies the constraint', () => {
    expect(selectChartVersion(entries, '3.x')).toBeUndefined();
    expect(selectChartVersion([{ version: '1.0.0-rc.1' }], '')).toBeUndefined();
  });

  it('parses the query before looking for an exact match, as Helm does', () => {
    expect(() => selectChartVersion(entries, 'not-a-version')).toThrow('improper constraint: "not-a-version"');
  });
});
