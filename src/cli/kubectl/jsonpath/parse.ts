/**
 * The parser of kubectl's JSONPath dialect (k8s.io/client-go/util/jsonpath): a template of literal text
 * and `{...}` actions. An action is a chain of steps (`.items[*].metadata.name`), a quoted string
 * (`{"\n"}`), `range EXPR` / `end`, with `[n]`, `[a:b:c]`, `[*]`, `['a.b']`, `[?(@.x=="y")]`, `..name`,
 * `.*`, `$` and `@`. A backslash escapes a dot in a field name (`deployment\.kubernetes\.io/revision`).
 *
 *   parseTemplate('{range .items[*]}{.metadata.name}{"\n"}{end}')
 *     → [action[range, field items, wildcard], action[field metadata, field name], action[literal "\n"], action[end]]
 */

/** One step of an action. */
export type Step =
  | { type: 'field'; name: string }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'root' }
  | { type: 'current' }
  | { type: 'index'; start?: number; end?: number; step?: number; single: boolean }
  | { type: 'union'; branches: Step[][] }
  | { type: 'filter'; left: Step[]; op?: string; right?: Step[] }
  | { type: 'literal'; value: string | number | boolean };

/** A piece of a template: text, an action, or the `range`/`end` brackets of a loop. */
export type TemplateNode =
  | { type: 'text'; text: string }
  | { type: 'action'; steps: Step[] }
  | { type: 'range'; steps: Step[] }
  | { type: 'end' };

/** A template kubectl would reject; the message follows client-go's (`unclosed action`, ...). */
export class JsonPathError extends Error {
  override readonly name = 'JsonPathError';
}

/** Parses a whole template. Throws JsonPathError. */
export function parseTemplate(template: string): TemplateNode[] {
  const nodes: TemplateNode[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      nodes.push({ type: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) nodes.push({ type: 'text', text: template.slice(i, open) });
    const close = findClose(template, open + 1, '}');
    if (close < 0) throw new JsonPathError('unclosed action');
    nodes.push(parseAction(template.slice(open + 1, close).trim()));
    i = close + 1;
  }
  let depth = 0;
  for (const n of nodes) {
    if (n.type === 'range') depth += 1;
    if (n.type === 'end' && --depth < 0) throw new JsonPathError('not in range, nothing to end');
  }
  return nodes;
}

function parseAction(body: string): TemplateNode {
  if (body === 'end') return { type: 'end' };
  if (body.startsWith('range ') || body === 'range') return { type: 'range', steps: parseSteps(body.slice(5).trim()) };
  return { type: 'action', steps: parseSteps(body) };
}

/** The index of the `close` character that ends the text from `from`, skipping quoted strings and brackets. */
function findClose(text: string, from: number, close: string): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') i += 1;
    else if (c === '"' || c === "'") i = skipQuoted(text, i);
    else if (c === close && depth === 0) return i;
    else if (c === '[' || c === '(') depth += 1;
    else if (c === ']' || c === ')') depth -= 1;
  }
  return -1;
}

function skipQuoted(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === quote) return i;
  }
  throw new JsonPathError('unterminated quoted string');
}

/** Parses a chain of steps (the inside of an action or one side of a filter). Throws JsonPathError. */
export function parseSteps(text: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ') i += 1;
    else if (c === '$') (steps.push({ type: 'root' }), (i += 1));
    else if (c === '@') (steps.push({ type: 'current' }), (i += 1));
    else if (c === '"' || c === "'") {
      const end = skipQuoted(text, i);
      steps.push({ type: 'literal', value: unquote(text.slice(i, end + 1)) });
      i = end + 1;
    } else if (c === '[') {
      const end = findClose(text, i + 1, ']');
      if (end < 0) throw new JsonPathError('unclosed array expect ]');
      steps.push(parseBracket(text.slice(i + 1, end)));
      i = end + 1;
    } else if (c === '.') i = parseDot(text, i, steps);
    else {
      const literal = /^(-?\d+(\.\d+)?|true|false)/.exec(text.slice(i));
      if (!literal) throw new JsonPathError(`unrecognized character in action: U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${c}'`);
      const word = literal[0];
      steps.push({ type: 'literal', value: word === 'true' ? true : word === 'false' ? false : Number(word) });
      i += word.length;
    }
  }
  return steps;
}

/** `.name`, `.*`, `..`; returns the index after the step. */
function parseDot(text: string, start: number, steps: Step[]): number {
  if (text[start + 1] === '.') {
    steps.push({ type: 'recursive' });
    return start + 1;
  }
  let i = start + 1;
  let name = '';
  while (i < text.length && !'.[ $@)'.includes(text[i]!)) {
    if (text[i] === '\\' && i + 1 < text.length) i += 1;
    name += text[i];
    i += 1;
  }
  steps.push(name === '*' ? { type: 'wildcard' } : { type: 'field', name });
  return i;
}

function parseBracket(inner: string): Step {
  const body = inner.trim();
  if (body === '*') return { type: 'wildcard' };
  if (body.startsWith('?')) return parseFilter(body.slice(1).trim());
  const parts = splitTopLevel(body, ',');
  if (parts.length > 1) return { type: 'union', branches: parts.map((p) => [parseBracket(p)]) };
  if (body.startsWith("'") || body.startsWith('"')) return { type: 'field', name: unquote(body) };
  const match = /^(-?\d*)(?::(-?\d*))?(?::(-?\d*))?$/.exec(body);
  if (!match) throw new JsonPathError(`invalid array index ${body}`);
  const num = (s: string | undefined): number | undefined => (s === undefined || s === '' ? undefined : Number(s));
  const single = !body.includes(':');
  if (single && match[1] === '') throw new JsonPathError(`invalid array index ${body}`);
  return { type: 'index', start: num(match[1]), end: num(match[2]), step: num(match[3]), single };
}

const OPERATORS = ['==', '!=', '<=', '>=', '<', '>'];

function parseFilter(body: string): Step {
  if (!body.startsWith('(') || !body.endsWith(')')) throw new JsonPathError(`unclosed filter expression ${body}`);
  const inner = body.slice(1, -1);
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c === '"' || c === "'") {
      i = skipQuoted(inner, i);
      continue;
    }
    const op = OPERATORS.find((o) => inner.startsWith(o, i));
    if (op) return { type: 'filter', left: parseSteps(inner.slice(0, i).trim()), op, right: parseSteps(inner.slice(i + op.length).trim()) };
  }
  return { type: 'filter', left: parseSteps(inner.trim()) };
}

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") i = skipQuoted(text, i);
    else if (c === separator) (parts.push(text.slice(start, i)), (start = i + 1));
  }
  parts.push(text.slice(start));
  return parts;
}

/** A Go-style quoted string (`"a\n"` or `'a'`) without its quotes, escapes resolved. */
function unquote(quoted: string): string {
  const body = quoted.slice(1, -1);
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', '0': '\0' } as Record<string, string>)[e] ?? e;
  });
}
