/**
 * Go's time.Time and time.Duration as far as Sprig's date functions need them: a GoTime value (a struct
 * whose String method prints as Go does), Go layout formatting and parsing, Duration.String and
 * ParseDuration. Zones: `UTC`, `Local` (the process's zone) and IANA names through Intl; abbreviations
 * come from Intl (`en-US`), which matches Go for UTC and US zones but may print `GMT+1` where Go prints
 * `CET`.
 */
import { type GoFuncDef, GoInt, GoSlice, GoStruct, type GoValue } from '../../gotemplate/index.js';
import { SprigError } from './errors.js';
import { addTimeMethods } from './gotime-methods.js';

/** A Go time.Time: nanoseconds since the Unix epoch and a location name. */
export class GoTime extends GoStruct {
  constructor(readonly unixNanos: bigint, readonly zone: string) {
    super('time.Time', new Map(), new Map());
    const m = this.methods;
    const def = (params: string[], fn: (a: GoValue[]) => GoValue, result: string): GoFuncDef => ({ params, fn, result });
    m.set('String', def([], () => formatTime(this, '2006-01-02 15:04:05.999999999 -0700 MST'), 'string'));
    m.set('Format', def(['string'], ([l]) => formatTime(this, l as string), 'string'));
    // encoding/json (toJson, toYaml) writes a time as its RFC 3339 text with nanoseconds
    m.set('MarshalJSON', def([], () => jsonBytes(formatTime(this, '2006-01-02T15:04:05.999999999Z07:00')), '[]uint8'));
    m.set('Unix', def([], () => new GoInt('int64', floorDiv(this.unixNanos, NS)), 'int64'));
    m.set('UnixNano', def([], () => new GoInt('int64', this.unixNanos), 'int64'));
    m.set('UTC', def([], () => new GoTime(this.unixNanos, 'UTC'), 'time.Time'));
    m.set('Local', def([], () => new GoTime(this.unixNanos, 'Local'), 'time.Time'));
    for (const [name, pick] of FIELDS) m.set(name, def([], () => new GoInt('int', pick(civil(this))), 'int'));
    addTimeMethods(this, m);
  }
}

function jsonBytes(text: string): GoSlice {
  return new GoSlice('uint8', [...Buffer.from(JSON.stringify(text), 'utf8')].map((b) => new GoInt('uint8', b)));
}

const NS = 1_000_000_000n;
/** Go's zero time, 0001-01-01 00:00:00 UTC, in Unix nanoseconds. */
export const ZERO_TIME_NANOS = -62135596800n * NS;

/** Integer division rounding toward negative infinity. */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

interface Civil {
  year: number; month: number; day: number; hour: number; minute: number; second: number; nanos: number;
  weekday: number; yearDay: number; offset: number; abbrev: string;
}

const FIELDS: [string, (c: Civil) => number][] = [
  ['Year', (c) => c.year], ['Day', (c) => c.day], ['Hour', (c) => c.hour], ['Minute', (c) => c.minute],
  ['Second', (c) => c.second], ['YearDay', (c) => c.yearDay], ['Nanosecond', (c) => c.nanos],
];

function zoneName(zone: string): string | undefined {
  if (zone === 'UTC') return 'UTC';
  if (zone === 'Local') return process.env.TZ || undefined;
  return zone;
}

