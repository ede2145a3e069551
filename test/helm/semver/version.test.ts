import { describe, expect, it } from 'vitest';

import {
  compareVersions,
  InvalidVersionError,
  parseStrictSemver2,
  parseVersion,
  sortVersionStringsDescending,
  tryParseVersion,
} from '../../../src/helm/semver/index.js';

// Tables ported as data from Masterminds/semver (HEAD = v3.5.0) version_test.go; `true` in the
// second column means "rejected".
type ParseRow = readonly [version: string, rejected: boolean];
type PairRow = readonly [input: string, expected: string];
type CompareRow = readonly [a: string, b: string, expected: number];
type RelationRow = readonly [a: string, b: string, expected: boolean];

const STRICT: readonly ParseRow[] = [
  ['1.2.3', false],
  ['1.2.3-alpha.01', true],
  ['1.2.3+test.01', false],
  ['1.2.3-alpha.-1', false],
  ['v1.2.3', true],
  ['1.0', true],
  ['v1.0', true],
  ['1', true],
  ['v1', true],
  ['1.2', true],
  ['1.2.beta', true],
  ['v1.2.beta', true],
  ['foo', true],
  ['1.2-5', true],
  ['v1.2-5', true],
  ['1.2-beta.5', true],
  ['v1.2-beta.5', true],
  ['\n1.2', true],
  ['\nv1.2', true],
  ['1.2.0-x.Y.0+metadata', false],
  ['v1.2.0-x.Y.0+metadata', true],
  ['1.2.0-x.Y.0+metadata-width-hypen', false],
  ['v1.2.0-x.Y.0+metadata-width-hypen', true],
  ['1.2.3-rc1-with-hypen', false],
  ['1.2.3-0abc123', false],
  ['1.2.3-beta.01', true],
  ['v1.2.3-rc1-with-hypen', true],
  ['1.2.3.4', true],
  ['v1.2.3.4', true],
  ['1.2.2147483648', false],
  ['1.2147483648.3', false],
  ['2147483648.3.0', false],
  ['20221209-update-renovatejson-v4', true],
  ['1.1.2+.123', true],
  ['1.0.0-alpha_beta', true],
  ['1.0.0-alpha..', true],
  ['1.0.0-alpha..1', true],
  ['01.1.1', true],
  ['1.01.1', true],
  ['1.1.01', true],
  ['9.8.7+meta+meta', true],
  ['1.2.31----RC-SNAPSHOT.12.09.1--.12+788', true],
  ['1.2.3-0123', true],
  ['1.2.3-0123.0123', true],
  ['+invalid', true],
  ['-invalid', true],
  ['-invalid.01', true],
  ['alpha+beta', true],
  ['1.2.3-alpha_beta+foo', true],
  ['1.0.0-alpha..1', true],
];
const LOOSE: readonly ParseRow[] = [
  ['1.2.3', false],
  ['1.2.3-alpha.01', true],
  ['1.2.3+test.01', false],
  ['1.2.3-alpha.-1', false],
  ['v1.2.3', false],
  ['1.0', false],
  ['v1.0', false],
  ['1', false],
  ['v1', false],
  ['1.2.beta', true],
  ['v1.2.beta', true],
  ['foo', true],
  ['1.2-5', false],
  ['v1.2-5', false],
  ['1.2-beta.5', false],
  ['v1.2-beta.5', false],
  ['\n1.2', true],
  ['\nv1.2', true],
  ['1.2.0-x.Y.0+metadata', false],
  ['v1.2.0-x.Y.0+metadata', false],
  ['1.2.0-x.Y.0+metadata-width-hypen', false],
  ['v1.2.0-x.Y.0+metadata-width-hypen', false],
  ['1.2.3-rc1-with-hypen', false],
  ['v1.2.3-rc1-with-hypen', false],
  ['1.2.3-0abc123', false],
  ['1.2.3-beta.01', true],
  ['1.2.3.4', true],
  ['v1.2.3.4', true],
  ['1.2.2147483648', false],
  ['1.2147483648.3', false],
  ['2147483648.3.0', false],
  ['12.3.4.1234', true],
  ['12.23.4.1234', true],
  ['12.3.34.1234', true],
  ['20221209-update-renovatejson-v4', false],
  ['1.1.2+.123', true],
  ['1.0.0-alpha_beta', true],
  ['1.0.0-alpha..', true],
  ['1.0.0-alpha..1', true],
  ['9.8.7+meta+meta', true],
  ['1.2.31----RC-SNAPSHOT.12.09.1--.12+788', true],
  ['01.1.1', false],
  ['1.01.1', false],
  ['1.1.01', false],
];
const COERCE_STRING: readonly PairRow[] = [
  ['1.2.3', '1.2.3'],
  ['v1.2.3', '1.2.3'],
  ['1.0', '1.0.0'],
  ['v1.0', '1.0.0'],
  ['1', '1.0.0'],
  ['v1', '1.0.0'],
  ['1.2-5', '1.2.0-5'],
  ['v1.2-5', '1.2.0-5'],
  ['1.2-beta.5', '1.2.0-beta.5'],
  ['v1.2-beta.5', '1.2.0-beta.5'],
  ['1.2.0-x.Y.0+metadata', '1.2.0-x.Y.0+metadata'],
  ['v1.2.0-x.Y.0+metadata', '1.2.0-x.Y.0+metadata'],
  ['1.2.0-x.Y.0+metadata-width-hypen', '1.2.0-x.Y.0+metadata-width-hypen'],
  ['v1.2.0-x.Y.0+metadata-width-hypen', '1.2.0-x.Y.0+metadata-width-hypen'],
  ['1.2.3-rc1-with-hypen', '1.2.3-rc1-with-hypen'],
  ['v1.2.3-rc1-with-hypen', '1.2.3-rc1-with-hypen'],
];
const COMPARE: readonly CompareRow[] = [
  ['1.2.3', '1.5.1', -1],
  ['2.2.3', '1.5.1', 1],
  ['2.2.3', '2.2.2', 1],
  ['3.2-beta', '3.2-beta', 0],
  ['1.3', '1.1.4', 1],
  ['4.2', '4.2-beta', 1],
  ['4.2-beta', '4.2', -1],
  ['4.2-alpha', '4.2-beta', -1],
  ['4.2-alpha', '4.2-alpha', 0],
  ['4.2-beta.2', '4.2-beta.1', 1],
  ['4.2-beta2', '4.2-beta1', 1],
  ['4.2-beta', '4.2-beta.2', -1],
  ['4.2-beta', '4.2-beta.foo', -1],
  ['4.2-beta.2', '4.2-beta', 1],
  ['4.2-beta.foo', '4.2-beta', 1],
  ['1.2+bar', '1.2+baz', 0],
  ['1.0.0-beta.4', '1.0.0-beta.-2', -1],
  ['1.0.0-beta.-2', '1.0.0-beta.-3', -1],
  ['1.0.0-beta.-3', '1.0.0-beta.5', 1],
];
const LESS_THAN: readonly RelationRow[] = [
  ['1.2.3', '1.5.1', true],
  ['2.2.3', '1.5.1', false],
  ['3.2-beta', '3.2-beta', false],
];
const LESS_THAN_EQUAL: readonly RelationRow[] = [
  ['1.2.3', '1.5.1', true],
  ['2.2.3', '1.5.1', false],
  ['1.5.1', '1.5.1', true],
];
const GREATER_THAN: readonly RelationRow[] = [
  ['1.2.3', '1.5.1', false],
  ['2.2.3', '1.5.1', true],
  ['3.2-beta', '3.2-beta', false],
  ['3.2.0-beta.1', '3.2.0-beta.5', false],
  ['3.2-beta.4', '3.2-beta.2', true],
  ['7.43.0-SNAPSHOT.99', '7.43.0-SNAPSHOT.103', false],
  ['7.43.0-SNAPSHOT.FOO', '7.43.0-SNAPSHOT.103', true],
  ['7.43.0-SNAPSHOT.99', '7.43.0-SNAPSHOT.BAR', false],
];
const GREATER_THAN_EQUAL: readonly RelationRow[] = [
  ['1.2.3', '1.5.1', false],
  ['2.2.3', '1.5.1', true],
  ['1.5.1', '1.5.1', true],
];
function compare(a: string, b: string): number {
  return compareVersions(parseVersion(a), parseVersion(b));
}

