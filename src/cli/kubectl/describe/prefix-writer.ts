/**
 * kubectl describe's PrefixWriter over a tabwriter: `write(level, text)` indents by two spaces per level;
 * `flush()` ends a tabwriter flush (the events table is aligned apart from what precedes it); `text()`
 * formats every flush and joins them. Also the small formatters describers share.
 */
import { formatTabbed } from './tabwriter.js';

/** Indentation levels (LEVEL_0 … LEVEL_4). */
export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

/** Collects describe output. */
export class PrefixWriter {
  private readonly flushed: string[] = [];
  private pending = '';

  /** Appends `text` after `level` two-space indents. */
  write(level: number, text: string): void {
    this.pending += '  '.repeat(level) + text;
  }

  /** Ends the current tabwriter flush. */
  flush(): void {
    this.flushed.push(formatTabbed(this.pending));
    this.pending = '';
  }

  /** Everything written, tabs kept (kubectl's `rollout history --revision` writes straight to the output). */
  raw(): string {
    return this.flushed.join('') + this.pending;
  }

  /** The formatted output. */
  text(): string {
    return this.flushed.join('') + formatTabbed(this.pending);
  }
}

/** The annotation kubectl describe never shows. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION = 140;

/** `Labels:  a=b` then one `\t` continuation line per further key, sorted; `<none>` when empty. */
export function writeLabels(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, indent = ''): void {
  w.write(LEVEL_0, `${indent}${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return w.write(LEVEL_0, '<none>\n');
  keys.forEach((key, i) => w.write(LEVEL_0, `${i === 0 ? '' : `${indent}\t`}${key}=${labels![key]}\n`));
}

/** Annotations as kubectl prints them: last-applied-configuration skipped, long or multi-line values folded. */
export function writeAnnotations(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter((k) => k !== LAST_APPLIED).sort();
  if (keys.length === 0) return w.write(LEVEL_0, '<none>\n');
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    const value = annotations![key]!.replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `\t  ${s.length > MAX_ANNOTATION - 2 ? `${s.slice(0, MAX_ANNOTATION - 2)}...` : s}\n`);
    } else w.write(LEVEL_0, `${key}: ${value}\n`);
  });
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC: `Thu, 01 Jan 2026 00:00:00 +0000`. */
export function rfc1123z(timestamp: string | undefined): string {
  const d = new Date(timestamp ?? 0);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** A label selector's string form (`app=vweb,tier in (web)`), or `<none>` for an empty one. */
export function formatSelector(selector: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | undefined): string {
  const parts = Object.keys(selector?.matchLabels ?? {}).sort().map((k) => `${k}=${selector!.matchLabels![k]}`);
  for (const e of selector?.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else parts.push(`!${e.key}`);
  }
  return parts.length === 0 ? '<none>' : parts.join(',');
}
