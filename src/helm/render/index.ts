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
 * Known differences from Helm, each waiting on issue #4:
 * - no validation of dependency alias syntax or duplicate names;
 * - `.Files.name` map access and ranging over `.Capabilities.APIVersions` (Helm's map and slice types
 *   with methods) are not available; the methods are;
 * - `toYamlPretty` lays out like go-yaml v3 but writes scalars as `toYaml` does (v3 prints a float64
 *   such as 1234567 as `1.234567e+06`);
 * - `toYaml`/`toJson` of `.Chart` or `.Capabilities` use Go field names, not Helm's JSON tags;
 * - YAML syntax errors in values or rendered documents carry the `yaml` package's wording, not go-yaml's;
 * - `include` nests a few hundred levels before reporting Helm's nesting error (V8's stack), not 1000;
 * - no `toToml`/`fromToml`, lint mode, `--set` family, schema validation or `.helmignore` for archives
 *   (Helm applies none to archives either).
 */
export { loadChartArchive, loadChartDirectory, parseValuesYaml, assembleChart, type LoadedChart, type ChartTemplate } from './chart-loader.js';
export { renderChart, type RenderOptions, type RenderResult } from './render-chart.js';
export { renderTemplates, sortTemplates, type Renderable } from './engine.js';
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
  NestedReferenceError, TplFunctionError,
} from './errors.js';
