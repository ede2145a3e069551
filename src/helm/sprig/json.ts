/**
 * Go's encoding/json for Go values, as Sprig's toJson, toPrettyJson, toRawJson and fromJson use it:
 * sorted map keys, Go's float formatting, HTML-safe escaping (except toRawJson), []byte as base64, and
 * errors for NaN, infinities and functions.
 */
import { checkGoJson } from './go-json-scan.js';
import { GoFunc, GoInt, GoSlice, GoStruct, GoTypedMap, type GoValue, formatFloat, jsonFields, mapEntries, sortedKeys, typeName } from '../../gotemplate/index.js';
import { bytesToString } from './cast.js';

/** Thrown for values encoding/json cannot encode; the message is Go's. */
export class JsonEncodeError extends Error {
  override readonly name = 'JsonEncodeError' as const;
}

/** Go's encoding/json string escaping (escapeHTML: also <, >, &). */
export function jsonString(s: string, escapeHTML: boolean): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (cp < 0x20) {
      out += ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : ch === '\t' ? '\\t' : '\\u00' + cp.toString(16).padStart(2, '0');
    } else if (escapeHTML && (ch === '<' || ch === '>' || ch === '&')) out += '\\u00' + cp.toString(16);
    else if (cp === 0x2028 || cp === 0x2029) out += '\\u' + cp.toString(16);
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return out + '"';
}

/** Go's encoding/json float64 formatting. */
export function jsonFloat(f: number): string {
  if (!Number.isFinite(f)) throw new JsonEncodeError(`json: unsupported value: ${formatFloat(f, 'g', -1)}`);
  const abs = Math.abs(f);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    return formatFloat(f, 'e', -1).replace(/e([+-])0(\d)$/, 'e$1$2');
  }
  return formatFloat(f, 'f', -1);
}

/** Encodes a Go value; `indent` non-empty gives MarshalIndent's layout. Throws JsonEncodeError. */
export function encodeJson(v: GoValue, escapeHTML: boolean, indent = '', prefix = ''): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return jsonString(v, escapeHTML);
  if (typeof v === 'number') return jsonFloat(v);
  if (v instanceof GoInt) return v.value.toString();
  if (v instanceof GoSlice && v.elemType === 'uint8') return jsonString(Buffer.from(bytesToString(v), 'utf8').toString('base64'), escapeHTML);
  if (Array.isArray(v) || v instanceof GoSlice) {
    const items = Array.isArray(v) ? v : v.items;
    return wrap('[', ']', items.map((x) => encodeJson(x, escapeHTML, indent, prefix + indent)), indent, prefix);
  }
  if (v instanceof Map || v instanceof GoTypedMap) {
    const entries = mapEntries(v);
    const sep = indent ? ': ' : ':';
    const parts = sortedKeys(v).map((k) => jsonString(k, escapeHTML) + sep + encodeJson(entries.get(k)!, escapeHTML, indent, prefix + indent));
    return wrap('{', '}', parts, indent, prefix);
  }
  if (v instanceof GoStruct) {
    const marshaled = marshalerJson(v);
    if (marshaled !== undefined) return marshaled;
    const sep = indent ? ': ' : ':';
    const parts = jsonFields(v).map(([k, x]) => jsonString(k, escapeHTML) + sep + encodeJson(x, escapeHTML, indent, prefix + indent));
    return wrap('{', '}', parts, indent, prefix);
  }
  throw new JsonEncodeError(`json: unsupported type: ${typeName(v as GoFunc)}`);
}

/**
 * The text of a struct's MarshalJSON method (encoding/json's json.Marshaler), compacted as encoding/json
 * compacts it, or undefined when it has none.
 */
export function marshalerJson(v: GoStruct): string | undefined {
  const m = v.methods.get('MarshalJSON');
  if (!m || m.params.length !== 0) return undefined;
  const out = m.fn([], undefined as never);
  const text = out instanceof GoSlice ? bytesToString(out) : String(out);
  return JSON.stringify(JSON.parse(text));
}

function wrap(open: string, close: string, parts: string[], indent: string, prefix: string): string {
  if (parts.length === 0) return open + close;
  if (!indent) return open + parts.join(',') + close;
  const inner = prefix + indent;
  return `${open}\n${inner}${parts.join(`,\n${inner}`)}\n${prefix}${close}`;
}

/**
 * Decodes JSON text into Go values (numbers are float64, objects map[string]interface {}). Throws
 * GoJsonSyntaxError with Go's message for invalid text.
 */
export function decodeJson(text: string): GoValue {
  checkGoJson(text);
  return toGo(JSON.parse(text) as unknown);
}

function toGo(v: unknown): GoValue {
  if (Array.isArray(v)) return v.map(toGo);
  if (v !== null && typeof v === 'object') return new Map(Object.entries(v).map(([k, x]) => [k, toGo(x)]));
  return v as GoValue;
}
