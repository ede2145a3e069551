/**
 * Evaluation of pipelines, commands, fields, variables and constants (Go's exec.go evalPipeline …
 * evalEmptyInterface), with Go's error texts.
 */
import type {
  ChainNode, CommandNode, FieldNode, IdentifierNode, Node, NumberNode, PipeNode, VariableNode,
} from './ast.js';
import { nodeString } from './ast.js';
import { evalCall } from './exec-call.js';
import { type ExecState, type ExecValue, type FinalValue, Iface, MISSING, execTypeName, unwrap } from './exec-state.js';
import { quote } from './strconv.js';
import { mapMethod } from './map-methods.js';
import { GoInt, GoSlice, GoStruct, GoTypedMap, type GoValue, type ParamType, zeroValue } from './value.js';

/** Evaluates a pipeline, declaring or assigning its variables; the result is never interface-wrapped. */
export function evalPipeline(s: ExecState, dot: ExecValue, pipe: PipeNode | null): ExecValue {
  if (!pipe) return null;
  s.at(pipe);
  let value: FinalValue = MISSING;
  for (const cmd of pipe.cmds) {
    value = unwrap(evalCommand(s, dot, cmd, value));
  }
  const result = value === MISSING ? null : value;
  for (const v of pipe.decl) {
    if (pipe.isAssign) s.setVar(v.ident[0]!, result);
    else s.push(v.ident[0]!, result);
  }
  return result;
}

function notAFunction(s: ExecState, args: Node[] | null, final: FinalValue): void {
  if ((args && args.length > 1) || final !== MISSING) {
    s.errorf(`can't give argument to non-function ${nodeString(args![0]!)}`);
  }
}

function evalCommand(s: ExecState, dot: ExecValue, cmd: CommandNode, final: FinalValue): ExecValue {
  const first = cmd.args[0]!;
  switch (first.type) {
    case 'field': return evalFieldNode(s, dot, first, cmd.args, final);
    case 'chain': return evalChainNode(s, dot, first, cmd.args, final);
    case 'identifier': return evalFunction(s, dot, first, cmd, cmd.args, final);
    case 'pipe':
      notAFunction(s, cmd.args, final);
      return evalPipeline(s, dot, first);
    case 'variable': return evalVariableNode(s, dot, first, cmd.args, final);
    default:
  }
  s.at(first);
  notAFunction(s, cmd.args, final);
  switch (first.type) {
    case 'bool': return first.value;
    case 'dot': return dot;
    case 'nil': s.errorf('nil is not a command');
    case 'number': return idealConstant(s, first);
    case 'string': return first.text;
    default:
  }
  s.errorf(`can't evaluate command ${quote(nodeString(first))}`);
}

/** Go's idealConstant: floats for literals with . e E p P (not hex ints or runes), otherwise `int`. */
export function idealConstant(s: ExecState, c: NumberNode): GoValue {
  s.at(c);
  const isHexInt = c.text.length > 2 && c.text[0] === '0' && 'xX'.includes(c.text[1]!) && !/[pP]/.test(c.text);
  const isRune = c.text[0] === "'";
  if (c.isFloat && !isHexInt && !isRune && /[.eEpP]/.test(c.text)) return c.float64;
  if (c.isInt) return new GoInt('int', c.int64);
  if (c.isUint) s.errorf(`${c.text} overflows int`);
  return null;
}

function evalFieldNode(s: ExecState, dot: ExecValue, field: FieldNode, args: Node[] | null, final: FinalValue): ExecValue {
  s.at(field);
  return evalFieldChain(s, dot, dot, field, field.ident, args, final);
}

function evalChainNode(s: ExecState, dot: ExecValue, chain: ChainNode, args: Node[] | null, final: FinalValue): ExecValue {
  s.at(chain);
  if (chain.field.length === 0) s.errorf('internal error: no fields in evalChainNode');
  if (chain.node.type === 'nil') s.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
  const pipe = evalArg(s, dot, null, chain.node);
  return evalFieldChain(s, dot, pipe, chain, chain.field, args, final);
}

