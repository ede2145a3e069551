/**
 * kubectl's AGE formatting (apimachinery pkg/util/duration HumanDuration) and the printers'
 * translateTimestampSince.
 */
import { parseTime } from '../time.js';

/**
 * HumanDuration: "45s" and "119s" under 2 min; "3m12s" or "3m" under 10 min; "47m" under 3 h; "3h5m" under
 * 8 h; "20h" under 48 h; "3d4h" under 8 days; "45d" under 2 years; "2y13d" under 8 years; else "9y".
 * A duration more than a second in the future is "<invalid>"; up to one second in the future is "0s".
 */
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
  if (hours < 24 * 8) return hours % 24 === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  const years = Math.floor(hours / 24 / 365);
  if (hours < 24 * 365 * 8) {
    const days = Math.floor(hours / 24) % 365;
    return days === 0 ? `${years}y` : `${years}y${days}d`;
  }
  return `${years}y`;
}

/** translateTimestampSince: "<unknown>" for a missing timestamp, else the HumanDuration since it. */
export function ageSince(timestamp: string | undefined, nowMs: number): string {
  if (!timestamp) return '<unknown>';
  return humanDuration(nowMs - parseTime(timestamp));
}
