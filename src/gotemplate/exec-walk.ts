/**
 * Walking the parse tree (Go's exec.go walk, walkIfOrWith, walkRange, walkTemplate, printValue).
 */
import type { BranchNode, ListNode, Node, PipeNode, TemplateNode } from './ast.js';
import { nodeString } from './ast.js';
import { isStackOverflow } from './budget.js';
import { DEPTH_MESSAGE, MAX_EXEC_DEPTH, noteOverflowFrame } from './depth-limit.js';
import { evalPipeline } from './exec-eval.js';
import { truth } from './exec-call.js';
import { type ExecState, type ExecValue, Iface, LoopSignal, unwrap } from './exec-state.js';
import { sprint } from './fmt/print.js';
import { quote } from './strconv.js';
import { GoFunc, GoInt, GoSlice, GoStruct, GoTypedMap, sortedKeys, typeName } from './value.js';


/** Executes one node, appending output to the state. */
export function walk(s: ExecState, dot: ExecValue, node: Node): void {
  s.at(node);
  s.tmpl.budget?.tick();
  switch (node.type) {
    case 'action': {
      const val = evalPipeline(s, dot, node.pipe);
      if (node.pipe.decl.length === 0) printValue(s, node, val);
      return;
    }
    case 'break': throw new LoopSignal('break');
    case 'continue': throw new LoopSignal('continue');
    case 'comment': return;
    case 'if': case 'with': return walkIfOrWith(s, node.type, dot, node.pipe, node.list, node.elseList);
    case 'list':
      for (const n of node.nodes) walk(s, dot, n);
      return;
    case 'range': return walkRange(s, dot, node);
    case 'template': return walkTemplate(s, dot, node);
    case 'text':
      emit(s, node.text);
      return;
    default:
      s.errorf(`unknown node: ${nodeString(node)}`);
  }
}

function walkIfOrWith(
  s: ExecState, typ: 'if' | 'with', dot: ExecValue, pipe: PipeNode, list: ListNode, elseList: ListNode | null,
): void {
  const mark = s.mark();
  try {
    const val = evalPipeline(s, dot, pipe);
    if (truth(val)) walk(s, typ === 'with' ? val : dot, list);
    else if (elseList) walk(s, dot, elseList);
  } finally {
    s.pop(mark);
  }
}

function oneIteration(s: ExecState, r: BranchNode, mark: number, index: ExecValue, elem: ExecValue): void {
  const decl = r.pipe.decl;
  if (decl.length > 0) {
    if (r.pipe.isAssign) s.setVar(decl[0]!.ident[0]!, decl.length > 1 ? index : elem);
    else s.setTopVar(1, elem);
  }
  if (decl.length > 1) {
    if (r.pipe.isAssign) s.setVar(decl[1]!.ident[0]!, elem);
    else s.setTopVar(2, index);
  }
  try {
    walk(s, elem, r.list);
  } catch (e) {
    if (!(e instanceof LoopSignal && e.kind === 'continue')) throw e;
  } finally {
    s.pop(mark);
  }
}

/** Runs the body for each element; returns false when there was nothing to iterate (else branch). */
function iterate(s: ExecState, r: BranchNode, val: ExecValue, mark: number): boolean {
  const v = unwrap(val);
  if (v === null) return false;
  if (v instanceof GoInt) {
    if (r.pipe.decl.length > 1) s.errorf(`can't use ${sprint([v])} to iterate over more than one variable`);
    for (let i = 0n; i < v.value; i++) oneIteration(s, r, mark, null, new GoInt(v.kind, i));
    return v.value > 0n;
  }
  if (Array.isArray(v) || v instanceof GoSlice) {
    const items = Array.isArray(v) ? v : v.items;
    items.forEach((item, i) => oneIteration(s, r, mark, new GoInt('int', i), Array.isArray(v) ? new Iface(item) : item));
    return items.length > 0;
  }
  if (v instanceof Map) {
    for (const k of sortedKeys(v)) oneIteration(s, r, mark, k, new Iface(v.get(k)!));
    return v.size > 0;
  }
  if (v instanceof GoTypedMap) {
    for (const k of sortedKeys(v)) oneIteration(s, r, mark, k, v.entries.get(k)!);
    return v.entries.size > 0;
  }
  s.errorf(`range can't iterate over ${sprint([v])}`);
}

function walkRange(s: ExecState, dot: ExecValue, r: BranchNode): void {
  s.at(r);
  const outer = s.mark();
  try {
    const val = evalPipeline(s, dot, r.pipe);
    const mark = s.mark();
    if (!iterate(s, r, val, mark) && r.elseList) walk(s, dot, r.elseList);
  } catch (e) {
    if (!(e instanceof LoopSignal && e.kind === 'break')) throw e;
  } finally {
    s.pop(outer);
  }
}

function walkTemplate(s: ExecState, dot: ExecValue, t: TemplateNode): void {
  s.at(t);
  const tmpl = s.tmpl.lookup(t.name);
  if (!tmpl) s.errorf(`template ${quote(t.name)} not defined`);
  if (s.depth === MAX_EXEC_DEPTH) s.errorf(DEPTH_MESSAGE);
  const newDot = evalPipeline(s, dot, t.pipe);
  try {
    tmpl.runInto(s.out, newDot, s.depth + 1);
  } catch (e) {
    if (isStackOverflow(e)) noteOverflowFrame(e, s.tmpl.name, t, s.depth);
    throw e;
  }
}

function printValue(s: ExecState, n: Node, v: ExecValue): void {
  s.at(n);
  const value = unwrap(v);
  if (value === null) {
    emit(s, '<no value>');
    return;
  }
  if (value instanceof GoFunc) s.errorf(`can't print ${nodeString(n)} of type ${typeName(value)}`);
  if (value instanceof GoStruct && value.isPointer) {
    // Go's printableValue dereferences a pointer before printing it
    emit(s, sprint([new GoStruct(value.typeName, value.fields, value.methods, false, value.jsonTags, value.embedded)]));
    return;
  }
  emit(s, sprint([value]));
}

/** Appends text to the output, charged to the set's budget. */
function emit(s: ExecState, text: string): void {
  s.tmpl.budget?.write(text.length);
  s.out.push(text);
}
