/**
 * kubectl's AGE / LAST SEEN text for the page's tables. The browser modules are built alone (they cannot
 * import src/cluster), so this is the page's copy of src/cluster/views/human-duration.ts; a unit test
 * holds the two equal.
 */

/** apimachinery's HumanDuration of `ms`: "45s", "3m12s", "47m", "3h5m", "20h", "3d4h", "45d", "2y13d", "9y". */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(ms / 3_600_000);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 8) return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${years}y` : `${years}y${days % 365}d`;
  return `${years}y`;
}

/**
 * kubectl get events' LAST SEEN for an Event at cluster time `now` (RFC 3339): since lastTimestamp, else
 * since firstTimestamp or eventTime; "<unknown>" when it has none or `now` is not a time.
 */
export function eventAge(event: Record<string, unknown>, now: string): string {
  const at = [event.lastTimestamp, event.firstTimestamp, event.eventTime].find((t) => typeof t === 'string' && t !== '') as string | undefined;
  const nowMs = Date.parse(now);
  if (!at || Number.isNaN(nowMs) || Number.isNaN(Date.parse(at))) return '<unknown>';
  return humanDuration(nowMs - Date.parse(at));
}
