/**
 * `helm dependency list` (pkg/action/dependency.go): each declared dependency's status from the archives
 * and folders in `charts/` (`ok`, `missing`, `wrong version`, `misnamed`, `too many matches`, `unpacked`,
 * `invalid version`, `corrupt`), then a warning for each chart there that Chart.yaml does not declare.
 * The caller has loaded the whole chart first, as Helm does, so every entry of `charts/` is a chart.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type ChartMetadata, type Dependency, parseChartYaml } from '../../repo/chart-metadata.js';
import { readChartArchive } from '../../repo/chart-archive.js';
import { parseConstraint, parseVersion, tryParseVersion } from '../../helm/semver/index.js';
import { formatTable } from './printers.js';

/** Metadata of each chart under `charts/` (archive or folder), by file name; `undefined` = not a chart. */
async function chartsIn(dir: string): Promise<Map<string, ChartMetadata | undefined>> {
  const out = new Map<string, ChartMetadata | undefined>();
  const names = (await readdir(join(dir, 'charts')).catch(() => [] as string[])).sort();
  for (const name of names) {
    const path = join(dir, 'charts', name);
    try {
      const info = await stat(path);
      out.set(name, parseChartYaml(info.isDirectory() ? await readFile(join(path, 'Chart.yaml')) : (await readChartArchive(await readFile(path))).chartYaml));
    } catch {
      out.set(name, undefined);
    }
  }
  return out;
}

/** A version against a dependency's constraint: undefined when it fits. */
function versionStatus(dep: Dependency, version: string): string | undefined {
  if (version === dep.version) return undefined;
  try {
    return parseConstraint(dep.version ?? '').check(parseVersion(version)) ? undefined : 'wrong version';
  } catch {
    return 'invalid version';
  }
}

function archiveStatus(dep: Dependency, meta: ChartMetadata | undefined): string {
  if (!meta) return 'corrupt';
  if (meta.name !== dep.name) return 'misnamed';
  return versionStatus(dep, meta.version) ?? 'ok';
}

function dependencyStatus(dep: Dependency, charts: Map<string, ChartMetadata | undefined>): string {
  const archives = [...charts.keys()].filter((f) => f.startsWith(`${dep.name}-`) && f.endsWith('.tgz'));
  const versioned = archives.filter((f) => tryParseVersion(f.slice(dep.name.length + 1, -4)) !== undefined && /^\d+\.\d+\.\d+/.test(f.slice(dep.name.length + 1, -4)));
  if (archives.length === 1) return archiveStatus(dep, charts.get(archives[0]!));
  if (archives.length > 1 && versioned.length === 1) return archiveStatus(dep, charts.get(versioned[0]!));
  if (archives.length > 1 && versioned.length > 1) return 'too many matches';
  const unpacked = [...charts].find(([f, m]) => !f.endsWith('.tgz') && m?.name === dep.name)?.[1];
  if (!unpacked) return 'missing';
  return versionStatus(dep, unpacked.version) ?? 'unpacked';
}

/** The text `helm dependency list DIR` prints. */
export async function dependencyList(dir: string, metadata: ChartMetadata): Promise<string> {
  if (!metadata.dependencies) return `WARNING: no dependencies at ${join(dir, 'charts')}\n`;
  const charts = await chartsIn(dir);
  const rows = metadata.dependencies.map((d) => [d.name, d.version ?? '', d.repository, dependencyStatus(d, charts)]);
  let out = `${formatTable([['NAME', 'VERSION', 'REPOSITORY', 'STATUS'], ...rows])}\n`;
  for (const [file, meta] of charts) {
    const path = join(dir, 'charts', file);
    if (meta && !metadata.dependencies.some((d) => d.name === meta.name)) out += `WARNING: ${JSON.stringify(path)} is not in Chart.yaml.\n`;
  }
  return out;
}
