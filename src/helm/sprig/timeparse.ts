/**
 * Go's time.ParseInLocation for the layout elements charts use (numeric dates and times, month and day
 * names, AM/PM, fractional seconds, numeric zones and `Z`), with Go's error texts. A parsed zone
 * abbreviation other than UTC is accepted and ignored (Go keeps it as a named fixed zone).
 */
import { GoTime } from './gotime.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const TOKENS = [
  'January', 'Jan', 'Monday', 'Mon', 'MST', '2006', '01', '02', '03', '04', '05', '06', '002', '_2', '15',
  '1', '2', '3', '4', '5', 'PM', 'pm', '-07:00:00', '-0700', '-07:00', '-07', 'Z07:00:00', 'Z0700', 'Z07:00',
  'Z07', '.000000000', '.000000', '.000', '.999999999', '.999999', '.999', '.00', '.0', '.99', '.9',
];

/** Thrown when text does not match a layout; the message is Go's. */
export class TimeParseError extends Error {
  override readonly name = 'TimeParseError' as const;
}

function quoteGo(s: string): string {
  return JSON.stringify(s);
}

interface Fields {
  year: number; month: number; day: number; hour: number; min: number; sec: number; nanos: number;
  pm?: boolean; offset?: number; utc?: boolean;
}

function takeNum(v: string, min: number, max: number): [number, string] | undefined {
  const m = new RegExp(`^\\d{${min},${max}}`).exec(v);
  return m ? [Number(m[0]), v.slice(m[0].length)] : undefined;
}

function takeName(v: string, names: string[], short: boolean): [number, string] | undefined {
  for (let i = 0; i < names.length; i++) {
    const n = short ? names[i]!.slice(0, 3) : names[i]!;
    if (v.slice(0, n.length).toLowerCase() === n.toLowerCase()) return [i, v.slice(n.length)];
  }
  return undefined;
}

function parseToken(tok: string, v: string, f: Fields): string | undefined {
  let r: [number, string] | undefined;
  switch (tok) {
    case '2006': r = takeNum(v, 4, 4); if (r) f.year = r[0]; break;
    case '06': r = takeNum(v, 2, 2); if (r) f.year = r[0] + (r[0] >= 69 ? 1900 : 2000); break;
    case '01': r = takeNum(v, 2, 2); if (r) f.month = r[0]; break;
    case '1': r = takeNum(v, 1, 2); if (r) f.month = r[0]; break;
    case '02': r = takeNum(v, 2, 2); if (r) f.day = r[0]; break;
    case '2': r = takeNum(v, 1, 2); if (r) f.day = r[0]; break;
    case '_2': r = takeNum(v.replace(/^ /, ''), 1, 2); if (r) f.day = r[0]; break;
    case '15': r = takeNum(v, 1, 2); if (r) f.hour = r[0]; break;
    case '3': case '03': r = takeNum(v, tok.length, 2); if (r) f.hour = r[0]; break;
    case '4': case '04': r = takeNum(v, tok.length, 2); if (r) f.min = r[0]; break;
    case '5': case '05': r = takeNum(v, tok.length, 2); if (r) f.sec = r[0]; break;
    case 'January': case 'Jan': r = takeName(v, MONTHS, tok === 'Jan'); if (r) f.month = r[0] + 1; break;
    case 'Monday': case 'Mon': r = takeName(v, DAYS, tok === 'Mon'); break;
    case 'PM': case 'pm': {
      const ap = v.slice(0, 2).toUpperCase();
      if (ap === 'AM' || ap === 'PM') { f.pm = ap === 'PM'; return v.slice(2); }
      return undefined;
    }
    case 'MST': {
      const m = /^[A-Z]{3,5}/.exec(v);
      if (!m) return undefined;
      if (m[0] === 'UTC') f.utc = true;
      return v.slice(m[0].length);
    }
    default:
      return parseZoneOrFraction(tok, v, f);
  }
  return r?.[1];
}

