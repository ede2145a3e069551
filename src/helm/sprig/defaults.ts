/** Sprig's default/flow functions (defaults.go): default, empty, coalesce, all, any, ternary, fail. */
import { ANY, type GoFuncDef, type GoValue } from '../../gotemplate/index.js';
import { isEmpty } from './cast.js';
import { SprigError } from './errors.js';

function f(params: string[], fn: (a: GoValue[]) => GoValue, result: string, variadic = false): GoFuncDef {
  return { params, fn, result, variadic };
}

/** Sprig's default/flow function map. */
export const DEFAULT_FUNCS: Record<string, GoFuncDef> = {
  default: f([ANY, ANY], ([dflt, ...given]) => (given.length === 0 || isEmpty(given[0]!) ? dflt! : given[0]!), ANY, true),
  empty: f([ANY], ([v]) => isEmpty(v!), 'bool'),
  coalesce: f([ANY], (vs) => vs.find((v) => !isEmpty(v)) ?? null, ANY, true),
  all: f([ANY], (vs) => vs.every((v) => !isEmpty(v)), 'bool', true),
  any: f([ANY], (vs) => vs.some((v) => !isEmpty(v)), 'bool', true),
  ternary: f([ANY, ANY, 'bool'], ([t, fl, c]) => (c ? t! : fl!), ANY),
  fail: f(['string'], ([msg]) => { throw new SprigError(msg as string); }, 'string'),
};
