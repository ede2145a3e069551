/**
 * renderChart: Helm's client-side render of a chart and its subcharts (what `helm template` does):
 * process dependencies (alias, tags, condition, import-values), coalesce values with globals, build each chart's
 * objects, render every template in one set, set NOTES.txt aside, split and order the manifests and
 * separate hooks. Pure: the chart is already loaded.
 *
 *   const chart = await loadChartDirectory('mychart');
 *   const out = renderChart(chart, { releaseName: 'x', userValues: [parseValuesYaml(text)] });
 *   process.stdout.write(out.output); // byte-identical to `helm template x mychart -f values.yaml`
 */
import { nameMapType, type GoValue } from '../../gotemplate/index.js';
import type { LoadedChart } from './chart-loader.js';
import { processDependencies } from './dependencies.js';
import { defaultCapabilities } from './default-capabilities.js';
import { renderTemplates, VALUES_TYPE, type Renderable, type RenderLimits } from './engine.js';
import { filesObject } from './files-object.js';
import type { LookupFunc } from './helm-funcs.js';
import { formatTemplateOutput, sortManifests, type Hook, type Manifest } from './manifests.js';
import { capabilitiesObject, chartObject, releaseObject, type CapabilitiesInfo } from './objects.js';
import { checkInstallable, checkKubeVersion } from './preflight.js';
import { RenderError } from './errors.js';
import { processImportValues } from './import-values.js';
import { coalesceChartValues } from './chart-values.js';
import { mergeValueFiles, type Values } from './values.js';
import { validateChartSchemas } from '../schema/index.js';

/** How to render: release identity, user values, and the assumed cluster. */
export interface RenderOptions {
  releaseName: string;
  /** Default `default`. */
  namespace?: string;
  /** Default false (an install); sets IsUpgrade/IsInstall. */
  isUpgrade?: boolean;
  /** Default 1. */
  revision?: number;
  /** Parsed `-f/--values` files in command-line order. */
  userValues?: Values[];
  /** Default: `defaultCapabilities()` (what `helm template` assumes without a cluster). */
  capabilities?: CapabilitiesInfo;
  /** Receives coalescing warnings. */
  warn?: (msg: string) => void;
  /** `--include-crds`: put the `crds/` files of the chart and its enabled subcharts before the manifests. */
  includeCrds?: boolean;
  /** `--no-hooks`: leave hooks out of `output`. */
  noHooks?: boolean;
  /** `--skip-tests`: leave test hooks out of `output`. */
  skipTests?: boolean;
  /** `--skip-schema-validation`: do not check values against `values.schema.json`. */
  skipSchemaValidation?: boolean;
  /** Answers `lookup`; default: no cluster (an empty map, as `helm template`). */
  lookup?: LookupFunc;
  /** Output and time limits (Chartroom's; Helm has none). Default 64 MiB and 60 s. */
  limits?: RenderLimits;
  /**
   * What `helm lint` does: skip the install checks (library chart, missing dependencies, release name) and stop
   * after executing the templates; only `values`, `rendered` and `notes` are filled.
   */
  renderOnly?: boolean;
  /** Runs between Helm's dependency check and its release-name check (`helm template` checks `--dry-run` there). */
  afterDependencyCheck?: () => void;
}

/** A file of a chart's `crds/` folder, printed raw (never templated). */
export interface CrdFile {
  /** `<chart full path>/crds/<file>`, as in its `# Source:` line. */
  path: string;
  content: string;
}

/** The result of a render. */
export interface RenderResult {
  /** The final `.Values`. */
  values: Values;
  /** Every executed template's output, by key (NOTES included, `<no value>` already removed). */
  rendered: Map<string, string>;
  /** The chart's own `templates/NOTES.txt`, rendered ("" when absent). */
  notes: string;
  manifests: Manifest[];
  hooks: Hook[];
  /** The CRD files of the chart and its enabled subcharts, in Helm's order (CRDObjects). */
  crds: CrdFile[];
  /** What `helm template` prints to stdout. */
  output: string;
}

const NOTES_SUFFIX = 'NOTES.txt';

interface SharedObjects {
  capabilities: GoValue;
  release: GoValue;
}

/**
 * recAllTpls: the data of one chart (its `.Values` section, `.Chart`, `.Files`, `.Subcharts`) and its
 * templates keyed by full path (`parent/charts/sub/templates/x.yaml`), then the same for each subchart.
 * Library charts contribute only their `_` files. Returns the chart's data for the parent's `.Subcharts`.
 */
