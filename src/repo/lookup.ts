import type { ChartVersionRecord } from './chart-version.js';
import { ChartNotFoundError } from './errors.js';
import type { TenantIndex } from './tenant-index.js';
import { parseVersionConstraint } from './versions.js';

/**
 * Finds one version of a chart the way Helm's `IndexFile.Get` does, which is what ChartMuseum's API uses:
 * an exact string match wins; otherwise the newest version satisfying `version` read as a constraint;
 * `latest` (or '') means `*`, the newest stable version. Throws `ChartNotFoundError` with ChartMuseum's
 * messages: `no chart name found`, `no chart version found for <name>-<version>`, `improper constraint: <c>`.
 */
export function findChartVersion(index: TenantIndex, name: string, version: string): ChartVersionRecord {
  const versions = index.versions(name);
  if (versions.length === 0) throw new ChartNotFoundError('no chart name found');
  const wanted = version === 'latest' ? '' : version;
  if (wanted) {
    const exact = versions.find((r) => r.metadata.version === wanted);
    if (exact) return exact;
  }
  const matches = parseVersionConstraint(wanted || '*');
  if (!matches) throw new ChartNotFoundError(`improper constraint: ${wanted}`);
  const found = versions.find((r) => matches(r.metadata.version));
  if (!found) throw new ChartNotFoundError(`no chart version found for ${name}-${wanted}`);
  return found;
}

/** Pagination of `GET /api/charts`: chart names sorted, then the slice `[offset, offset+limit)`. */
export function pageChartNames(names: readonly string[], offset: number, limit: number | undefined): readonly string[] {
  return names.slice(offset, limit === undefined ? undefined : offset + limit);
}
