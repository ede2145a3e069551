/**
 * kubectl's JSONPath: `-o jsonpath=TEMPLATE`, the paths of `-o custom-columns` and `--sort-by`.
 *
 *   printJsonPath('{.items[*].metadata.name}', list)  →  "vweb-1 vweb-2"   (no newline, as kubectl)
 */
import { findResults } from './evaluate.js';
import { jsonPathText } from './go-format.js';
import { JsonPathError, parseTemplate, type TemplateNode } from './parse.js';

export { evaluateSteps, findResults } from './evaluate.js';
export { goFloat, goJsonMarshal, goSprint, jsonPathText } from './go-format.js';
export { JsonPathError, parseSteps, parseTemplate, type Step, type TemplateNode } from './parse.js';

/** Parses a template as kubectl reports a bad one: `error parsing jsonpath TEMPLATE, REASON`. */
export function compileTemplate(template: string): TemplateNode[] {
  try {
    return parseTemplate(template);
  } catch (err) {
    if (err instanceof JsonPathError) throw new JsonPathError(`error parsing jsonpath ${template}, ${err.message}`);
    throw err;
  }
}

/** Executes a template: results of one action joined by spaces, pieces concatenated, no newline added. */
export function printJsonPath(template: string | TemplateNode[], data: unknown): string {
  const nodes = typeof template === 'string' ? compileTemplate(template) : template;
  return findResults(nodes, data)
    .map((group) => (group.text ? group.value : group.values.map(jsonPathText).join(' ')))
    .join('');
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/**
 * kubectl's RelaxedJSONPathExpression, used by custom columns and `--sort-by`: `a.b`, `.a.b`, `{a.b}`
 * and `{.a.b}` all become `{.a.b}`. Throws JsonPathError with kubectl's message for anything else.
 */
export function relaxedJsonPath(path: string): string {
  if (path === '') return path;
  const match = RELAXED.exec(path);
  if (!match) throw new JsonPathError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${match[1] || match[2]}}`;
}
