/**
 * A nesting limit checked before YAML text reaches the `yaml` package. Its parser recurses once per
 * nesting level: past about 800 levels it runs out of stack, and when that happens while V8 is compiling a
 * regular expression the whole process dies ("RegExpCompiler Allocation failed - process out of memory")
 * instead of throwing. Untrusted YAML (Chart.yaml and values in uploads, rendered manifests, manifests sent
 * to the simulator) is scanned first and refused past MAX_YAML_DEPTH levels, far more than any chart uses.
 * The scan is one pass, linear in the text.
 *
 *   assertYamlDepth(text);          // throws YamlDepthError: exceeded max depth of 400
 */

/** Deepest nesting accepted: flow brackets plus block indentation, with room to spare below the stack. */
export const MAX_YAML_DEPTH = 400;

/** YAML nested deeper than the limit. */
export class YamlDepthError extends Error {
  override readonly name = 'YamlDepthError' as const;
}

/**
 * Throws YamlDepthError when `text` may nest deeper than `limit`. The estimate errs only upwards. Block
 * nesting: a nested block node is indented further than its parent, except a sequence under a key, which
 * may share the key's indentation but then starts each entry with `- `; the levels still open above a line
 * are kept as a stack of indentations (a `- ` entry counting its sequence and its node), so a block scalar's
 * deeply indented lines count once, however far they are indented. Flow nesting: every `[`/`{`
 * outside a comment counts as an opening; a `]`/`}` closes one only outside quotes, so brackets in quoted
 * strings can only raise the estimate.
 */
export function assertYamlDepth(text: string, limit = MAX_YAML_DEPTH): void {
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
    if (block + flow > limit) throw tooDeep(limit);
    for (; pos < lineEnd; pos++) {
      const c = text[pos]!;
      if (c === '[' || c === '{') {
        if (++flow + block > limit) throw tooDeep(limit);
      } else if (quote !== '') {
        if (c === quote) quote = quote === "'" && text[pos + 1] === "'" ? (pos++, quote) : '';
        else if (c === '\\' && quote === '"') pos++;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '#' && (pos === i || text[pos - 1] === ' ' || text[pos - 1] === '\t')) break;
      else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    i = lineEnd + 1;
  }
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

function tooDeep(limit: number): YamlDepthError {
  return new YamlDepthError(`exceeded max depth of ${limit}`);
}
