/**
 * `chartroom helm package DIR [-d DEST] [--version V] [--app-version V]`: an archive laid out as
 * `helm package` lays it out (pkg/chartutil/save.go): every file under `<name>/`, Chart.yaml
 * re-serialised from its metadata (keys sorted, comments dropped; `dependencies` dropped for apiVersion
 * v1), values.yaml and everything else as written, subcharts written expanded under `charts/<sub>/`.
 * Known difference: Chart.lock is copied rather than re-serialised.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { goJson } from '../../release/codec.js';
import { type ChartMetadata, parseChartYaml } from '../../repo/chart-metadata.js';
import { readChartArchive } from '../../repo/chart-archive.js';
import { parseVersion } from '../../helm/semver/index.js';
import { writeTar, type TarFile } from '../../util/tar-writer.js';
import { marshalGoYaml } from '../../yaml/go-yaml-emitter.js';
import { HelmUsageError } from './args.js';
import { readChartFolder } from './chart-source.js';
import type { HelmCommand } from './invocation.js';

/** Chart.yaml as Helm writes it: the metadata's JSON fields (omitempty) as sorted YAML. */
function chartYaml(meta: ChartMetadata): Buffer {
  const m: ChartMetadata = meta.apiVersion === 'v1' ? { ...meta, dependencies: undefined } : meta;
  const plain = JSON.parse(goJson(JSON.parse(JSON.stringify(m)) as unknown)) as Record<string, unknown>;
  const kept = Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== '' && v !== false && !(Array.isArray(v) && v.length === 0)));
  return Buffer.from(marshalGoYaml(kept));
}

/** The files of one chart (and, expanded, its subcharts) under `base`, in Helm's order. */
async function chartEntries(files: Map<string, Buffer>, base: string, overrides: Partial<ChartMetadata> = {}): Promise<{ meta: ChartMetadata; entries: TarFile[] }> {
  const raw = files.get('Chart.yaml');
  if (!raw) throw new HelmUsageError('Chart.yaml file is missing');
  const meta = { ...parseChartYaml(raw), ...overrides };
  const top = `${base}${meta.name}`;
  const entries: TarFile[] = [{ path: `${top}/Chart.yaml`, data: chartYaml(meta) }];
  const first = ['Chart.lock', 'values.yaml', 'values.schema.json'];
  for (const name of first) if (files.has(name)) entries.push({ path: `${top}/${name}`, data: files.get(name)! });
  if (files.has('values.schema.json')) {
    try {
      JSON.parse(files.get('values.schema.json')!.toString('utf8'));
    } catch {
      throw new HelmUsageError('Invalid JSON in values.schema.json');
    }
  }
  const subcharts = new Map<string, Map<string, Buffer>>();
  const rest = [...files.keys()].filter((k) => k !== 'Chart.yaml' && !first.includes(k)).sort();
  for (const path of rest.filter((p) => p.startsWith('templates/'))) entries.push({ path: `${top}/${path}`, data: files.get(path)! });
  for (const path of rest.filter((p) => !p.startsWith('templates/'))) {
    const sub = path.match(/^charts\/([^/]+)(\/.*)?$/);
    if (!sub) entries.push({ path: `${top}/${path}`, data: files.get(path)! });
    else if (sub[2] === undefined && path.endsWith('.tgz')) subcharts.set(path, await archiveFiles(files.get(path)!));
    else if (sub[2] !== undefined) subcharts.set(sub[1]!, (subcharts.get(sub[1]!) ?? new Map()).set(sub[2].slice(1), files.get(path)!));
  }
  for (const subFiles of subcharts.values()) entries.push(...(await chartEntries(subFiles, `${top}/charts/`)).entries);
  return { meta, entries };
}

async function archiveFiles(bytes: Buffer): Promise<Map<string, Buffer>> {
  const contents = await readChartArchive(bytes, () => true);
  return new Map([...contents.files, ['Chart.yaml', contents.chartYaml]]);
}

/** A packaged chart: its `<name>-<version>.tgz` file name and bytes. */
export interface PackagedChart {
  fileName: string;
  bytes: Buffer;
}

/**
 * chartutil.Save of a chart folder's (or an unpacked archive's) files with `--version`/`--app-version`
 * overrides. Throws HelmUsageError (missing Chart.yaml, bad schema JSON, missing dependencies).
 */
export async function packageFiles(files: Map<string, Buffer>, overrides: Partial<ChartMetadata>, mtimeSeconds: number): Promise<PackagedChart> {
  const { meta, entries } = await chartEntries(files, '', overrides);
  const missing = (meta.dependencies ?? []).filter((d) => !entries.some((e) => e.path.startsWith(`${meta.name}/charts/${d.name}/`)));
  if (missing.length > 0) throw new HelmUsageError(`found in Chart.yaml, but missing in charts/ directory: ${missing.map((d) => d.name).join(', ')}`);
  return { fileName: `${meta.name}-${meta.version}.tgz`, bytes: gzipSync(writeTar(entries, mtimeSeconds)) };
}

/** The archive's files, Chart.yaml included (for re-packaging a .tgz). */
export { archiveFiles };

/** `--version` / `--app-version` as metadata overrides. Throws HelmUsageError for a version that is not SemVer. */
export function packageOverrides(flags: Map<string, string>): Partial<ChartMetadata> {
  const overrides: Partial<ChartMetadata> = {};
  const version = flags.get('version');
  if (version !== undefined) {
    try {
      parseVersion(version);
    } catch {
      throw new HelmUsageError('Invalid Semantic Version');
    }
    overrides.version = version;
  }
  const appVersion = flags.get('app-version');
  if (appVersion !== undefined) overrides.appVersion = appVersion;
  return overrides;
}

/** `helm package`. */
export const packageCommand: HelmCommand = async (inv) => {
  if (inv.rest.length === 0) throw new HelmUsageError('need at least one argument, the path to the chart');
  const overrides = packageOverrides(inv.args.flags);
  for (const dir of inv.rest) {
    const packaged = await packageFiles(await readChartFolder(dir), overrides, Math.floor(Date.now() / 1000));
    const dest = resolve(inv.args.flags.get('destination') ?? '.', packaged.fileName);
    await mkdir(dirname(dest), { recursive: true }); // as helm package -d does
    await writeFile(dest, packaged.bytes);
    inv.io.stdout(`Successfully packaged chart and saved it to: ${dest}\n`);
  }
  return 0;
};
