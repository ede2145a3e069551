/** Sprig's reflection functions (reflect.go): typeOf, typeIs, typeIsLike, kindOf, kindIs, deepEqual. */
import { ANY, type GoFuncDef, GoInt, type GoValue, kindOf as goKind, typeName } from '../../gotemplate/index.js';
import { deepEqual } from './cast.js';

function f(params: string[], fn: (a: GoValue[]) => GoValue, result: string): GoFuncDef {
  return { params, fn, result };
}

/** reflect.Kind.String() of a value (`invalid` for nil). */
export function reflectKind(v: GoValue): string {
  if (v instanceof GoInt) return v.kind;
  const k = goKind(v);
  return k === 'float' ? 'float64' : k;
}

/** Sprig's reflection function map. */
export const TYPE_FUNCS: Record<string, GoFuncDef> = {
  typeOf: f([ANY], ([v]) => typeName(v!), 'string'),
  typeIs: f(['string', ANY], ([t, v]) => t === typeName(v!), 'bool'),
  typeIsLike: f(['string', ANY], ([t, v]) => t === typeName(v!) || '*' + t === typeName(v!), 'bool'),
  kindOf: f([ANY], ([v]) => reflectKind(v!), 'string'),
  kindIs: f(['string', ANY], ([t, v]) => t === reflectKind(v!), 'bool'),
  deepEqual: f([ANY, ANY], ([a, b]) => deepEqual(a!, b!), 'bool'),
};
