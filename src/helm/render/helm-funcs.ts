/**
 * Helm's own template functions (pkg/engine/funcs.go and engine.go) layered over Sprig:
 * `include` (with Helm's nesting guard), `tpl`, `required`, `fail`, the YAML/JSON family and `lookup`.
 * Helm removes Sprig's `env` and `expandenv`; `getHostByName` returns "" (DNS lookups are off by default).
 */
import { ANY, BudgetExceededError, isStackOverflow, quote, TemplateExecError, type CallContext, type FuncMap, type GoFuncDef, type GoValue } from '../../gotemplate/index.js';
import { sprigFuncMap } from '../sprig/index.js';
import { HelmFunctionFailure, NestedReferenceError, TplFunctionError } from './errors.js';
import { SERIALISATION_FUNCS } from './serialisation-funcs.js';

/** Helm's recursionMaxNums: how deep one name may nest through `include`. */
export const INCLUDE_NESTING_LIMIT = 1000;

/** The text Helm strips from every rendered file and `tpl` result (Go prints it for missing values). */
export const NO_VALUE = '<no value>';

const fn = (params: string[], result: string, body: GoFuncDef['fn']): GoFuncDef => ({ params, result, fn: body });

/**
 * `include NAME DATA`: runs the named template of the running set and returns its output. Counts nesting
 * per name in `includedNames` (shared by one render, `tpl` included) and fails past the limit with
 * NestedReferenceError, as Helm's includeFun does.
 */
function includeFunc(includedNames: Map<string, number>): GoFuncDef {
  return fn(['string', ANY], 'string', ([name, data], ctx) => {
    const key = name as string;
    const depth = includedNames.get(key) ?? 0;
    if (depth > INCLUDE_NESTING_LIMIT) throw new NestedReferenceError(key);
    includedNames.set(key, depth + 1);
    try {
      return ctx.executeTemplate(key, data ?? null);
    } catch (e) {
      if (isStackExhaustion(e)) throw new NestedReferenceError(key);
      throw e;
    } finally {
      includedNames.set(key, (includedNames.get(key) ?? 1) - 1);
    }
  });
}

/**
 * Go's stack outlasts Helm's limit of 1000; V8's default stack runs out after a few hundred nested
 * includes, so stack exhaustion under `include` is reported as Helm's nesting error (a known difference:
 * the guard trips earlier). Near the limit V8 may fail with a RangeError or, while compiling a RegExp, a
 * SyntaxError; the template engine's own failures are typed and never these classes. An overflow the
 * engine traced to `{{template}}` recursion (an error with a location) is Go's depth error and stays so.
 */
function isStackExhaustion(e: unknown): boolean {
  return isStackOverflow(e) || (e instanceof TemplateExecError && e.location === undefined && isStackOverflow(e.cause));
}

/**
 * `tpl TEXT DATA`: parses TEXT in a clone of the running set (so it sees every `define`, and its own
 * `define`s do not leak), under the root template's name, executes it with DATA and strips `<no value>`.
 * Parse and execution errors propagate with Helm's wrapping text.
 */
function tplFunc(): GoFuncDef {
  return fn(['string', ANY], 'string', ([text, data], ctx: CallContext) => {
    const clone = ctx.template.clone().option('missingkey=zero');
    const source = text as string;
    let t;
    try {
      t = clone.new(clone.name).parse(source);
    } catch (e) {
      throw wrapError(e, `cannot parse template ${quote(source)}`);
    }
    try {
      return t.execute(data ?? null).replaceAll(NO_VALUE, '');
    } catch (e) {
      if (e instanceof BudgetExceededError || isStackOverflow(e)) throw e;
      throw wrapError(e, `error during tpl function execution for ${quote(source)}`);
    }
  });
}

/** pkg/errors.Wrapf: `<context>: <cause>`, keeping the cause for code that inspects the chain. */
function wrapError(e: unknown, context: string): TplFunctionError {
  const cause = e instanceof Error ? e : new Error(String(e));
  return new TplFunctionError(`${context}: ${cause.message}`, { cause });
}

/** `required MSG VAL`: VAL unless it is nil or "", else HelmFunctionFailure(MSG). */
const required = fn(['string', ANY], 'interface {}', ([msg, val]) => {
  if (val === null || val === '') throw new HelmFunctionFailure(msg as string);
  return val ?? null;
});

/** `fail MSG`: always HelmFunctionFailure(MSG). */
const fail = fn(['string'], 'string', ([msg]) => {
  throw new HelmFunctionFailure(msg as string);
});

/**
 * What `lookup APIVERSION KIND NAMESPACE NAME` answers: the object (NAME given) or a `<Kind>List` with
 * `items` (NAME ""), as Go values; an empty map when there is nothing.
 */
export type LookupFunc = (apiVersion: string, kind: string, namespace: string, name: string) => Map<string, GoValue>;

/** Without a cluster `lookup` is always an empty map (as `helm template` and client dry-runs). */
const noCluster: LookupFunc = () => new Map<string, GoValue>();

const lookupFunc = (look: LookupFunc): GoFuncDef =>
  fn(['string', 'string', 'string', 'string'], 'map[string]interface {}', ([a, k, ns, n]) => look(a as string, k as string, ns as string, n as string));

/**
 * Helm's function map for one render: Sprig minus `env`/`expandenv`, plus Helm's functions. Build one
 * per render: `include`'s nesting counter lives in it. `lookup` asks `look` (default: no cluster).
 */
export function helmFuncMap(look: LookupFunc = noCluster): FuncMap {
  const map: Record<string, GoFuncDef> = { ...sprigFuncMap() };
  delete map['env'];
  delete map['expandenv'];
  return {
    ...map,
    ...SERIALISATION_FUNCS,
    include: includeFunc(new Map()),
    tpl: tplFunc(),
    required,
    fail,
    lookup: lookupFunc(look),
    getHostByName: fn(['string'], 'string', () => ''),
  };
}
