/**
 * Helm's render pipeline (pkg/engine, pkg/chartutil, pkg/releaseutil) for one chart, byte-identical to
 * `helm template` for the charts tested in test/helm/render (the `helm create` scaffold with several value
 * sets, a feature chart covering every object, Helm's functions, coalescing, ordering, hooks and error
 * texts, and a parent chart with nested, packaged and library subcharts and globals):
 *
 *   const chart = await loadChartDirectory(dir);        // or loadChartArchive(tgzBuffer)
 *   const { output, notes, manifests, hooks } = renderChart(chart, {
 *     releaseName: 'myapp', userValues: [parseValuesYaml(valuesFileText)],
 *   });
 *
 * User values from the command line come from src/helm/values (`mergeValueOptions`), schema validation
 * from src/helm/schema; `chartroom template` (src/cli/template.ts) ties them together.
 *
 * Known differences from Helm (the README's Rendering section lists them all):
 * - no validation of dependency alias syntax or duplicate names;
 * - `.Files.name` map access and ranging over `.Capabilities.APIVersions` (Helm's map and slice types
 *   with methods) are not available; the methods are;
 * - `toYamlPretty` lays out like go-yaml v3 but writes scalars as `toYaml` does (v3 prints a float64
 *   such as 1234567 as `1.234567e+06`);
 * - `toYaml`/`toJson` of `.Chart` or `.Capabilities` use Go field names, not Helm's JSON tags;
 * - YAML syntax errors in values or rendered documents carry the `yaml` package's wording, not go-yaml's;
 * - in-process, `include` nests a few hundred levels before reporting Helm's nesting error (V8's stack);
 *   `chartroom template` renders in a worker with a large stack and reaches Helm's 1000;
 * - `fromToml` keeps date-times as strings; no lint mode;
 * - Chartroom's limits (output size, time, `until` length) stop hostile templates; Helm has none.
 */
export { loadChartArchive, loadChartDirectory, parseValuesYaml, assembleChart, type LoadedChart, type ChartTemplate } from './chart-loader.js';
export { renderChart, type RenderOptions, type RenderResult } from './render-chart.js';
export { renderTemplates, sortTemplates, type Renderable, type RenderLimits, DEFAULT_MAX_OUTPUT_BYTES, DEFAULT_TIMEOUT_MS } from './engine.js';
export { helmFuncMap, INCLUDE_NESTING_LIMIT, type LookupFunc, NO_VALUE } from './helm-funcs.js';
export { coalesceValues, mergeMaps, mergeValueFiles, type Values } from './values.js';
export { formatTemplateOutput, sortManifests, splitManifests, INSTALL_ORDER, type Hook, type Manifest } from './manifests.js';
export { defaultCapabilities, DEFAULT_API_VERSIONS } from './default-capabilities.js';
export { checkDependenciesPresent, checkInstallable, validateReleaseName, NotInstallableError } from './preflight.js';
export { processImportValues } from './import-values.js';
export { coalesceChartValues, GLOBAL_KEY } from './chart-values.js';
export { processDependencies, pathValue } from './dependencies.js';
export type { CapabilitiesInfo, ReleaseInfo } from './objects.js';
export {
  RenderError, ChartLoadError, TemplateParseFailure, TemplateExecutionFailure, ManifestParseError, HelmFunctionFailure,
  NestedReferenceError, TplFunctionError, RenderLimitError,
} from './errors.js';
export { selectShowOnly, ShowOnlyError } from './show-only.js';
export { parseKubeVersion, KubeVersionError } from './kube-version.js';
export { helmLogLine } from './log-sources.js';
