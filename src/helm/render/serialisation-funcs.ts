/**
 * Helm's YAML, JSON and TOML functions (pkg/engine/funcs.go): `toYaml`, `toYamlPretty`, `fromYaml`,
 * `fromYamlArray`, `toJson`, `fromJson`, `fromJsonArray`, `toToml`, `fromToml`. None of them fails a render: encoders return ""
 * on error, decoders return `map[Error:…]` or `[…]` holding Go's error text.
 */
import { ANY, type GoFuncDef, type GoValue } from '../../gotemplate/index.js';
import { toPlain } from '../../gotemplate/convert.js';
import { marshalGoYaml } from '../../yaml/go-yaml-emitter.js';
import { decodeJson, encodeJson } from '../sprig/json.js';
import { marshalPrettyYaml } from './yaml-pretty.js';
import { jsonKindOf, parseHelmYaml } from './yaml-values.js';
import { decodeToml } from './toml-decode.js';
import { encodeToml } from './toml-encode.js';

const MAP_TYPE = 'map[string]interface {}';
const LIST_TYPE = '[]interface {}';
const fn = (params: string[], result: string, body: GoFuncDef['fn']): GoFuncDef => ({ params, result, fn: body });

/** `toYaml`: sigs.k8s.io/yaml output without its trailing newline; "" when the value cannot be encoded. */
export function toYaml(v: GoValue): string {
  try {
    return marshalGoYaml(toPlain(v)).replace(/\n$/, '');
  } catch {
    return '';
  }
}

type Decoded = { value: GoValue } | { error: string };

function decodeYaml(text: string): Decoded {
  try {
    return { value: parseHelmYaml(text) };
  } catch (e) {
    return { error: `error converting YAML to JSON: ${(e as Error).message}` };
  }
}

function decodeJsonText(text: string): Decoded {
  try {
    return { value: decodeJson(text) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** Unmarshals into a map like Go: null leaves the map empty, other non-objects are a type error. */
function asMap(d: Decoded, viaYaml: boolean): Map<string, GoValue> {
  if ('error' in d) return new Map([['Error', d.error]]);
  if (d.value === null) return new Map();
  if (d.value instanceof Map) return d.value;
  return new Map([['Error', typeError(jsonKindOf(d.value), MAP_TYPE, viaYaml)]]);
}

/** Unmarshals into a list like Go: null leaves it empty, other non-arrays are a type error. */
function asList(d: Decoded, viaYaml: boolean): GoValue[] {
  if ('error' in d) return [d.error];
  if (d.value === null) return [];
  if (Array.isArray(d.value)) return d.value;
  return [typeError(jsonKindOf(d.value), LIST_TYPE, viaYaml)];
}

function typeError(kind: string, goType: string, viaYaml: boolean): string {
  const json = `json: cannot unmarshal ${kind} into Go value of type ${goType}`;
  return viaYaml ? `error unmarshaling JSON: while decoding JSON: ${json}` : json;
}

/** The serialisation functions by name; they override Sprig's `toJson`/`fromJson`. */
export const SERIALISATION_FUNCS: Record<string, GoFuncDef> = {
  toYaml: fn([ANY], 'string', ([v]) => toYaml(v ?? null)),
  toYamlPretty: fn([ANY], 'string', ([v]) => {
    try {
      return marshalPrettyYaml(toPlain(v ?? null)).replace(/\n$/, '');
    } catch {
      return '';
    }
  }),
  fromYaml: fn(['string'], MAP_TYPE, ([s]) => asMap(decodeYaml(s as string), true)),
  fromYamlArray: fn(['string'], LIST_TYPE, ([s]) => asList(decodeYaml(s as string), true)),
  toJson: fn([ANY], 'string', ([v]) => {
    try {
      return encodeJson(v ?? null, true);
    } catch {
      return '';
    }
  }),
  fromJson: fn(['string'], MAP_TYPE, ([s]) => asMap(decodeJsonText(s as string), false)),
  fromJsonArray: fn(['string'], LIST_TYPE, ([s]) => asList(decodeJsonText(s as string), false)),
  // toToml returns the encoder's error text instead of failing; fromToml puts it under "Error".
  toToml: fn([ANY], 'string', ([v]) => {
    // The encoder panics on a nil interface, and text/template reports the panic as the call's error.
    if (v === null || v === undefined) throw new Error('reflect: call of reflect.Value.Type on zero Value');
    try {
      return encodeToml(v ?? null);
    } catch (e) {
      return (e as Error).message;
    }
  }),
  fromToml: fn(['string'], MAP_TYPE, ([s]) => {
    try {
      return decodeToml(s as string);
    } catch (e) {
      return new Map([['Error', (e as Error).message]]);
    }
  }),
};
