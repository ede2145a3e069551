/**
 * Finds and loads the CHART argument of `helm template/install` (pkg/action/install.go LocateChart,
 * pkg/downloader ResolveChartVersion): a directory or packaged chart on disk wins; a path that starts with
 * `.` or `/` and does not exist is an error; otherwise `--repo URL` (index fetched fresh) or `repo/chart`
 * (repositories.yaml and the cached index of `helm repo add/update`) picks a version and downloads it.
 * Works against any ChartMuseum-compatible repository, Chartroom included. Errors carry Helm's text.
 */
import { getServers } from 'node:dns';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { loadChartArchive, loadChartDirectory, type LoadedChart } from '../render/chart-loader.js';
import { cachedIndexPath, helmPaths, loadRepoEntries, type RepoEntry } from './repo-config.js';
import { findIndexEntry, indexUrl, parseRepoIndex, resolveReferenceUrl, type IndexEntry } from './repo-index.js';

/** Where to look for a chart that is not on disk. */
export interface LocateOptions {
  /** `--version`: a version or constraint; '' for the newest stable. */
  version?: string;
  /** `--repo`: a repository URL to read the chart from. */
  repoUrl?: string;
  username?: string;
  password?: string;
  /** Environment for Helm's paths (HELM_REPOSITORY_CONFIG, HELM_REPOSITORY_CACHE, HOME …). */
  env?: NodeJS.ProcessEnv;
  /** Receives the lines Helm logs to stderr while locating (the local-chart-wins warning). */
  log?: (line: string) => void;
}

/** A value as Go's slog text handler writes it: quoted when empty or holding spaces, `=` or quotes. */
function slogValue(v: string): string {
  return v === '' || /[\s="]/.test(v) ? JSON.stringify(v) : v;
}

/** The chart could not be found or fetched; the message is Helm's. */
export class LocateChartError extends Error {
  override readonly name = 'LocateChartError' as const;
}

interface NetCause {
  code?: string;
  address?: string;
  port?: number;
  errors?: NetCause[];
}

/**
 * Go's net/http text for a failed connection: the resolved address for a refused one
 * (`dial tcp 127.0.0.1:8080: connect: connection refused`, as Go names the address it dialled, not the
 * host), the resolver for an unknown host (`dial tcp: lookup h on 10.0.0.2:53: no such host`); Node's
 * message otherwise.
 */
function dialErrorText(e: unknown, url: URL): string {
  let cause = (e as { cause?: NetCause }).cause;
  if (cause?.errors?.length) cause = cause.errors[0];
  if (cause?.code === 'ECONNREFUSED' && cause.address !== undefined) {
    const address = cause.address.includes(':') ? `[${cause.address}]` : cause.address;
    return `dial tcp ${address}:${cause.port}: connect: connection refused`;
  }
  const server = getServers()[0];
  if (cause?.code === 'ENOTFOUND' && server !== undefined) {
    const withPort = /^\[.*\]:\d+$|^[^:]+:\d+$/.test(server) ? server : server.includes(':') ? `[${server}]:53` : `${server}:53`;
    return `dial tcp: lookup ${url.hostname} on ${withPort}: no such host`;
  }
  return (e as Error).message;
}

async function httpGet(url: string, auth?: { username?: string; password?: string }): Promise<Buffer> {
  const headers: Record<string, string> = { 'User-Agent': 'Helm/3.22.0' };
  if (auth?.username !== undefined) {
    headers['Authorization'] = `Basic ${Buffer.from(`${auth.username}:${auth.password ?? ''}`).toString('base64')}`;
  }
  let res: Response;
  try {
    res = await fetch(url, { headers });
  } catch (e) {
    throw new LocateChartError(`Get "${url}": ${dialErrorText(e, new URL(url))}`);
  }
  if (res.status !== 200) throw new LocateChartError(`failed to fetch ${url} : ${res.status} ${res.statusText}`);
  return Buffer.from(await res.arrayBuffer());
}

async function fromRepoUrl(repoUrl: string, chart: string, options: LocateOptions): Promise<string> {
  const version = (options.version ?? '').trim();
  let entry: IndexEntry;
  let index;
  try {
    index = parseRepoIndex((await httpGet(indexUrl(repoUrl), options)).toString('utf8'));
  } catch (e) {
    throw new LocateChartError(`looks like "${repoUrl}" is not a valid chart repository or cannot be reached: ${(e as Error).message}`);
  }
  const what = version ? `chart "${chart}" version "${version}"` : `chart "${chart}"`;
  try {
    entry = findIndexEntry(index, chart, version);
  } catch {
    throw new LocateChartError(`${what} not found in ${repoUrl} repository`);
  }
  if (entry.urls.length === 0) throw new LocateChartError(`${what} has no downloadable URLs`);
  return resolveReferenceUrl(repoUrl, entry.urls[0]!);
}

async function fromRepoName(ref: string, options: LocateOptions): Promise<{ url: string; repo: RepoEntry }> {
  const slash = ref.indexOf('/');
  if (slash < 0) throw new LocateChartError(`non-absolute URLs should be in form of repo_name/path_to_chart, got: ${ref}`);
  const [repoName, chart] = [ref.slice(0, slash), ref.slice(slash + 1)];
  const paths = helmPaths(options.env ?? process.env);
  const repo = (await loadRepoEntries(paths.repositoryConfig)).find((r) => r.name === repoName);
  if (!repo) throw new LocateChartError(`repo ${repoName} not found`);
  const indexPath = cachedIndexPath(paths, repoName);
  let index;
  try {
    index = parseRepoIndex(await readFile(indexPath, 'utf8'));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? `open ${indexPath}: no such file or directory` : (e as Error).message;
    throw new LocateChartError(`no cached repo found. (try 'helm repo update'): ${reason}`);
  }
  const version = (options.version ?? '').trim();
  let entry: IndexEntry;
  try {
    entry = findIndexEntry(index, chart, version);
  } catch (e) {
    throw new LocateChartError(`chart "${chart}" matching ${version} not found in ${repoName} index. (try 'helm repo update'): ${(e as Error).message}`);
  }
  if (entry.urls.length === 0) throw new LocateChartError(`chart "${ref}" has no downloadable URLs`);
  return { url: resolveReferenceUrl(repo.url, entry.urls[0]!), repo };
}

/**
 * Locates and loads `name`. Throws LocateChartError (not found, repository unreachable, no matching
 * version) or the loader's ChartLoadError.
 */
export async function locateChart(name: string, options: LocateOptions = {}): Promise<LoadedChart> {
  const ref = name.trim();
  const info = await stat(ref).catch(() => undefined);
  if (info && options.repoUrl) {
    options.log?.(`install.go:759: WARN local chart found in current working directory. repository url ignored chart=${slogValue(ref)} repository=${slogValue(options.repoUrl)}`);
  }
  if (info?.isDirectory()) return await loadChartDirectory(ref);
  if (info) return await loadChartArchive(await readFile(ref));
  if (isAbsolute(ref) || ref.startsWith('.')) throw new LocateChartError(`path "${ref}" not found`);
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(ref)) return await loadChartArchive(await httpGet(ref, options));
  if (options.repoUrl) return await loadChartArchive(await httpGet(await fromRepoUrl(options.repoUrl, ref, options), options));
  const { url, repo } = await fromRepoName(ref, options);
  return await loadChartArchive(await httpGet(url, repo));
}
