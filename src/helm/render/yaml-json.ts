/**
 * The steps sigs.k8s.io/yaml takes between go-yaml v2 and encoding/json (yaml.go yamlToJSON,
 * convertToJSONableObject), which Helm runs on every values file, `fromYaml` text and rendered manifest:
 *
 * - map keys become strings: ints as written, floats through `FormatFloat(f, 'g', -1, 32)` (`3.14159265358979`
 *   → `3.1415927`, NaN/±Inf → `.nan`/`.inf`/`-.inf`), bools `true`/`false`; a null key is an error;
 * - where the decoding target is a string field, a number or bool becomes its text (see manifest-head.ts);
 * - json.Marshal then refuses NaN and ±Inf (`json: unsupported value: NaN`), visiting map keys in sorted
 *   order, so the first offending value in that order names the error.
 */
import YAML from 'yaml';
import { compareGoStrings, sprintf, type GoValue } from '../../gotemplate/index.js';
import { fromPlain } from '../../gotemplate/convert.js';
import { formatFloat, formatFloat32 } from '../../gotemplate/fmt/float.js';

/** YAML that sigs.k8s.io/yaml cannot turn into JSON; the message is the text after `error converting YAML to JSON: `. */
export class YamlToJsonError extends Error {
  override name = 'YamlToJsonError';
}

/** Whether a plain scalar's source is one go-yaml v2 decodes as a float (not an int). */
export function isFloatSource(source: string): boolean {
  return !/^[-+]?0[xXbBoO]/.test(source) && /[.eE]/.test(source);
}

/** The text yamlToJSON gives a number scalar where a string is expected or as a map key. */
export function goNumberText(value: number, source: string): string {
  if (!isFloatSource(source) && Number.isInteger(value) && Math.abs(value) < 2 ** 63) return BigInt(value).toString();
  return formatFloat32(value);
}

function keyText(key: YAML.Scalar): string | undefined {
  if (typeof key.value === 'number') {
    const text = goNumberText(key.value, typeof key.source === 'string' ? key.source : String(key.value));
    return ({ NaN: '.nan', '+Inf': '.inf', '-Inf': '-.inf' } as Record<string, string>)[text] ?? text;
  }
  return undefined;
}

function unsupportedKey(doc: YAML.Document, value: unknown): YamlToJsonError {
  const plain = YAML.isNode(value) ? value.toJS(doc) : value;
  let shown = sprintf('%+#v', [fromPlain(plain ?? null, { numbers: 'float64' })]).replace(/map\[string\]interface \{\}/g, 'map[interface {}]interface {}');
  if (plain === null || plain === undefined) shown = '<nil>';
  return new YamlToJsonError(`unsupported map key of type: %!s(<nil>), key: <nil>, value: ${shown}`);
}

function invalidMapKey(doc: YAML.Document, key: YAML.Node): YamlToJsonError {
  const plain = YAML.isMap(key) ? Object.fromEntries(key.items.map((p) => [String(YAML.isScalar(p.key) ? p.key.value : p.key), YAML.isNode(p.value) ? p.value.toJS(doc) : p.value])) : key.toJS(doc);
  const shown = sprintf('%#v', [fromPlain(plain ?? null, { numbers: 'float64' })]).replace(/map\[string\]interface \{\}/g, 'map[interface {}]interface {}');
  return new YamlToJsonError(`yaml: invalid map key: ${shown}`);
}

const NON_FINITE_LITERAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * Rewrites the document before `toJS` as go-yaml v2 and convertToJSONableObject read it: a number too
 * large for a float64 (`0123…` of a thousand digits) is a string, `-0` is 0, number keys take Go's text. Throws
 * YamlToJsonError for a null key.
 */
export function convertGoYamlKeys(doc: YAML.Document): void {
  YAML.visit(doc, {
    Scalar(_, node) {
      // strconv.ParseFloat fails with ErrRange, so go-yaml's resolver falls back to a string
      // !!binary: go-yaml decodes the base64 into a string (invalid UTF-8 becomes U+FFFD on the way to JSON)
      if (node.value instanceof Uint8Array) node.value = Buffer.from(node.value).toString('utf8');
      if (typeof node.value !== 'number' || typeof node.source !== 'string') return;
      if (!Number.isFinite(node.value) && !NON_FINITE_LITERAL.test(node.source)) node.value = node.source;
      // `-0` is an int to go-yaml, so it is plain 0 (only a float `-0.0` keeps its sign)
      else if (Object.is(node.value, -0) && !isFloatSource(node.source)) node.value = 0;
    },
    Pair(_, pair) {
      const key = pair.key;
      // go-yaml cannot decode a sequence or mapping key into Go's map[interface{}]interface{}
      if (YAML.isCollection(key)) throw invalidMapKey(doc, key);
      if (key === null || (YAML.isScalar(key) && key.value === null)) throw unsupportedKey(doc, pair.value);
      if (!YAML.isScalar(key)) return;
      const text = keyText(key);
      if (text !== undefined) key.value = text;
    },
  });
}

/**
 * json.Marshal's refusal of NaN and ±Inf, visiting values in its order (map keys sorted bytewise).
 * Throws YamlToJsonError `json: unsupported value: NaN` (or `+Inf`, `-Inf`).
 */
export function checkJsonEncodable(v: GoValue): void {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new YamlToJsonError(`json: unsupported value: ${formatFloat(v, 'g', -1)}`);
  } else if (Array.isArray(v)) {
    for (const x of v) checkJsonEncodable(x);
  } else if (v instanceof Map) {
    for (const k of [...v.keys()].sort(compareGoStrings)) checkJsonEncodable(v.get(k)!);
  }
}
