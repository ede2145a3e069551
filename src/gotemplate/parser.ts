/**
 * The template parser: a port of Go's text/template/parse/parse.go (recursive descent over the lexer with
 * three tokens of lookahead). Produces one Tree per template name (the top level plus every
 * `define`/`block`) and throws TemplateParseError with Go's messages.
 */
import {
  type BranchNode, type CommandNode, type ListNode, type Node, type PipeNode, type TreeRef, type VariableNode,
  isEmptyTree, nodeString,
} from './ast.js';
import { TemplateParseError } from './errors.js';
import { type Item, ItemType, Lexer, itemString } from './lexer.js';
import { pipeline } from './parse-pipeline.js';
import { GoSyntaxError, unquote } from './strconv.js';

/** A parsed template body. */
export interface Tree {
  name: string;
  parseName: string;
  root: ListNode | null;
  text: string;
}

/** Parser options. */
export interface ParseOptions {
  /** Reports whether a function name is defined (builtins and the FuncMap). */
  hasFunction: (name: string) => boolean;
  /** Keep comments in the tree (Go's ParseComments). */
  parseComments?: boolean;
  /** Skip the "function not defined" check (Go's SkipFuncCheck). */
  skipFuncCheck?: boolean;
  leftDelim?: string;
  rightDelim?: string;
}

/**
 * Parses `text` as template `name`. Returns every tree it defines keyed by name (Go's parse.Parse).
 * Throws TemplateParseError.
 */
export function parseTemplate(name: string, text: string, opts: ParseOptions): Map<string, Tree> {
  const treeSet = new Map<string, Tree>();
  const lexer = new Lexer(name, text, opts.leftDelim || '{{', opts.rightDelim || '}}');
  lexer.options = {
    emitComment: !!opts.parseComments,
    breakOK: !opts.hasFunction('break'),
    continueOK: !opts.hasFunction('continue'),
  };
  const p = new Parser(name, name, text, lexer, treeSet, opts);
  p.parse();
  p.add();
  return treeSet;
}

/** The parser state (Go's parse.Tree while parsing); pipelines and operands are in parse-pipeline.ts. */
export class Parser {
  root: ListNode | null = null;
  readonly token: Item[] = [];
  peekCount = 0;
  vars: string[] = ['$'];
  actionLine = 0;
  rangeDepth = 0;
  stackDepth = 0;
  readonly ref: TreeRef;

  constructor(
    private name: string,
    private readonly parseName: string,
    private readonly text: string,
    private readonly lex: Lexer,
    private readonly treeSet: Map<string, Tree>,
    readonly opts: ParseOptions,
  ) {
    this.ref = { parseName, text };
  }

