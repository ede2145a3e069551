/**
 * Version constraints as Masterminds/semver v3.5 (Helm 3.21+) parses and checks them: the
 * `--version` flag, `Chart.yaml` dependency versions, Sprig `semverCompare`, and index lookups.
 *
 * Grammar: OR groups split by `||`; inside a group, comparators separated by spaces or commas;
 * a comparator is an optional operator (`=` or none, `!=`, `>`, `<`, `>=`/`=>`, `<=`/`=<`,
 * `~`/`~>`, `^`) and a version that may use `x`, `X`, `*` or leave parts out ("dirty").
 * `A - B` (spaces required) is rewritten to `>= A, <= B` before anything else.
 *
 * Prereleases (the rule npm does not share): a prerelease version can only satisfy an AND group
 * in which some comparator's version has a prerelease, whatever its major.minor.patch.
 * `>=1.1` rejects 4.1.0-beta; `>= 1.0.0 <= 2.0.0-beta` accepts 1.0.1-beta; `>0.0.0-0` accepts all.
 *
 * The regular expressions are Masterminds' own, with Go's `\s` spelled out as `[\t\n\f\r ]` (RE2's
 * `\s` is ASCII-only). Only the group validator is re-shaped (see VALID_GROUP) so that a
 * backtracking engine cannot be driven exponential by runs of spaces; it accepts the same language.
 * One cost remains: the `A - B` search is quadratic on crafted input that contains ` - ` (about a
 * second for 20 000 characters), so callers facing untrusted text should bound its length.
 */
import { comparePrerelease, compareVersions, type SemVersion, tryParseVersion } from './version.js';

/** Why a constraint string was rejected. */
export type ConstraintErrorCode = 'improper-constraint' | 'parser-error';

/**
 * Thrown by `parseConstraint`. `message` is Masterminds' text: `improper constraint: "<group>"`
 * (the offending `||` group, Go-quoted) or `constraint parser error` (the shape was right but the
 * version inside was not, e.g. `v1.2.3-beta.01`). Branch on `code`, never on the message.
 */
export class InvalidConstraintError extends Error {
  override readonly name = 'InvalidConstraintError';

  constructor(
    readonly code: ConstraintErrorCode,
    message: string,
    /** The whole constraint string passed to `parseConstraint`. */
    readonly input: string,
  ) {
    super(message);
  }
}

/** Outcome of `Constraints.validate`: `reasons` holds Masterminds' messages when not satisfied. */
export interface ConstraintValidation {
  readonly satisfied: boolean;
  readonly reasons: readonly string[];
}

/** A parsed constraint. Immutable; every method is pure and never throws. */
export interface Constraints {
  /** Whether prereleases are admitted in every group (Masterminds' `IncludePrerelease`). */
  readonly includePrerelease: boolean;
  /** True when `version` satisfies at least one OR group (Masterminds `Check`). */
  check(version: SemVersion): boolean;
  /**
   * Like `check`, with the reasons each failing comparator gives (Masterminds `Validate`), e.g.
   * `"1.2.3" is less than "2"`; the prerelease reason is reported once. Empty when satisfied.
   */
  validate(version: SemVersion): ConstraintValidation;
  /** Canonical text: `op+version` joined by spaces, groups by ` || ` (`>= 1.2, <2` → `>=1.2 <2`). */
  toString(): string;
}

/** Options for `parseConstraint`. */
export interface ConstraintOptions {
  /** Admit prereleases even in groups without a prerelease comparator. Helm never sets it. */
  readonly includePrerelease?: boolean;
}

type Operator = '' | '=' | '!=' | '>' | '<' | '>=' | '=>' | '<=' | '=<' | '~' | '~>' | '^';

interface Comparator {
  readonly operator: Operator;
  /** The version text as written (`4.x`); quoted in messages. */
  readonly written: string;
  /** The version compared against, with wildcards and missing parts as 0. */
  readonly version: SemVersion;
  readonly dirty: boolean;
  readonly minorDirty: boolean;
  readonly patchDirty: boolean;
}

interface Group {
  readonly comparators: readonly Comparator[];
  /** Some comparator carries a prerelease, so prerelease versions may match this group. */
  readonly admitsPrereleases: boolean;
}

const WS = '[\\t\\n\\f\\r ]';
const OPS_NON_EMPTY = '!=|>=|=>|<=|=<|~>|=|>|<|~|\\^';
const CV =
  '(v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?' +
  '(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?' +
  '(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?)';
