/**
 * Sprig's date functions (date.go): now, date, dateInZone, htmlDate, htmlDateInZone, dateModify,
 * toDate, unixEpoch, duration, durationRound, ago. `date` of anything but a time or an integer formats the
 * current time, as Sprig does (so a float64 from a values file prints now).
 */
import { ANY, type GoFuncDef, GoInt, type GoValue } from '../../gotemplate/index.js';
import { GoTime, ZERO_TIME_NANOS, durationString, formatTime, parseDuration } from './gotime.js';
import { parseTime } from './timeparse.js';

const NS = 1_000_000_000n;

function f(params: string[], fn: (a: GoValue[]) => GoValue, result: string): GoFuncDef {
  return { params, fn, result };
}

/** The current time (a parameter for tests: Sprig's `now` reads the wall clock). */
export function nowTime(): GoTime {
  return new GoTime(BigInt(Date.now()) * 1_000_000n, 'Local');
}

function asTime(v: GoValue): GoTime {
  if (v instanceof GoTime) return v;
  if (v instanceof GoInt && (v.kind === 'int' || v.kind === 'int64' || v.kind === 'int32')) return new GoTime(v.value * NS, 'Local');
  return nowTime();
}

function validZone(zone: string): string {
  if (zone === 'Local' || zone === 'UTC' || zone === '') return zone === '' ? 'UTC' : zone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

function dateInZone(layout: string, v: GoValue, zone: string): string {
  const t = asTime(v);
  return formatTime(new GoTime(t.unixNanos, validZone(zone)), layout);
}

function durationRound(v: GoValue): string {
  let d = 0n;
  if (typeof v === 'string') { try { d = parseDuration(v); } catch { d = 0n; } }
  else if (v instanceof GoInt && v.kind === 'int64') d = v.value;
  else if (v instanceof GoTime) d = nowTime().unixNanos - v.unixNanos;
  const u = d < 0n ? -d : d;
  const H = 3600n * NS;
  const units: [bigint, string][] = [[H * 24n * 365n, 'y'], [H * 24n * 30n, 'mo'], [H * 24n, 'd'], [H, 'h'], [60n * NS, 'm'], [NS, 's']];
  for (const [size, suffix] of units) if (u > size) return String(u / size) + suffix;
  return '0s';
}

function seconds(v: GoValue): bigint {
  if (typeof v === 'string') return /^[+-]?\d+$/.test(v) ? BigInt(v) : 0n;
  if (v instanceof GoInt && v.kind === 'int64') return v.value;
  return 0n;
}

function modify(spec: string, t: GoTime, must: boolean): GoTime {
  try {
    return new GoTime(t.unixNanos + parseDuration(spec), t.zone);
  } catch (e) {
    if (must) throw e;
    return t;
  }
}

function toDate(layout: string, s: string, must: boolean): GoTime {
  try {
    return parseTime(layout, s);
  } catch (e) {
    if (must) throw e;
    return new GoTime(ZERO_TIME_NANOS, 'UTC');
  }
}

const S = 'string';
const T = 'time.Time';

/** Sprig's date function map. */
export const DATE_FUNCS: Record<string, GoFuncDef> = {
  now: f([], () => nowTime(), T),
  date: f([S, ANY], ([l, v]) => dateInZone(l as string, v!, 'Local'), S),
  dateInZone: f([S, ANY, S], ([l, v, z]) => dateInZone(l as string, v!, z as string), S),
  date_in_zone: f([S, ANY, S], ([l, v, z]) => dateInZone(l as string, v!, z as string), S),
  htmlDate: f([ANY], ([v]) => dateInZone('2006-01-02', v!, 'Local'), S),
  htmlDateInZone: f([ANY, S], ([v, z]) => dateInZone('2006-01-02', v!, z as string), S),
  dateModify: f([S, T], ([s, t]) => modify(s as string, t as GoTime, false), T),
  date_modify: f([S, T], ([s, t]) => modify(s as string, t as GoTime, false), T),
  mustDateModify: f([S, T], ([s, t]) => modify(s as string, t as GoTime, true), T),
  must_date_modify: f([S, T], ([s, t]) => modify(s as string, t as GoTime, true), T),
  toDate: f([S, S], ([l, s]) => toDate(l as string, s as string, false), T),
  mustToDate: f([S, S], ([l, s]) => toDate(l as string, s as string, true), T),
  unixEpoch: f([T], ([t]) => String((t as GoTime).unixNanos / NS), S),
  duration: f([ANY], ([v]) => durationString(seconds(v!) * NS), S),
  durationRound: f([ANY], ([v]) => durationRound(v!), S),
  ago: f([ANY], ([v]) => {
    const t = asTime(v!);
    const d = nowTime().unixNanos - t.unixNanos;
    const rounded = ((d + (d >= 0n ? NS / 2n : -NS / 2n)) / NS) * NS;
    return durationString(rounded);
  }, S),
};
