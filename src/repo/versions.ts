import { compareVersions, parseConstraint, tryParseVersion, type SemVersion } from '../helm/semver/index.js';

/** Parsed versions by text: an index sorts each version string many times (on load, ~log N compares each). */
const parsedVersions = new Map<string, SemVersion | undefined>();
const PARSE_CACHE_LIMIT = 100_000;

function parseCached(version: string): SemVersion | undefined {
  if (parsedVersions.has(version)) return parsedVersions.get(version);
  if (parsedVersions.size >= PARSE_CACHE_LIMIT) parsedVersions.clear();
  const parsed = tryParseVersion(version);
  parsedVersions.set(version, parsed);
  return parsed;
}

/** True if Helm's loader would accept `version` (Masterminds `NewVersion`: `v1.2.3`, `1.2` and `1` pass). */
export function isValidChartVersion(version: string): boolean {
  return tryParseVersion(version) !== undefined;
}

/** Orders two chart versions newest first, as Helm's `SortEntries` does; unparseable versions sink. */
export function compareVersionsDescending(a: string, b: string): number {
  const va = parseCached(a);
  const vb = parseCached(b);
  if (!va || !vb) return va ? -1 : vb ? 1 : 0;
  return compareVersions(vb, va);
}

/**
 * Parses a Masterminds version constraint (as Helm's `IndexFile.Get` does) into a predicate over version
 * strings, or returns undefined if it is not a valid constraint.
 */
export function parseVersionConstraint(constraint: string): ((version: string) => boolean) | undefined {
  let constraints;
  try {
    constraints = parseConstraint(constraint);
  } catch {
    return undefined;
  }
  return (version) => {
    const parsed = tryParseVersion(version);
    return parsed !== undefined && constraints.check(parsed);
  };
}
