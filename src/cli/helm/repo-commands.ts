/**
 * `chartroom helm repo add|list|update|remove`, `search repo`, `pull` and `show values|chart|readme`,
 * with Helm's messages (cmd/helm/repo_*.go, search_repo.go, pull.go, show.go).
 */
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseChartYaml } from '../../repo/chart-metadata.js';
import { parseConstraint, tryParseVersion } from '../../helm/semver/index.js';
import { marshalGoYaml } from '../../yaml/go-yaml-emitter.js';
import { HelmUsageError, isOn } from './args.js';
import { chartFiles, locateChart } from './chart-source.js';
import type { HelmCommand } from './invocation.js';
import { formatTable } from './printers.js';
import { downloadIndex, indexCachePath, newEntry, parseIndex, readRepos, type RepoEntry, writeRepos } from './repositories.js';

const repoAdd: HelmCommand = async (inv) => {
  const [name, url] = inv.rest.slice(1);
  if (!name || !url) throw new HelmUsageError('"helm repo add" requires 2 arguments');
  if (name.includes('/')) throw new HelmUsageError(`repository name (${name}) contains '/', please specify a different name without '/'`);
  const repos = await readRepos(inv.paths);
  const entry = newEntry(name, url, inv.args.flags.get('username') ?? '', inv.args.flags.get('password') ?? '');
  const existing = repos.find((r) => r.name === name);
  if (existing && !isOn(inv.args, 'force-update')) {
    const same = (Object.keys(entry) as (keyof RepoEntry)[]).every((k) => (existing[k] ?? newEntry('', '')[k]) === entry[k]);
    if (same) {
      inv.io.stdout(`${JSON.stringify(name)} already exists with the same configuration, skipping\n`);
      return 0;
    }
    throw new HelmUsageError(`repository name (${name}) already exists, please specify a different name`);
  }
  try {
    await downloadIndex(inv.paths, entry);
  } catch (e) {
    throw new HelmUsageError(`looks like ${JSON.stringify(url)} is not a valid chart repository or cannot be reached: ${(e as Error).message}`);
  }
  await writeRepos(inv.paths, [...repos.filter((r) => r.name !== name), entry]);
  inv.io.stdout(`${JSON.stringify(name)} has been added to your repositories\n`);
  return 0;
};

const repoList: HelmCommand = async (inv) => {
  const repos = await readRepos(inv.paths);
  if (repos.length === 0) throw new HelmUsageError('no repositories to show');
  inv.io.stdout(formatTable([['NAME', 'URL'], ...repos.map((r) => [r.name, r.url])]));
  return 0;
};

const repoUpdate: HelmCommand = async (inv) => {
  const repos = await readRepos(inv.paths);
  if (repos.length === 0) throw new HelmUsageError('no repositories found. You must add one before updating');
  const names = inv.rest.slice(1);
  const chosen = names.length === 0 ? repos : repos.filter((r) => names.includes(r.name));
  if (chosen.length === 0) throw new HelmUsageError(`no repositories found matching '${names.join(', ')}'.  Nothing will be updated`);
  inv.io.stdout('Hang tight while we grab the latest from your chart repositories...\n');
  for (const repo of chosen) {
    try {
      await downloadIndex(inv.paths, repo);
      inv.io.stdout(`...Successfully got an update from the ${JSON.stringify(repo.name)} chart repository\n`);
    } catch (e) {
      inv.io.stdout(`...Unable to get an update from the ${JSON.stringify(repo.name)} chart repository (${repo.url}):\n\t${(e as Error).message}\n`);
    }
  }
  inv.io.stdout('Update Complete. ⎈Happy Helming!⎈\n');
  return 0;
};

const repoRemove: HelmCommand = async (inv) => {
  const names = inv.rest.slice(1);
  if (names.length === 0) throw new HelmUsageError('"helm repo remove" requires at least 1 argument');
  let repos = await readRepos(inv.paths);
  if (repos.length === 0) throw new HelmUsageError('no repositories configured');
  for (const name of names) {
    if (!repos.some((r) => r.name === name)) throw new HelmUsageError(`no repo named ${JSON.stringify(name)} found`);
    repos = repos.filter((r) => r.name !== name);
    await writeRepos(inv.paths, repos);
    await unlink(indexCachePath(inv.paths, name)).catch(() => undefined);
    await unlink(join(inv.paths.cache, `${name}-charts.txt`)).catch(() => undefined);
    inv.io.stdout(`${JSON.stringify(name)} has been removed from your repositories\n`);
  }
  return 0;
};

/** `helm repo add|list|ls|update|up|remove|rm`. */
export const repoCommand: HelmCommand = async (inv) => {
  const sub = inv.rest[0];
  const table: Record<string, HelmCommand> = { add: repoAdd, list: repoList, ls: repoList, update: repoUpdate, up: repoUpdate, remove: repoRemove, rm: repoRemove };
  const command = sub === undefined ? undefined : table[sub];
  if (!command) throw new HelmUsageError(`unknown command "${sub ?? ''}" for "helm repo"`);
  return await command(inv);
};