function collectRenderables(
  chart: LoadedChart, values: Values, shared: SharedObjects, fullPath: string, isRoot: boolean, out: Renderable[],
): Map<string, GoValue> {
  const subcharts = new Map<string, GoValue>();
  const data = new Map<string, GoValue>([
    ['Chart', chartObject(chart.metadata, isRoot)],
    ['Capabilities', shared.capabilities],
    ['Release', shared.release],
    ['Files', filesObject(chart.files)],
    ['Subcharts', subcharts],
    ['Values', values],
  ]);
  for (const sub of chart.dependencies) {
    const section = values.get(sub.metadata.name);
    // A subchart sees its section as chartutil.Values (vals.Table converts it); the parent keeps seeing a
    // plain map, so the subchart gets its own map object with the same entries.
    const subValues = nameMapType(section instanceof Map ? new Map(section) : new Map<string, GoValue>(), VALUES_TYPE);
    subcharts.set(sub.metadata.name, collectRenderables(sub, subValues, shared, `${fullPath}/charts/${sub.metadata.name}`, false, out));
  }
  const isLibrary = chart.metadata.type === 'library';
  for (const t of chart.templates) {
    if (isLibrary && !t.name.slice(t.name.lastIndexOf('/') + 1).startsWith('_')) continue;
    out.push({ name: `${fullPath}/${t.name}`, text: t.data, data, basePath: `${fullPath}/templates` });
  }
  return data;
}

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** chart.CRDObjects: `crds/*.{yaml,yml,json}` of the chart in file order, then of each subchart. */
function collectCrds(chart: LoadedChart, fullPath: string): CrdFile[] {
  const own = [...chart.files]
    .filter(([name]) => name.startsWith('crds/') && MANIFEST_EXTENSIONS.some((ext) => name.endsWith(ext)))
    .map(([name, data]) => ({ path: `${fullPath}/${name}`, content: data.toString('utf8') }));
  return [...own, ...chart.dependencies.flatMap((d) => collectCrds(d, `${fullPath}/charts/${d.metadata.name}`))];
}

/**
 * Renders a chart. Throws NotInstallableError (library chart, missing dependency, bad release name,
 * kubeVersion mismatch), SchemaValidationError, TemplateParseFailure, TemplateExecutionFailure or
 * ManifestParseError, with Helm's messages; errors of the render phase carry `inRenderPhase`.
 */
export function renderChart(loaded: LoadedChart, options: RenderOptions): RenderResult {
  const capabilities = options.capabilities ?? defaultCapabilities();
  if (!options.renderOnly) checkInstallable(loaded.metadata, options.releaseName, undefined, loaded.dependencies.map((d) => d.metadata.name), options.afterDependencyCheck);
  const user = mergeValueFiles(options.userValues ?? []);
  const chart = processImportValues(processDependencies(loaded, user, options.warn), options.warn);
  const values = coalesceChartValues(chart, user, options.warn);
  if (!options.skipSchemaValidation) validateChartSchemas(chart, values);
  try {
    checkKubeVersion(loaded.metadata, capabilities.kubeVersion);
    return renderResources(chart, values, capabilities, options);
  } catch (e) {
    if (e instanceof RenderError) e.inRenderPhase = true;
    throw e;
  }
}

/** Helm's renderResources: objects, templates, NOTES set aside, manifests sorted, CRDs, output. */
function renderResources(chart: LoadedChart, values: Values, capabilities: CapabilitiesInfo, options: RenderOptions): RenderResult {
  const name = chart.metadata.name;
  const isUpgrade = options.isUpgrade ?? false;
  const shared: SharedObjects = {
    capabilities: capabilitiesObject(capabilities),
    release: releaseObject({
      name: options.releaseName, namespace: options.namespace ?? 'default', isUpgrade, isInstall: !isUpgrade,
      revision: options.revision ?? 1,
    }),
  };
  const renderables: Renderable[] = [];
  collectRenderables(chart, nameMapType(values, VALUES_TYPE), shared, name, true, renderables);
  const rendered = renderTemplates(renderables, options.limits, options.lookup);
  const docs = new Map(rendered);
  let notes = '';
  for (const key of rendered.keys()) {
    if (!key.endsWith(NOTES_SUFFIX)) continue;
    if (key === `${name}/templates/${NOTES_SUFFIX}`) notes = rendered.get(key)!;
    docs.delete(key);
  }
  if (options.renderOnly) return { values, rendered, notes, manifests: [], hooks: [], crds: [], output: '' };
  const { manifests, hooks } = sortManifests(docs, options.warn);
  const crds = collectCrds(chart, name);
  const shownHooks = options.noHooks ? [] : hooks.filter((h) => !(options.skipTests && h.events.includes('test')));
  const output = formatTemplateOutput(manifests, shownHooks, true, options.includeCrds ? crds : []);
  return { values, rendered, notes, manifests, hooks, crds, output };
}
