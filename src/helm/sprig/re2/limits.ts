/**
 * Go's size limits on a parsed pattern (regexp/syntax checkHeight, checkSize): a tree may be at most 1000
 * deep, and its estimated program at most maxSize instructions (128 MB / 40 bytes each), so a hostile
 * pattern cannot make the compiler or the matcher use unbounded memory or stack.
 */
import { ERR, type RegexNode, parseError } from './ast.js';

const heights = new WeakMap<RegexNode, number>();

/** Height of a node built with setHeight (leaves are 1). */
export function nodeHeight(node: RegexNode): number {
  return heights.get(node) ?? 1;
}

/** Records a new inner node's height from its children (so no recursion over deep trees is needed). */
export function setHeight<T extends RegexNode>(node: T): T {
  const subs = 'subs' in node ? node.subs : 'sub' in node ? [node.sub] : [];
  let h = 0;
  for (const s of subs) h = Math.max(h, nodeHeight(s));
  heights.set(node, h + 1);
  return node;
}

/** Go's maxSize in instructions. */
const MAX_SIZE = Math.floor((128 << 20) / 40);

/** Go's calcSize: an estimate of the compiled program's length (counted repetitions expanded). */
export function programSize(node: RegexNode): number {
  let size: number;
  switch (node.op) {
    case 'capture':
      size = 2 + programSize(node.sub);
      break;
    case 'concat':
    case 'alternate':
      size = node.subs.reduce((sum, s) => sum + programSize(s), 0);
      if (node.op === 'alternate') size += node.subs.length - 1;
      break;
    case 'repeat': {
      const sub = programSize(node.sub);
      if (node.max === -1) size = node.min === 0 ? 2 + sub : 1 + node.min * sub;
      else size = node.max * sub + (node.max - node.min);
      break;
    }
    default:
      size = 1;
  }
  return Math.max(1, size);
}

/** Throws Go's "expression too large" when the pattern would compile past Go's limit. */
export function checkLimits(root: RegexNode, src: string): void {
  if (programSize(root) > MAX_SIZE) throw parseError(ERR.large, src);
}
