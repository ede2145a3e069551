/**
 * A JMESPath (jmespath.org) subset for `--auth-actions-search-path`, enough for ChartMuseum's default
 * `access[?name=='$NAMESPACE' && type=='$ACCESS_ENTRY_TYPE'].actions[]` and the usual variations: fields,
 * quoted fields, `.`, `[n]`, `[*]`, `.*`, `[]`, `[?filter]`, `|`, `||`, `&&`, `!`, comparisons, `@`,
 * literals, parentheses, and multi-select lists and hashes. Functions and slices are not supported: compiling
 * such an expression throws JmesPathError, which stops the server at start-up rather than deny at random.
 *
 * Worked example: over `{"access":[{"name":"a","actions":["pull"]},{"name":"b","actions":["push"]}]}`,
 * `access[?name=='a'].actions[]` filters the list to the first entry, projects `actions` (`[["pull"]]`)
 * and flattens it: `["pull"]`.
 */
import { JmesPathError, tokenize, type Token, type TokenType } from './jmespath-lexer.js';

export { JmesPathError } from './jmespath-lexer.js';

type Node =
  | { kind: 'field'; name: string }
  | { kind: 'current' }
  | { kind: 'literal'; value: unknown }
  | { kind: 'index'; index: number }
  | { kind: 'sub' | 'pipe' | 'or' | 'and'; left: Node; right: Node }
  | { kind: 'compare'; op: TokenType; left: Node; right: Node }
  | { kind: 'not' | 'flatten'; child: Node }
  | { kind: 'project' | 'values'; left: Node; right: Node }
  | { kind: 'filter'; left: Node; right: Node; condition: Node }
  | { kind: 'list'; items: Node[] }
  | { kind: 'hash'; entries: [string, Node][] };

const BINDING: Partial<Record<TokenType, number>> = {
  pipe: 1, or: 2, and: 3, eq: 5, ne: 5, lt: 5, lte: 5, gt: 5, gte: 5,
  flatten: 9, star: 20, filter: 21, dot: 40, not: 45, lbrace: 50, lbracket: 55, lparen: 60,
};
const CURRENT: Node = { kind: 'current' };

/** A compiled expression: `search(data)` evaluates it. */
export interface JmesPath {
  search(data: unknown): unknown;
}

/** Compiles an expression; throws JmesPathError if it is malformed or outside the subset. */
export function compileJmesPath(expression: string): JmesPath {
  const parser = new Parser(tokenize(expression));
  const ast = parser.expression(0);
  parser.expect('eof');
  return { search: (data) => evaluate(ast, data) };
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i] as Token;
  }

  private next(): Token {
    return this.tokens[this.i++] as Token;
  }

  expect(type: TokenType): Token {
    const token = this.next();
    if (token.type !== type) throw new JmesPathError(`expected ${type} at ${token.at}, found ${token.type}`);
    return token;
  }

  expression(rbp: number): Node {
    let left = this.nud(this.next());
    while (rbp < (BINDING[this.peek().type] ?? 0)) left = this.led(this.next(), left);
    return left;
  }

  private nud(token: Token): Node {
    switch (token.type) {
      case 'literal': return { kind: 'literal', value: token.value };
      case 'identifier': return { kind: 'field', name: token.value as string };
      case 'current': return CURRENT;
      case 'not': return { kind: 'not', child: this.expression(BINDING.not as number) };
      case 'star': return { kind: 'values', left: CURRENT, right: this.projectionRhs(BINDING.star as number) };
      case 'filter': return this.led(token, CURRENT);
      case 'flatten': return { kind: 'project', left: { kind: 'flatten', child: CURRENT }, right: this.projectionRhs(BINDING.flatten as number) };
      case 'lbrace': return this.hash();
      case 'lparen': {
        const inner = this.expression(0);
        this.expect('rparen');
        return inner;
      }
      case 'lbracket': {
        if (this.peek().type === 'number') return this.index(CURRENT);
        if (this.peek().type === 'star' && this.tokens[this.i + 1]?.type === 'rbracket') return this.led(token, CURRENT);
        return this.list();
      }
      default: throw new JmesPathError(`unexpected ${token.type} at ${token.at}`);
    }
  }

  private led(token: Token, left: Node): Node {
    switch (token.type) {
      case 'dot':
        if (this.peek().type === 'star') {
          this.next();
          return { kind: 'values', left, right: this.projectionRhs(BINDING.dot as number) };
        }
        return { kind: 'sub', left, right: this.dotRhs(BINDING.dot as number) };
      case 'pipe': case 'or': case 'and':
        return { kind: token.type, left, right: this.expression(BINDING[token.type] as number) };
      case 'eq': case 'ne': case 'lt': case 'lte': case 'gt': case 'gte':
        return { kind: 'compare', op: token.type, left, right: this.expression(BINDING[token.type] as number) };
      case 'flatten':
        return { kind: 'project', left: { kind: 'flatten', child: left }, right: this.projectionRhs(BINDING.flatten as number) };
      case 'filter': {
        const condition = this.expression(0);
        this.expect('rbracket');
        const right = this.peek().type === 'flatten' ? CURRENT : this.projectionRhs(BINDING.filter as number);
        return { kind: 'filter', left, right, condition };
      }
      case 'lbracket': {
        if (this.peek().type === 'number') return this.index(left);
        this.expect('star');
        this.expect('rbracket');
        return { kind: 'project', left, right: this.projectionRhs(BINDING.star as number) };
      }
      default: throw new JmesPathError(`unexpected ${token.type} at ${token.at}${token.type === 'lparen' ? ' (functions are not supported)' : ''}`);
    }
  }

  private index(left: Node): Node {
    const index = this.expect('number').value as number;
    if (this.peek().type === 'colon') throw new JmesPathError('slices are not supported');
    this.expect('rbracket');
    return { kind: 'sub', left, right: { kind: 'index', index } };
  }

  private projectionRhs(rbp: number): Node {
    const next = this.peek();
    if ((BINDING[next.type] ?? 0) < 10) return CURRENT;
    if (next.type === 'lbracket' || next.type === 'filter') return this.expression(rbp);
    if (next.type === 'dot') {
      this.next();
      return this.dotRhs(rbp);
    }
    throw new JmesPathError(`unexpected ${next.type} at ${next.at}`);
  }

  private dotRhs(rbp: number): Node {
    const next = this.peek();
    if (next.type === 'identifier') return this.expression(rbp);
    if (next.type === 'lbracket') return (this.next(), this.list());
    if (next.type === 'lbrace') return (this.next(), this.hash());
    throw new JmesPathError(`unexpected ${next.type} after . at ${next.at}`);
  }

  private list(): Node {
    const items = [this.expression(0)];
    while (this.peek().type === 'comma') items.push((this.next(), this.expression(0)));
    this.expect('rbracket');
    return { kind: 'list', items };
  }

  private hash(): Node {
    const entries: [string, Node][] = [];
    do {
      const key = this.expect('identifier').value as string;
      this.expect('colon');
      entries.push([key, this.expression(0)]);
    } while (this.peek().type === 'comma' && this.next());
    this.expect('rbrace');
    return { kind: 'hash', entries };
  }
}

