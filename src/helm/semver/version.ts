/**
 * Versions as Masterminds/semver v3.5 (the library Helm 3.21+ links) parses and orders them.
 *
 * `parseVersion` is Masterminds' `NewVersion` with its default `CoerceNewVersion = true`:
 * `v1.2.3`, `1.2` (= 1.2.0), `1` (= 1.0.0) and leading zeros in the numeric parts (`01.2.3`) are
 * accepted; prerelease and build metadata follow SemVer 2. `parseStrictSemver2` is
 * `StrictNewVersion`: exactly `MAJOR.MINOR.PATCH[-PRE][+META]`, no `v`, no leading zeros.
 *
 * Ordering (`compareVersions`) is SemVer 2 precedence: build metadata is ignored, a prerelease sorts
 * before its release, numeric prerelease identifiers compare as numbers and sort before alphanumeric
 * ones. Worked examples: 1.3 > 1.1.4; 4.2-beta < 4.2; 4.2-beta.2 > 4.2-beta; 1.2+bar = 1.2+baz.
 */

/** Why a version string was rejected; one code per Masterminds error value. */
export type VersionErrorCode =
  | 'invalid-semver'
  | 'empty-string'
  | 'invalid-characters'
  | 'segment-starts-zero'
  | 'invalid-metadata'
  | 'invalid-prerelease'
  | 'segment-parse'
  | 'too-long';

/** The longest version string Masterminds parses, in bytes (longer ones fail before any other check). */
export const MAX_VERSION_BYTES = 256;

/** Masterminds' error texts (version.go), spelled exactly as the Go library spells them. */
export const VERSION_ERROR_MESSAGES = {
  'invalid-semver': 'invalid semantic version',
  'empty-string': 'version string empty',
  'invalid-characters': 'invalid characters in version',
  'segment-starts-zero': 'version segment starts with 0',
  'invalid-metadata': 'invalid metadata string',
  'invalid-prerelease': 'invalid prerelease string',
  'too-long': `version string is too long (max ${MAX_VERSION_BYTES} bytes)`,
} as const;

/**
 * Thrown by `parseVersion` and `parseStrictSemver2`. `message` is the text Masterminds returns for the
 * same input; branch on `code`, never on the message.
 */
export class InvalidVersionError extends Error {
  override readonly name = 'InvalidVersionError';

  constructor(
    readonly code: VersionErrorCode,
    message: string,
    /** The string that failed to parse. */
    readonly input: string,
  ) {
    super(message);
  }
}

/**
 * A parsed version. Immutable. `original` is the exact input (Helm writes it back, e.g. `v1.2`);
 * `toString()` is the normalised form (`1.2.0`), which is also what Masterminds' messages quote.
 */
export class SemVersion {
  constructor(
    readonly major: number,
    readonly minor: number,
    readonly patch: number,
    /** Dot-separated prerelease identifiers without the leading `-`; empty for a release. */
    readonly prerelease: string,
    /** Build metadata without the leading `+`; empty when absent. Ignored by ordering. */
    readonly metadata: string,
    readonly original: string,
  ) {}

  /** `MAJOR.MINOR.PATCH[-PRE][+META]`, without any `v` prefix (Masterminds `String()`). */
  toString(): string {
    let text = `${this.major}.${this.minor}.${this.patch}`;
    if (this.prerelease !== '') text += `-${this.prerelease}`;
    if (this.metadata !== '') text += `+${this.metadata}`;
    return text;
  }
}

const LOOSE_VERSION =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
const DIGITS = /^[0-9]*$/;
const IDENTIFIER_CHARS = /^[0-9A-Za-z-]*$/;
const MAX_SAFE_SEGMENT = BigInt(Number.MAX_SAFE_INTEGER);
const MAX_UINT64 = (1n << 64n) - 1n;

