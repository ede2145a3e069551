/**
 * Where the Helm client keeps its repositories (pkg/helmpath, pkg/repo/repo.go), so `chartroom template
 * repo/chart` finds what `helm repo add` set up: repositories.yaml under HELM_REPOSITORY_CONFIG (default
 * `$HELM_CONFIG_HOME` or `$XDG_CONFIG_HOME/helm` or `~/.config/helm`), cached indexes
 * `<name>-index.yaml` under HELM_REPOSITORY_CACHE (default `…/helm/repository` in the cache home).
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';

/** One `helm repo add` entry. */
export interface RepoEntry {
  name: string;
  url: string;
  username?: string;
  password?: string;
}

/** The paths Helm would use for this environment. */
export interface HelmPaths {
  repositoryConfig: string;
  repositoryCache: string;
}

/** Helm's paths from the environment (HELM_* variables, then XDG, then the home directory). */
export function helmPaths(env: NodeJS.ProcessEnv): HelmPaths {
  const home = env['HOME'] || homedir();
  const configHome = env['HELM_CONFIG_HOME'] || join(env['XDG_CONFIG_HOME'] || join(home, '.config'), 'helm');
  const cacheHome = env['HELM_CACHE_HOME'] || join(env['XDG_CACHE_HOME'] || join(home, '.cache'), 'helm');
  return {
    repositoryConfig: env['HELM_REPOSITORY_CONFIG'] || join(configHome, 'repositories.yaml'),
    repositoryCache: env['HELM_REPOSITORY_CACHE'] || join(cacheHome, 'repository'),
  };
}

/** The repositories of repositories.yaml; none when the file is missing (as Helm treats it). */
export async function loadRepoEntries(path: string): Promise<RepoEntry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return [];
  }
  const doc = (YAML.parse(text) ?? {}) as { repositories?: unknown };
  const list = Array.isArray(doc.repositories) ? doc.repositories : [];
  return list.map((r) => {
    const e = (r ?? {}) as Record<string, unknown>;
    const entry: RepoEntry = { name: String(e['name'] ?? ''), url: String(e['url'] ?? '') };
    if (e['username']) entry.username = String(e['username']);
    if (e['password']) entry.password = String(e['password']);
    return entry;
  });
}

/** Path of a repository's cached index. */
export function cachedIndexPath(paths: HelmPaths, repoName: string): string {
  return join(paths.repositoryCache, `${repoName}-index.yaml`);
}