/** `helm search repo [KEYWORD] [--version C] [-l] [--devel]`. */
export const searchCommand: HelmCommand = async (inv) => {
  if (inv.rest[0] !== 'repo') throw new HelmUsageError(`unknown command "${inv.rest[0] ?? ''}" for "helm search"`);
  const keyword = inv.rest.slice(1).join(' ').toLowerCase();
  const version = inv.args.flags.get('version') || (isOn(inv.args, 'devel') ? '>0.0.0-0' : '>0.0.0');
  const constraint = (() => {
    try {
      return parseConstraint(version);
    } catch (e) {
      throw new HelmUsageError(`an invalid version/constraint format: ${(e as Error).message}`);
    }
  })();
  const rows: { score: number; name: string; version: string; app: string; description: string }[] = [];
  const repos = await readRepos(inv.paths);
  if (repos.length === 0) throw new HelmUsageError('no repositories configured');
  for (const repo of repos) {
    const cached = await readFile(indexCachePath(inv.paths, repo.name)).catch(() => undefined);
    if (!cached) {
      inv.io.stderr(`WARNING: Repo "${repo.name}" is corrupt or missing. Try 'helm repo update'.\n`);
      continue;
    }
    for (const [chart, versions] of parseIndex(cached)) {
      const matching = versions.filter((v) => {
        const parsed = tryParseVersion(v.version);
        return parsed !== undefined && constraint.check(parsed);
      });
      for (const v of isOn(inv.args, 'versions') ? matching : matching.slice(0, 1)) {
        const fields = [chart, `${repo.name}/${chart}`, v.description ?? '', (v.keywords ?? []).join(' ')].map((f) => f.toLowerCase());
        const score = keyword === '' ? 0 : fields.findIndex((f) => f.includes(keyword));
        if (score < 0) continue;
        rows.push({ score, name: `${repo.name}/${chart}`, version: v.version, app: v.appVersion ?? '', description: v.description ?? '' });
      }
    }
  }
  if (rows.length === 0) {
    inv.io.stdout('No results found\n');
    return 0;
  }
  rows.sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const cut = (s: string): string => (s.length > 50 ? `${s.slice(0, 47)}...` : s);
  inv.io.stdout(formatTable([['NAME', 'CHART VERSION', 'APP VERSION', 'DESCRIPTION'], ...rows.map((r) => [r.name, r.version, r.app, cut(r.description)])]));
  return 0;
};

/** `helm pull CHART [--version C] [-d DIR]` (alias `fetch`): saves `<name>-<version>.tgz`, prints nothing. */
export const pullCommand: HelmCommand = async (inv) => {
  const ref = inv.rest[0];
  if (!ref) throw new HelmUsageError('"helm pull" requires at least 1 argument');
  const source = await locateChart(ref, inv.args.flags.get('version') ?? '', inv.paths);
  if (source.kind !== 'archive') throw new HelmUsageError(`${ref} is a directory; helm pull fetches packaged charts`);
  const dest = resolve(inv.args.flags.get('destination') ?? '.');
  const files = await chartFiles(source);
  const meta = parseChartYaml(files.get('Chart.yaml')!);
  const name = /^https?:/.test(ref) ? basename(new URL(ref).pathname) : `${meta.name}-${meta.version}.tgz`;
  await writeFile(join(dest, name), source.bytes).catch(() => {
    // Helm writes through a temp file next to the target and reports its open failure; the folder is never created.
    throw new HelmUsageError(`open ${join(inv.args.flags.get('destination') ?? '.', name)}: no such file or directory`);
  });
  return 0;
};

/** `helm show values|chart|readme CHART`. */
export const showCommand: HelmCommand = async (inv) => {
  const [what, ref] = inv.rest;
  if (!what || !['values', 'chart', 'readme'].includes(what)) throw new HelmUsageError(`unknown command "${what ?? ''}" for "helm show"`);
  if (!ref) throw new HelmUsageError(`"helm show ${what}" requires 1 argument`);
  const files = await chartFiles(await locateChart(ref, inv.args.flags.get('version') ?? '', inv.paths));
  if (what === 'values') inv.io.stdout(`${files.get('values.yaml')?.toString('utf8') ?? ''}\n`);
  else if (what === 'chart') inv.io.stdout(`${marshalGoYaml(JSON.parse(JSON.stringify(parseChartYaml(files.get('Chart.yaml')!))) as unknown)}\n`);
  else {
    const readme = [...files.keys()].find((k) => !k.includes('/') && ['readme.md', 'readme.txt', 'readme'].includes(k.toLowerCase()));
    if (readme) inv.io.stdout(`${files.get(readme)!.toString('utf8')}\n`);
  }
  return 0;
};
