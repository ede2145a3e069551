/**
 * `chartroom helm dependency update|build|list [CHART]` (aliases `dep`, `dependencies`; `up`, `ls`)
 * against chart repositories (`--skip-refresh` keeps the cached indexes), as pkg/downloader/manager.go does: update refreshes the added repositories,
 * resolves every declared dependency to a version, downloads the archives into `charts/` (outdated
 * archives deleted) and writes Chart.lock unless its digest is unchanged; build downloads what Chart.lock
 * pins, refusing a lock out of sync with Chart.yaml; list shows each dependency's status.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ChartMetadata, parseChartYaml } from '../../repo/chart-metadata.js';
import { readChartArchive } from '../../repo/chart-archive.js';
import { assembleChart } from '../../helm/render/index.js';
import { HelmUsageError, isOn } from './args.js';
import { readChartFolder } from './chart-source.js';
import { dependencyList } from './dependency-list.js';
import { type ChartLock, formatLock, hashReq, type LockedDependency, parseLock, rfc3339Nano } from './dependency-lock.js';
import { isUnmanaged, resolveLock, resolveRepoNames } from './dependency-resolve.js';
import type { HelmCommand, HelmInvocation } from './invocation.js';
import { downloadIndex, fetchBytes, parseIndex, readRepos, type RepoEntry, resolveReference } from './repositories.js';

async function loadMetadata(dir: string): Promise<ChartMetadata> {
  const text = await readFile(join(dir, 'Chart.yaml')).catch(() => {
    throw new HelmUsageError(`Chart.yaml file is missing`);
  });
  try {
    return parseChartYaml(text);
  } catch (e) {
    throw new HelmUsageError((e as Error).message);
  }
}

/** The chart's metadata once the whole chart loads, as `dependency list` requires (loader.Load). */
async function loadChart(dir: string): Promise<ChartMetadata> {
  try {
    return (await assembleChart(await readChartFolder(dir))).metadata;
  } catch (e) {
    throw new HelmUsageError((e as Error).message);
  }
}

const lockName = (m: ChartMetadata): string => (m.apiVersion === 'v1' ? 'requirements.lock' : 'Chart.lock');

/** UpdateRepositories: every added repository, then the unmanaged URLs the chart names. */
async function updateRepositories(inv: HelmInvocation, repos: RepoEntry[], used: Iterable<RepoEntry>): Promise<void> {
  if (isOn(inv.args, 'skip-refresh')) return;
  const report = async (repo: RepoEntry, label: string): Promise<void> => {
    try {
      await downloadIndex(inv.paths, repo);
      inv.io.stdout(`...Successfully got an update from the ${JSON.stringify(label)} chart repository\n`);
    } catch (e) {
      inv.io.stdout(`...Unable to get an update from the ${JSON.stringify(label)} chart repository (${repo.url}):\n\t${(e as Error).message}\n`);
    }
  };
  const unmanaged = [...new Map([...used].filter(isUnmanaged).map((r) => [r.name, r])).values()];
  if (unmanaged.length > 0) {
    inv.io.stdout('Getting updates for unmanaged Helm repositories...\n');
    for (const repo of unmanaged) await report(repo, repo.url);
  }
  if (repos.length === 0) return;
  inv.io.stdout('Hang tight while we grab the latest from your chart repositories...\n');
  for (const repo of repos) await report(repo, repo.name);
  inv.io.stdout('Update Complete. ⎈Happy Helming!⎈\n');
}

/** downloadAll + safeMoveDeps: fetch each pinned archive, then replace the outdated ones in `charts/`. */
async function downloadAll(inv: HelmInvocation, dir: string, locked: LockedDependency[], repos: Map<string, RepoEntry>): Promise<void> {
  inv.io.stdout(`Saving ${locked.length} charts\n`);
  const fetched = new Map<string, Buffer>();
  for (const dep of locked) {
    const repo = repos.get(dep.name)!;
    const versions = parseIndex(await readFile(join(inv.paths.cache, `${repo.name}-index.yaml`))).get(dep.name) ?? [];
    const entry = versions.find((v) => v.version === dep.version);
    if (!entry?.urls?.[0]) throw new HelmUsageError(`could not find : chart ${dep.name} not found in ${dep.repository}`);
    inv.io.stdout(`Downloading ${dep.name} from repo ${dep.repository}\n`);
    const url = resolveReference(repo.url, entry.urls[0]);
    fetched.set(decodeURIComponent(new URL(url).pathname.split('/').at(-1)!), await fetchBytes(url, repo));
  }
  const charts = join(dir, 'charts');
  await mkdir(charts, { recursive: true });
  const before = await readdir(charts, { withFileTypes: true });
  for (const [file, bytes] of fetched) {
    await writeFile(join(charts, `.${file}.part`), bytes);
    await rename(join(charts, `.${file}.part`), join(charts, file));
  }
  inv.io.stdout('Deleting outdated charts\n');
  for (const entry of before) {
    if (entry.isDirectory() || fetched.has(entry.name)) continue;
    const path = join(charts, entry.name);
    try {
      await readChartArchive(await readFile(path));
    } catch (e) {
      inv.io.stdout(`Could not verify ${path} for deletion: ${(e as Error).message} (Skipping)\n`);
      continue;
    }
    await rm(path);
  }
}

async function update(inv: HelmInvocation, dir: string): Promise<void> {
  const metadata = await loadMetadata(dir);
  const declared = metadata.dependencies ?? [];
  const repos = await readRepos(inv.paths);
  const byDep = resolveRepoNames(declared, repos);
  await updateRepositories(inv, repos, byDep.values());
  const locked = await resolveLock(declared, byDep, inv.paths);
  await downloadAll(inv, dir, locked, byDep);
  const digest = hashReq(declared, locked);
  const old = parseLock(await readFile(join(dir, lockName(metadata)), 'utf8').catch(() => ''));
  if (old?.digest === digest) return;
  const lock: ChartLock = { generated: rfc3339Nano(new Date()), digest, dependencies: locked };
  await writeFile(join(dir, lockName(metadata)), formatLock(lock));
}

async function build(inv: HelmInvocation, dir: string): Promise<void> {
  const metadata = await loadMetadata(dir);
  const lock = parseLock(await readFile(join(dir, lockName(metadata)), 'utf8').catch(() => ''));
  if (!lock) return await update(inv, dir);
  const declared = metadata.dependencies ?? [];
  const repos = await readRepos(inv.paths);
  resolveRepoNames(declared, repos);
  if (hashReq(declared, lock.dependencies) !== lock.digest) {
    throw new HelmUsageError(`the lock file (${lockName(metadata)}) is out of sync with the dependencies file (Chart.yaml). Please update the dependencies`);
  }
  const byDep = resolveRepoNames(lock.dependencies.map((d) => ({ ...d })), repos);
  await updateRepositories(inv, repos, byDep.values());
  await downloadAll(inv, dir, lock.dependencies, byDep);
}

/** `helm dependency SUBCOMMAND [CHART]`. */
export const dependencyCommand: HelmCommand = async (inv) => {
  const [sub, chart = '.', extra] = inv.rest;
  if (extra !== undefined) throw new HelmUsageError(`"helm dependency ${sub}" accepts at most 1 argument(s), received 2`);
  if (sub === 'update' || sub === 'up') await update(inv, chart);
  else if (sub === 'build') await build(inv, chart);
  else if (sub === 'list' || sub === 'ls') inv.io.stdout(await dependencyList(chart, await loadChart(chart)));
  else throw new HelmUsageError(sub === undefined ? 'a subcommand is required: build, list or update' : `unknown command "${sub}" for "helm dependency"`);
  return 0;
};
