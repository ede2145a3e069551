/**
 * The parse tree, mirroring Go's text/template/parse nodes. `String()` of every node reproduces Go's
 * (it appears in execution errors: `at <.Values.a.b>`).
 */
import { quote } from './strconv.js';

/** What every node knows: where it starts and which tree (text + ParseName) it came from. */
export interface TreeRef {
  /** Name of the top-level template being parsed when this node was made (Go's ParseName). */
  parseName: string;
  /** The full text that was parsed. */
  text: string;
}

interface Base {
  pos: number;
  tree: TreeRef;
}

/** Plain text. */
export interface TextNode extends Base { type: 'text'; text: string }
/** A comment, kept only when parsing with comments. */
export interface CommentNode extends Base { type: 'comment'; text: string }
/** A pipeline: optional declarations, then commands joined by `|`. */
export interface PipeNode extends Base {
  type: 'pipe'; line: number; isAssign: boolean; decl: VariableNode[]; cmds: CommandNode[];
}
/** A non-control action: `{{pipeline}}`. */
export interface ActionNode extends Base { type: 'action'; line: number; pipe: PipeNode }
/** One command of a pipeline: a function/field/constant followed by arguments. */
export interface CommandNode extends Base { type: 'command'; args: Node[] }
/** A function name. */
export interface IdentifierNode extends Base { type: 'identifier'; ident: string }
/** `$x.f.g`: the variable name and field chain. */
export interface VariableNode extends Base { type: 'variable'; ident: string[] }
/** `.` */
export interface DotNode extends Base { type: 'dot' }
/** `nil` */
export interface NilNode extends Base { type: 'nil' }
/** `.f.g` */
export interface FieldNode extends Base { type: 'field'; ident: string[] }
/** `(pipeline).f.g` or `fn.f`: a term followed by fields. */
export interface ChainNode extends Base { type: 'chain'; node: Node; field: string[] }
/** `true` / `false` */
export interface BoolNode extends Base { type: 'bool'; value: boolean }
/** A numeric constant with every interpretation Go allows for it. */
export interface NumberNode extends Base {
  type: 'number';
  isInt: boolean; isUint: boolean; isFloat: boolean; isComplex: boolean;
  int64: bigint; uint64: bigint; float64: number;
  text: string;
}
/** A string constant: `quoted` as written, `text` after unquoting. */
export interface StringNode extends Base { type: 'string'; quoted: string; text: string }
/** `{{end}}` (never in a finished tree). */
export interface EndNode extends Base { type: 'end' }
/** `{{else}}` (never in a finished tree). */
export interface ElseNode extends Base { type: 'else'; line: number }
/** if / range / with: pipeline, body and optional else list. */
export interface BranchNode extends Base {
  type: 'if' | 'range' | 'with'; line: number; pipe: PipeNode; list: ListNode; elseList: ListNode | null;
}
/** `{{break}}` */
export interface BreakNode extends Base { type: 'break'; line: number }
/** `{{continue}}` */
export interface ContinueNode extends Base { type: 'continue'; line: number }
/** `{{template "name" pipeline}}` */
export interface TemplateNode extends Base { type: 'template'; line: number; name: string; pipe: PipeNode | null }
/** A sequence of nodes. */
export interface ListNode extends Base { type: 'list'; nodes: Node[] }

/** Any parse-tree node. */
export type Node =
  | TextNode | CommentNode | PipeNode | ActionNode | CommandNode | IdentifierNode | VariableNode | DotNode
  | NilNode | FieldNode | ChainNode | BoolNode | NumberNode | StringNode | EndNode | ElseNode | BranchNode
  | BreakNode | ContinueNode | TemplateNode | ListNode;

/** Go's `Node.String()` for any node. */
export function nodeString(n: Node): string {
  switch (n.type) {
    case 'text': return n.text;
    case 'comment': return `{{${n.text}}}`;
    case 'pipe': return pipeString(n);
    case 'action': return `{{${pipeString(n.pipe)}}}`;
    case 'command': return commandString(n);
    case 'identifier': return n.ident;
    case 'variable': return n.ident.join('.');
    case 'dot': return '.';
    case 'nil': return 'nil';
    case 'field': return n.ident.map((id) => '.' + id).join('');
    case 'chain': return chainString(n);
    case 'bool': return n.value ? 'true' : 'false';
    case 'number': return n.text;
    case 'string': return n.quoted;
    case 'end': return '{{end}}';
    case 'else': return '{{else}}';
    case 'if': case 'range': case 'with': return branchString(n);
    case 'break': return '{{break}}';
    case 'continue': return '{{continue}}';
    case 'template': return `{{template ${quote(n.name)}${n.pipe ? ' ' + pipeString(n.pipe) : ''}}}`;
    case 'list': return n.nodes.map(nodeString).join('');
  }
}

function pipeString(p: PipeNode): string {
  let s = '';
  if (p.decl.length > 0) s = p.decl.map(nodeString).join(', ') + (p.isAssign ? ' = ' : ' := ');
  return s + p.cmds.map(commandString).join(' | ');
}

function commandString(c: CommandNode): string {
  return c.args.map((a) => (a.type === 'pipe' ? `(${pipeString(a)})` : nodeString(a))).join(' ');
}

function chainString(c: ChainNode): string {
  const head = c.node.type === 'pipe' ? `(${pipeString(c.node)})` : nodeString(c.node);
  return head + c.field.map((f) => '.' + f).join('');
}

function branchString(b: BranchNode): string {
  const elsePart = b.elseList ? `{{else}}${nodeString(b.elseList)}` : '';
  return `{{${b.type} ${pipeString(b.pipe)}}}${nodeString(b.list)}${elsePart}{{end}}`;
}

/** Go's parse.IsEmptyTree: true for a list of only whitespace text and comments. */
export function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.type) {
    case 'comment': return true;
    case 'list': return n.nodes.every(isEmptyTree);
    case 'text': return n.text.trim() === '';
    default: return false;
  }
}
