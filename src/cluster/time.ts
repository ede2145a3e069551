/**
 * Time formatting and Go duration parsing. Kubernetes serialises times as RFC 3339 with whole seconds
 * (metav1.Time), so every timestamp the simulator writes is truncated to the second.
 */

const formatted = new Map<number, string>();

/** Formats epoch milliseconds as metav1.Time: `2026-01-01T00:00:05Z` (seconds, truncated). */
export function formatTime(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  let text = formatted.get(seconds);
  if (text === undefined) {
    // A small memo: status rendering formats the same few seconds over and over.
    if (formatted.size > 4096) formatted.clear();
    text = new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
    formatted.set(seconds, text);
  }
  return text;
}

/** Parses an RFC 3339 timestamp to epoch ms. Throws RangeError on an invalid one. */
export function parseTime(text: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new RangeError(`invalid timestamp "${text}"`);
  return ms;
}

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Parses a Go duration (`time.ParseDuration`): "5s" → 5000, "1m30s" → 90000, "250ms" → 250, "0" → 0.
 * Returns milliseconds; throws RangeError on anything else (including negative durations).
 */
export function parseDuration(text: string): number {
  const s = text.trim();
  if (s === '0') return 0;
  const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  let pos = 0;
  while (pos < s.length) {
    part.lastIndex = pos;
    const m = part.exec(s);
    if (!m) throw new RangeError(`invalid duration "${text}"`);
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    pos = part.lastIndex;
  }
  if (pos === 0) throw new RangeError(`invalid duration "${text}"`);
  return Math.round(total);
}

/**
 * Go's time.Duration.String for whole milliseconds: 10000 → "10s", 80000 → "1m20s", 300000 → "5m0s",
 * 3723000 → "1h2m3s", 1500 → "1.5s", 0 → "0s".
 */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}