  // ---- token plumbing (Go's next/backup/peek) ----
  next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex.nextItem();
    return this.token[this.peekCount]!;
  }
  backup(): void { this.peekCount++; }
  backup2(t1: Item): void { this.token[1] = t1; this.peekCount = 2; }
  backup3(t2: Item, t1: Item): void { this.token[1] = t1; this.token[2] = t2; this.peekCount = 3; }
  peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1]!;
    this.peekCount = 1;
    this.token[0] = this.lex.nextItem();
    return this.token[0];
  }
  nextNonSpace(): Item {
    let t: Item;
    do t = this.next(); while (t.typ === ItemType.Space);
    return t;
  }
  peekNonSpace(): Item {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  // ---- errors ----
  errorf(msg: string): never {
    this.root = null;
    throw new TemplateParseError(this.parseName, this.token[0]?.line ?? 1, msg);
  }
  expect(expected: ItemType, context: string): Item {
    const t = this.nextNonSpace();
    if (t.typ !== expected) this.unexpected(t, context);
    return t;
  }
  expectOneOf(a: ItemType, b: ItemType, context: string): Item {
    const t = this.nextNonSpace();
    if (t.typ !== a && t.typ !== b) this.unexpected(t, context);
    return t;
  }
  unexpected(token: Item, context: string): never {
    if (token.typ === ItemType.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  // ---- trees ----
  add(): void {
    const tree = this.treeSet.get(this.name);
    if (!tree || isEmptyTree(tree.root)) {
      this.treeSet.set(this.name, { name: this.name, parseName: this.parseName, root: this.root, text: this.text });
      return;
    }
    if (!isEmptyTree(this.root)) this.errorf(`template: multiple definition of template ${JSON.stringify(this.name)}`);
  }

  /** A parser for a define/block body: same lexer and tree set, fresh variables and lookahead (as Go). */
  private child(name: string): Parser {
    return new Parser(name, this.parseName, this.text, this.lex, this.treeSet, this.opts);
  }


  parse(): void {
    this.root = this.newList(this.peek().pos);
    while (this.peek().typ !== ItemType.EOF) {
      if (this.peek().typ === ItemType.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === ItemType.Define) {
          const d = this.child('definition');
          d.parseDefinition(); // shares the lexer; no token is pending here, as in Go
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      this.root.nodes.push(n);
    }
  }

  parseDefinition(): void {
    const context = 'define clause';
    const name = this.expectOneOf(ItemType.String, ItemType.RawString, context);
    this.name = this.unquoteOrFail(name.val);
    this.expect(ItemType.RightDelim, context);
    const [list, end] = this.itemList();
    this.root = list;
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add();
  }

  unquoteOrFail(lit: string): string {
    try {
      return unquote(lit);
    } catch (e) {
      if (e instanceof GoSyntaxError) this.errorf(e.message);
      throw e;
    }
  }

  itemList(): [ListNode, Node] {
    const list = this.newList(this.peekNonSpace().pos);
    while (this.peekNonSpace().typ !== ItemType.EOF) {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Text: return { type: 'text', pos: token.pos, tree: this.ref, text: token.val };
      case ItemType.LeftDelim:
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      case ItemType.Comment: return { type: 'comment', pos: token.pos, tree: this.ref, text: token.val };
      default: this.unexpected(token, 'input');
    }
  }

  action(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Block: return this.blockControl();
      case ItemType.Break: return this.loopControl('break', token);
      case ItemType.Continue: return this.loopControl('continue', token);
      case ItemType.Else: return this.elseControl();
      case ItemType.End: return { type: 'end', pos: this.expect(ItemType.RightDelim, 'end').pos, tree: this.ref };
      case ItemType.If: return this.branch('if');
      case ItemType.Range: return this.branch('range');
      case ItemType.Template: return this.templateControl();
      case ItemType.With: return this.branch('with');
      default:
    }
    this.backup();
    const t = this.peek();
    return { type: 'action', pos: t.pos, line: t.line, tree: this.ref, pipe: pipeline(this, 'command', ItemType.RightDelim) };
  }

  loopControl(kind: 'break' | 'continue', at: Item): Node {
    const token = this.nextNonSpace();
    if (token.typ !== ItemType.RightDelim) this.unexpected(token, `{{${kind}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${kind}}} outside {{range}}`);
    return { type: kind, pos: at.pos, line: at.line, tree: this.ref };
  }

  newList(pos: number): ListNode {
    return { type: 'list', pos, tree: this.ref, nodes: [] };
  }

  newVariable(pos: number, ident: string): VariableNode {
    return { type: 'variable', pos, tree: this.ref, ident: ident.split('.') };
  }

  parseControl(context: 'if' | 'range' | 'with'): Omit<BranchNode, 'type' | 'tree'> {
    const mark = this.vars.length;
    try {
      const pipe = pipeline(this, context, ItemType.RightDelim);
      if (context === 'range') this.rangeDepth++;
      let [list, next] = this.itemList();
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === 'else') {
        if ((context === 'if' && this.peek().typ === ItemType.If) || (context === 'with' && this.peek().typ === ItemType.With)) {
          this.next();
          elseList = this.newList(next.pos);
          elseList.nodes.push(this.branch(context));
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== 'end') this.errorf(`expected end; found ${nodeString(next)}`);
        }
      }
      return { pos: pipe.pos, line: pipe.line, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
    }
  }

  branch(context: 'if' | 'range' | 'with'): BranchNode {
    return { type: context, tree: this.ref, ...this.parseControl(context) };
  }

  elseControl(): Node {
    const peek = this.peekNonSpace();
    if (peek.typ === ItemType.If || peek.typ === ItemType.With) {
      return { type: 'else', pos: peek.pos, line: peek.line, tree: this.ref };
    }
    const token = this.expect(ItemType.RightDelim, 'else');
    return { type: 'else', pos: token.pos, line: token.line, tree: this.ref };
  }

  blockControl(): Node {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = pipeline(this, context, ItemType.RightDelim);
    const block = this.child(name);
    const [list, end] = block.itemList();
    block.root = list;
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    block.add();
    return { type: 'template', pos: token.pos, line: token.line, tree: this.ref, name, pipe };
  }

  templateControl(): Node {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== ItemType.RightDelim) {
      this.backup();
      pipe = pipeline(this, context, ItemType.RightDelim);
    }
    return { type: 'template', pos: token.pos, line: token.line, tree: this.ref, name, pipe };
  }

  parseTemplateName(token: Item, context: string): string {
    if (token.typ === ItemType.String || token.typ === ItemType.RawString) return this.unquoteOrFail(token.val);
    this.unexpected(token, context);
  }

}