describe('parseStrictSemver2 (Masterminds StrictNewVersion)', () => {
  it.each(STRICT)('%j rejected=%s', (version, rejected) => {
    if (rejected) expect(() => parseStrictSemver2(version)).toThrow(InvalidVersionError);
    else expect(parseStrictSemver2(version).original).toBe(version);
  });
});

describe('parseVersion (Masterminds NewVersion, coercing)', () => {
  it.each(LOOSE)('%j rejected=%s', (version, rejected) => {
    if (rejected) expect(() => parseVersion(version)).toThrow(InvalidVersionError);
    else expect(parseVersion(version).original).toBe(version);
  });

  it.each(COERCE_STRING)('%j normalises to %j and keeps the original', (input, expected) => {
    const version = parseVersion(input);
    expect(version.toString()).toBe(expected);
    expect(version.original).toBe(input);
  });

  it('exposes the parts (TestParts)', () => {
    const version = parseVersion('1.2.3-beta.1+build.123');
    expect([version.major, version.minor, version.patch]).toEqual([1, 2, 3]);
    expect(version.prerelease).toBe('beta.1');
    expect(version.metadata).toBe('build.123');
  });

  it('reads the helm.md §3 forms: v prefix, missing parts, leading zeros', () => {
    expect(parseVersion('v1.2.3').toString()).toBe('1.2.3');
    expect(parseVersion('1').toString()).toBe('1.0.0');
    expect(parseVersion('1.2').toString()).toBe('1.2.0');
    expect(parseVersion('01.02.03').toString()).toBe('1.2.3');
    expect(parseVersion('v1.2').original).toBe('v1.2');
  });

  it('tryParseVersion returns undefined instead of throwing', () => {
    expect(tryParseVersion('1.2.3.4')).toBeUndefined();
    expect(tryParseVersion('1.2')?.toString()).toBe('1.2.0');
  });
});

