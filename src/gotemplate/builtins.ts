/**
 * Go's builtin template functions (text/template funcs.go): and, or, not, len, index, slice, print,
 * printf, println, html, js, urlquery, call and the comparisons, with Go's error texts.
 */
import { eq, ge, gt, le, lt, ne } from './compare.js';
import { evalArgsString, htmlEscape, jsEscape, urlQueryEscape } from './escape.js';
import { type ExecValue, Iface, unwrap } from './exec-state.js';
import { sprint, sprintf, sprintln } from './fmt/print.js';
import {
  type CallContext, GoFunc, type GoFuncDef, GoInt, GoSlice, GoTypedMap, type GoValue, isTrue, typeName, zeroValue,
} from './value.js';

/** An error a builtin returns (Go's text); the executor reports it as `error calling NAME: …`. */
export class BuiltinError extends Error {
  override readonly name = 'BuiltinError' as const;
}

const RV = 'reflect.Value';
const ANY = 'interface {}';

/** Go's indirect for executor values: the value inside an interface, and whether it is nil. */
function indirect(v: ExecValue): { value: GoValue; isNil: boolean; wasIface: boolean } {
  if (v instanceof Iface) return { value: v.inner, isNil: v.inner === null, wasIface: true };
  return { value: v, isNil: false, wasIface: false };
}

function length(item: ExecValue): GoValue {
  const { value, isNil } = indirect(item);
  if (isNil) throw new BuiltinError('len of nil pointer');
  if (value === null) throw new BuiltinError('reflect: call of reflect.Value.Type on zero Value');
  if (typeof value === 'string') return new GoInt('int', Buffer.byteLength(value, 'utf8'));
  if (Array.isArray(value)) return new GoInt('int', value.length);
  if (value instanceof GoSlice) return new GoInt('int', value.items.length);
  if (value instanceof Map) return new GoInt('int', value.size);
  if (value instanceof GoTypedMap) return new GoInt('int', value.entries.size);
  throw new BuiltinError(`len of type ${typeName(value)}`);
}

/** Go's indexArg: an integer index in [0, cap]. */
function indexArg(index: ExecValue, cap: number): number {
  const v = unwrap(index);
  if (v === null) throw new BuiltinError('cannot index slice/array with nil');
  if (!(v instanceof GoInt)) throw new BuiltinError(`cannot index slice/array with type ${typeName(v)}`);
  const x = v.isUnsigned ? BigInt.asIntN(64, v.value) : v.value;
  if (x < 0n || x > BigInt(cap)) throw new BuiltinError(`index out of range: ${x}`);
  return Number(x);
}

function indexOne(item: GoValue, index: ExecValue): ExecValue {
  if (typeof item === 'string') {
    const bytes = Buffer.from(item, 'utf8');
    const x = indexArg(index, bytes.length);
    if (x >= bytes.length) throw new BuiltinError('reflect: string index out of range');
    return new GoInt('uint8', bytes[x]!);
  }
  if (Array.isArray(item) || item instanceof GoSlice) {
    const items = Array.isArray(item) ? item : item.items;
    const x = indexArg(index, items.length);
    if (x >= items.length) throw new BuiltinError('reflect: slice index out of range');
    return Array.isArray(item) ? new Iface(items[x]!) : items[x]!;
  }
  if (item instanceof Map || item instanceof GoTypedMap) {
    const key = unwrap(index);
    if (key === null) throw new BuiltinError('value is nil; should be of type string');
    if (typeof key !== 'string') throw new BuiltinError(`value has type ${typeName(key)}; should be string`);
    if (item instanceof GoTypedMap) return item.entries.has(key) ? item.entries.get(key)! : zeroValue(item.elemType);
    return new Iface(item.has(key) ? item.get(key)! : null);
  }
  throw new BuiltinError(`can't index item of type ${typeName(item)}`);
}

function index(args: ExecValue[]): ExecValue {
  let item: ExecValue = unwrap(args[0]!);
  if (item === null) throw new BuiltinError('index of untyped nil');
  for (const idx of args.slice(1)) {
    const { value, isNil } = indirect(item);
    if (isNil) throw new BuiltinError('index of nil pointer');
    item = indexOne(value, idx);
  }
  return item;
}

