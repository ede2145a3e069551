/**
 * How encoding/json sees a Go struct (toJson, toYaml): its `json:"…"` tags (name, `omitempty`, `-`) and
 * its embedded structs written inline.
 */
import { GoInt, GoStruct, type GoValue, lengthOf } from './value.js';

/** encoding/json's isEmptyValue, for `omitempty`. */
function isJsonEmpty(v: GoValue): boolean {
  if (v === null || v === false || v === '' || v === 0) return true;
  if (v instanceof GoInt) return v.value === 0n;
  const n = lengthOf(v);
  return n !== undefined && n === 0;
}

/** The members encoding/json writes for a struct, in field order: tag names, `-` and `omitempty` applied. */
export function jsonFields(s: GoStruct): [string, GoValue][] {
  const out: [string, GoValue][] = [];
  for (const [field, value] of s.fields) {
    const tag = s.jsonTags?.get(field);
    if (tag === undefined && s.embedded?.has(field) && value instanceof GoStruct) {
      out.push(...jsonFields(value));
      continue;
    }
    if (tag === '-') continue;
    const [name = '', ...opts] = (tag ?? '').split(',');
    if (opts.includes('omitempty') && isJsonEmpty(value)) continue;
    out.push([name === '' ? field : name, value]);
  }
  return out;
}
