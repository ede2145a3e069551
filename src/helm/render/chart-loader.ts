/**
 * Loads a chart for rendering from a directory or a `.tgz` (pkg/chart/loader): Chart.yaml, values.yaml,
 * templates/ and every other file (reachable through `.Files`). The only module of the renderer that does
 * I/O. Subcharts under `charts/` (directories and `.tgz` files; names starting with `_` or `.` skipped)
 * are loaded recursively.
 */
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readChartArchive } from '../../repo/chart-archive.js';
import { type ChartMetadata, parseChartYaml, parseRequirementsYaml } from '../../repo/chart-metadata.js';
import { ChartLoadError } from './errors.js';
import { parseHelmIgnore } from './helmignore.js';
import type { Values } from './values.js';
import { jsonKindOf, parseHelmYaml } from './yaml-values.js';

/** A template file: `name` relative to the chart root (`templates/deployment.yaml`). */
export interface ChartTemplate {
  name: string;
  data: string;
}

/** A chart ready to render. */
export interface LoadedChart {
  metadata: ChartMetadata;
  /** values.yaml, parsed as Helm does (numbers float64); empty when absent. */
  values: Values;
  templates: ChartTemplate[];
  /** Every other file by relative path, as `.Files` sees them. */
  files: Map<string, Buffer>;
  /** Subcharts found under `charts/`, in name order. */
  dependencies: LoadedChart[];
  /** values.schema.json, when the chart has one. */
  schema?: Buffer;
  /** What Helm's loader logs while loading this chart and its subcharts (`load.go:120: Warning: …`), in order. */
  warnings?: string[];
}

const V2_REQUIREMENTS_WARNING = 'load.go:120: Warning: Dependencies are handled in Chart.yaml since apiVersion "v2". We recommend migrating dependencies to Chart.yaml.';

/**
 * requirements.yaml as Helm 3 loads it: its dependencies replace Chart.yaml's (for any apiVersion; a v2 chart
 * gets a warning); a v1 chart also keeps requirements.yaml and requirements.lock among its `.Files`.
 */
