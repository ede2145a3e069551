/**
 * Errors of Helm's render pipeline. Messages are Helm's text (pkg/engine, pkg/chart/loader,
 * pkg/releaseutil) so a user can grep Helm for them; the class says which phase failed.
 */

/** Base class of every render-pipeline error. */
export class RenderError extends Error {
  override name = 'RenderError';
  /**
   * True when the error came from rendering proper (kubeVersion check, templates, manifests), where Helm has
   * already created the release object; `helm template` then adds `Use --debug flag to render out invalid YAML`.
   */
  inRenderPhase = false;
}

/** A chart could not be loaded (`cannot load values.yaml: …`, `Chart.yaml file is missing`). */
export class ChartLoadError extends RenderError {
  override name = 'ChartLoadError';
}

/** A template failed to parse: `parse error at (<file>:<line>): <msg>`. */
export class TemplateParseFailure extends RenderError {
  override name = 'TemplateParseFailure';
}

/**
 * A template failed to execute: `execution error at (<file>:<line>:<col>): <msg>` for `required`/`fail`,
 * otherwise Go's `template: …: executing … at <…>: …` text.
 */
export class TemplateExecutionFailure extends RenderError {
  override name = 'TemplateExecutionFailure';
}

/** A rendered document is not valid YAML: `YAML parse error on <file>: …`. */
export class ManifestParseError extends RenderError {
  override name = 'ManifestParseError';
}

/**
 * What `required` and `fail` throw inside a template. The executor wraps it as `error calling required: …`;
 * the renderer recognises the class (never the text) and reports Helm's `execution error at (…)` form.
 */
export class HelmFunctionFailure extends Error {
  override name = 'HelmFunctionFailure';
}

/** `include` nested the same template more than Helm's limit (1000). */
export class NestedReferenceError extends Error {
  override name = 'NestedReferenceError';
  constructor(templateName: string) {
    super(`rendering template has a nested reference name: ${templateName}: unable to execute template`);
  }
}

/** `tpl` could not parse or execute its text (`cannot parse template "…": …`); the cause is kept. */
export class TplFunctionError extends Error {
  override name = 'TplFunctionError';
}

/**
 * Rendering stopped at one of Chartroom's limits (output size, wall time); Helm has none. The message
 * names the template: `rendering <file> stopped: template output exceeds the limit of N bytes`.
 */
export class RenderLimitError extends RenderError {
  override name = 'RenderLimitError';
}
