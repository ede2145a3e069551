import { InvalidKeyError } from './errors.js';

/**
 * The object-key layout, one place for all of it. Each tenant (repository path, '' at depth 0) is a
 * folder; Chartroom's own state lives in a dot-folder that chart listings skip:
 *
 *   <tenant>/
 *   ├── mychart-0.1.0.tgz            chart archive, always <name>-<version>.tgz from Chart.yaml
 *   ├── mychart-0.1.0.tgz.prov       optional provenance file
 *   └── .chartroom/
 *       ├── index-snapshot.json      index state at journal sequence N (compaction point)
 *       └── journal/
 *           └── 000000000042.json    one index change (put or remove of one chart version)
 *
 * This is the ChartMuseum layout (`<prefix>/<repo>/<file>`) plus the state folder, so existing
 * ChartMuseum storage can be adopted unchanged.
 */

/** Folder name of Chartroom's per-tenant state. */
export const STATE_FOLDER = '.chartroom';
export const JOURNAL_FOLDER = `${STATE_FOLDER}/journal`;
export const SNAPSHOT_FILE = `${STATE_FOLDER}/index-snapshot.json`;

const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** Throws `InvalidKeyError` unless `key` is a relative `/`-separated path with no empty, `.` or `..` segment. */
export function assertValidKey(key: string): void {
  if (key === '' || key.length > 1024 || key.includes('\\') || CONTROL_CHARS.test(key)) throw new InvalidKeyError(key);
  for (const segment of key.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') throw new InvalidKeyError(key);
  }
}

/** Throws `InvalidKeyError` unless `folder` is '' (the root) or a valid key. */
export function assertValidFolder(folder: string): void {
  if (folder !== '') assertValidKey(folder);
}

/** Joins a tenant folder and a name inside it. */
export function joinKey(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

/** The archive file name of a chart version: `<name>-<version>.tgz`. */
export function chartFileName(name: string, version: string): string {
  return `${name}-${version}.tgz`;
}

/** The provenance file name that belongs to an archive. */
export function provenanceFileName(chartFile: string): string {
  return `${chartFile}.prov`;
}

/** The key of journal record `seq` in a tenant: zero-padded so keys sort in sequence order. */
export function journalKey(tenant: string, seq: number): string {
  return joinKey(tenant, `${JOURNAL_FOLDER}/${String(seq).padStart(12, '0')}.json`);
}

/** Parses the sequence number out of a journal file name, or undefined if it is not one. */
export function parseJournalSeq(fileName: string): number | undefined {
  const match = /^(\d{12})\.json$/.exec(fileName);
  return match ? Number(match[1]) : undefined;
}
