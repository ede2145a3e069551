/**
 * Calling template functions and methods (Go's evalCall): argument counting, per-parameter evaluation and
 * type checks, the short-circuit `and`/`or`, the `call` builtin, and wrapping a function's failure as
 * `error calling NAME: …`.
 */
import { BudgetExceededError, isStackOverflow } from './budget.js';
import type { Node } from './ast.js';
import { nodeString } from './ast.js';
import { callFunctionValue } from './builtins.js';
import { evalArg, validateType } from './exec-eval.js';
import { type ExecState, type ExecValue, type FinalValue, Iface, MISSING, unwrap } from './exec-state.js';
import type { CallContext, GoFuncDef, GoValue } from './value.js';
import { isTrue } from './value.js';

/** Go's truth(): isTrue of the value inside any interface. */
export function truth(v: ExecValue): boolean {
  return isTrue(unwrap(v));
}

function checkArgCount(s: ExecState, def: GoFuncDef, name: string, nArgs: number, numIn: number): number {
  if (def.variadic) {
    const numFixed = def.params.length - 1;
    if (numIn < numFixed) s.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${nArgs}`);
    return numFixed;
  }
  if (numIn !== def.params.length) s.errorf(`wrong number of args for ${name}: want ${def.params.length} got ${numIn}`);
  return nArgs;
}

function shortCircuit(s: ExecState, dot: ExecValue, name: string, args: Node[], final: FinalValue): ExecValue {
  let v: ExecValue = null;
  for (const arg of args) {
    v = evalArg(s, dot, 'reflect.Value', arg);
    if (truth(v) === (name === 'or')) return v;
  }
  if (final !== MISSING) v = validateType(s, final, 'reflect.Value');
  return v;
}

/**
 * Calls `def` with the argument nodes `args` (args[0] is the function's own node) plus the previous pipeline
 * stage's value `final`. `node` is what error messages point at.
 */
export function evalCall(
  s: ExecState, dot: ExecValue, def: GoFuncDef, isBuiltin: boolean, node: Node, name: string,
  argNodes: Node[] | null, final: FinalValue,
): ExecValue {
  const args = argNodes ? argNodes.slice(1) : [];
  const numIn = args.length + (final !== MISSING ? 1 : 0);
  const numFixed = checkArgCount(s, def, name, args.length, numIn);
  if (isBuiltin && (name === 'and' || name === 'or')) return shortCircuit(s, dot, name, args, final);
  const argv: ExecValue[] = [];
  let i = 0;
  for (; i < numFixed && i < args.length; i++) argv.push(evalArg(s, dot, def.params[i]!, args[i]!));
  if (def.variadic) {
    const elemType = def.params[def.params.length - 1]!;
    for (; i < args.length; i++) argv.push(evalArg(s, dot, elemType, args[i]!));
  }
  if (final !== MISSING) {
    let t = def.params[def.params.length - 1]!;
    if (def.variadic && numIn - 1 < numFixed) t = def.params[numIn - 1]!;
    argv.push(validateType(s, final, t));
  }
  const callArgs = argv.map((v, j) => (paramTypeAt(def, j) === 'reflect.Value' ? v : unwrap(v))) as GoValue[];
  const ctx = makeContext(s);
  try {
    if (isBuiltin && name === 'call') {
      const calleeName = args.length === 0 ? String(unwrap(final as ExecValue)) : nodeString(args[0]!);
      return callFunctionValue(calleeName, callArgs, ctx);
    }
    const result = def.fn(callArgs, ctx);
    return def.result === 'interface {}' ? new Iface(result) : result;
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    // Stack overflow and budget errors pass through unwrapped, to be reported once at the top.
    if (isStackOverflow(e) || e instanceof BudgetExceededError) throw e;
    // A string or list past V8's size limit: a limit Go has not, reported as one (not as V8's text).
    if (isSizeLimit(e)) throw new BudgetExceededError(`${name} made a value larger than the engine allows (${e.message})`);
    s.at(node);
    s.errorf(`error calling ${name}: ${e.message}`, e);
  }
}

/** Whether `e` is V8 refusing a string, array or buffer that large. */
function isSizeLimit(e: Error): boolean {
  return e instanceof RangeError && /^(Invalid (string|array|typed array) length|Array buffer allocation failed)/.test(e.message);
}

function paramTypeAt(def: GoFuncDef, j: number): string {
  if (def.variadic && j >= def.params.length - 1) return def.params[def.params.length - 1]!;
  return def.params[j]!;
}

function makeContext(s: ExecState): CallContext {
  const root = s.tmpl.root;
  return {
    template: root,
    executeTemplate: (name: string, data: GoValue) => root.executeTemplate(name, data),
  };
}