/**
 * Parses a version the way Helm does (`semver.NewVersion`, lenient). Pure.
 *
 * Throws `InvalidVersionError`: `invalid semantic version` when the shape is wrong (`foo`, `1.2.3.4`,
 * `1.2.beta`, empty string); `version segment starts with 0` for a numeric prerelease identifier
 * with a leading zero (`1.2.3-beta.01`); `invalid prerelease string` / `invalid metadata string`;
 * and `error parsing version segment: strconv.ParseUint: parsing "N": value out of range` for a
 * numeric part above Number.MAX_SAFE_INTEGER. (Go accepts parts up to 2^64-1; numbers between 2^53
 * and 2^64 are the one place this port is stricter than Masterminds, by design: we keep `number`.)
 */
export function parseVersion(text: string): SemVersion {
  if (Buffer.byteLength(text) > MAX_VERSION_BYTES) throw versionError('too-long', text);
  const m = LOOSE_VERSION.exec(text);
  if (m === null) throw versionError('invalid-semver', text);
  const pre = m[5] ?? '';
  const meta = m[8] ?? '';
  const major = parseSegment(m[1] ?? '', text, true);
  const minor = m[2] === undefined ? 0 : parseSegment(m[2].slice(1), text, true);
  const patch = m[3] === undefined ? 0 : parseSegment(m[3].slice(1), text, true);
  if (pre !== '') checkPrerelease(pre, text);
  if (meta !== '') checkMetadata(meta, text);
  return new SemVersion(major, minor, patch, pre, meta, text);
}

/** `parseVersion` that returns `undefined` instead of throwing. */
export function tryParseVersion(text: string): SemVersion | undefined {
  try {
    return parseVersion(text);
  } catch (error) {
    if (error instanceof InvalidVersionError) return undefined;
    throw error;
  }
}

/**
 * Parses a strict SemVer 2 version (Masterminds `StrictNewVersion`): three numeric parts, no `v`, no
 * leading zeros. Throws `InvalidVersionError` with Masterminds' message: `version string empty`,
 * `invalid semantic version` (not three parts), `invalid characters in version` (`v1.2.3`),
 * `version segment starts with 0`, `invalid prerelease string`, `invalid metadata string`, or
 * `strconv.ParseUint: parsing "N": …` for an empty or too large part.
 */
export function parseStrictSemver2(text: string): SemVersion {
  if (text === '') throw versionError('empty-string', text);
  const parts = splitN(text, '.', 3);
  if (parts.length !== 3) throw versionError('invalid-semver', text);
  let rest = parts[2] ?? '';
  let meta = '';
  let pre = '';
  if (rest.includes('+')) {
    [rest, meta] = splitN(rest, '+', 2) as [string, string];
    checkMetadata(meta, text);
  }
  if (rest.includes('-')) {
    [rest, pre] = splitN(rest, '-', 2) as [string, string];
    checkPrerelease(pre, text);
  }
  const numbers = [parts[0] ?? '', parts[1] ?? '', rest];
  for (const part of numbers) {
    if (!DIGITS.test(part)) throw versionError('invalid-characters', text);
    if (part.length > 1 && part.startsWith('0')) throw versionError('segment-starts-zero', text);
  }
  const [major, minor, patch] = numbers.map((part) => parseSegment(part, text, false)) as [number, number, number];
  return new SemVersion(major, minor, patch, pre, meta, text);
}

/**
 * SemVer 2 precedence: -1 when `a` < `b`, 0 when equal (build metadata ignored), 1 when `a` > `b`.
 * Never throws. Numeric prerelease identifiers are those Go's ParseUint accepts (digits, ≤ 2^64-1).
 */
export function compareVersions(a: SemVersion, b: SemVersion): -1 | 0 | 1 {
  const byNumbers = compareNumbers(a.major, b.major) || compareNumbers(a.minor, b.minor) || compareNumbers(a.patch, b.patch);
  if (byNumbers !== 0) return byNumbers;
  if (a.prerelease === '' && b.prerelease === '') return 0;
  if (a.prerelease === '') return 1;
  if (b.prerelease === '') return -1;
  return comparePrerelease(a.prerelease, b.prerelease);
}

