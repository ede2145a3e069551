/**
 * The client side of chart repositories, as Helm keeps it (pkg/repo): `repositories.yaml` (Helm's
 * fields, at $HELM_REPOSITORY_CONFIG or $HELM_CONFIG_HOME/repositories.yaml, by default ~/.config/helm/repositories.yaml) and the index cache
 * (`<name>-index.yaml` and `<name>-charts.txt` in $HELM_REPOSITORY_CACHE or $HELM_CACHE_HOME/repository, by default ~/.cache/helm/repository),
 * fetching an index, resolving `--version` constraints (Masterminds rules) and chart URLs.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import YAML from 'yaml';
import { helmPaths } from '../../helm/chart-source/repo-config.js';
import { selectChartVersion, sortVersionStringsDescending } from '../../helm/semver/index.js';
import { marshalGoYaml } from '../../yaml/go-yaml-emitter.js';
import { HelmUsageError } from './args.js';

/** One repository entry (repo.Entry). */
export interface RepoEntry {
  name: string;
  url: string;
  username: string;
  password: string;
  certFile: string;
  keyFile: string;
  caFile: string;
  insecure_skip_tls_verify: boolean;
  pass_credentials_all: boolean;
}

/** Where the repository configuration and cache live. */
export interface RepoPaths {
  config: string;
  cache: string;
}

/** Helm's paths from the environment (see helmPaths), overridden by the `--repository-*` flags. */
export function repoPaths(env: NodeJS.ProcessEnv, flags: Map<string, string>): RepoPaths {
  const paths = helmPaths(env);
  return {
    config: flags.get('repository-config') || paths.repositoryConfig,
    cache: flags.get('repository-cache') || paths.repositoryCache,
  };
}

/** Reads repositories.yaml; a missing file is an empty list. */
export async function readRepos(paths: RepoPaths): Promise<RepoEntry[]> {
  const text = await readFile(paths.config, 'utf8').catch(() => '');
  const doc = (YAML.parse(text) ?? {}) as { repositories?: RepoEntry[] | null };
  return doc.repositories ?? [];
}

/** Writes repositories.yaml atomically (mode 0600), in Helm's shape. */
export async function writeRepos(paths: RepoPaths, repos: RepoEntry[]): Promise<void> {
  await mkdir(dirname(paths.config), { recursive: true });
  const text = marshalGoYaml({ apiVersion: '', generated: '0001-01-01T00:00:00Z', repositories: repos });
  const tmp = `${paths.config}.tmp-${process.pid}`;
  await writeFile(tmp, text, { mode: 0o600 });
  await rename(tmp, paths.config);
}

/** A new entry with Helm's empty defaults. */
export function newEntry(name: string, url: string, username = '', password = ''): RepoEntry {
  return { name, url, username, password, certFile: '', keyFile: '', caFile: '', insecure_skip_tls_verify: false, pass_credentials_all: false };
}

/** One chart version of an index. */
export interface IndexEntry {
  name: string;
  version: string;
  appVersion?: string;
  description?: string;
  keywords?: string[];
  urls?: string[];
  [key: string]: unknown;
}

/** A parsed index: versions per chart, newest first. */
export type RepoIndex = Map<string, IndexEntry[]>;

/** ResolveReferenceURL: an absolute URL as is; a relative one against the repo URL with one `/`, keeping its query. */
export function resolveReference(repoUrl: string, ref: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return ref;
  const base = new URL(repoUrl);
  const query = base.search;
  base.search = '';
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const out = new URL(ref, base);
  out.search = query;
  return out.toString();
}

/** GETs a URL; anything but 200 is `failed to fetch <url> : <status line>`. */
export async function fetchBytes(url: string, entry?: RepoEntry): Promise<Buffer> {
  const headers: Record<string, string> = { 'user-agent': 'Helm/3.22.0' };
  if (entry?.username && entry.password) headers.authorization = `Basic ${Buffer.from(`${entry.username}:${entry.password}`).toString('base64')}`;
  const response = await fetch(url, { headers }).catch((e: Error) => {
    throw new HelmUsageError(`Get "${url}": ${e.message}`);
  });
  if (response.status !== 200) throw new HelmUsageError(`failed to fetch ${url} : ${response.status} ${response.statusText}`);
  return Buffer.from(await response.arrayBuffer());
}

/** Parses index.yaml as Helm's loadIndex does (errors: `empty index.yaml file`, `no API version specified`). */
export function parseIndex(bytes: Buffer): RepoIndex {
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw new HelmUsageError('empty index.yaml file');
  const doc = YAML.parse(text) as { apiVersion?: string; entries?: Record<string, IndexEntry[] | null> } | null;
  if (!doc || !doc.apiVersion) throw new HelmUsageError('no API version specified');
  const index: RepoIndex = new Map();
  for (const [name, versions] of Object.entries(doc.entries ?? {})) {
    const list = (versions ?? []).filter((v) => v && typeof v.version === 'string');
    const order = sortVersionStringsDescending(list.map((v) => v.version));
    index.set(name, order.map((ver) => list.find((v) => v.version === ver)!));
  }
  return index;
}

/** The cached index file of a repository. */
export function indexCachePath(paths: RepoPaths, name: string): string {
  return join(paths.cache, `${name}-index.yaml`);
}

/** Downloads and caches a repository's index (raw bytes) and chart list; returns the parsed index. */
export async function downloadIndex(paths: RepoPaths, entry: RepoEntry): Promise<RepoIndex> {
  const bytes = await fetchBytes(resolveReference(entry.url, 'index.yaml'), entry);
  const index = parseIndex(bytes);
  await mkdir(paths.cache, { recursive: true });
  await writeFile(indexCachePath(paths, entry.name), bytes);
  await writeFile(join(paths.cache, `${entry.name}-charts.txt`), [...index.keys()].map((n) => `${n}\n`).join(''));
  return index;
}

/**
 * IndexFile.Get: the version of `chart` matching `version` (a Masterminds constraint; "" = newest
 * stable). Throws HelmUsageError with Helm's messages.
 */
export function resolveVersion(index: RepoIndex, repoName: string, chart: string, version: string): IndexEntry {
  const fail = (cause: string): HelmUsageError =>
    new HelmUsageError(`chart ${JSON.stringify(chart)} matching ${version} not found in ${repoName} index. (try 'helm repo update'): ${cause}`);
  const versions = index.get(chart);
  if (!versions) throw fail('no chart name found');
  let found: IndexEntry | undefined;
  try {
    found = selectChartVersion(versions, version);
  } catch (e) {
    throw fail((e as Error).message);
  }
  if (!found) throw fail(`no chart version found for ${chart}-${version}`);
  if (!found.urls || found.urls.length === 0) throw new HelmUsageError(`chart "${repoName}/${chart}" has no downloadable URLs`);
  return found;
}
