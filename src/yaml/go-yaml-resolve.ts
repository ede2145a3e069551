/**
 * Implicit typing of plain scalars the way go-yaml v2 (`resolve.go`) does it, reduced to the one
 * question the encoder asks: "would this string, written without quotes, read back as something
 * other than a string?". If so, the encoder double-quotes it (`"1.0"`, `"yes"`, `"0755"`,
 * `"2024-01-01"`, `"12:30"`).
 *
 * go-yaml answers it with YAML 1.1 rules plus Go's strconv and time.Parse, so this file mirrors
 * those: base-0 integers with `_` stripped (`0x1F`, `0o17`, `0755`, `1_000`), int64/uint64 range,
 * a float regex gate followed by a range check (`1e400` stays a string), the `0b+1` quirk, the
 * four timestamp layouts with calendar validation (`2024-02-30` stays a string) and base-60 floats.
 */

/** Words go-yaml's resolve table maps to bool, null, .inf/.nan (keys of its resolveMap). */
const RESOLVED_WORDS = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const INT64_LIMIT = 1n << 63n;
const UINT64_LIMIT = 1n << 64n;

/**
 * Reports whether go-yaml v2's encoder refuses to write `s` as a plain scalar because it would
 * resolve to a non-string (null, bool, int, float, timestamp) or is a YAML 1.1 base-60 float.
 * Pure; never throws.
 */
export function isImplicitlyTyped(s: string): boolean {
  return resolvesToNonString(s) || isBase60Float(s);
}

function resolvesToNonString(s: string): boolean {
  if (RESOLVED_WORDS.has(s)) return true;
  const c = s.charCodeAt(0);
  if (c === 0x2e /* . */) return isGoFloat(s);
  const isSign = c === 0x2b || c === 0x2d;
  const isDigit = c >= 0x30 && c <= 0x39;
  if (!isSign && !isDigit) return false;
  if (isGoYamlTimestamp(s)) return true;
  const plain = s.includes('_') ? s.replaceAll('_', '') : s;
  if (parseGoInteger(plain) !== undefined) return true;
  if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return true;
  if (plain.startsWith('0b')) return parseBinaryAfterPrefix(plain.slice(2), true);
  if (plain.startsWith('-0b')) return parseBinaryAfterPrefix('-' + plain.slice(3), false);
  return false;
}

/**
 * strconv.ParseInt(s, 0, 64) || strconv.ParseUint(s, 0, 64): the value, or undefined when both
 * fail (syntax or range).
 */
function parseGoInteger(s: string): bigint | undefined {
  let body = s;
  let sign = '';
  if (body[0] === '+' || body[0] === '-') {
    sign = body[0];
    body = body.slice(1);
  }
  if (body === '') return undefined;
  let base = 10;
  if (body[0] === '0') {
    const p = body.length >= 3 ? body[1]!.toLowerCase() : '';
    base = p === 'b' ? 2 : p === 'o' ? 8 : p === 'x' ? 16 : 8;
    body = body.slice(p === 'b' || p === 'o' || p === 'x' ? 2 : 1);
  }
  const value = parseDigits(body, base);
  if (value === undefined) return undefined;
  return inGoIntRange(value, sign) ? value : undefined;
}

function parseDigits(body: string, base: number): bigint | undefined {
  let value = 0n;
  const b = BigInt(base);
  for (let i = 0; i < body.length; i++) {
    const d = parseInt(body[i]!, 36);
    if (Number.isNaN(d) || d >= base) return undefined;
    value = value * b + BigInt(d);
  }
  return value;
}

/** Signed text must fit int64 (ParseUint rejects signs); unsigned text may use all of uint64. */
function inGoIntRange(magnitude: bigint, sign: string): boolean {
  if (sign === '-') return magnitude <= INT64_LIMIT;
  if (sign === '+') return magnitude < INT64_LIMIT;
  return magnitude < UINT64_LIMIT;
}

/** go-yaml's extra `0b` branch: ParseInt(rest, 2, 64), which, unlike base 0, accepts a sign. */
function parseBinaryAfterPrefix(rest: string, allowUnsigned: boolean): boolean {
  const m = /^([+-]?)([01]+)$/.exec(rest);
  if (!m) return false;
  const value = BigInt('0b' + m[2]);
  if (m[1] === '' && !allowUnsigned) return value < INT64_LIMIT;
  return inGoIntRange(value, m[1]!);
}

/** strconv.ParseFloat on a scalar starting with '.': Go decimal syntax, `_` rules, finite. */
function isGoFloat(s: string): boolean {
  if (!/^\.[0-9_]+([eE][+-]?[0-9][0-9_]*)?$/.test(s) || !/^\.[0-9_]*[0-9]/.test(s)) return false;
  if (s.includes('_') && !isUnderscoreOk(s)) return false;
  return Number.isFinite(Number(s.replaceAll('_', '')));
}

/** strconv's underscoreOK for a number without base prefix: `_` only between digits. */
function isUnderscoreOk(s: string): boolean {
  let saw = '^';
  for (const ch of s) {
    if (ch >= '0' && ch <= '9') saw = '0';
    else if (ch === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else if (saw === '_') return false;
    else saw = '!';
  }
  return saw !== '_';
}

function isBase60Float(s: string): boolean {
  const c = s.charCodeAt(0);
  if (!(c === 0x2b || c === 0x2d || (c >= 0x30 && c <= 0x39)) || !s.includes(':')) return false;
  return BASE60_FLOAT.test(s);
}

// go-yaml tries time.Parse with "2006-1-2T15:4:5.999999999Z07:00", the same with a lower-case
// 't', "2006-1-2 15:4:5.999999999" and "2006-1-2". Go's numeric fields take one or two digits
// greedily, the fraction accepts '.' or ',' and any number of digits, and the zone is 'Z' or
// ±hh:mm with hh <= 24 and mm <= 60.
const TIMESTAMP =
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:([Tt ])([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$/;

/** Reports whether go-yaml v2 would read `s`, unquoted, as a !!timestamp. */
export function isGoYamlTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s);
  if (!m) return false;
  const [, year, month, day, sep, hour, minute, second, zone] = m;
  if (sep !== undefined) {
    if ((sep === ' ') === (zone !== undefined)) return false;
    if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return false;
    if (zone !== undefined && zone !== 'Z' && (Number(zone.slice(1, 3)) > 24 || Number(zone.slice(4)) > 60)) {
      return false;
    }
  }
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