function sliceFn(args: ExecValue[]): ExecValue {
  const item = unwrap(args[0]!);
  if (item === null) throw new BuiltinError('slice of untyped nil');
  const indexes = args.slice(1);
  if (indexes.length > 3) throw new BuiltinError(`too many slice indexes: ${indexes.length}`);
  let len: number;
  if (typeof item === 'string') {
    if (indexes.length === 3) throw new BuiltinError('cannot 3-index slice a string');
    len = Buffer.byteLength(item, 'utf8');
  } else if (Array.isArray(item) || item instanceof GoSlice) {
    len = Array.isArray(item) ? item.length : item.items.length;
  } else throw new BuiltinError(`can't slice item of type ${typeName(item)}`);
  const idx = [0, len, len];
  indexes.forEach((x, i) => { idx[i] = indexArg(x, len); });
  if (idx[0]! > idx[1]!) throw new BuiltinError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1]! > idx[2]!) throw new BuiltinError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (typeof item === 'string') return Buffer.from(item, 'utf8').subarray(idx[0], idx[1]).toString('utf8');
  if (Array.isArray(item)) return item.slice(idx[0], idx[1]);
  return new GoSlice(item.elemType, item.items.slice(idx[0], idx[1]));
}

/** Go's prepareArg for `call`: checks one argument against a parameter type. */
function prepareArg(v: GoValue, argType: string): GoValue {
  if (v === null) {
    if (!/^(interface \{\}|\[\].*|map\[.*|func.*|\*.*)$/.test(argType)) {
      throw new BuiltinError(`value is nil; should be of type ${argType}`);
    }
    return null;
  }
  if (argType === ANY || typeName(v) === argType || (v instanceof Map && argType === 'map[string]interface {}')) return v;
  const intLike = /^u?int(8|16|32|64|ptr)?$/;
  if (v instanceof GoInt && intLike.test(argType)) return new GoInt(argType as 'int', v.value);
  throw new BuiltinError(`value has type ${typeName(v)}; should be ${argType}`);
}

/** The `call` builtin: calls a function value held in data. Throws with Go's message. */
export function callFunctionValue(name: string, args: GoValue[], ctx: CallContext): GoValue {
  const fn = unwrap(args[0] as ExecValue);
  if (fn === null) throw new BuiltinError('call of nil');
  if (!(fn instanceof GoFunc)) throw new BuiltinError(`non-function ${name} of type ${typeName(fn)}`);
  const { def } = fn;
  const rest = args.slice(1).map((a) => unwrap(a as ExecValue));
  const numIn = def.params.length;
  if (def.variadic && rest.length < numIn - 1) {
    throw new BuiltinError(`wrong number of args for ${name}: got ${rest.length} want at least ${numIn - 1}`);
  }
  if (!def.variadic && rest.length !== numIn) {
    throw new BuiltinError(`wrong number of args for ${name}: got ${rest.length} want ${numIn}`);
  }
  const argv = rest.map((a, i) => {
    const t = def.variadic && i >= numIn - 1 ? def.params[numIn - 1]! : def.params[i]!;
    try {
      return prepareArg(a, t);
    } catch (e) {
      throw new BuiltinError(`arg ${i}: ${(e as Error).message}`);
    }
  });
  return def.fn(argv, ctx);
}

function def(params: string[], fn: (args: GoValue[]) => GoValue, variadic = false): GoFuncDef {
  return { params, variadic, fn };
}

function raw(fn: (args: ExecValue[]) => ExecValue): (args: GoValue[]) => GoValue {
  return fn as (args: GoValue[]) => GoValue;
}

/** The builtin function map. `and`, `or` and `call` are special-cased by the executor, as in Go. */
export const BUILTINS: ReadonlyMap<string, GoFuncDef> = new Map<string, GoFuncDef>([
  ['and', def([RV, RV], () => null, true)],
  ['or', def([RV, RV], () => null, true)],
  ['call', def([RV, RV], () => null, true)],
  ['html', def([ANY], (a) => htmlEscape(evalArgsString(a)), true)],
  ['index', def([RV, RV], raw(index), true)],
  ['slice', def([RV, RV], raw(sliceFn), true)],
  ['js', def([ANY], (a) => jsEscape(evalArgsString(a)), true)],
  ['len', def([RV], raw((a) => length(a[0]!)))],
  ['not', def([RV], raw((a) => !isTrue(unwrap(a[0]!))))],
  ['print', def([ANY], (a) => sprint(a), true)],
  ['printf', def(['string', ANY], (a) => sprintf(a[0] as string, a.slice(1)), true)],
  ['println', def([ANY], (a) => sprintln(a), true)],
  ['urlquery', def([ANY], (a) => urlQueryEscape(evalArgsString(a)), true)],
  ['eq', def([RV, RV], raw((a) => eq(a[0]!, a.slice(1))), true)],
  ['ge', def([RV, RV], raw((a) => ge(a[0]!, a[1]!)))],
  ['gt', def([RV, RV], raw((a) => gt(a[0]!, a[1]!)))],
  ['le', def([RV, RV], raw((a) => le(a[0]!, a[1]!)))],
  ['lt', def([RV, RV], raw((a) => lt(a[0]!, a[1]!)))],
  ['ne', def([RV, RV], raw((a) => ne(a[0]!, a[1]!)))],
]);


