/**
 * A nesting limit checked before YAML text reaches the `yaml` package. Its parser recurses once per
 * nesting level: past about 800 levels it runs out of stack, and when that happens while V8 is compiling a
 * regular expression the whole process dies ("RegExpCompiler Allocation failed - process out of memory")
 * instead of throwing. Untrusted YAML (Chart.yaml and values in uploads, rendered manifests, manifests sent
 * to the simulator) is scanned first and refused past MAX_YAML_DEPTH levels, far more than any chart uses.
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
 * Throws YamlDepthError when `text` may nest deeper than `limit`. The estimate errs only upwards: each
 * line's depth is its indentation (in columns, at least one per block level) plus its `- `/`? ` entries,
 * plus the flow brackets open before it. Every `[`/`{` outside a comment counts as an opening; a `]`/`}`
 * closes one only outside quotes, so brackets in quoted strings can only raise the estimate.
 */
export function assertYamlDepth(text: string, limit = MAX_YAML_DEPTH): void {
  let flow = 0;
  let quote = '';
  for (let i = 0; i < text.length; ) {
    const lineEnd = endOfLine(text, i);
    let pos = i;
    while (pos < lineEnd && text[pos] === ' ') pos++;
    let block = pos - i;
    while (pos + 1 < lineEnd && (text[pos] === '-' || text[pos] === '?') && text[pos + 1] === ' ') {
      block++;
      pos += 2;
      while (pos < lineEnd && text[pos] === ' ') pos++;
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

function endOfLine(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at < 0 ? text.length : at;
}

function tooDeep(limit: number): YamlDepthError {
  return new YamlDepthError(`exceeded max depth of ${limit}`);
}
