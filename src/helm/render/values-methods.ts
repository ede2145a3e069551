/**
 * The methods of Helm's chartutil.Values (pkg/chartutil/values.go), the named map type of `.Values` and of the
 * top-level dot: Go's template engine finds them before map keys, so `.Values.YAML` is the values as YAML even
 * when a key `YAML` exists. `AsMap` (the map as map[string]interface {}; here a shallow copy), `YAML` (sigs.k8s.io/yaml text, with
 * its trailing newline), `Table "a.b"` (the sub-map as Values; `"b" is not a table` when a step is missing or not
 * a map), `PathValue "a.b"` (a non-map value; `"b" is not a value`), `Encode` (needs an io.Writer: no template
 * can call it).
 */
import { defineMapMethods, type GoFuncDef, type GoValue, nameMapType } from '../../gotemplate/index.js';
import { toPlain } from '../../gotemplate/convert.js';
import { marshalGoYaml } from '../../yaml/go-yaml-emitter.js';
/** chartutil.Values (engine.ts's VALUES_TYPE; repeated here because engine.ts imports this module). */
const VALUES_TYPE = 'chartutil.Values';

/** ErrNoTable / ErrNoValue / "YAML path cannot be empty": what a Values method returns as its error. */
export class ValuesMethodError extends Error {
  override readonly name = 'ValuesMethodError' as const;
}

type Values = Map<string, GoValue>;
const MAP = 'map[string]interface {}';
const def = (params: string[], result: string, fn: (a: GoValue[]) => GoValue): GoFuncDef => ({ params, result, fn });
const noTable = (key: string) => new ValuesMethodError(`${JSON.stringify(key)} is not a table`);

function table(v: Values, name: string): Values {
  let t = v;
  for (const key of name.split('.')) {
    const next = t.get(key);
    if (!(next instanceof Map)) throw noTable(key);
    t = next;
  }
  // a copy: naming the map itself would change what `.Values.a` is everywhere
  return nameMapType(new Map(t), VALUES_TYPE);
}

function pathValue(v: Values, path: string): GoValue {
  if (path === '') throw new ValuesMethodError('YAML path cannot be empty');
  const parts = path.split('.');
  const key = parts.pop()!;
  let t = v;
  if (parts.length > 0) {
    try {
      t = table(v, parts.join('.'));
    } catch {
      throw new ValuesMethodError(`${JSON.stringify(key)} is not a value`);
    }
  }
  if (t.has(key) && !(t.get(key) instanceof Map)) return t.get(key)!;
  throw new ValuesMethodError(`${JSON.stringify(key)} is not a value`);
}

function valuesMethods(v: Values): ReadonlyMap<string, GoFuncDef> {
  return new Map([
    // a shallow copy, so it is a plain map[string]interface {} (Go's shares the map: a `set` on it changes .Values)
    ['AsMap', def([], MAP, () => new Map(v))],
    ['YAML', def([], 'string', () => marshalGoYaml(toPlain(v)))],
    ['Table', def(['string'], VALUES_TYPE, ([name]) => table(v, name as string))],
    ['PathValue', def(['string'], 'interface {}', ([path]) => pathValue(v, path as string))],
    ['Encode', def(['io.Writer'], 'error', () => null)],
  ]);
}

defineMapMethods(VALUES_TYPE, valuesMethods);
