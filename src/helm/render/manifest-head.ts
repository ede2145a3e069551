/**
 * Reading a rendered document's head as Helm's manifest sorter does: `yaml.Unmarshal` (sigs.k8s.io) into
 * releaseutil.SimpleHead
 *
 *   struct { Version string `json:"apiVersion"`; Kind string `json:"kind,omitempty"`;
 *            Metadata *struct { Name string `json:"name"`; Annotations map[string]string `json:"annotations"` } }
 *
 * so a document that is a bare scalar or a list fails, numbers and bools in those string fields become text
 * (`helm.sh/hook-weight: 5` is "5"), field names match case-insensitively, and any other value type in
 * them fails with encoding/json's UnmarshalTypeError text.
 */
import YAML from 'yaml';
import { compareGoStrings, type GoValue } from '../../gotemplate/index.js';
import { fromPlain } from '../../gotemplate/convert.js';
import { checkJsonEncodable, goNumberText } from './yaml-json.js';
import { GO_YAML_PARSE_OPTIONS, jsonKindOf, parseGoYamlDocument } from './yaml-values.js';

/** The fields of a document Helm's sorter reads. */
export interface Head {
  kind: string;
  name: string;
  annotations: Record<string, string>;
}

const METADATA_TYPE = 'struct { Name string "json:\\"name\\""; Annotations map[string]string "json:\\"annotations\\"" }';

/** A document Helm cannot read as a SimpleHead; the message follows `YAML parse error on <file>: `. */
export class HeadDecodeError extends Error {
  override name = 'HeadDecodeError';
}

/** encoding/json's field lookup: an exact name, else a case-insensitive one. */
function fieldOf(key: string, names: readonly string[]): string | undefined {
  return names.find((n) => n === key) ?? names.find((n) => n.toLowerCase() === key.toLowerCase());
}

/** convertToJSONableObject with a string target: a number or bool scalar becomes its text. */
function coerceToString(node: unknown): void {
  if (!YAML.isScalar(node)) return;
  if (typeof node.value === 'number') node.value = goNumberText(node.value, typeof node.source === 'string' ? node.source : String(node.value));
  else if (typeof node.value === 'boolean') node.value = String(node.value);
}

function eachPair(node: unknown, names: readonly string[], visit: (field: string, value: unknown) => void): void {
  if (!YAML.isMap(node)) return;
  for (const pair of node.items) {
    const key = YAML.isScalar(pair.key) ? pair.key.value : pair.key;
    const field = typeof key === 'string' ? fieldOf(key, names) : undefined;
    if (field) visit(field, pair.value);
  }
}

function coerceStringTargets(doc: YAML.Document): void {
  eachPair(doc.contents, ['apiVersion', 'kind', 'metadata'], (field, value) => {
    if (field !== 'metadata') return coerceToString(value);
    eachPair(value, ['name', 'annotations'], (f, v) => {
      if (f === 'name') coerceToString(v);
      else if (YAML.isMap(v)) for (const p of v.items) coerceToString(p.value);
    });
  });
}

class Decoder {
  firstError: string | undefined;
  fail(kind: string, field: string, type: string): void {
    this.firstError ??= `json: cannot unmarshal ${kind} into Go struct field ${field} of type ${type}`;
  }
  string(v: GoValue, field: string): string {
    if (v === null || typeof v === 'string') return v ?? '';
    this.fail(jsonKindOf(v), field, 'string');
    return '';
  }
  /** Visits a JSON object's members in json.Marshal's (sorted) order, each mapped to its field. */
  members(m: Map<string, GoValue>, names: readonly string[], visit: (field: string, v: GoValue) => void): void {
    for (const k of [...m.keys()].sort(compareGoStrings)) {
      const field = fieldOf(k, names);
      if (field) visit(field, m.get(k)!);
    }
  }
}

function decodeMetadata(d: Decoder, v: GoValue, head: Head): void {
  if (v === null) return;
  if (!(v instanceof Map)) return d.fail(jsonKindOf(v), 'SimpleHead.metadata', METADATA_TYPE);
  d.members(v, ['name', 'annotations'], (field, x) => {
    if (field === 'name') head.name = d.string(x, '.metadata.name');
    else if (x === null) head.annotations = {};
    else if (!(x instanceof Map)) d.fail(jsonKindOf(x), '.metadata.annotations', 'map[string]string');
    else for (const [k, a] of x) head.annotations[k] = d.string(a, '.metadata.annotations');
  });
}

/**
 * Decodes one rendered document's head. Throws HeadDecodeError with Helm's text (`error converting YAML to
 * JSON: …` or `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal …`).
 */
export function decodeSimpleHead(text: string): Head {
  let value: GoValue;
  try {
    const doc = parseGoYamlDocument(text);
    coerceStringTargets(doc);
    value = fromPlain(doc.toJS(GO_YAML_PARSE_OPTIONS) as unknown, { numbers: 'float64' });
    checkJsonEncodable(value);
  } catch (e) {
    throw new HeadDecodeError(`error converting YAML to JSON: ${(e as Error).message}`);
  }
  const head: Head = { kind: '', name: '', annotations: {} };
  if (value === null) return head;
  const unmarshalError = (msg: string): HeadDecodeError => new HeadDecodeError(`error unmarshaling JSON: while decoding JSON: ${msg}`);
  if (!(value instanceof Map)) throw unmarshalError(`json: cannot unmarshal ${jsonKindOf(value)} into Go value of type releaseutil.SimpleHead`);
  const d = new Decoder();
  d.members(value, ['apiVersion', 'kind', 'metadata'], (field, v) => {
    if (field === 'kind') head.kind = d.string(v, 'SimpleHead.kind');
    else if (field === 'apiVersion') d.string(v, 'SimpleHead.apiVersion');
    else decodeMetadata(d, v, head);
  });
  if (d.firstError) throw unmarshalError(d.firstError);
  return head;
}