function evaluate(node: Node, data: unknown): unknown {
  switch (node.kind) {
    case 'field': return isObject(data) && Object.hasOwn(data, node.name) ? data[node.name] : null;
    case 'current': return data;
    case 'literal': return node.value;
    case 'index': return Array.isArray(data) ? (data[node.index < 0 ? data.length + node.index : node.index] ?? null) : null;
    case 'sub': case 'pipe': return evaluate(node.right, evaluate(node.left, data));
    case 'or': {
      const left = evaluate(node.left, data);
      return isTruthy(left) ? left : evaluate(node.right, data);
    }
    case 'and': {
      const left = evaluate(node.left, data);
      return isTruthy(left) ? evaluate(node.right, data) : left;
    }
    case 'not': return !isTruthy(evaluate(node.child, data));
    case 'compare': return compare(node.op, evaluate(node.left, data), evaluate(node.right, data));
    case 'flatten': {
      const base = evaluate(node.child, data);
      return Array.isArray(base) ? base.flatMap((item) => (Array.isArray(item) ? item : [item])) : null;
    }
    case 'project': return projectList(evaluate(node.left, data), node.right, () => true);
    case 'values': {
      const base = evaluate(node.left, data);
      return isObject(base) ? projectList(Object.values(base), node.right, () => true) : null;
    }
    case 'filter': return projectList(evaluate(node.left, data), node.right, (item) => isTruthy(evaluate(node.condition, item)));
    case 'list': return data === null || data === undefined ? null : node.items.map((item) => evaluate(item, data));
    case 'hash': return data === null || data === undefined ? null : Object.fromEntries(node.entries.map(([k, v]) => [k, evaluate(v, data)]));
  }
}

function projectList(base: unknown, right: Node, keep: (item: unknown) => boolean): unknown {
  if (!Array.isArray(base)) return null;
  const out: unknown[] = [];
  for (const item of base) {
    if (!keep(item)) continue;
    const value = evaluate(right, item);
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

function compare(op: TokenType, a: unknown, b: unknown): unknown {
  if (op === 'eq') return deepEqual(a, b);
  if (op === 'ne') return !deepEqual(a, b);
  if (typeof a !== 'number' || typeof b !== 'number') return null;
  return op === 'lt' ? a < b : op === 'lte' ? a <= b : op === 'gt' ? a > b : a >= b;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isObject(value)) return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
  return value ?? null;
}

/** JMESPath truthiness: null, false, '', [] and {} are false. */
function isTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.keys(value).length > 0;
  return true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
