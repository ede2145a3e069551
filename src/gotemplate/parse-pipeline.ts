/**
 * Pipelines, commands and operands (Go's parse.go pipeline … term), as functions over the Parser.
 */
import type { CommandNode, Node, PipeNode } from './ast.js';
import { nodeString } from './ast.js';
import { type Item, ItemType } from './lexer.js';
import { NumberSyntaxError, classifyNumber } from './parse-number.js';
import type { Parser } from './parser.js';

const MAX_STACK_DEPTH = 10000;

/** Parses a pipeline up to `end` (Go's Tree.pipeline), with its declarations. */
export function pipeline(p: Parser, context: string, end: ItemType): PipeNode {
  const token = p.peekNonSpace();
  const pipe: PipeNode = { type: 'pipe', pos: token.pos, line: token.line, tree: p.ref, isAssign: false, decl: [], cmds: [] };
  declarations(p, pipe, context);
  for (;;) {
    const t = p.nextNonSpace();
    if (t.typ === end) {
      checkPipeline(p, pipe, context);
      return pipe;
    }
    switch (t.typ) {
      case ItemType.Bool: case ItemType.CharConstant: case ItemType.Complex: case ItemType.Dot:
      case ItemType.Field: case ItemType.Identifier: case ItemType.Number: case ItemType.Nil:
      case ItemType.RawString: case ItemType.String: case ItemType.Variable: case ItemType.LeftParen:
        p.backup();
        pipe.cmds.push(command(p));
        break;
      default:
        p.unexpected(t, context);
    }
  }
}

/** Parses `$x :=`, `$x =` and range's `$i, $v :=` at the start of a pipeline. */
export function declarations(p: Parser, pipe: PipeNode, context: string): void {
  for (;;) {
    const v = p.peekNonSpace();
    if (v.typ !== ItemType.Variable) return;
    p.next();
    const tokenAfterVariable = p.peek();
    const next = p.peekNonSpace();
    if (next.typ === ItemType.Assign || next.typ === ItemType.Declare) {
      pipe.isAssign = next.typ === ItemType.Assign;
      p.nextNonSpace();
      pipe.decl.push(p.newVariable(v.pos, v.val));
      p.vars.push(v.val);
      return;
    }
    if (next.typ === ItemType.Char && next.val === ',') {
      p.nextNonSpace();
      pipe.decl.push(p.newVariable(v.pos, v.val));
      p.vars.push(v.val);
      if (context === 'range' && pipe.decl.length < 2) {
        const k = p.peekNonSpace().typ;
        if (k === ItemType.Variable || k === ItemType.RightDelim || k === ItemType.RightParen) continue;
        p.errorf('range can only initialize variables');
      }
      p.errorf(`too many declarations in ${context}`);
    }
    if (tokenAfterVariable.typ === ItemType.Space) p.backup3(v, tokenAfterVariable);
    else p.backup2(v);
    return;
  }
}

/** Go's checkPipeline: no empty pipelines and no literal after the first stage. */
export function checkPipeline(p: Parser, pipe: PipeNode, context: string): void {
  if (pipe.cmds.length === 0) p.errorf(`missing value for ${context}`);
  pipe.cmds.slice(1).forEach((c, i) => {
    const t = c.args[0]!.type;
    if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') {
      p.errorf(`non executable command in pipeline stage ${i + 2}`);
    }
  });
}

/** Parses one command: operands up to `|`, `)` or the right delimiter. */
export function command(p: Parser): CommandNode {
  const cmd: CommandNode = { type: 'command', pos: p.peekNonSpace().pos, tree: p.ref, args: [] };
  for (;;) {
    p.peekNonSpace(); // skip leading spaces
    const arg = operand(p);
    if (arg) cmd.args.push(arg);
    const token = p.next();
    if (token.typ === ItemType.Space) continue;
    if (token.typ === ItemType.RightDelim || token.typ === ItemType.RightParen) p.backup();
    else if (token.typ !== ItemType.Pipe) p.unexpected(token, 'operand');
    break;
  }
  if (cmd.args.length === 0) p.errorf('empty command');
  return cmd;
}

/** Parses a term and any field chain after it. */
export function operand(p: Parser): Node | null {
  let node = term(p);
  if (!node) return null;
  if (p.peek().typ === ItemType.Field) {
    const fields: string[] = [];
    const chainPos = p.peek().pos;
    while (p.peek().typ === ItemType.Field) fields.push(p.next().val.slice(1));
    switch (node.type) {
      case 'field':
        node = { type: 'field', pos: chainPos, tree: p.ref, ident: [...node.ident, ...fields] };
        break;
      case 'variable':
        node = { type: 'variable', pos: chainPos, tree: p.ref, ident: [...node.ident, ...fields] };
        break;
      case 'bool': case 'string': case 'number': case 'nil': case 'dot':
        p.errorf(`unexpected . after term ${JSON.stringify(nodeString(node))}`);
      default:
        node = { type: 'chain', pos: chainPos, tree: p.ref, node, field: fields };
    }
  }
  return node;
}

/** Parses one term: identifier, dot, nil, variable, field, literal or parenthesised pipeline. */
export function term(p: Parser): Node | null {
  const token = p.nextNonSpace();
  const base = { pos: token.pos, tree: p.ref };
  switch (token.typ) {
    case ItemType.Identifier:
      if (!p.opts.skipFuncCheck && !p.opts.hasFunction(token.val)) {
        p.errorf(`function ${JSON.stringify(token.val)} not defined`);
      }
      return { type: 'identifier', ...base, ident: token.val };
    case ItemType.Dot: return { type: 'dot', ...base };
    case ItemType.Nil: return { type: 'nil', ...base };
    case ItemType.Variable: return useVar(p, token.pos, token.val);
    case ItemType.Field: return { type: 'field', ...base, ident: token.val.slice(1).split('.') };
    case ItemType.Bool: return { type: 'bool', ...base, value: token.val === 'true' };
    case ItemType.CharConstant: case ItemType.Complex: case ItemType.Number:
      return newNumber(p, token);
    case ItemType.LeftParen:
      if (p.stackDepth >= MAX_STACK_DEPTH) p.errorf('max expression depth exceeded');
      p.stackDepth++;
      try {
        return pipeline(p, 'parenthesized pipeline', ItemType.RightParen);
      } finally {
        p.stackDepth--;
      }
    case ItemType.String: case ItemType.RawString:
      return { type: 'string', ...base, quoted: token.val, text: p.unquoteOrFail(token.val) };
    default:
  }
  p.backup();
  return null;
}

/** Builds a number node, reporting Go's messages for malformed literals. */
export function newNumber(p: Parser, token: Item): Node {
  try {
    const info = classifyNumber(token.val, token.typ === ItemType.CharConstant);
    return { type: 'number', pos: token.pos, tree: p.ref, text: token.val, ...info };
  } catch (e) {
    if (e instanceof NumberSyntaxError) p.errorf(e.message);
    throw e;
  }
}

/** A variable reference, which must be declared in scope. */
export function useVar(p: Parser, pos: number, name: string): Node {
  const v = p.newVariable(pos, name);
  if (p.vars.includes(v.ident[0]!)) return v;
  p.errorf(`undefined variable ${JSON.stringify(v.ident[0])}`);
}
