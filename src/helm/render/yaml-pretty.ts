/**
 * `toYamlPretty` layout: Helm encodes with go-yaml v3 at indent 2, which indents a sequence under its
 * mapping key (`baz:\n  - 1`), where sigs.k8s.io/yaml writes `baz:\n- 1`. This builds that layout from the
 * sigs.k8s.io emitter's fragments.
 *
 * Known difference (documented, not yet ported): go-yaml v3 sees the Go values directly, not via JSON, so it
 * prints a float64 such as 1234567 as `1.234567e+06` and quotes a few strings differently; here scalars are
 * written as `toYaml` writes them.
 */
import {
  compareGoYamlKeys, marshalGoYaml, marshalGoYamlMapEntry, marshalGoYamlMapKey, marshalGoYamlSequenceItem,
} from '../../yaml/go-yaml-emitter.js';

type Plain = unknown;

const isMap = (v: Plain): v is Record<string, Plain> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0;
const isList = (v: Plain): v is Plain[] => Array.isArray(v) && v.length > 0;

/**
 * Marshals plain data (as `toPlain` gives) in go-yaml v3's indent-2 layout, ending with a newline.
 * Throws GoYamlMarshalError like marshalGoYaml.
 */
export function marshalPrettyYaml(value: Plain): string {
  if (isMap(value)) return prettyMap(value, 0);
  if (isList(value)) return prettyList(value, 0);
  return marshalGoYaml(value);
}

function prettyMap(m: Record<string, Plain>, indent: number): string {
  let out = '';
  for (const key of Object.keys(m).sort(compareGoYamlKeys)) {
    const v = m[key];
    if (isMap(v)) out += marshalGoYamlMapKey(key, indent) + prettyMap(v, indent + 2);
    else if (isList(v)) out += marshalGoYamlMapKey(key, indent) + prettyList(v, indent + 2);
    else out += marshalGoYamlMapEntry(key, v, indent);
  }
  return out;
}

function prettyList(items: Plain[], indent: number): string {
  let out = '';
  for (const item of items) {
    if (isMap(item) || isList(item)) {
      // The item's block starts two columns in; its first line carries the dash instead.
      const block = isMap(item) ? prettyMap(item, indent + 2) : prettyList(item, indent + 2);
      out += ' '.repeat(indent) + '- ' + block.slice(indent + 2);
    } else {
      out += marshalGoYamlSequenceItem(item, indent);
    }
  }
  return out;
}
