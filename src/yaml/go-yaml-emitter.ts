/**
 * A YAML emitter whose output is byte-identical to Go's `sigs.k8s.io/yaml` Marshal (v1.6.0 over
 * go-yaml v2.4), the encoder behind Helm's index.yaml and template `toYaml`:
 *
 * ```yaml
 * apiVersion: v1          # keys sorted in go-yaml's natural order (a9 < a10)
 * entries:
 *   mychart:
 *   - appVersion: "1.0"   # YAML 1.1 non-strings double-quoted
 *     description: 'a: b' # indicator strings single-quoted
 *     urls: []            # empty collections in flow style
 *     notes: |-           # multi-line strings as literal blocks
 *       line one
 *       line two
 * ```
 *
 * Fragments: index.yaml is assembled from cached per-chart blocks, so besides whole documents
 * this module renders single mapping entries, mapping keys and sequence items at a given
 * indentation, exactly as they appear inside a whole document (fold points depend on the column).
 * The invariants, checked against the Go oracle in test/yaml:
 *
 * - for a non-empty map m, `marshalGoYaml(m)` equals the concatenation of
 *   `marshalGoYamlMapEntry(k, m[k], 0)` over keys sorted with `compareGoYamlKeys`;
 * - inside a block mapping at indent n, the entry for key k with a non-empty array value equals
 *   `marshalGoYamlMapKey(k, n)` followed by `marshalGoYamlSequenceItem(item, n)` for each item;
 * - a non-empty map value at indent n equals `marshalGoYamlMapKey(k, n)` followed by its entries
 *   at indent n + 2.
 *
 * An index.yaml from cached chart blocks (Helm's top-level keys, in go-yaml order):
 *
 * ```ts
 * const block = (name) => marshalGoYamlMapEntry(name, versionsOf(name), 2); // cache per chart
 * const doc = marshalGoYamlMapEntry('annotations', annotations, 0) // "" when undefined
 *   + marshalGoYamlMapEntry('apiVersion', 'v1', 0)
 *   + (names.length ? marshalGoYamlMapKey('entries', 0) + names.sort(compareGoYamlKeys).map(block).join('')
 *                   : marshalGoYamlMapEntry('entries', {}, 0))
 *   + marshalGoYamlMapEntry('generated', generated, 0)
 *   + marshalGoYamlMapEntry('publicKeys', publicKeys, 0)
 *   + marshalGoYamlMapEntry('serverInfo', serverInfo, 0);
 * ```
 */
import { writeScalar } from './go-yaml-scalar-writers.js';
import { analyzeScalar, isSimpleKey, requestedStyle, selectScalarStyle } from './go-yaml-scalar-style.js';
import { GoYamlMarshalError } from './go-yaml-error.js';
import { normalizeGoKey } from './go-yaml-json-strings.js';
import { applyToJSON, classifyJsonValue, isOmittedMember, toGoYamlNode, type GoYamlNode } from './go-yaml-values.js';
import { GoYamlWriter } from './go-yaml-writer.js';

export { GoYamlMarshalError } from './go-yaml-error.js';
export { compareGoYamlKeys } from './go-yaml-key-order.js';

/**
 * Marshals `value` as one YAML document, byte-identical to Go's `yaml.Marshal` from
 * sigs.k8s.io/yaml v1.6.0 for the Go value it models: null/undefined → nil, boolean → bool,
 * string → string, number → float64, bigint → int64, arrays → []interface{}, plain objects and
 * Maps with string keys → map[string]interface{}; `toJSON()` is honoured first. The result always
 * ends with a newline (`null\n`, `{}\n`, `a: 1\n`).
 * Throws GoYamlMarshalError where Go's Marshal returns an error (NaN/±Infinity, characters go-yaml
 * rejects such as DEL, a bigint outside int64/uint64, a non-string Map key, a cycle).
 */
export function marshalGoYaml(value: unknown): string {
  const w = new GoYamlWriter();
  emitNode(w, toGoYamlNode(value, ''), false, new Set());
  return finishDocument(w);
}

/**
 * Renders one `key: value` entry of a block mapping whose keys start at column `indent`
 * (0 for the top level, 2 for `entries:` children in index.yaml, …), including the trailing
 * newline, exactly as it appears inside the whole document: `marshalGoYamlMapEntry('a', [1], 2)`
 * → `"  a:\n  - 1\n"`. Returns "" when a map would omit the value (undefined, a function, a
 * symbol, or a toJSON returning one of those). A key longer than 128 UTF-8 bytes or containing a
 * line break comes out in go-yaml's `? key` / `: value` form.
 * Throws RangeError for a negative or fractional indent and GoYamlMarshalError like marshalGoYaml.
 */
export function marshalGoYamlMapEntry(key: string, value: unknown, indent: number): string {
  const w = new GoYamlWriter(checkIndent(indent));
  const json = applyToJSON(value, key);
  if (isOmittedMember(json)) return '';
  emitMapEntry(w, normalizeGoKey(key), classifyJsonValue(json), new Set());
  return finishDocument(w);
}