function applyRequirements(metadata: ChartMetadata, all: Map<string, Buffer>, files: Map<string, Buffer>, warnings: string[]): void {
  const requirements = all.get('requirements.yaml');
  const v1 = (metadata.apiVersion ?? 'v1') === 'v1';
  if (requirements) {
    if (!v1) warnings.push(V2_REQUIREMENTS_WARNING);
    let deps;
    try {
      deps = parseRequirementsYaml(stripBom(requirements));
    } catch (e) {
      throw new ChartLoadError((e as Error).message);
    }
    if (deps !== undefined && deps.length > 0) metadata.dependencies = deps;
    else if (deps !== undefined) delete metadata.dependencies;
    if (v1) files.set('requirements.yaml', stripBom(requirements));
  }
  const lock = all.get('requirements.lock');
  if (lock && v1) files.set('requirements.lock', stripBom(lock));
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const NOT_FILES = new Set(['Chart.yaml', 'values.yaml', 'values.schema.json', 'Chart.lock', 'requirements.yaml', 'requirements.lock']);

function stripBom(b: Buffer): Buffer {
  return b.subarray(0, 3).equals(BOM) ? b.subarray(3) : b;
}

/** Parses values.yaml: a map, or empty. Throws ChartLoadError `cannot load values.yaml: …`. */
export function parseValuesYaml(source: string): Values {
  let v;
  try {
    v = parseHelmYaml(source);
  } catch (e) {
    throw new ChartLoadError(`cannot load values.yaml: error converting YAML to JSON: ${(e as Error).message}`);
  }
  if (v === null) return new Map();
  if (!(v instanceof Map)) {
    throw new ChartLoadError(`cannot load values.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKindOf(v)} into Go value of type map[string]interface {}`);
  }
  return v;
}

/**
 * Sorts loose files (relative path → bytes) into a chart, as loader.LoadFiles does, loading subcharts.
 * Throws ChartLoadError when Chart.yaml is missing or invalid, values.yaml does not parse, or a subchart
 * fails (`error unpacking subchart <n> in <parent>: …`).
 */
export async function assembleChart(all: Map<string, Buffer>): Promise<LoadedChart> {
  const chartYaml = all.get('Chart.yaml');
  if (!chartYaml) throw new ChartLoadError('Chart.yaml file is missing');
  let metadata: ChartMetadata;
  try {
    metadata = parseChartYaml(stripBom(chartYaml));
  } catch (e) {
    throw new ChartLoadError((e as Error).message);
  }
  const valuesYaml = all.get('values.yaml');
  const values = valuesYaml ? parseValuesYaml(stripBom(valuesYaml).toString('utf8')) : new Map();
  const templates: ChartTemplate[] = [];
  const files = new Map<string, Buffer>();
  const subcharts = new Map<string, Map<string, Buffer>>();
  for (const [name, raw] of [...all].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const data = stripBom(raw);
    if (NOT_FILES.has(name)) continue;
    if (name.startsWith('charts/') && !name.endsWith('.prov')) {
      const rest = name.slice('charts/'.length);
      const sub = rest.split('/', 1)[0]!;
      if (!subcharts.has(sub)) subcharts.set(sub, new Map());
      subcharts.get(sub)!.set(rest.slice(sub.length + 1), raw);
    } else if (name.startsWith('templates/')) templates.push({ name, data: data.toString('utf8') });
    else files.set(name, data);
  }
  const warnings: string[] = [];
  applyRequirements(metadata, all, files, warnings);
  const dependencies: LoadedChart[] = [];
  for (const [sub, subFiles] of subcharts) {
    if (sub.startsWith('_') || sub.startsWith('.')) continue;
    try {
      dependencies.push(sub.endsWith('.tgz') ? await loadChartArchive(all.get(`charts/${sub}`)!) : await assembleChart(withoutEmpty(subFiles)));
    } catch (e) {
      throw new ChartLoadError(`error unpacking subchart ${sub} in ${metadata.name}: ${(e as Error).message}`);
    }
  }
  const schema = all.get('values.schema.json');
  for (const dep of dependencies) warnings.push(...(dep.warnings ?? []));
  return {
    metadata, values, templates, files, dependencies, ...(schema ? { schema: stripBom(schema) } : {}), ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/** Drops the entry a bare `charts/<name>` file would leave (it is not part of any chart). */
function withoutEmpty(files: Map<string, Buffer>): Map<string, Buffer> {
  return new Map([...files].filter(([k]) => k !== ''));
}

/** Loads a packaged chart. Throws ChartLoadError (or the archive reader's InvalidChartError). */
export async function loadChartArchive(archive: Buffer): Promise<LoadedChart> {
  const contents = await readChartArchive(archive, () => true);
  const all = new Map(contents.files);
  all.set('Chart.yaml', contents.chartYaml);
  return await assembleChart(all);
}

/** Loads a chart directory, honouring `.helmignore`. Throws ChartLoadError or the file system's errors. */
export async function loadChartDirectory(dir: string): Promise<LoadedChart> {
  const ignoreText = await readFile(join(dir, '.helmignore'), 'utf8').catch(() => '');
  const ignored = parseHelmIgnore(ignoreText);
  const all = new Map<string, Buffer>();
  const walk = async (rel: string): Promise<void> => {
    for (const entry of (await readdir(join(dir, rel))).sort()) {
      const path = rel ? `${rel}/${entry}` : entry;
      const info = await stat(join(dir, path)); // follows symlinks, as Helm does
      if (ignored(path, info.isDirectory())) continue;
      if (info.isDirectory()) await walk(path);
      else if (info.isFile()) all.set(path, await readFile(join(dir, path)));
      else throw new ChartLoadError(`cannot load irregular file ${path} as it has file mode type bits set`);
    }
  };
  await lstat(dir);
  await walk('');
  return await assembleChart(all);
}
