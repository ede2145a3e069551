/**
 * The time.Time methods beyond formatting that templates call on a GoTime (`.Month`, `.Weekday`, `.AddDate`,
 * `.Add`, `.Sub`, `.Truncate`, `.Before` …), with Go's semantics: AddDate normalises as time.Date does (Jan 31
 * plus one month is Mar 3 or 2), Truncate counts from Go's zero time, Sub saturates at the int64 range.
 * Month, Weekday, Duration and *Location come back as values that print as Go prints them (their String).
 */
import { type GoFuncDef, GoInt, GoStruct, type GoValue } from '../../gotemplate/index.js';
import { civil, durationString, floorDiv, GoTime, utcMillis, ZERO_TIME_NANOS, zoneAt } from './gotime.js';

const NS = 1_000_000_000n;
const MS = 1_000_000n;
const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const def = (params: string[], fn: (a: GoValue[]) => GoValue, result: string): GoFuncDef => ({ params, fn, result });

/** A value of a named Go type that prints through its String method (time.Month, time.Duration …). */
function stringer(typeName: string, text: string, pointer = false): GoStruct {
  return new GoStruct(typeName, new Map(), new Map([['String', def([], () => text, 'string')]]), pointer);
}

/** A time.Duration value (prints as `1h0m0s`); methods taking a Duration accept it or an int literal. */
export class GoDuration extends GoStruct {
  constructor(readonly nanos: bigint) {
    super('time.Duration', new Map(), new Map([['String', def([], () => durationString(nanos), 'string')]]));
  }
}

const asBig = (v: GoValue): bigint => (v instanceof GoDuration ? v.nanos : v instanceof GoInt ? v.value : BigInt(Math.trunc(Number(v))));
const asNum = (v: GoValue): number => Number(asBig(v));

/** time.Date in t's zone from civil fields that may overflow (normalised as Go does). */
function dateIn(t: GoTime, year: number, month: number, day: number): GoTime {
  const c = civil(t);
  const local = BigInt(utcMillis(year, month - 1, day, c.hour, c.minute, c.second)) / 1000n;
  let offset = BigInt(zoneAt(Number(local) * 1000, t.zone).offset);
  const guess = local - offset;
  const actual = BigInt(zoneAt(Number(guess) * 1000, t.zone).offset);
  if (actual !== offset) offset = actual;
  return new GoTime((local - offset) * NS + BigInt(c.nanos), t.zone);
}

function sub(t: GoTime, u: GoTime): bigint {
  const d = t.unixNanos - u.unixNanos;
  return d > INT64_MAX ? INT64_MAX : d < INT64_MIN ? INT64_MIN : d;
}

function truncate(t: GoTime, d: bigint): GoTime {
  if (d <= 0n) return t;
  const since = t.unixNanos - ZERO_TIME_NANOS;
  const r = since - floorDiv(since, d) * d;
  return new GoTime(t.unixNanos - r, t.zone);
}

/** The Location's name as Go's String prints it (a zone parsed from a numeric offset has none). */
function locationName(zone: string): string {
  return zone.startsWith('fixed:') ? '' : zone;
}

/** Adds the methods above to a GoTime's method table. */
export function addTimeMethods(t: GoTime, m: Map<string, GoFuncDef>): void {
  const T = 'time.Time';
  m.set('Month', def([], () => stringer('time.Month', MONTHS[civil(t).month - 1]!), 'time.Month'));
  m.set('Weekday', def([], () => stringer('time.Weekday', DAYS[civil(t).weekday]!), 'time.Weekday'));
  m.set('UnixMilli', def([], () => new GoInt('int64', floorDiv(t.unixNanos, MS)), 'int64'));
  m.set('UnixMicro', def([], () => new GoInt('int64', floorDiv(t.unixNanos, 1000n)), 'int64'));
  m.set('IsZero', def([], () => t.unixNanos === ZERO_TIME_NANOS, 'bool'));
  m.set('Location', def([], () => stringer('time.Location', locationName(t.zone), true), '*time.Location'));
  m.set('AddDate', def(['int', 'int', 'int'], ([y, mo, d]) => {
    const c = civil(t);
    return dateIn(t, c.year + asNum(y!), c.month + asNum(mo!), c.day + asNum(d!));
  }, T));
  m.set('Add', def(['time.Duration'], ([d]) => new GoTime(t.unixNanos + asBig(d!), t.zone), T));
  m.set('Truncate', def(['time.Duration'], ([d]) => truncate(t, asBig(d!)), T));
  m.set('Before', def([T], ([u]) => t.unixNanos < (u as GoTime).unixNanos, 'bool'));
  m.set('After', def([T], ([u]) => t.unixNanos > (u as GoTime).unixNanos, 'bool'));
  m.set('Equal', def([T], ([u]) => t.unixNanos === (u as GoTime).unixNanos, 'bool'));
  m.set('Sub', def([T], ([u]) => new GoDuration(sub(t, u as GoTime)), 'time.Duration'));
}