function parseZoneOrFraction(tok: string, v: string, f: Fields): string | undefined {
  if (tok.startsWith('Z') && v[0] === 'Z') { f.offset = 0; f.utc = true; return v.slice(1); }
  const z = /^([+-])(\d\d)(?::?(\d\d))?(?::?(\d\d))?/.exec(v);
  if (/^[Z-]07/.test(tok)) {
    if (!z) return undefined;
    const secs = Number(z[2]) * 3600 + Number(z[3] ?? 0) * 60 + Number(z[4] ?? 0);
    f.offset = z[1] === '-' ? -secs : secs;
    return v.slice(z[0].length);
  }
  const m = /^[.,](\d+)/.exec(v);
  if (!m) return tok[1] === '9' ? v : undefined;
  f.nanos = Number(m[1]!.slice(0, 9).padEnd(9, '0'));
  return v.slice(m[0].length);
}

/** Go's time.ParseInLocation(layout, value, time.Local). Throws TimeParseError. */
export function parseTime(layout: string, value: string): GoTime {
  const f: Fields = { year: 0, month: 1, day: 1, hour: 0, min: 0, sec: 0, nanos: 0 };
  let v = value;
  const fail = (elem: string, rest: string) =>
    new TimeParseError(`parsing time ${quoteGo(value)} as ${quoteGo(layout)}: cannot parse ${quoteGo(rest)} as ${quoteGo(elem)}`);
  for (let i = 0; i < layout.length; ) {
    const tok = TOKENS.find((t) => layout.startsWith(t, i) && !((t === 'Jan' || t === 'Mon') && /^[a-z]/.test(layout.slice(i + 3))));
    if (!tok) {
      const lit = /^[^0-9A-Za-z_.,+-]+|^./.exec(layout.slice(i))![0];
      if (!v.startsWith(lit)) throw fail(lit, v);
      v = v.slice(lit.length);
      i += lit.length;
      continue;
    }
    let rest = parseToken(tok, v, f);
    if (rest === undefined) throw fail(tok, v);
    i += tok.length;
    // Go reads a fractional second after the seconds even when the layout has none there
    if ((tok === '5' || tok === '05') && /^[.,]\d/.test(rest) && !/^[.,][09]/.test(layout.slice(i))) {
      rest = parseZoneOrFraction('.9', rest, f)!;
    }
    v = rest;
  }
  if (v !== '') throw new TimeParseError(`parsing time ${quoteGo(value)}: extra text: ${quoteGo(v)}`);
  return build(f, value);
}

function build(f: Fields, value: string): GoTime {
  if (f.pm !== undefined) {
    if (f.hour > 12) throw new TimeParseError(`parsing time ${quoteGo(value)}: hour out of range`);
    if (f.pm && f.hour < 12) f.hour += 12;
    if (!f.pm && f.hour === 12) f.hour = 0;
  }
  if (f.month < 1 || f.month > 12) throw new TimeParseError(`parsing time ${quoteGo(value)}: month out of range`);
  const dim = new Date(Date.UTC(f.year, f.month, 0)).getUTCDate();
  if (f.day < 1 || f.day > dim) throw new TimeParseError(`parsing time ${quoteGo(value)}: day out of range`);
  if (f.hour > 23) throw new TimeParseError(`parsing time ${quoteGo(value)}: hour out of range`);
  if (f.min > 59) throw new TimeParseError(`parsing time ${quoteGo(value)}: minute out of range`);
  if (f.sec > 59) throw new TimeParseError(`parsing time ${quoteGo(value)}: second out of range`);
  const d = new Date(0);
  d.setUTCFullYear(f.year, f.month - 1, f.day);
  d.setUTCHours(f.hour, f.min, f.sec, 0);
  const localSecs = BigInt(Math.floor(d.getTime() / 1000));
  const offset = f.offset ?? localOffsetAt(Number(localSecs) * 1000);
  const unix = localSecs - BigInt(offset);
  let zone = f.utc || (f.offset === 0 && !process.env.TZ) ? 'UTC' : 'Local';
  if (f.offset !== undefined && !f.utc && f.offset !== localOffsetAt(Number(unix) * 1000)) zone = `fixed:${f.offset}`;
  return new GoTime(unix * 1_000_000_000n + BigInt(f.nanos), zone);
}

/** The local zone's offset (seconds) for a wall-clock time given as if it were UTC. */
function localOffsetAt(wallMs: number): number {
  return -new Date(wallMs).getTimezoneOffset() * 60;
}
