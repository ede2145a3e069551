/**
 * The checks Helm makes before rendering a chart for install or `helm template` (cmd/helm/install.go
 * checkIfInstallable, pkg/action/install.go availableName, pkg/chartutil ValidateReleaseName and
 * IsCompatibleRange), with Helm's messages.
 */
import { quote } from '../../gotemplate/index.js';
import { parseConstraint, tryParseVersion } from '../semver/index.js';
import type { ChartMetadata } from '../../repo/chart-metadata.js';
import { RenderError } from './errors.js';

/** The chart may not be installed under this name or on this cluster. */
export class NotInstallableError extends RenderError {
  override name = 'NotInstallableError';
}

/** Helm's release name rule (DNS-1123 subdomain, at most 53 characters). */
export const RELEASE_NAME_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const RELEASE_NAME_MAX = 53;

/**
 * ValidateReleaseName wrapped as availableName does. Throws NotInstallableError:
 * `release name "Bad_Name": invalid release name, must match regex … and the length must not be longer than 53`.
 */
export function validateReleaseName(name: string): void {
  if (name === '') throw new NotInstallableError('no name provided');
  if (name.length > RELEASE_NAME_MAX || !RELEASE_NAME_PATTERN.test(name)) {
    throw new NotInstallableError(`release name ${quote(name)}: invalid release name, must match regex ${RELEASE_NAME_PATTERN.source} and the length must not be longer than ${RELEASE_NAME_MAX}`);
  }
}

/** IsCompatibleRange: false when either side does not parse, else whether the version satisfies the range. */
export function isCompatibleRange(constraint: string, version: string): boolean {
  const v = tryParseVersion(version);
  if (!v) return false;
  try {
    return parseConstraint(constraint).check(v);
  } catch {
    return false;
  }
}

/**
 * action.CheckDependencies as `helm template`/`install` report it: every dependency declared in Chart.yaml
 * must be present under `charts/` by name. Throws NotInstallableError.
 */
export function checkDependenciesPresent(metadata: ChartMetadata, subchartNames: readonly string[]): void {
  const missing = (metadata.dependencies ?? []).filter((d) => !subchartNames.includes(d.name)).map((d) => d.name);
  if (missing.length > 0) {
    throw new NotInstallableError('An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: '
      + `found in Chart.yaml, but missing in charts/ directory: ${missing.join(', ')}`);
  }
}

/**
 * Helm's pre-render checks in Helm's order: library charts refused, declared dependencies present, release
 * name validated (`afterDependencies` runs just before), and (when `kubeVersion` is given) the chart's `kubeVersion` range checked against the
 * cluster's version. Throws NotInstallableError.
 */
export function checkInstallable(
  metadata: ChartMetadata, releaseName: string, kubeVersion?: string, subchartNames: readonly string[] = [], afterDependencies?: () => void,
): void {
  if ((metadata.type ?? 'application') === 'library') throw new NotInstallableError('library charts are not installable');
  checkDependenciesPresent(metadata, subchartNames);
  afterDependencies?.();
  validateReleaseName(releaseName);
  if (kubeVersion !== undefined) checkKubeVersion(metadata, kubeVersion);
}

/**
 * The chart's `kubeVersion` range against the cluster's version (Helm checks it while rendering, after
 * values and schema). Throws NotInstallableError.
 */
export function checkKubeVersion(metadata: ChartMetadata, kubeVersion: string): void {
  const range = metadata.kubeVersion ?? '';
  if (range !== '' && !isCompatibleRange(range, kubeVersion)) {
    throw new NotInstallableError(`chart requires kubeVersion: ${range} which is incompatible with Kubernetes ${kubeVersion}`);
  }
}

