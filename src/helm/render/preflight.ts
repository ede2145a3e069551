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
 * Helm's pre-render checks in Helm's order: library charts refused, release name validated, the chart's
 * `kubeVersion` range checked against the cluster's version. Throws NotInstallableError.
 */
export function checkInstallable(metadata: ChartMetadata, releaseName: string, kubeVersion: string): void {
  if ((metadata.type ?? 'application') === 'library') throw new NotInstallableError('library charts are not installable');
  validateReleaseName(releaseName);
  const range = metadata.kubeVersion ?? '';
  if (range !== '' && !isCompatibleRange(range, kubeVersion)) {
    throw new NotInstallableError(`chart requires kubeVersion: ${range} which is incompatible with Kubernetes ${kubeVersion}`);
  }
}

