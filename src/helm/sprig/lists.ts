/**
 * Sprig's list functions (list.go). Non-`must` variants panic where the `must` ones return an error; both
 * surface in templates as `error calling NAME: MESSAGE`, so both throw here.
 */
import { BudgetExceededError } from '../../gotemplate/index.js';
import { ANY, type GoFuncDef, GoSlice, type GoValue, goInt, kindOf, typeName } from '../../gotemplate/index.js';
import { deepEqual, isEmpty, listItems, strslice, strval, toInt64 } from './cast.js';
import { compareGoStrings } from '../../gotemplate/value.js';
import { SprigError } from './errors.js';

const LIST = '[]interface {}';
const NIL_DEREF = 'runtime error: invalid memory address or nil pointer dereference';

function f(params: string[], fn: (a: GoValue[]) => GoValue, result: string, variadic = false): GoFuncDef {
  return { params, fn, result, variadic };
}

/** Go's reflect Kind name of a value, as Sprig's "Cannot … on type KIND" messages print it. */
function kindName(v: GoValue): string {
  if (v === null) throw new SprigError(NIL_DEREF); // reflect.TypeOf(nil).Kind() dereferences a nil Type
  const k = kindOf(v);
  if (k === 'int' || k === 'uint') return typeName(v); // int64, uint8 …
  if (k === 'float') return 'float64';
  return k;
}

/** The items of a list argument, or Sprig's error for a non-list. */
function itemsOf(v: GoValue, what: string): GoValue[] {
  const items = listItems(v);
  if (items === undefined) throw new SprigError(`Cannot ${what} type ${kindName(v)}`);
  return items;
}

function both(name: string, def: GoFuncDef): Record<string, GoFuncDef> {
  const must = 'must' + name[0]!.toUpperCase() + name.slice(1);
  return { [name]: def, [must]: def };
}

function chunk(size: number, list: GoValue): GoValue {
  const items = itemsOf(list, 'chunk');
  const l = items.length;
  const cs = Math.floor((l - 1) / size) + 1;
  if (!Number.isFinite(cs) || cs < 0) throw new SprigError(`runtime error: makeslice: len out of range`);
  const out: GoValue[] = [];
  for (let i = 0; i < cs; i++) {
    let clen = size;
    if (i === cs - 1) {
      clen = Math.floor(l % size);
      if (clen === 0) clen = size;
    }
    out.push(items.slice(i * size, i * size + clen));
  }
  return new GoSlice(LIST, out);
}

function sliceList(list: GoValue, indices: GoValue[]): GoValue {
  const items = listItems(list);
  if (items === undefined) throw new SprigError(`list should be type of slice or array but ${kindName(list)}`);
  if (items.length === 0) return null;
  const start = indices.length > 0 ? Number(toInt64(indices[0]!)) : 0;
  const end = indices.length < 2 ? items.length : Number(toInt64(indices[1]!));
  if (start < 0 || end < start || end > items.length) {
    throw new SprigError('reflect.Value.Slice: slice index out of bounds');
  }
  const part = items.slice(start, end);
  return list instanceof GoSlice ? new GoSlice(list.elemType, part) : part;
}

function inList(haystack: GoValue[], needle: GoValue): boolean {
  return haystack.some((h) => deepEqual(needle, h));
}

/** Sprig's list function map. */
export const LIST_FUNCS: Record<string, GoFuncDef> = {
  list: f([ANY], (xs) => xs, LIST, true),
  tuple: f([ANY], (xs) => xs, LIST, true),
  ...both('push', f([ANY, ANY], ([l, v]) => [...itemsOf(l!, 'push on'), v!], LIST)),
  ...both('append', f([ANY, ANY], ([l, v]) => [...itemsOf(l!, 'push on'), v!], LIST)),
  ...both('prepend', f([ANY, ANY], ([l, v]) => [v!, ...itemsOf(l!, 'prepend on')], LIST)),
  ...both('chunk', f(['int', ANY], ([n, l]) => chunk(Number(toInt64(n!)), l!), '[][]interface {}')),
  ...both('last', f([ANY], ([l]) => { const i = itemsOf(l!, 'find last on'); return i.length ? i[i.length - 1]! : null; }, ANY)),
  ...both('first', f([ANY], ([l]) => { const i = itemsOf(l!, 'find first on'); return i.length ? i[0]! : null; }, ANY)),
  ...both('rest', f([ANY], ([l]) => { const i = itemsOf(l!, 'find rest on'); return i.length ? i.slice(1) : []; }, LIST)),
  ...both('initial', f([ANY], ([l]) => { const i = itemsOf(l!, 'find initial on'); return i.length ? i.slice(0, -1) : []; }, LIST)),
  ...both('reverse', f([ANY], ([l]) => [...itemsOf(l!, 'find reverse on')].reverse(), LIST)),
  ...both('compact', f([ANY], ([l]) => itemsOf(l!, 'compact on').filter((x) => !isEmpty(x)), LIST)),
  ...both('uniq', f([ANY], ([l]) => {
    const out: GoValue[] = [];
    for (const x of itemsOf(l!, 'find uniq on')) if (!inList(out, x)) out.push(x);
    return out;
  }, LIST)),
  ...both('without', f([ANY, ANY], ([l, ...omit]) => itemsOf(l!, 'find without on').filter((x) => !inList(omit, x)), LIST, true)),
  ...both('has', f([ANY, ANY], ([needle, hay]) => {
    if (hay === null) return false;
    return inList(itemsOf(hay!, 'find has on'), needle!);
  }, 'bool')),
  ...both('slice', f([ANY, ANY], ([l, ...idx]) => sliceList(l!, idx), ANY, true)),
  concat: f([ANY], (lists) => {
    const out: GoValue[] = [];
    for (const l of lists) {
      const items = listItems(l);
      if (items === undefined) throw new SprigError(`Cannot concat type ${kindName(l)} as list`);
      out.push(...items);
    }
    return out;
  }, ANY, true),
  sortAlpha: f([ANY], ([l]) => {
    if (listItems(l!) === undefined) return new GoSlice('string', [strval(l!)]);
    return new GoSlice('string', [...strslice(l!)].sort(compareGoStrings));
  }, '[]string'),
  until: f(['int'], ([c]) => untilStep(0, Number(toInt64(c!)), Number(toInt64(c!)) < 0 ? -1 : 1), '[]int'),
  untilStep: f(['int', 'int', 'int'], ([a, b, c]) => untilStep(Number(toInt64(a!)), Number(toInt64(b!)), Number(toInt64(c!))), '[]int'),
};

/** The most items `until`/`untilStep` build (Chartroom's memory guard; Go would allocate them all). */
export const MAX_UNTIL_ITEMS = 1_000_000;

/** Sprig's untilStep as a []int. Throws BudgetExceededError past MAX_UNTIL_ITEMS items. */
export function untilStep(start: number, stop: number, step: number): GoSlice {
  const count = step === 0 || (stop - start) / step <= 0 ? 0 : Math.ceil((stop - start) / step);
  if (count > MAX_UNTIL_ITEMS) throw new BudgetExceededError(`a list of ${count} items exceeds the limit of ${MAX_UNTIL_ITEMS}`);
  const v: GoValue[] = [];
  if (stop < start) {
    if (step >= 0) return new GoSlice('int', v);
    for (let i = start; i > stop; i += step) v.push(goInt(i));
    return new GoSlice('int', v);
  }
  if (step <= 0) return new GoSlice('int', v);
  for (let i = start; i < stop; i += step) v.push(goInt(i));
  return new GoSlice('int', v);
}
