/**
 * Helm's engine (pkg/engine/engine.go): one template set per render, every template named by its full
 * path, parsed deepest-first, executed with missingkey=zero; `<no value>` stripped from each output; errors
 * reshaped into Helm's `parse error at (…)` / `execution error at (…)` forms.
 */
import { BudgetExceededError, compareGoStrings, ExecBudget, nameMapType, Template, TemplateExecError, TemplateParseError, type GoValue } from '../../gotemplate/index.js';
import { HelmFunctionFailure, RenderLimitError, TemplateExecutionFailure, TemplateParseFailure } from './errors.js';
import { helmFuncMap, type LookupFunc, NO_VALUE } from './helm-funcs.js';
import './values-methods.js';

/** Output and time limits for one render (Chartroom's; Helm has none). */
export interface RenderLimits {
  maxOutputBytes?: number;
  timeoutMs?: number;
  /** Monotonic clock in ms (default performance.now). */
  now?: () => number;
}

/** Default output limit of one render: 64 MiB. */
export const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
/** Default time limit of one render: 60 s. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Helm's named map type for template data and `.Values`. */
export const VALUES_TYPE = 'chartutil.Values';

/** A template to parse: its full key (`mychart/templates/x.yaml`), text, and the data it runs with. */
export interface Renderable {
  name: string;
  text: string;
  /** Top-level data without `.Template` (added per file). */
  data: Map<string, GoValue>;
  /** `<chart path>/templates`, for `.Template.BasePath`. */
  basePath: string;
}

const slashes = (s: string): number => s.split('/').length - 1;

/**
 * Helm's sortTemplates: deeper paths first; equal depth in reverse byte order, so that on duplicate
 * `define`s the root chart and the lexically smallest file win.
 */
export function sortTemplates(names: string[]): string[] {
  return [...names].sort((a, b) => slashes(b) - slashes(a) || compareGoStrings(b, a));
}

/** cleanupParseError: `parse error at (<name>:<line>): <last part of Go's message>`. */
function parseFailure(name: string, e: TemplateParseError): TemplateParseFailure {
  const tokens = e.message.split(': ');
  if (tokens.length === 1) return new TemplateParseFailure(`parse error in (${name}): ${e.message}`);
  return new TemplateParseFailure(`parse error at (${tokens[1]}): ${tokens[tokens.length - 1]}`);
}

function findHelmFailure(e: unknown): HelmFunctionFailure | undefined {
  for (let cur = e; cur instanceof Error; cur = cur.cause) {
    if (cur instanceof HelmFunctionFailure) return cur;
  }
  return undefined;
}

/** Helm's exec-error cleanup: `required`/`fail` messages at the outermost location; other errors as Go's. */
function execFailure(name: string, e: TemplateExecError): TemplateExecutionFailure {
  const failure = findHelmFailure(e);
  if (!failure) return new TemplateExecutionFailure(e.message);
  const loc = e.location;
  if (!loc) return new TemplateExecutionFailure(`execution error in (${name}): ${failure.message}`);
  return new TemplateExecutionFailure(`execution error at (${loc.parseName}:${loc.line}:${loc.col}): ${failure.message}`);
}

/**
 * Parses every renderable into one set and executes those whose basename does not start with `_`
 * (`lookup` answers the `lookup` function; default: no cluster).
 * Returns file key → output. Throws TemplateParseFailure, TemplateExecutionFailure, or RenderLimitError past
 * `limits` (defaults: 64 MiB of output, 60 s).
 */
export function renderTemplates(renderables: Renderable[], limits: RenderLimits = {}, lookup?: LookupFunc): Map<string, string> {
  const byName = new Map(renderables.map((r) => [r.name, r]));
  const order = sortTemplates([...byName.keys()]);
  const set = new Template('gotpl').option('missingkey=zero').funcs(helmFuncMap(lookup)).setBudget(new ExecBudget({
    maxOutputBytes: limits.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
    timeoutMs: limits.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    now: limits.now ?? (() => performance.now()),
  }));
  for (const name of order) {
    try {
      set.new(name).parse(byName.get(name)!.text);
    } catch (e) {
      if (e instanceof TemplateParseError) throw parseFailure(name, e);
      throw e;
    }
  }
  const rendered = new Map<string, string>();
  for (const name of order) {
    if (name.slice(name.lastIndexOf('/') + 1).startsWith('_')) continue;
    const r = byName.get(name)!;
    // Helm executes every template with chartutil.Values (a named map type) as dot and .Template.
    const data = nameMapType(new Map(r.data), VALUES_TYPE);
    data.set('Template', nameMapType(new Map<string, GoValue>([['Name', name], ['BasePath', r.basePath]]), VALUES_TYPE));
    try {
      rendered.set(name, set.executeTemplate(name, data).replaceAll(NO_VALUE, ''));
    } catch (e) {
      if (e instanceof TemplateExecError) throw execFailure(name, e);
      if (e instanceof BudgetExceededError) throw new RenderLimitError(`rendering ${name} stopped: ${e.message}`, { cause: e });
      throw e;
    }
  }
  return rendered;
}
