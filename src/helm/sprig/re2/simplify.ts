/**
 * Go's Regexp.Simplify (regexp/syntax/simplify.go) on a RegexNode tree: counted repetitions become
 * copies of their operand with `*`, `+` and `?` (x{2,5} → xx(x(x(x)?)?)?, x{3,} → xxx+, x{0} → empty),
 * and a repetition of the same repetition with the same greediness collapses ((?:a+)+ → a+). Go compiles
 * the simplified tree, and the order of alternatives in it decides which match wins, so this follows Go
 * step for step.
 */
import type { RegexNode } from './ast.js';

type Unary = 'star' | 'plus' | 'quest';

const BOUNDS: Record<Unary, [number, number]> = { star: [0, -1], plus: [1, -1], quest: [0, 1] };

function unaryKind(node: RegexNode): Unary | undefined {
  if (node.op !== 'repeat') return undefined;
  for (const kind of ['star', 'plus', 'quest'] as const) {
    if (node.min === BOUNDS[kind][0] && node.max === BOUNDS[kind][1]) return kind;
  }
  return undefined;
}

/** Go's simplify1: `kind` applied to an already simplified `sub`. */
function simplify1(kind: Unary, greedy: boolean, sub: RegexNode): RegexNode {
  if (sub.op === 'empty') return sub;
  if (unaryKind(sub) === kind && sub.op === 'repeat' && sub.greedy === greedy) return sub;
  const [min, max] = BOUNDS[kind];
  return { op: 'repeat', min, max, greedy, sub };
}

/** x{min,max} with x already simplified. */
function simplifyCounted(min: number, max: number, greedy: boolean, sub: RegexNode): RegexNode {
  if (max === -1) {
    if (min === 0) return simplify1('star', greedy, sub);
    if (min === 1) return simplify1('plus', greedy, sub);
    return { op: 'concat', subs: [...Array<RegexNode>(min - 1).fill(sub), simplify1('plus', greedy, sub)] };
  }
  if (min === 1 && max === 1) return sub;
  const prefix: RegexNode[] = Array<RegexNode>(min).fill(sub);
  if (max > min) {
    let suffix = simplify1('quest', greedy, sub);
    for (let k = min + 1; k < max; k++) suffix = simplify1('quest', greedy, { op: 'concat', subs: [sub, suffix] });
    if (min === 0) return suffix;
    prefix.push(suffix);
  }
  return { op: 'concat', subs: prefix };
}

/** Returns the simplified tree (sharing unchanged parts of `node`). */
export function simplifyRegex(node: RegexNode): RegexNode {
  switch (node.op) {
    case 'capture':
      return { ...node, sub: simplifyRegex(node.sub) };
    case 'concat':
    case 'alternate':
      return { op: node.op, subs: node.subs.map(simplifyRegex) };
    case 'repeat': {
      if (node.min === 0 && node.max === 0) return { op: 'empty' };
      const sub = simplifyRegex(node.sub);
      const kind = unaryKind(node);
      return kind ? simplify1(kind, node.greedy, sub) : simplifyCounted(node.min, node.max, node.greedy, sub);
    }
    default:
      return node;
  }
}