/**
 * Renders the `key:` line that introduces a non-empty block sequence or mapping value at column
 * `indent`, e.g. `marshalGoYamlMapKey('mychart', 2)` → `"  mychart:\n"`. Follow it with
 * marshalGoYamlSequenceItem(item, indent) per item, or with the map's entries at indent + 2.
 * Throws GoYamlMarshalError when go-yaml would write the key in `? key` form (longer than 128
 * UTF-8 bytes or containing a line break), and RangeError for a bad indent.
 */
export function marshalGoYamlMapKey(key: string, indent: number): string {
  const w = new GoYamlWriter(checkIndent(indent));
  const analysis = analyzeScalar(normalizeGoKey(key));
  if (!isSimpleKey(analysis)) {
    throw new GoYamlMarshalError('key needs the "? key" form; render the whole entry with marshalGoYamlMapEntry');
  }
  w.writeIndent();
  writeScalar(w, analysis, selectScalarStyle(requestedStyle(analysis.text, true), analysis, true), true);
  w.writeIndicator(':', false, false, false);
  return finishDocument(w);
}

/**
 * Renders one `- item` of a block sequence whose dashes sit at column `indent`, with its trailing
 * newline. In go-yaml a sequence under a mapping key is not indented, so the items of
 * `  mychart:` are `marshalGoYamlSequenceItem(version, 2)`.
 * Throws RangeError for a bad indent and GoYamlMarshalError like marshalGoYaml.
 */
export function marshalGoYamlSequenceItem(value: unknown, indent: number): string {
  const w = new GoYamlWriter(checkIndent(indent));
  w.writeIndent();
  w.writeIndicator('-', true, false, true);
  emitNode(w, toGoYamlNode(value, '0'), false, new Set());
  return finishDocument(w);
}

function checkIndent(indent: number): number {
  if (!Number.isInteger(indent) || indent < 0) throw new RangeError(`indent must be a non-negative integer, got ${indent}`);
  return indent;
}

/** go-yaml's document end: one line break unless the output already ends at a line start. */
function finishDocument(w: GoYamlWriter): string {
  w.indent = -1;
  w.writeIndent();
  return flattenString(w.out);
}

/**
 * The writer appends to one string, which V8 keeps as a rope; reading it once flattens it in
 * place. Doing that here keeps later concatenations of cached fragments (index.yaml assembly)
 * from re-walking the rope every time they are joined.
 */
function flattenString(s: string): string {
  void Number(s);
  return s;
}

/** yaml_emitter_emit_node for our three node kinds; `inMapping` is go-yaml's mapping_context. */
function emitNode(w: GoYamlWriter, node: GoYamlNode, inMapping: boolean, path: Set<object>): void {
  if (node.kind === 'scalar') {
    const analysis = analyzeScalar(node.text);
    writeScalar(w, analysis, selectScalarStyle(requestedStyle(node.text, node.isString), analysis, false), false);
    return;
  }
  if (path.has(node.source)) throw new GoYamlMarshalError('json: unsupported value: encountered a cycle');
  path.add(node.source);
  if (node.kind === 'sequence') emitSequence(w, node.items, inMapping, path);
  else emitMapping(w, node.entries, path);
  path.delete(node.source);
}

/** An empty collection is the only flow collection go-yaml produces here: `[]` or `{}`. */
function emitEmptyFlow(w: GoYamlWriter, open: string, close: string): void {
  w.writeIndicator(open, true, true, false);
  w.writeIndicator(close, false, false, false);
}

function emitSequence(w: GoYamlWriter, items: readonly unknown[], inMapping: boolean, path: Set<object>): void {
  if (items.length === 0) return emitEmptyFlow(w, '[', ']');
  // A sequence that is a mapping value stays at the key's column ("indentless").
  w.increaseIndent(false, inMapping && !w.indention);
  for (let i = 0; i < items.length; i++) {
    w.writeIndent();
    w.writeIndicator('-', true, false, true);
    emitNode(w, toGoYamlNode(items[i], String(i)), false, path);
  }
  w.popIndent();
}

function emitMapping(w: GoYamlWriter, entries: ReadonlyArray<readonly [string, unknown]>, path: Set<object>): void {
  if (entries.length === 0) return emitEmptyFlow(w, '{', '}');
  w.increaseIndent(false, false);
  for (const [key, value] of entries) emitMapEntry(w, key, classifyJsonValue(value), path);
  w.popIndent();
}

/** yaml_emitter_emit_block_mapping_key + _value for one entry; the key is already normalised. */
function emitMapEntry(w: GoYamlWriter, key: string, value: GoYamlNode, path: Set<object>): void {
  w.writeIndent();
  const analysis = analyzeScalar(key);
  const requested = requestedStyle(key, true);
  if (isSimpleKey(analysis)) {
    writeScalar(w, analysis, selectScalarStyle(requested, analysis, true), true);
    w.writeIndicator(':', false, false, false);
  } else {
    w.writeIndicator('?', true, false, true);
    writeScalar(w, analysis, selectScalarStyle(requested, analysis, false), false);
    w.writeIndent();
    w.writeIndicator(':', true, false, true);
  }
  emitNode(w, value, true, path);
}
