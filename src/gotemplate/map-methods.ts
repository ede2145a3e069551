/**
 * Methods of named map types (Helm's chartutil.Values has YAML, Table, AsMap …): Go's evalField finds a
 * method before a map key of the same name, so a map named with nameMapType answers its type's methods.
 */
import { type GoFuncDef, type GoValue, typeName } from './value.js';

/** Builds the methods of a named map type for one receiver. */
export type MapMethodFactory = (receiver: Map<string, GoValue>) => ReadonlyMap<string, GoFuncDef>;

const MAP_METHODS = new Map<string, MapMethodFactory>();

/** Declares the methods of the named map type `name` (Go finds them before map keys, as for `.Values.YAML`). */
export function defineMapMethods(name: string, factory: MapMethodFactory): void {
  MAP_METHODS.set(name, factory);
}

/** The method `method` of a map whose named type has methods, or undefined. */
export function mapMethod(m: Map<string, GoValue>, method: string): GoFuncDef | undefined {
  return MAP_METHODS.get(typeName(m))?.(m).get(method);
}
