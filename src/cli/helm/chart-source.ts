/**
 * Locating a chart as Helm's LocateChart does: a path on disk wins (a folder is sent as its files,
 * honouring `.helmignore`; a file as an archive); `repo/chart` is resolved in the cached index of an
 * added repository with `--version` (Masterminds constraints) and downloaded into the repository cache;
 * an http(s) URL is downloaded as is.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseHelmIgnore } from '../../helm/render/helmignore.js';
import { readChartArchive } from '../../repo/chart-archive.js';
import { HelmUsageError } from './args.js';
import { fetchBytes, indexCachePath, parseIndex, readRepos, type RepoPaths, resolveReference, resolveVersion } from './repositories.js';

/** A located chart: an archive's bytes, or a folder's files (relative path → bytes). */
export type ChartSource = { kind: 'archive'; bytes: Buffer; name: string } | { kind: 'files'; files: Map<string, Buffer>; name: string };

/** Reads a chart folder's files, skipping what `.helmignore` ignores (as loader.LoadDir does). */
export async function readChartFolder(dir: string): Promise<Map<string, Buffer>> {
  const ignored = parseHelmIgnore(await readFile(join(dir, '.helmignore'), 'utf8').catch(() => ''));
  const files = new Map<string, Buffer>();
  const walk = async (rel: string): Promise<void> => {
    for (const entry of (await readdir(join(dir, rel))).sort()) {
      const path = rel ? `${rel}/${entry}` : entry;
      const info = await stat(join(dir, path));
      if (ignored(path, info.isDirectory())) continue;
      if (info.isDirectory()) await walk(path);
      else if (info.isFile()) files.set(path, await readFile(join(dir, path)));
    }
  };
  await walk('');
  return files;
}

async function fromRepository(ref: string, version: string, paths: RepoPaths): Promise<ChartSource> {
  const [repoName, chart] = ref.split('/', 2) as [string, string];
  const entry = (await readRepos(paths)).find((r) => r.name === repoName);
  if (!entry) throw new HelmUsageError(`repo ${repoName} not found`);
  const cached = await readFile(indexCachePath(paths, repoName)).catch(() => undefined);
  if (!cached) throw new HelmUsageError(`no cached repo found. (try 'helm repo update')`);
  const found = resolveVersion(parseIndex(cached), repoName, chart, version);
  const url = resolveReference(entry.url, found.urls![0]!);
  const bytes = await fetchBytes(url, entry);
  await mkdir(paths.cache, { recursive: true });
  await writeFile(join(paths.cache, basename(new URL(url).pathname)), bytes);
  return { kind: 'archive', bytes, name: chart };
}

/**
 * Finds `ref`. Throws HelmUsageError (`path "./x" not found`, `non-absolute URLs should be in form of
 * repo_name/path_to_chart, got: x`, `repo x not found`, Helm's resolution
 * messages, `failed to fetch …`).
 */
export async function locateChart(ref: string, version: string, paths: RepoPaths): Promise<ChartSource> {
  const info = await stat(ref).catch(() => undefined);
  if (info?.isDirectory()) return { kind: 'files', files: await readChartFolder(ref), name: basename(ref) };
  if (info?.isFile()) return { kind: 'archive', bytes: await readFile(ref), name: basename(ref) };
  if (/^https?:\/\//.test(ref)) return { kind: 'archive', bytes: await fetchBytes(ref), name: basename(new URL(ref).pathname) };
  if (ref.startsWith('.') || ref.startsWith('/')) throw new HelmUsageError(`path ${JSON.stringify(ref)} not found`);
  if (!ref.includes('/')) throw new HelmUsageError(`non-absolute URLs should be in form of repo_name/path_to_chart, got: ${ref}`);
  return await fromRepository(ref, version, paths);
}

/** The body field the release API takes for a located chart. */
export function chartBody(source: ChartSource): Record<string, unknown> {
  if (source.kind === 'archive') return { archive: source.bytes.toString('base64') };
  return { files: Object.fromEntries([...source.files].map(([k, v]) => [k, v.toString('base64')])) };
}

/** The files of a located chart (Chart.yaml included), for `helm show`. */
export async function chartFiles(source: ChartSource): Promise<Map<string, Buffer>> {
  if (source.kind === 'files') return source.files;
  const contents = await readChartArchive(source.bytes, () => true);
  return new Map([...contents.files, ['Chart.yaml', contents.chartYaml]]);
}