// Messages derived from reading version.go; the Go test only compares error identities, and in
// coercing mode (Helm's) the loose regex decides which of them a string can reach.
describe('error messages', () => {
  const lenient: readonly (readonly [string, string, string])[] = [
    ['', 'invalid-semver', 'invalid semantic version'],
    ['foo', 'invalid-semver', 'invalid semantic version'],
    ['1.2.3-dev..1', 'invalid-semver', 'invalid semantic version'],
    ['1.2.3-dev.01', 'segment-starts-zero', 'version segment starts with 0'],
    ['1.2.3-023658', 'segment-starts-zero', 'version segment starts with 0'],
    [
      '18446744073709551616.0.0',
      'segment-parse',
      'error parsing version segment: strconv.ParseUint: parsing "18446744073709551616": value out of range',
    ],
    // Go accepts up to 2^64-1; we stop at Number.MAX_SAFE_INTEGER with the same message.
    [
      '1.2.9007199254740992',
      'segment-parse',
      'error parsing version segment: strconv.ParseUint: parsing "9007199254740992": value out of range',
    ],
  ];
  it.each(lenient)('parseVersion(%j) fails with %s', (input, code, message) => {
    const error = catchError(() => parseVersion(input));
    expect(error).toMatchObject({ name: 'InvalidVersionError', code, message, input });
  });

  const strict: readonly (readonly [string, string, string])[] = [
    ['', 'empty-string', 'version string empty'],
    ['1.2', 'invalid-semver', 'invalid semantic version'],
    ['v1.2.3', 'invalid-characters', 'invalid characters in version'],
    ['1.2.beta', 'invalid-characters', 'invalid characters in version'],
    ['01.1.1', 'segment-starts-zero', 'version segment starts with 0'],
    ['1.2.3-beta.01', 'segment-starts-zero', 'version segment starts with 0'],
    ['1.1.2+.123', 'invalid-metadata', 'invalid metadata string'],
    ['9.8.7+meta+meta', 'invalid-metadata', 'invalid metadata string'],
    ['1.0.0-alpha_beta', 'invalid-prerelease', 'invalid prerelease string'],
    ['1.0.0-alpha..1', 'invalid-prerelease', 'invalid prerelease string'],
    ['1..3', 'segment-parse', 'strconv.ParseUint: parsing "": invalid syntax'],
  ];
  it.each(strict)('parseStrictSemver2(%j) fails with %s', (input, code, message) => {
    expect(catchError(() => parseStrictSemver2(input))).toMatchObject({ code, message });
  });

  it('accepts numbers beyond 32 bits (Masterminds rows)', () => {
    expect(parseVersion('2147483648.3.0').major).toBe(2147483648);
    expect(parseStrictSemver2('1.2.2147483648').patch).toBe(2147483648);
  });
});