const CV_PLAIN = CV.replace(/\((?!\?)/g, '(?:');

/** `A - B`: 1 is A, 2 is B. */
const RANGE = new RegExp(`${WS}*(${CV_PLAIN})${WS}+-${WS}+(${CV_PLAIN})${WS}*`, 'g');
/** Cheap test that `RANGE` can match at all, so most constraints skip its quadratic search. */
const RANGE_DASH = new RegExp(`${WS}-${WS}`);
/**
 * Finds the comparators of a valid group: 1 operator (absent = none), 2 version, 3 major,
 * 4 .minor, 5 .patch, 6 -prerelease. Masterminds uses `(ops)\s*(cv)` and re-parses each hit with
 * `^\s*(ops)\s*(cv)\s*$`; on a group that passed VALID_GROUP both yield the same operator and
 * version in the same order. But there the empty operator lets a search start on every space of
 * a run and scan the rest of it (quadratic in the run's length); this pattern cannot start on one.
 */
const FIND = new RegExp(`(?:(${OPS_NON_EMPTY})${WS}*)?${CV}`, 'g');
/**
 * Masterminds' group validator is `^(\s*(ops)\s*(cv)\s*)((?:\s+|,\s*)(ops)\s*(cv)\s*)*$`. Here each
 * group's trailing `\s*` moves in front of the next separator and the empty operator becomes an
 * optional one, which is the same language with a single way to split every run of spaces.
 */
const VALID_GROUP = new RegExp(
  `^${WS}*(?:(?:${OPS_NON_EMPTY})${WS}*)?${CV_PLAIN}` +
    `(?:(?:${WS}+|${WS}*,${WS}*)(?:(?:${OPS_NON_EMPTY})${WS}*)?${CV_PLAIN})*${WS}*$`,
);

/**
 * Parses a constraint (Masterminds `NewConstraint`). Pure. An empty string is an error, as in Go
 * (`improper constraint: ""`); Helm substitutes `*` for an empty `--version` before parsing.
 *
 * Throws `InvalidConstraintError` (`improper constraint: "<group>"` or `constraint parser error`).
 */
export function parseConstraint(text: string, options: ConstraintOptions = {}): Constraints {
  const groups = rewriteRanges(text)
    .split('||')
    .map((group) => parseGroup(group, text));
  return new ParsedConstraints(groups, options.includePrerelease ?? false);
}

/**
 * Picks a chart version the way Helm's `IndexFile.Get` does. `entries` must already be sorted
 * newest first (see `sortVersionStringsDescending`). An empty `query` means `*`: the newest stable
 * version. Otherwise the query is parsed as a constraint first (so an invalid one throws even if
 * some entry's version equals it), then an entry whose version string equals the query wins
 * (`1.2.3+build.1` can be picked exactly), then the first entry whose version satisfies it.
 * Entries with unparseable versions are skipped. Returns `undefined` when nothing matches.
 *
 * Throws `InvalidConstraintError` when `query` is not a constraint.
 */
export function selectChartVersion<T extends { readonly version: string }>(
  entries: readonly T[],
  query: string,
): T | undefined {
  const constraint = parseConstraint(query === '' ? '*' : query);
  if (query !== '') {
    const exact = entries.find((entry) => entry.version === query);
    if (exact !== undefined) return exact;
  }
  return entries.find((entry) => {
    const version = tryParseVersion(entry.version);
    return version !== undefined && constraint.check(version);
  });
}

class ParsedConstraints implements Constraints {
  constructor(
    private readonly groups: readonly Group[],
    readonly includePrerelease: boolean,
  ) {}

  check(version: SemVersion): boolean {
    return this.groups.some((group) =>
      group.comparators.every((c) => checkComparator(version, c, this.admits(group)) === undefined),
    );
  }

  validate(version: SemVersion): ConstraintValidation {
    const reasons: string[] = [];
    let reportedPrerelease = false;
    for (const group of this.groups) {
      let satisfied = true;
      for (const comparator of group.comparators) {
        // Masterminds reports the prerelease reason once for the whole constraint, not per group.
        if (!this.admits(group) && version.prerelease !== '') {
          if (!reportedPrerelease) reasons.push(prereleaseReason(version));
          reportedPrerelease = true;
          satisfied = false;
          continue;
        }
        const reason = checkComparator(version, comparator, this.admits(group));
        if (reason !== undefined) {
          reasons.push(reason);
          satisfied = false;
        }
      }
      if (satisfied) return { satisfied: true, reasons: [] };
    }
    return { satisfied: false, reasons };
  }

  toString(): string {
    return this.groups.map((group) => group.comparators.map((c) => c.operator + c.written).join(' ')).join(' || ');
  }

  private admits(group: Group): boolean {
    return this.includePrerelease || group.admitsPrereleases;
  }
}

/** Go's `strings.Replace(o, match, ">= A, <= B ", 1)` for each `A - B` found in the original. */
function rewriteRanges(text: string): string {
  if (!RANGE_DASH.test(text)) return text;
  let rewritten = text;
  for (const match of text.matchAll(RANGE)) {
    const at = rewritten.indexOf(match[0]);
    if (at < 0) continue;
    const replacement = `>= ${match[1]}, <= ${match[2]} `;
    rewritten = rewritten.slice(0, at) + replacement + rewritten.slice(at + match[0].length);
  }
  return rewritten;
}

function parseGroup(group: string, input: string): Group {
  if (!VALID_GROUP.test(group)) {
    throw new InvalidConstraintError('improper-constraint', `improper constraint: ${quoteGo(group)}`, input);
  }
  const comparators = [...group.matchAll(FIND)].map((match) => parseComparator(match, input));
  return { comparators, admitsPrereleases: comparators.some((c) => c.version.prerelease !== '') };
}

/** Masterminds `parseConstraint`: wildcards and missing parts become 0 and mark the comparator dirty. */
function parseComparator(match: RegExpMatchArray, input: string): Comparator {
  const [, operator = '', written = '', major = '', minor = '', patch = '', prerelease = ''] = match;
  let target = written;
  let dirty = true;
  let minorDirty = false;
  let patchDirty = false;
  if (isWildcard(major)) {
    target = `0.0.0${prerelease}`;
  } else if (minor === '' || isWildcard(minor.slice(1))) {
    minorDirty = true;
    target = `${major}.0.0${prerelease}`;
  } else if (patch === '' || isWildcard(patch.slice(1))) {
    patchDirty = true;
    target = `${major}${minor}.0${prerelease}`;
  } else {
    dirty = false;
  }
  const version = tryParseVersion(target);
  if (version === undefined) throw new InvalidConstraintError('parser-error', 'constraint parser error', input);
  return { operator: operator as Operator, written, version, dirty, minorDirty, patchDirty };
}

function isWildcard(part: string): boolean {
  return part === 'x' || part === 'X' || part === '*';
}

type Rule = (v: SemVersion, c: Comparator) => string | undefined;

const RULES: Record<Operator, Rule> = {
  '': tildeOrEqual,
  '=': tildeOrEqual,
  '!=': notEqual,
  '>': greaterThan,
  '<': lessThan,
  '>=': greaterThanOrEqual,
  '=>': greaterThanOrEqual,
  '<=': lessThanOrEqual,
  '=<': lessThanOrEqual,
  '~': tilde,
  '~>': tilde,
  '^': caret,
};

/** Undefined when `v` satisfies `c`, else Masterminds' reason. */
function checkComparator(v: SemVersion, c: Comparator, admitsPrereleases: boolean): string | undefined {
  if (v.prerelease !== '' && !admitsPrereleases) return prereleaseReason(v);
  return RULES[c.operator](v, c);
}

function prereleaseReason(v: SemVersion): string {
  return `${quoteGo(v.toString())} is a prerelease version and the constraint is only looking for release versions`;
}

/** `"<version>" <relation> "<written>"`, as Masterminds formats with `%q is … %q`. */
function reason(v: SemVersion, relation: string, c: Comparator, suffix = ''): string {
  return `${quoteGo(v.toString())} ${relation} ${quoteGo(c.written)}${suffix}`;
}

/** `!=4.x` excludes all of 4.*; `!=4.1` all of 4.1.*; `!=4.1-alpha` compares prereleases too. */
function notEqual(v: SemVersion, c: Comparator): string | undefined {
  const con = c.version;
  if (c.dirty) {
    if (con.major !== v.major) return undefined;
    if (con.minor !== v.minor && !c.minorDirty) return undefined;
    if (c.minorDirty) return reason(v, 'is equal to', c);
    if (con.patch !== v.patch && !c.patchDirty) return undefined;
    if (c.patchDirty) {
      const hasPrerelease = v.prerelease !== '' || con.prerelease !== '';
      if (hasPrerelease && comparePrerelease(v.prerelease, con.prerelease) !== 0) return undefined;
      return reason(v, 'is equal to', c);
    }
  }
  return compareVersions(v, con) === 0 ? reason(v, 'is equal to', c) : undefined;
}

/** `>1.x` needs 2.0.0 or more; `>1.1` needs 1.2.0 or more (minor must grow). */
function greaterThan(v: SemVersion, c: Comparator): string | undefined {
  const con = c.version;
  let isGreater: boolean;
  if (!c.dirty) isGreater = compareVersions(v, con) > 0;
  else if (v.major !== con.major) isGreater = v.major > con.major;
  else if (c.minorDirty) isGreater = false;
  else if (c.patchDirty) isGreater = v.minor > con.minor;
  else isGreater = compareVersions(v, con) > 0;
  return isGreater ? undefined : reason(v, 'is less than or equal to', c);
}

function lessThan(v: SemVersion, c: Comparator): string | undefined {
  return compareVersions(v, c.version) < 0 ? undefined : reason(v, 'is greater than or equal to', c);
}

function greaterThanOrEqual(v: SemVersion, c: Comparator): string | undefined {
  return compareVersions(v, c.version) >= 0 ? undefined : reason(v, 'is less than', c);
}

/** `<=2.x` admits all of 2.*; `<=1.1` admits 1.1.1. */
function lessThanOrEqual(v: SemVersion, c: Comparator): string | undefined {
  const con = c.version;
  if (!c.dirty) return compareVersions(v, con) <= 0 ? undefined : reason(v, 'is greater than', c);
  if (v.major > con.major) return reason(v, 'is greater than', c);
  if (v.major === con.major && v.minor > con.minor && !c.minorDirty) return reason(v, 'is greater than', c);
  return undefined;
}

/** `~1.2.3` = >=1.2.3 <1.3.0; `~1` = >=1.0.0 <2.0.0; `~0.0.0` and `~*` admit everything. */
function tilde(v: SemVersion, c: Comparator): string | undefined {
  const con = c.version;
  if (compareVersions(v, con) < 0) return reason(v, 'is less than', c);
  if (con.major === 0 && con.minor === 0 && con.patch === 0 && !c.minorDirty && !c.patchDirty) return undefined;
  if (v.major !== con.major) return reason(v, 'does not have same major version as', c);
  if (v.minor !== con.minor && !c.minorDirty) return reason(v, 'does not have same major and minor version as', c);
  return undefined;
}

/** No operator or `=`: a dirty version means `~` (`1.2` = `1.2.x`), otherwise equality. */
function tildeOrEqual(v: SemVersion, c: Comparator): string | undefined {
  if (c.dirty) return tilde(v, c);
  return compareVersions(v, c.version) === 0 ? undefined : reason(v, 'is not equal to', c);
}

/** `^1.2.3` = <2.0.0; `^0.2.3` = <0.3.0; `^0.0.3` = 0.0.3 only; `^0.0` = <0.1.0; `^0` = <1.0.0. */
function caret(v: SemVersion, c: Comparator): string | undefined {
  const con = c.version;
  if (compareVersions(v, con) < 0) return reason(v, 'is less than', c);
  if (con.major > 0 || c.minorDirty) {
    return v.major === con.major ? undefined : reason(v, 'does not have same major version as', c);
  }
  if (v.major > 0) return reason(v, 'does not have same major version as', c);
  if (con.minor > 0 || c.patchDirty) {
    if (v.minor === con.minor) return undefined;
    return reason(
      v,
      'does not have same minor version as',
      c,
      '. Expected minor versions to match when constraint major version is 0',
    );
  }
  if (v.minor > 0) return reason(v, 'does not have same minor version as', c);
  if (v.patch === con.patch) return undefined;
  return reason(
    v,
    'does not equal',
    c,
    '. Expect version and constraint to equal when major and minor versions are 0',
  );
}

const GO_PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const GO_ESCAPES: Readonly<Record<string, string>> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
};

/** Go's `strconv.Quote` (what `%q` prints), so error texts match byte for byte. */
function quoteGo(text: string): string {
  let quoted = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const escape = GO_ESCAPES[char];
    if (escape !== undefined) quoted += escape;
    else if (code >= 0xd800 && code <= 0xdfff) quoted += loneSurrogateBytes(code);
    else if (GO_PRINTABLE.test(char)) quoted += char;
    else if (code < 0x20 || code === 0x7f) quoted += `\\x${hex(code, 2)}`;
    else if (code < 0x10000) quoted += `\\u${hex(code, 4)}`;
    else quoted += `\\U${hex(code, 8)}`;
  }
  return `${quoted}"`;
}

/** Go sees a lone surrogate as the three invalid UTF-8 bytes it would be encoded to. */
function loneSurrogateBytes(code: number): string {
  const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
  return bytes.map((byte) => `\\x${hex(byte, 2)}`).join('');
}

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, '0');
}

/** For the conformance tests only: Masterminds tests its range rewriting directly. */
export const internalsForTests = { rewriteRanges };
