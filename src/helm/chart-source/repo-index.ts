/**
 * A chart repository's index.yaml as the Helm client reads it (pkg/repo/index.go): entries per chart,
 * newest version first, entries whose version does not parse dropped; version picked as `IndexFile.Get`
 * does; chart URLs resolved against the repository URL as `ResolveReferenceURL` does.
 *
 *   resolveReferenceUrl('http://example.com?key=value', 'alpine-1.2.3.tgz')
 *     → 'http://example.com/alpine-1.2.3.tgz?key=value'
 */
import YAML from 'yaml';
import { assertYamlDepth } from '../../yaml/depth-guard.js';
import { compareVersions, selectChartVersion, tryParseVersion } from '../semver/index.js';

/** One chart version of an index: its version and download URLs. */
export interface IndexEntry {
  version: string;
  urls: string[];
}

/** A parsed index: chart name → versions, newest first. */
export type RepoIndex = Map<string, IndexEntry[]>;

/** The index could not be read; the message is Helm's wording where known. */
export class RepoIndexError extends Error {
  override readonly name = 'RepoIndexError' as const;
}

/** Parses index.yaml text. Throws RepoIndexError when it is not an index (`no API version specified`). */
export function parseRepoIndex(text: string): RepoIndex {
  let raw: unknown;
  try {
    assertYamlDepth(text);
    raw = YAML.parse(text);
  } catch (e) {
    throw new RepoIndexError(`error converting YAML to JSON: yaml: ${(e as Error).message.split('\n')[0]}`);
  }
  const doc = (raw && typeof raw === 'object' ? raw : {}) as { apiVersion?: unknown; entries?: unknown };
  if (!doc.apiVersion) throw new RepoIndexError('no API version specified');
  const index: RepoIndex = new Map();
  const entries = (doc.entries && typeof doc.entries === 'object' ? doc.entries : {}) as Record<string, unknown>;
  for (const [name, list] of Object.entries(entries)) {
    const valid: IndexEntry[] = [];
    for (const item of Array.isArray(list) ? list : []) {
      const e = (item ?? {}) as { version?: unknown; urls?: unknown };
      const version = e.version === undefined || e.version === null ? '' : String(e.version);
      if (tryParseVersion(version) === undefined) continue; // Helm skips it with a warning
      valid.push({ version, urls: Array.isArray(e.urls) ? e.urls.map(String) : [] });
    }
    valid.sort((a, b) => compareVersions(tryParseVersion(b.version)!, tryParseVersion(a.version)!));
    index.set(name, valid);
  }
  return index;
}

/**
 * IndexFile.Get: the entry for `name` matching `version` (exact string first, then the newest satisfying
 * it; '' means the newest stable). Throws RepoIndexError `no chart name found` /
 * `no chart version found for <name>-<version>`, or the constraint parser's error.
 */
export function findIndexEntry(index: RepoIndex, name: string, version: string): IndexEntry {
  const versions = index.get(name);
  if (!versions) throw new RepoIndexError('no chart name found');
  if (versions.length === 0) throw new RepoIndexError('no chart version found');
  const found = selectChartVersion(versions, version);
  if (!found) throw new RepoIndexError(`no chart version found for ${name}-${version}`);
  return found;
}

/**
 * repo.ResolveReferenceURL: an absolute chart URL is kept; a relative one is resolved against the repo URL
 * with exactly one trailing slash on its path, and takes the repo URL's query string.
 */
export function resolveReferenceUrl(repoUrl: string, chartUrl: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(chartUrl)) return chartUrl;
  const base = new URL(repoUrl);
  const query = base.search;
  base.search = '';
  base.pathname = base.pathname.replace(/\/+$/, '') + '/';
  const resolved = new URL(chartUrl, base);
  resolved.search = query;
  return resolved.toString();
}

/** The URL of a repository's index.yaml (path joined as Go's path.Join does). */
export function indexUrl(repoUrl: string): string {
  const u = new URL(repoUrl);
  u.pathname = u.pathname.replace(/\/+$/, '') + '/index.yaml';
  return u.toString();
}