function evalVariableNode(s: ExecState, dot: ExecValue, v: VariableNode, args: Node[] | null, final: FinalValue): ExecValue {
  s.at(v);
  const value = s.varValue(v.ident[0]!);
  if (v.ident.length === 1) {
    notAFunction(s, args, final);
    return value;
  }
  return evalFieldChain(s, dot, value, v, v.ident.slice(1), args, final);
}

function evalFieldChain(
  s: ExecState, dot: ExecValue, receiver: ExecValue, node: Node, ident: string[], args: Node[] | null, final: FinalValue,
): ExecValue {
  const n = ident.length;
  for (let i = 0; i < n - 1; i++) receiver = evalField(s, dot, ident[i]!, node, null, MISSING, receiver);
  return evalField(s, dot, ident[n - 1]!, node, args, final, receiver);
}

function evalFunction(
  s: ExecState, dot: ExecValue, node: IdentifierNode, cmd: Node, args: Node[] | null, final: FinalValue,
): ExecValue {
  s.at(node);
  const found = s.tmpl.findFunction(node.ident);
  if (!found) s.errorf(`${quote(node.ident)} is not a defined function`);
  return evalCall(s, dot, found.def, found.isBuiltin, cmd, node.ident, args, final);
}

function evalField(
  s: ExecState, dot: ExecValue, fieldName: string, node: Node, args: Node[] | null, final: FinalValue, receiver: ExecValue,
): ExecValue {
  if (receiver === null) {
    if (s.tmpl.missingKey === 'error') s.errorf(`nil data; no entry for key ${quote(fieldName)}`);
    return null;
  }
  const typ = execTypeName(receiver);
  const outer = unwrap(receiver);
  const value = outer instanceof GoStruct ? outer.holderOf(fieldName) : outer;
  if (value === null) s.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
  if (value instanceof GoStruct || value instanceof GoSlice || value instanceof GoTypedMap) {
    const method = value instanceof GoStruct ? value.methods.get(fieldName) : value.named?.methods.get(fieldName);
    if (method) return evalCall(s, dot, method, false, node, fieldName, args, final);
  }
  const mapMethodDef = value instanceof Map ? mapMethod(value, fieldName) : undefined;
  if (mapMethodDef) return evalCall(s, dot, mapMethodDef, false, node, fieldName, args, final);
  const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
  if (value instanceof GoStruct && value.fields.has(fieldName)) {
    if (hasArgs) s.errorf(`${fieldName} has arguments but cannot be invoked as function`);
    const field = value.fields.get(fieldName)!;
    return field === null ? new Iface(null) : field;
  }
  if (value instanceof Map || value instanceof GoTypedMap) {
    if (hasArgs) s.errorf(`${fieldName} is not a method but has arguments`);
    const typed = value instanceof GoTypedMap;
    const entries = typed ? value.entries : value;
    if (entries.has(fieldName)) return typed ? entries.get(fieldName)! : new Iface(entries.get(fieldName)!);
    switch (s.tmpl.missingKey) {
      case 'invalid': return null;
      case 'zero': return typed ? zeroValue(value.elemType) : new Iface(null);
      case 'error': s.errorf(`map has no entry for key ${quote(fieldName)}`);
    }
  }
  s.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
}