/** Date.UTC (milliseconds) without its mapping of years 0–99 to 1900–1999 (Go's zero time is in year 1). */
export function utcMillis(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/** The zone offset (seconds east of UTC) and abbreviation at an instant (Unix milliseconds) in a GoTime zone. */
export function zoneAt(ms: number, zone: string): { offset: number; abbrev: string } {
  if (zone.startsWith('fixed:')) {
    // a zone parsed from a numeric offset: Go names it by its offset (+0200)
    const offset = Number(zone.slice(6));
    return { offset, abbrev: zoneText(offset, '-0700') };
  }
  const tz = zoneName(zone);
  if (tz === 'UTC' || tz === 'Etc/UTC' || tz === '') return { offset: 0, abbrev: 'UTC' };
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz, timeZoneName: 'short', year: 'numeric', month: 'numeric', day: 'numeric',
    hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = utcMillis(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const offset = Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 1000);
  let abbrev = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'UTC';
  if (abbrev === 'GMT' && offset === 0 && (tz === undefined || /UTC|GMT/.test(tz))) abbrev = 'UTC';
  return { offset, abbrev };
}

/** Broken-down local time of t in its zone. */
export function civil(t: GoTime): Civil {
  const secs = floorDiv(t.unixNanos, NS);
  const nanos = Number(t.unixNanos - secs * NS);
  const ms = Number(secs) * 1000;
  const { offset, abbrev } = zoneAt(ms, t.zone);
  const d = new Date(ms + offset * 1000);
  const start = utcMillis(d.getUTCFullYear(), 0, 1);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(),
    minute: d.getUTCMinutes(), second: d.getUTCSeconds(), nanos, weekday: d.getUTCDay(),
    yearDay: Math.floor((d.getTime() - start) / 86400000) + 1, offset, abbrev,
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Layout tokens in the order Go's nextStdChunk tries them at each position. */
const TOKENS = [
  'January', 'Jan', 'Monday', 'Mon', 'MST', '2006', '01', '02', '03', '04', '05', '06', '002', '__2', '_2',
  '15', '1', '2', '3', '4', '5', 'PM', 'pm', '-07:00:00', '-0700', '-07:00', '-07', 'Z07:00:00', 'Z0700',
  'Z07:00', 'Z07', '.000000000', '.00000000', '.0000000', '.000000', '.00000', '.0000', '.000', '.00', '.0',
  '.999999999', '.99999999', '.9999999', '.999999', '.99999', '.9999', '.999', '.99', '.9',
  ',000000000', ',999999999', ',000', ',999',
];

function tokenAt(layout: string, i: number): string | undefined {
  for (const tok of TOKENS) {
    if (!layout.startsWith(tok, i)) continue;
    if ((tok === 'Jan' || tok === 'Mon') && /^[a-z]/.test(layout.slice(i + 3))) continue;
    if ((tok === '.0' || tok === '.9' || tok.startsWith('.') || tok.startsWith(',')) && /^\d/.test(layout.slice(i + tok.length))) continue;
    return tok;
  }
  return undefined;
}

function zoneText(offset: number, tok: string): string {
  if (tok.startsWith('Z') && offset === 0) return 'Z';
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  const h = pad(Math.floor(a / 3600), 2);
  const m = pad(Math.floor(a / 60) % 60, 2);
  const s = pad(a % 60, 2);
  const t = tok.replace(/^Z/, '-');
  if (t === '-07:00:00') return `${sign}${h}:${m}:${s}`;
  if (t === '-0700') return `${sign}${h}${m}`;
  if (t === '-07:00') return `${sign}${h}:${m}`;
  return `${sign}${h}`;
}

function fraction(nanos: number, tok: string): string {
  const digits = pad(nanos, 9).slice(0, tok.length - 1);
  if (tok[1] === '0') return tok[0] + digits;
  const trimmed = digits.replace(/0+$/, '');
  return trimmed ? tok[0] + trimmed : '';
}

function formatToken(c: Civil, tok: string): string {
  switch (tok) {
    case 'January': return MONTHS[c.month - 1]!;
    case 'Jan': return MONTHS[c.month - 1]!.slice(0, 3);
    case 'Monday': return DAYS[c.weekday]!;
    case 'Mon': return DAYS[c.weekday]!.slice(0, 3);
    case 'MST': return c.abbrev;
    case '2006': return c.year < 0 ? '-' + pad(-c.year, 4) : pad(c.year, 4);
    case '06': return pad(((c.year % 100) + 100) % 100, 2);
    case '01': return pad(c.month, 2);
    case '1': return String(c.month);
    case '02': return pad(c.day, 2);
    case '2': return String(c.day);
    case '_2': return String(c.day).padStart(2, ' ');
    case '002': return pad(c.yearDay, 3);
    case '__2': return String(c.yearDay).padStart(3, ' ');
    case '15': return pad(c.hour, 2);
    case '3': return String(c.hour % 12 === 0 ? 12 : c.hour % 12);
    case '03': return pad(c.hour % 12 === 0 ? 12 : c.hour % 12, 2);
    case '4': return String(c.minute);
    case '04': return pad(c.minute, 2);
    case '5': return String(c.second);
    case '05': return pad(c.second, 2);
    case 'PM': return c.hour >= 12 ? 'PM' : 'AM';
    case 'pm': return c.hour >= 12 ? 'pm' : 'am';
    default:
  }
  if (/^[Z-]07/.test(tok)) return zoneText(c.offset, tok);
  return fraction(c.nanos, tok);
}

/** Go's Time.Format. */
export function formatTime(t: GoTime, layout: string): string {
  const c = civil(t);
  let out = '';
  for (let i = 0; i < layout.length; ) {
    const tok = tokenAt(layout, i);
    if (tok) {
      out += formatToken(c, tok);
      i += tok.length;
    } else {
      out += layout[i];
      i++;
    }
  }
  return out;
}

/** Go's Duration.String. */
export function durationString(d: bigint): string {
  if (d === 0n) return '0s';
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  if (u < NS) {
    const [unit, scale] = u < 1000n ? ['ns', 1n] : u < 1_000_000n ? ['µs', 1000n] : ['ms', 1_000_000n];
    out = fracString(u, scale) + unit;
  } else {
    const secs = fracString(u % (60n * NS), NS) + 's';
    u /= 60n * NS;
    out = secs;
    if (u > 0n) {
      out = String(u % 60n) + 'm' + out;
      u /= 60n;
      if (u > 0n) out = String(u) + 'h' + out;
    }
  }
  return (neg ? '-' : '') + out;
}

function fracString(v: bigint, scale: bigint): string {
  const whole = v / scale;
  const frac = v % scale;
  if (frac === 0n) return String(whole);
  const width = scale.toString().length - 1;
  return `${whole}.${frac.toString().padStart(width, '0').replace(/0+$/, '')}`;
}

const UNITS: Record<string, bigint> = {
  ns: 1n, us: 1000n, 'µs': 1000n, 'μs': 1000n, ms: 1_000_000n, s: NS, m: 60n * NS, h: 3600n * NS,
};

/** Go's time.ParseDuration; throws with Go's message. */
export function parseDuration(s: string): bigint {
  const orig = s;
  const bad = () => new SprigError(`time: invalid duration ${JSON.stringify(orig)}`);
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw bad();
  let total = 0n;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    if (m[0] === '' || m[0] === '.') throw bad();
    s = s.slice(m[0].length);
    const unit = /^[^\d.]+/.exec(s)?.[0];
    if (!unit) throw new SprigError(`time: missing unit in duration ${JSON.stringify(orig)}`);
    const scale = UNITS[unit];
    if (scale === undefined) throw new SprigError(`time: unknown unit ${JSON.stringify(unit)} in duration ${JSON.stringify(orig)}`);
    s = s.slice(unit.length);
    const frac = m[2] ?? '';
    total += BigInt(m[1] || '0') * scale + (frac ? (BigInt(frac) * scale) / 10n ** BigInt(frac.length) : 0n);
  }
  return neg ? -total : total;
}
