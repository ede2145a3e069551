/**
 * A nesting limit checked before YAML text reaches the `yaml` package. Its parser recurses once per
 * nesting level: past about 800 levels it runs out of stack, and when that happens while V8 is compiling a
 * regular expression the whole process dies ("RegExpCompiler Allocation failed - process out of memory")
 * instead of throwing. Untrusted YAML (Chart.yaml and values in uploads, rendered manifests, manifests sent
 * to the simulator) is checked first and refused past MAX_YAML_DEPTH levels, far more than any chart uses:
 * a linear scan clears almost all text, and the rest is measured exactly on the parser's syntax tree.
 *
 *   assertYamlDepth(text);          // throws YamlDepthError: exceeded max depth of 400
 */
import { type CST, Parser } from 'yaml';

/** Deepest nesting accepted: flow brackets plus block indentation, with room to spare below the stack. */
export const MAX_YAML_DEPTH = 400;

/** YAML nested deeper than the limit. */
export class YamlDepthError extends Error {
  override readonly name = 'YamlDepthError' as const;
}

/**
 * Throws YamlDepthError when `text` nests deeper than `limit`. A one-pass estimate that errs only upwards
 * clears ordinary text at once; text it cannot clear is measured exactly on the `yaml` package's concrete
 * syntax tree, which its Parser builds without recursion (the recursion is in the later composing step).
 */
export function assertYamlDepth(text: string, limit = MAX_YAML_DEPTH): void {
  if (estimateExceeds(text, limit) && syntaxTreeDepth(text, limit) > limit) {
    throw new YamlDepthError(`exceeded max depth of ${limit}`);
  }
}

/**
 * The nesting of the collections in `text` as the `yaml` Parser reads it (a document's top node is level 0),
 * walked with an explicit stack; stops counting once past `limit`.
 */
function syntaxTreeDepth(text: string, limit: number): number {
  const pending: [CST.Token, number][] = [];
  for (const token of new Parser().parse(text)) pending.push([token, 0]);
  let deepest = 0;
  while (pending.length > 0 && deepest <= limit) {
    const [token, depth] = pending.pop()!;
    deepest = Math.max(deepest, depth);
    if (token.type === 'document' && token.value) pending.push([token.value, depth]);
    else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      for (const item of token.items) {
        if ('key' in item && item.key) pending.push([item.key, depth + 1]);
        if (item.value) pending.push([item.value, depth + 1]);
      }
    }
  }
  return deepest;
}

/**
 * Whether `text` may nest deeper than `limit`: an estimate that errs only upwards. Block
 * nesting: a nested block node is indented further than its parent, except a sequence under a key, which
 * may share the key's indentation but then starts each entry with `- `; the levels still open above a line
 * are kept as a stack of indentations (a `- ` entry counting its sequence and its node), so a block scalar's
 * deeply indented lines count once, however far they are indented. Flow nesting: every `[`/`{`
 * outside a comment counts as an opening; a `]`/`}` closes one only outside quotes, so brackets in quoted
 * strings can only raise the estimate.
 */
function estimateExceeds(text: string, limit: number): boolean {
  const open: OpenLevel[] = [];
  let block = 0;
  let flow = 0;
  let quote = '';
  for (let i = 0; i < text.length; ) {
    const lineEnd = endOfLine(text, i);
    let pos = i;
    while (pos < lineEnd && text[pos] === ' ') pos++;
    if (pos < lineEnd && text[pos] !== '#' && text[pos] !== '\r') {
      const entry = isEntry(text, pos, lineEnd);
      // A `- ` entry at a key's indentation is that key's sequence; anything else closes what it does not nest in.
      while (open.length > 0 && (open[open.length - 1]!.column > pos - i || (open[open.length - 1]!.column === pos - i && (!entry || open[open.length - 1]!.entry)))) {
        block -= open.pop()!.weight;
      }
      if (!entry) block += push(open, { column: pos - i, entry: false, weight: 1 });
      while (isEntry(text, pos, lineEnd)) {
        // The entry's collection and the node in it.
        block += push(open, { column: pos - i, entry: true, weight: 2 });
        pos = Math.min(pos + 2, lineEnd);
        while (pos < lineEnd && text[pos] === ' ') pos++;
      }
    }
    if (block + flow > limit) return true;
    for (; pos < lineEnd; pos++) {
      const c = text[pos]!;
      if (c === '[' || c === '{') {
        if (++flow + block > limit) return true;
      } else if (quote !== '') {
        if (c === quote) quote = quote === "'" && text[pos + 1] === "'" ? (pos++, quote) : '';
        else if (c === '\\' && quote === '"') pos++;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '#' && (pos === i || text[pos - 1] === ' ' || text[pos - 1] === '\t')) break;
      else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    i = lineEnd + 1;
  }
  return false;
}

/** A block level still open: where its lines start, whether it is a `- `/`? ` entry, how many levels it holds. */
interface OpenLevel {
  column: number;
  entry: boolean;
  weight: number;
}

function push(open: OpenLevel[], level: OpenLevel): number {
  open.push(level);
  return level.weight;
}

/** A `- ` or `? ` indicator at `pos`, or one that ends the line (its node follows on the next lines). */
function isEntry(text: string, pos: number, lineEnd: number): boolean {
  if (pos >= lineEnd || (text[pos] !== '-' && text[pos] !== '?')) return false;
  const next = text[pos + 1];
  return pos + 1 === lineEnd || next === ' ' || next === '\t' || next === '\r';
}

function endOfLine(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at < 0 ? text.length : at;
}

