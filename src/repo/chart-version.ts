import type { ChartMetadata } from './chart-metadata.js';

/**
 * One chart version as the repository indexes it: Chart.yaml metadata plus what the index adds. This is
 * also the unit persisted in the index journal, so it holds everything needed to serve `index.yaml` and the
 * API without opening the archive again.
 */
export interface ChartVersionRecord {
  metadata: ChartMetadata;
  /** Storage file name inside the tenant folder: `<name>-<version>.tgz`. */
  file: string;
  /** Lower-case hex SHA-256 of the archive bytes. */
  digest: string;
  /** RFC 3339 time the version entered the repository. */
  created: string;
  /** Archive size and storage ETag when indexed; a rescan re-reads the archive if the ETag changed. */
  size: number;
  etag: string;
}

/**
 * The ChartVersion object of Helm's index and ChartMuseum's API, fields in Go struct order (JSON keeps
 * this order; the YAML emitter sorts keys as Go's does). Empty fields are omitted as `omitempty` does.
 */
export function toChartVersionObject(record: ChartVersionRecord, url: string): Record<string, unknown> {
  const m = record.metadata;
  const out: Record<string, unknown> = {};
  setIf(out, 'name', m.name);
  setIf(out, 'home', m.home);
  setIf(out, 'sources', m.sources);
  setIf(out, 'version', m.version);
  setIf(out, 'description', m.description);
  setIf(out, 'keywords', m.keywords);
  setIf(out, 'maintainers', m.maintainers);
  setIf(out, 'icon', m.icon);
  setIf(out, 'apiVersion', m.apiVersion);
  setIf(out, 'condition', m.condition);
  setIf(out, 'tags', m.tags);
  setIf(out, 'appVersion', m.appVersion);
  if (m.deprecated) out.deprecated = true;
  setIf(out, 'annotations', m.annotations);
  setIf(out, 'kubeVersion', m.kubeVersion);
  setIf(out, 'dependencies', m.dependencies);
  setIf(out, 'type', m.type);
  out.urls = [url];
  out.created = record.created;
  out.digest = record.digest;
  return out;
}

function setIf(out: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined || value === '') return;
  if (Array.isArray(value) && value.length === 0) return;
  out[key] = value;
}

/**
 * Formats a time as Go's `time.Time` JSON form (RFC 3339 with the fraction's trailing zeros trimmed):
 * `2026-05-01T10:00:00.12Z`, `2026-05-01T10:00:00Z`.
 */
export function formatGoTime(date: Date): string {
  const iso = date.toISOString();
  return iso.replace(/\.(\d*?)0*Z$/, (_m, digits: string) => (digits ? `.${digits}Z` : 'Z'));
}
