import semver from 'semver';

// TODO(#4): replace with the Masterminds port in src/helm/semver once it lands.
const LOOSE_VERSION = /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

/** True if Helm's loader would accept `version` (Masterminds `NewVersion`: `v1.2.3`, `1.2` and `1` pass). */
export function isValidChartVersion(version: string): boolean {
  return LOOSE_VERSION.test(version);
}

/** Orders two chart versions newest first, as Helm's `SortEntries` does; unparseable versions sink. */
export function compareVersionsDescending(a: string, b: string): number {
  const va = semver.coerce(a, { includePrerelease: true }) && semver.valid(normalise(a));
  const vb = semver.valid(normalise(b));
  if (!va && !vb) return 0;
  if (!va) return 1;
  if (!vb) return -1;
  return semver.rcompare(va, vb);
}

function normalise(version: string): string | null {
  const match = LOOSE_VERSION.exec(version);
  if (!match) return null;
  return `${match[1]}${match[2] ?? '.0'}${match[3] ?? '.0'}${match[4] ?? ''}${match[7] ?? ''}`;
}

/**
 * Parses a Masterminds version constraint into a predicate over version strings, or returns undefined if it
 * is not a valid constraint.
 */
export function parseVersionConstraint(constraint: string): ((version: string) => boolean) | undefined {
  const range = semver.validRange(constraint.replaceAll(',', ' '));
  if (range === null) return undefined;
  return (version) => {
    const normalised = normalise(version);
    return normalised !== null && semver.satisfies(normalised, range);
  };
}