const CAN_BE_NIL = /^(interface \{\}|reflect\.Value|\[\].*|map\[.*|func.*|\*.*)$/;

/** Go's canBeNil for a parameter type. */
export function canBeNil(typ: ParamType): boolean {
  return CAN_BE_NIL.test(typ);
}

function zeroOf(typ: ParamType): ExecValue {
  if (typ.startsWith('[]')) return [];
  if (typ.startsWith('map[')) return new Map();
  return null;
}

function assignable(v: ExecValue, typ: ParamType): boolean {
  if (typ === 'interface {}') return true;
  // A named slice or map type (chartutil.Values, VersionSet) is assignable to its unnamed underlying type.
  if (v instanceof GoSlice && v.named) return typ === `[]${v.elemType}`;
  if (v instanceof GoTypedMap && v.named) return typ === `map[string]${v.elemType}`;
  return execTypeName(v) === typ || (v instanceof Map && typ === 'map[string]interface {}');
}

/** Go's validateType: checks (and for interfaces, unwraps) a value passed to a parameter of type `typ`. */
export function validateType(s: ExecState, value: ExecValue, typ: ParamType | null): ExecValue {
  if (value === null) {
    if (typ === null) return null;
    if (canBeNil(typ)) return zeroOf(typ);
    s.errorf(`invalid value; expected ${typ}`);
  }
  if (typ === null || typ === 'reflect.Value') return value;
  if (assignable(value, typ)) return value;
  let shown: ExecValue = value;
  if (value instanceof Iface && value.inner !== null) {
    if (assignable(value.inner, typ)) return value.inner;
    shown = value.inner;
  }
  s.errorf(`wrong type for value; expected ${typ}; got ${execTypeName(shown)}`);
}

/** Go's evalArg: evaluates one argument node for a parameter of type `typ` (null: any, unconverted). */
export function evalArg(s: ExecState, dot: ExecValue, typ: ParamType | null, n: Node): ExecValue {
  s.at(n);
  switch (n.type) {
    case 'dot': return validateType(s, dot, typ);
    case 'nil':
      if (typ !== null && canBeNil(typ)) return zeroOf(typ);
      s.errorf(`cannot assign nil to ${typ}`);
    case 'field': return validateType(s, evalFieldNode(s, dot, n, [n], MISSING), typ);
    case 'variable': return validateType(s, evalVariableNode(s, dot, n, null, MISSING), typ);
    case 'pipe': return validateType(s, evalPipeline(s, dot, n), typ);
    case 'identifier': return validateType(s, evalFunction(s, dot, n, n, null, MISSING), typ);
    case 'chain': return validateType(s, evalChainNode(s, dot, n, null, MISSING), typ);
    default:
  }
  return evalLiteralArg(s, dot, typ ?? 'interface {}', n);
}

const INT_TYPES = new Set(['int', 'int8', 'int16', 'int32', 'int64']);
/** Named Go types of an int kind that functions take (a literal converts to them as Go's evalArg does by Kind). */
const NAMED_INT_KINDS: Record<string, 'int64'> = { 'time.Duration': 'int64' };
const UINT_TYPES = new Set(['uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr']);

function evalLiteralArg(s: ExecState, dot: ExecValue, typ: ParamType, n: Node): ExecValue {
  if (typ === 'bool') {
    if (n.type === 'bool') return n.value;
    s.errorf(`expected bool; found ${nodeString(n)}`);
  }
  if (typ === 'float64' || typ === 'float32') {
    if (n.type === 'number' && n.isFloat) return n.float64;
    s.errorf(`expected float; found ${nodeString(n)}`);
  }
  if (INT_TYPES.has(typ) || NAMED_INT_KINDS[typ]) {
    if (n.type === 'number' && n.isInt) return new GoInt(NAMED_INT_KINDS[typ] ?? (typ as 'int'), n.int64);
    s.errorf(`expected integer; found ${nodeString(n)}`);
  }
  if (UINT_TYPES.has(typ)) {
    if (n.type === 'number' && n.isUint) return new GoInt(typ as 'uint', n.uint64);
    s.errorf(`expected unsigned integer; found ${nodeString(n)}`);
  }
  if (typ === 'string') {
    if (n.type === 'string') return n.text;
    s.errorf(`expected string; found ${nodeString(n)}`);
  }
  if (typ === 'interface {}' || typ === 'reflect.Value') return evalEmptyInterface(s, dot, n);
  s.errorf(`can't handle ${nodeString(n)} for arg of type ${typ}`);
}

function evalEmptyInterface(s: ExecState, dot: ExecValue, n: Node): ExecValue {
  s.at(n);
  switch (n.type) {
    case 'bool': return n.value;
    case 'dot': return dot;
    case 'field': return evalFieldNode(s, dot, n, null, MISSING);
    case 'identifier': return evalFunction(s, dot, n, n, null, MISSING);
    case 'nil': s.errorf("evalEmptyInterface: nil (can't happen)");
    case 'number': return idealConstant(s, n);
    case 'string': return n.text;
    case 'variable': return evalVariableNode(s, dot, n, null, MISSING);
    case 'pipe': return evalPipeline(s, dot, n);
    default:
  }
  s.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
}
