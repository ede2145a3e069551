/**
 * YAML as Helm reads it: sigs.k8s.io/yaml converts YAML 1.1 to JSON and decodes that, so every number
 * becomes a float64 and every mapping a `map[string]interface {}`.
 */
import YAML from 'yaml';
import { assertYamlDepth } from '../../yaml/depth-guard.js';
import { type GoValue } from '../../gotemplate/index.js';
import { fromPlain } from '../../gotemplate/convert.js';
import { HELM_YAML_OPTIONS } from '../../repo/chart-metadata.js';
import { checkJsonEncodable, convertGoYamlKeys, YamlToJsonError } from './yaml-json.js';

/**
 * The YAML text could not be parsed; the message is `yaml: ` and the parser's first error, first line (the
 * text after `error converting YAML to JSON: `).
 */
export class YamlSyntaxError extends YamlToJsonError {
  override name = 'YamlSyntaxError';
}

/** go-yaml v2 keeps the last of duplicate keys where the `yaml` package would refuse them. */
export const GO_YAML_PARSE_OPTIONS = { ...HELM_YAML_OPTIONS, uniqueKeys: false };

/**
 * What go-yaml v2's parser refuses before the first node: a `%YAML` directive for a version other than 1.1
 * (`found incompatible YAML document`), and a `...` marker (it skips extra ones only after a document: `did not
 * find expected node content`). Blank and comment lines aside; `line N: ` from line 1 on. Throws YamlSyntaxError.
 */
function checkDocumentStart(text: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  const fail = (i: number, msg: string) => new YamlSyntaxError(`yaml: ${i === 0 ? '' : `line ${i}: `}${msg}`);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^[ \t]*(?:#.*)?$/.test(line)) continue;
    const version = /^%YAML[ \t]+(\d+)\.(\d+)(?:[ \t]|$)/.exec(line);
    if (version && (version[1] !== '1' || version[2] !== '1')) throw fail(i, 'found incompatible YAML document');
    if (line.startsWith('%')) continue;
    if (/^\.\.\.(?:[ \t]|$)/.test(line)) throw fail(i, 'did not find expected node content');
    return;
  }
}

/**
 * Parses the first YAML document as sigs.k8s.io/yaml would: syntax checked, keys converted (yaml-json.ts), no NaN
 * or ±Inf anywhere. Returns the document; throws YamlSyntaxError or YamlToJsonError.
 */
export function parseGoYamlDocument(text: string): YAML.Document {
  try {
    assertYamlDepth(text);
  } catch (e) {
    throw new YamlSyntaxError(`yaml: ${(e as Error).message}`);
  }
  checkDocumentStart(text);
  let doc: YAML.Document = YAML.parseDocument(text, GO_YAML_PARSE_OPTIONS);
  // go-yaml's Unmarshal reads the first document and ignores whatever follows it
  if (doc.errors[0]?.code === 'MULTIPLE_DOCS') doc = YAML.parseAllDocuments(text, GO_YAML_PARSE_OPTIONS)[0] as YAML.Document;
  const first = doc.errors[0];
  // a tagged scalar of the wrong kind: go-yaml's decode error names no line
  if (first?.code === 'TAG_RESOLVE_FAILED' && first.message.startsWith('cannot decode ')) throw new YamlSyntaxError(`yaml: ${first.message.replace(/ at line \d+, column \d+:[^]*$/, '')}`);
  if (first) throw new YamlSyntaxError(`yaml: ${first.message.split('\n')[0]!}`);
  convertGoYamlKeys(doc);
  return doc;
}

/**
 * Parses one YAML document into Go values (numbers float64). An empty document is nil.
 * Throws YamlToJsonError (YamlSyntaxError for syntax); its message follows `error converting YAML to JSON: `.
 */
export function parseHelmYaml(text: string): GoValue {
  const value = fromPlain(parseGoYamlDocument(text).toJS(GO_YAML_PARSE_OPTIONS) as unknown, { numbers: 'float64' });
  checkJsonEncodable(value);
  return value;
}

/** The JSON kind Go's encoding/json names in `cannot unmarshal <kind> into …`. */
export function jsonKindOf(v: GoValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Map) return 'object';
  if (typeof v === 'number') return 'number';
  return typeof v === 'boolean' ? 'bool' : 'string';
}
