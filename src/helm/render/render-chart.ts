/**
 * renderChart: Helm's client-side render of one chart (what `helm template` does for a chart without
 * subcharts): coalesce values, build the objects, render every template, set NOTES.txt aside, split and
 * order the manifests and separate hooks. Pure: the chart is already loaded.
 *
 *   const chart = await loadChartDirectory('mychart');
 *   const out = renderChart(chart, { releaseName: 'x', userValues: [parseValuesYaml(text)] });
 *   process.stdout.write(out.output); // byte-identical to `helm template x mychart -f values.yaml`
 */
import type { GoValue } from '../../gotemplate/index.js';
import type { LoadedChart } from './chart-loader.js';
import { defaultCapabilities } from './default-capabilities.js';
import { renderTemplates, type Renderable } from './engine.js';
import { filesObject } from './files-object.js';
import { formatTemplateOutput, sortManifests, type Hook, type Manifest } from './manifests.js';
import { capabilitiesObject, chartObject, releaseObject, type CapabilitiesInfo } from './objects.js';
import { checkInstallable } from './preflight.js';
import { coalesceValues, mergeValueFiles, type Values } from './values.js';

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
  /** What `helm template` prints to stdout. */
  output: string;
}

const NOTES_SUFFIX = 'NOTES.txt';

/**
 * Renders a chart. Throws NotInstallableError (library chart, bad release name, kubeVersion mismatch),
 * TemplateParseFailure, TemplateExecutionFailure or ManifestParseError, with Helm's messages.
 */
export function renderChart(chart: LoadedChart, options: RenderOptions): RenderResult {
  const name = chart.metadata.name;
  const capabilities = options.capabilities ?? defaultCapabilities();
  checkInstallable(chart.metadata, options.releaseName, capabilities.kubeVersion);
  const user = mergeValueFiles(options.userValues ?? []);
  const values = coalesceValues(name, chart.values, user, options.warn);
  const isUpgrade = options.isUpgrade ?? false;
  const data = new Map<string, GoValue>([
    ['Chart', chartObject(chart.metadata, true)],
    ['Capabilities', capabilitiesObject(capabilities)],
    ['Release', releaseObject({
      name: options.releaseName, namespace: options.namespace ?? 'default', isUpgrade, isInstall: !isUpgrade,
      revision: options.revision ?? 1,
    })],
    ['Files', filesObject(chart.files)],
    ['Subcharts', new Map()],
    ['Values', values],
  ]);
  const renderables: Renderable[] = chart.templates.map((t) => ({
    name: `${name}/${t.name}`, text: t.data, data, basePath: `${name}/templates`,
  }));
  const rendered = renderTemplates(renderables);
  const docs = new Map(rendered);
  let notes = '';
  for (const key of rendered.keys()) {
    if (!key.endsWith(NOTES_SUFFIX)) continue;
    if (key === `${name}/templates/${NOTES_SUFFIX}`) notes = rendered.get(key)!;
    docs.delete(key);
  }
  const { manifests, hooks } = sortManifests(docs);
  return { values, rendered, notes, manifests, hooks, output: formatTemplateOutput(manifests, hooks) };
}
