/**
 * Masterminds/semver v3.5 in TypeScript: the version parsing, ordering and constraint rules Helm
 * uses for chart versions, `--version`, dependencies and Sprig's `semver`/`semverCompare`.
 */
export {
  compareVersions,
  InvalidVersionError,
  parseStrictSemver2,
  parseVersion,
  SemVersion,
  sortVersionStringsDescending,
  tryParseVersion,
  VERSION_ERROR_MESSAGES,
  type VersionErrorCode,
} from './version.js';
export {
  type ConstraintErrorCode,
  type ConstraintOptions,
  type Constraints,
  type ConstraintValidation,
  InvalidConstraintError,
  parseConstraint,
  selectChartVersion,
} from './constraints.js';
