/**
 * Evaluation of a parsed JSONPath template over JSON data, as client-go's jsonpath does with missing keys
 * allowed (kubectl's default `--allow-missing-template-keys=true`): a step that finds nothing yields no
 * result rather than an error.
 */
import { type Step, type TemplateNode } from './parse.js';

/** The results of one template piece, in order (a text piece is one string result). */
export type ResultGroup = { text: true; value: string } | { text: false; values: unknown[] };

/** Evaluates a template; one group per text or action, loops unrolled. */
export function findResults(nodes: readonly TemplateNode[], data: unknown): ResultGroup[] {
  const out: ResultGroup[] = [];
  runBlock(nodes, 0, data, data, out);
  return out;
}

/** Runs nodes from `start` until an unmatched `end`; returns the index after that end (or the length). */
function runBlock(nodes: readonly TemplateNode[], start: number, current: unknown, root: unknown, out: ResultGroup[] | undefined): number {
  let i = start;
  while (i < nodes.length) {
    const node = nodes[i]!;
    if (node.type === 'end') return i + 1;
    if (node.type === 'text') out?.push({ text: true, value: node.text });
    if (node.type === 'action') out?.push({ text: false, values: evaluateSteps(node.steps, [current], root) });
    if (node.type !== 'range') {
      i += 1;
      continue;
    }
    const items = out ? evaluateSteps(node.steps, [current], root) : [];
    let next = runBlock(nodes, i + 1, undefined, root, undefined);
    for (const item of items) next = runBlock(nodes, i + 1, item, root, out);
    i = next;
  }
  return i;
}

/** Applies a chain of steps to every input value. */
export function evaluateSteps(steps: readonly Step[], input: unknown[], root: unknown): unknown[] {
  let values = input;
  for (const step of steps) values = values.flatMap((v) => applyStep(step, v, root));
  return values;
}

function applyStep(step: Step, value: unknown, root: unknown): unknown[] {
  switch (step.type) {
    case 'root':
      return [root];
    case 'current':
      return [value];
    case 'literal':
      return [step.value];
    case 'field':
      if (step.name === '') return [value];
      return isObject(value) && Object.hasOwn(value, step.name) ? [value[step.name]] : [];
    case 'wildcard':
      if (Array.isArray(value)) return value;
      return isObject(value) ? Object.keys(value).sort().map((k) => value[k]) : [];
    case 'recursive':
      return descendants(value);
    case 'index':
      return Array.isArray(value) ? indexInto(value, step) : [];
    case 'union':
      return step.branches.flatMap((b) => evaluateSteps(b, [value], root));
    case 'filter':
      return Array.isArray(value) ? value.filter((item) => passes(step, item, root)) : [];
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The value and everything below it, depth first (what `..` continues from). */
function descendants(value: unknown): unknown[] {
  const out: unknown[] = [value];
  if (Array.isArray(value)) for (const v of value) out.push(...descendants(v));
  else if (isObject(value)) for (const k of Object.keys(value).sort()) out.push(...descendants(value[k]));
  return out;
}

function indexInto(list: unknown[], step: Extract<Step, { type: 'index' }>): unknown[] {
  const length = list.length;
  const clamp = (n: number): number => Math.min(Math.max(n < 0 ? n + length : n, 0), length);
  if (step.single) {
    const i = step.start! < 0 ? step.start! + length : step.start!;
    return i >= 0 && i < length ? [list[i]] : [];
  }
  const from = clamp(step.start ?? 0);
  const to = clamp(step.end ?? length);
  const by = step.step ?? 1;
  const out: unknown[] = [];
  if (by > 0) for (let i = from; i < to; i += by) out.push(list[i]);
  return out;
}

function passes(step: Extract<Step, { type: 'filter' }>, item: unknown, root: unknown): boolean {
  const left = evaluateSteps(step.left, [item], root);
  if (!step.op || !step.right) return left.length > 0 && left[0] !== false && left[0] !== null;
  const right = evaluateSteps(step.right, [item], root);
  if (left.length === 0 || right.length === 0) return false;
  const [a, b] = [left[0], right[0]];
  switch (step.op) {
    case '==':
      return compareEqual(a, b);
    case '!=':
      return !compareEqual(a, b);
    default:
      return compareOrder(a, b, step.op);
  }
}

function compareEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

function compareOrder(a: unknown, b: unknown, op: string): boolean {
  const [x, y] = typeof a === 'number' || typeof b === 'number' ? [Number(a), Number(b)] : [String(a), String(b)];
  if (op === '<') return x < y;
  if (op === '>') return x > y;
  if (op === '<=') return x <= y;
  return x >= y;
}
