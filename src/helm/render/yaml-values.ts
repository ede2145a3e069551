/**
 * YAML as Helm reads it: sigs.k8s.io/yaml converts YAML 1.1 to JSON and decodes that, so every number
 * becomes a float64 and every mapping a `map[string]interface {}`.
 */
import YAML from 'yaml';
import { type GoValue } from '../../gotemplate/index.js';
import { fromPlain } from '../../gotemplate/convert.js';
import { HELM_YAML_OPTIONS } from '../../repo/chart-metadata.js';

/** The YAML text could not be parsed; the message is the parser's first error, first line. */
export class YamlSyntaxError extends Error {
  override name = 'YamlSyntaxError';
}

/**
 * Parses one YAML document into Go values (numbers float64). An empty document is nil.
 * Throws YamlSyntaxError.
 */
export function parseHelmYaml(text: string): GoValue {
  const doc = YAML.parseDocument(text, HELM_YAML_OPTIONS);
  if (doc.errors.length > 0) throw new YamlSyntaxError(doc.errors[0]!.message.split('\n')[0]!);
  return fromPlain(doc.toJS(HELM_YAML_OPTIONS) as unknown, { numbers: 'float64' });
}

/** The JSON kind Go's encoding/json names in `cannot unmarshal <kind> into …`. */
export function jsonKindOf(v: GoValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Map) return 'object';
  if (typeof v === 'number') return 'number';
  return typeof v === 'boolean' ? 'bool' : 'string';
}
