/**
 * Which repository serves each dependency, and which version it locks to (pkg/downloader/manager.go
 * resolveRepoNames, internal/resolver Resolve): `@name` / `alias:name` name an added repository and are
 * replaced by its URL; a URL matches an added repository after normalisation; the newest index version
 * with download URLs that satisfies the Masterminds constraint wins.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Dependency } from '../../repo/chart-metadata.js';
import { parseConstraint, tryParseVersion } from '../../helm/semver/index.js';
import { HelmUsageError } from './args.js';
import type { LockedDependency } from './dependency-lock.js';
import { indexCachePath, newEntry, parseIndex, type RepoEntry, type RepoPaths } from './repositories.js';

/** Whether an entry stands for a URL nobody added (Helm's `helm-manager-<sha256>` names). */
export const isUnmanaged = (r: RepoEntry): boolean => r.name.startsWith('helm-manager-');

/** urlutil.Equal: the same URL once trailing slashes are cut. */
export function sameUrl(a: string, b: string): boolean {
  const clean = (u: string) => u.replace(/\/+$/, '');
  return clean(a) === clean(b);
}

const NON_URL_HINT = `
Note that repositories must be URLs or aliases. For example, to refer to the "example"
repository, use "https://charts.example.com/" or "@example" instead of
"example". Don't forget to add the repo, too ('helm repo add').`;

/**
 * Maps each dependency to the added repository that serves it, rewriting `@name` and `alias:name` to
 * the repository's URL in place; a URL nobody added gets an unmanaged entry. Throws HelmUsageError (`no repository definition for …`) for the others
 * and for `file://` and chart-folder dependencies, which Chartroom does not fetch.
 */
export function resolveRepoNames(deps: Dependency[], repos: readonly RepoEntry[]): Map<string, RepoEntry> {
  const found = new Map<string, RepoEntry>();
  const missing: string[] = [];
  for (const dep of deps) {
    if (dep.repository === '' || dep.repository.startsWith('file://') || dep.repository.startsWith('oci://')) {
      throw new HelmUsageError(`dependency ${JSON.stringify(dep.name)}: repository ${JSON.stringify(dep.repository)} is not supported by chartroom helm (only chart repositories)`);
    }
    const alias = dep.repository.match(/^(?:@|alias:)(.*)$/)?.[1];
    const repo = repos.find((r) => (alias !== undefined ? r.name === alias : sameUrl(r.url, dep.repository)));
    if (!repo && alias === undefined && URL.canParse(dep.repository)) {
      // An URL nobody added is still fetched, anonymously, under a name derived from it.
      found.set(dep.name, newEntry(`helm-manager-${createHash('sha256').update(dep.repository).digest('hex')}`, dep.repository));
      continue;
    }
    if (!repo) {
      missing.push(dep.repository);
      continue;
    }
    if (alias !== undefined) dep.repository = repo.url;
    found.set(dep.name, repo);
  }
  if (missing.length > 0) {
    const hint = missing.some((r) => !r.includes('//') && !r.startsWith('@') && !r.startsWith('alias:')) ? NON_URL_HINT : '';
    throw new HelmUsageError(`no repository definition for ${missing.join(', ')}. Please add them via 'helm repo add'${hint}`);
  }
  return found;
}

/**
 * resolver.Resolve: the version each dependency locks to, from the cached indexes. Throws HelmUsageError
 * with Helm's messages (`dependency "x" has an invalid version/constraint format: …`, `can't get a valid
 * version for N subchart(s): …`).
 */
export async function resolveLock(deps: readonly Dependency[], repos: Map<string, RepoEntry>, paths: RepoPaths): Promise<LockedDependency[]> {
  const locked: LockedDependency[] = [];
  const missing: string[] = [];
  for (const dep of deps) {
    let constraint;
    try {
      constraint = parseConstraint(dep.version ?? '');
    } catch (e) {
      throw new HelmUsageError(`dependency ${JSON.stringify(dep.name)} has an invalid version/constraint format: ${(e as Error).message}`);
    }
    const repo = repos.get(dep.name)!;
    const cached = await readFile(indexCachePath(paths, repo.name)).catch(() => undefined);
    if (!cached) throw new HelmUsageError(`no cached repository for ${repo.name} found. (try 'helm repo update')`);
    const versions = parseIndex(cached).get(dep.name);
    if (!versions) throw new HelmUsageError(`${dep.name} chart not found in repo ${dep.repository}`);
    const hit = versions.find((v) => {
      const parsed = tryParseVersion(v.version);
      return parsed !== undefined && (v.urls?.length ?? 0) > 0 && constraint.check(parsed);
    });
    if (hit) locked.push({ name: dep.name, version: hit.version, repository: dep.repository });
    else missing.push(`${JSON.stringify(dep.name)} (repository ${JSON.stringify(dep.repository)}, version ${JSON.stringify(dep.version ?? '')})`);
  }
  if (missing.length > 0) {
    throw new HelmUsageError(`can't get a valid version for ${missing.length} subchart(s): ${missing.join(', ')}. Make sure a matching chart version exists in the repo, or change the version constraint in Chart.yaml`);
  }
  return locked;
}