describe('compareVersions', () => {
  it.each(COMPARE)('%s vs %s = %i', (a, b, expected) => {
    expect(compare(a, b)).toBe(expected);
  });
  it.each(LESS_THAN)('%s < %s is %s', (a, b, expected) => expect(compare(a, b) < 0).toBe(expected));
  it.each(LESS_THAN_EQUAL)('%s <= %s is %s', (a, b, expected) => expect(compare(a, b) <= 0).toBe(expected));
  it.each(GREATER_THAN)('%s > %s is %s', (a, b, expected) => expect(compare(a, b) > 0).toBe(expected));
  it.each(GREATER_THAN_EQUAL)('%s >= %s is %s', (a, b, expected) => expect(compare(a, b) >= 0).toBe(expected));

  it('ignores build metadata (TestEqual rows, helm.md §3)', () => {
    expect(compare('3.2-beta+foo', '3.2-beta+bar')).toBe(0);
    expect(compare('3.2-beta', '3.2-beta')).toBe(0);
    expect(compare('0.1.9+alpha', '0.1.9+beta')).toBe(0);
    expect(compare('1.2.3', '1.5.1')).not.toBe(0);
  });

  it('treats prerelease identifiers too large for uint64 as alphanumeric', () => {
    expect(compare('1.0.0-18446744073709551616', '1.0.0-9')).toBe(1);
    expect(compare('1.0.0-18446744073709551615', '1.0.0-alpha')).toBe(-1);
  });
});

describe('sortVersionStringsDescending (Helm SortEntries)', () => {
  it('orders newest first with prereleases below their release', () => {
    const sorted = sortVersionStringsDescending(['1.0.0', '2.0.0-rc.1', '0.9.0', '2.0.0', 'v1.5', '1.10.0']);
    expect(sorted).toEqual(['2.0.0', '2.0.0-rc.1', '1.10.0', 'v1.5', '1.0.0', '0.9.0']);
  });

  it('sinks unparseable versions to the end in input order and does not mutate its input', () => {
    const input = ['not-semver', '1.0.0', '1.2.3.4', '3.0.0'];
    expect(sortVersionStringsDescending(input)).toEqual(['3.0.0', '1.0.0', 'not-semver', '1.2.3.4']);
    expect(input).toEqual(['not-semver', '1.0.0', '1.2.3.4', '3.0.0']);
  });

  it('keeps versions that differ only in metadata in input order', () => {
    expect(sortVersionStringsDescending(['1.0.0+b', '0.1.0', '1.0.0+a'])).toEqual(['1.0.0+b', '1.0.0+a', '0.1.0']);
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
