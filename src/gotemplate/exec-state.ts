/**
 * Execution state (Go's text/template `state`): the template being run, the output, the current node for
 * error messages and the variable stack. Also the executor-only value wrappers.
 */
import { nodeString, type Node } from './ast.js';
import { TemplateExecError } from './errors.js';
import type { Template } from './template.js';
import { type GoValue, typeName, utf8Length } from './value.js';

/**
 * A value read from an interface-typed slot: a `map[string]interface {}` entry, a `[]interface {}`
 * element, a range element. Go keeps such values as reflect.Values of Interface kind until a pipeline
 * finishes, and that shows in messages (`nil pointer evaluating interface {}.b`,
 * `can't evaluate field b in type interface {}`). `inner` null is a nil interface.
 */
export class Iface {
  constructor(readonly inner: GoValue) {}
}

/** A value inside the executor: a Go value, or one still wrapped in its interface slot. */
export type ExecValue = GoValue | Iface;

/** Go's missingVal: "no final argument from a previous pipeline stage". */
export const MISSING: unique symbol = Symbol('missing');
/** An ExecValue or the MISSING marker. */
export type FinalValue = ExecValue | typeof MISSING;

/** Go's Value.Elem() for interfaces: the value inside, or null for a nil interface. */
export function unwrap(v: ExecValue): GoValue {
  return v instanceof Iface ? v.inner : v;
}

/** Type name as Go's reflect.Type.String() would print it for an executor value. */
export function execTypeName(v: ExecValue): string {
  return v instanceof Iface ? 'interface {}' : typeName(v);
}

/** Thrown to unwind to the enclosing range. */
export class LoopSignal {
  constructor(readonly kind: 'break' | 'continue') {}
}

/** How a missing map key evaluates (Go's Option("missingkey=…")). */
export type MissingKeyMode = 'invalid' | 'zero' | 'error';

/** One execution of one template: output buffer, variables and the node being evaluated. */
export class ExecState {
  node: Node | null = null;

  constructor(
    readonly tmpl: Template,
    readonly out: string[],
    public vars: { name: string; value: ExecValue }[],
    readonly depth: number,
  ) {}

  at(node: Node): void {
    this.node = node;
  }

  /** Throws TemplateExecError with Go's prefix for the current node. */
  errorf(detail: string, cause?: unknown): never {
    const name = this.tmpl.name;
    if (!this.node) throw new TemplateExecError(name, undefined, detail, cause);
    throw new TemplateExecError(name, errorContext(this.node), detail, cause);
  }

  push(name: string, value: ExecValue): void {
    this.vars.push({ name, value });
  }

  mark(): number {
    return this.vars.length;
  }

  pop(mark: number): void {
    this.vars.length = mark;
  }

  setVar(name: string, value: ExecValue): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  setTopVar(n: number, value: ExecValue): void {
    this.vars[this.vars.length - n]!.value = value;
  }

  varValue(name: string): ExecValue {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) return this.vars[i]!.value;
    }
    this.errorf(`undefined variable: ${name}`);
  }
}

/** Go's Tree.ErrorContext: `NAME:LINE:COL` and the node's text. */
export function errorContext(n: Node): { parseName: string; line: number; col: number; context: string } {
  const text = n.tree.text.slice(0, n.pos);
  const nl = text.lastIndexOf('\n');
  const col = nl === -1 ? utf8Length(text) : utf8Length(text.slice(nl + 1));
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) line++;
  return { parseName: n.tree.parseName, line, col, context: nodeString(n) };
}