/**
 * Sorts version strings newest first, like Helm's `IndexFile.SortEntries`: strings `parseVersion`
 * rejects sink to the end. Returns a new array; never throws. Unlike Go's unstable sort, ties
 * (e.g. `1.0.0+a` and `1.0.0+b`) and the unparseable tail keep their input order.
 */
export function sortVersionStringsDescending(versions: readonly string[]): string[] {
  const parsed = versions.map((text, index) => ({ text, index, version: tryParseVersion(text) }));
  parsed.sort((x, y) => {
    if (x.version === undefined || y.version === undefined) {
      if (x.version !== undefined) return -1;
      if (y.version !== undefined) return 1;
      return x.index - y.index;
    }
    return compareVersions(y.version, x.version) || x.index - y.index;
  });
  return parsed.map((entry) => entry.text);
}

/**
 * Compares two prerelease strings identifier by identifier (Masterminds `comparePrerelease`).
 * Exported for the `!=` constraint, which compares a prerelease against an empty one.
 */
export function comparePrerelease(a: string, b: string): -1 | 0 | 1 {
  const left = a.split('.');
  const right = b.split('.');
  const length = Math.max(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const order = compareIdentifier(left[i] ?? '', right[i] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}

function compareIdentifier(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  if (a === '') return -1;
  if (b === '') return 1;
  const numA = parseUint64(a);
  const numB = parseUint64(b);
  if (numA === undefined && numB === undefined) return a > b ? 1 : -1;
  if (numA === undefined) return 1; // alphanumeric identifiers outrank numeric ones
  if (numB === undefined) return -1;
  // Masterminds answers -1 for numerically equal but textually different identifiers ("01" vs "1").
  return numA > numB ? 1 : -1;
}

function compareNumbers(a: number, b: number): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

function parseUint64(text: string): bigint | undefined {
  if (text === '' || !DIGITS.test(text)) return undefined;
  const value = BigInt(text);
  return value > MAX_UINT64 ? undefined : value;
}

/** Go's ParseUint error texts, optionally wrapped as NewVersion wraps them. */
function parseSegment(digits: string, input: string, wrapped: boolean): number {
  let reason: string | undefined;
  if (digits === '') reason = 'invalid syntax';
  else if (BigInt(digits) > MAX_SAFE_SEGMENT) reason = 'value out of range';
  if (reason === undefined) return Number(digits);
  const cause = `strconv.ParseUint: parsing ${JSON.stringify(digits)}: ${reason}`;
  throw new InvalidVersionError('segment-parse', wrapped ? `error parsing version segment: ${cause}` : cause, input);
}

function checkPrerelease(pre: string, input: string): void {
  for (const identifier of pre.split('.')) {
    if (identifier === '') throw versionError('invalid-prerelease', input);
    if (DIGITS.test(identifier)) {
      if (identifier.length > 1 && identifier.startsWith('0')) throw versionError('segment-starts-zero', input);
    } else if (!IDENTIFIER_CHARS.test(identifier)) {
      throw versionError('invalid-prerelease', input);
    }
  }
}

function checkMetadata(meta: string, input: string): void {
  for (const identifier of meta.split('.')) {
    if (identifier === '' || !IDENTIFIER_CHARS.test(identifier)) throw versionError('invalid-metadata', input);
  }
}

function versionError(code: keyof typeof VERSION_ERROR_MESSAGES, input: string): InvalidVersionError {
  return new InvalidVersionError(code, VERSION_ERROR_MESSAGES[code], input);
}

/** Go's strings.SplitN for n ≥ 1: at most n pieces, the last one holding the rest. */
function splitN(text: string, separator: string, n: number): string[] {
  const pieces = text.split(separator);
  if (pieces.length <= n) return pieces;
  return [...pieces.slice(0, n - 1), pieces.slice(n - 1).join(separator)];
}
