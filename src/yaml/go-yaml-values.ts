/**
 * The JSON half of sigs.k8s.io/yaml's Marshal: Go first runs encoding/json over the value and
 * then lets go-yaml v2 parse that JSON text back before encoding it as YAML. Everything that
 * round trip changes is modelled here, so the emitter only ever sees what go-yaml would see:
 *
 * - a JS number is a Go float64: integral values below 1e21 become integers (int64, then uint64),
 *   everything else is a float printed with Go's `%g`-style shortest form (`1.5`, `1.2345675e+06`,
 *   `1e-07`, `1e+21`); NaN and ±Infinity are JSON errors;
 * - a bigint is a Go int64 (uint64 is accepted too);
 * - `toJSON()` is honoured, `undefined`/functions/symbols are dropped from objects and become
 *   null in arrays, exactly like JSON.stringify;
 * - strings: lone surrogates become U+FFFD (Go's JSON writes invalid UTF-8 that way), characters
 *   go-yaml's reader rejects (DEL, C1 controls other than NEL, U+FFFE, U+FFFF) make Go fail, and
 *   NEL (U+0085), which Go's JSON leaves raw, is folded as a line break inside a double-quoted
 *   YAML scalar ("a\u0085b" comes back as "a b").
 */

/** Thrown when Go's sigs.k8s.io/yaml Marshal would return an error for the same value. */
export class GoYamlMarshalError extends Error {
  override readonly name = 'GoYamlMarshalError';
}

/** A value after the JSON round trip: what the emitter walks. */
export type GoYamlNode =
  | { readonly kind: 'scalar'; readonly text: string; readonly isString: boolean }
  | { readonly kind: 'sequence'; readonly source: object; readonly items: readonly unknown[] }
  | { readonly kind: 'mapping'; readonly source: object; readonly entries: ReadonlyArray<readonly [string, unknown]> };

const NULL_NODE: GoYamlNode = { kind: 'scalar', text: 'null', isString: false };
const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;

/**
 * Classifies one input value as a scalar, sequence or mapping after calling its `toJSON(key)`,
 * as JSON.stringify does. Throws GoYamlMarshalError for values Go cannot marshal.
 */
export function toGoYamlNode(input: unknown, key: string): GoYamlNode {
  return classifyJsonValue(applyToJSON(input, key));
}

/**
 * Classifies a value whose `toJSON` has already been applied. Mapping entries come back with
 * normalised keys, sorted by {@link compareGoYamlKeys}, members JSON.stringify would drop left
 * out and `toJSON` already applied to their values; sequence items are left raw so the emitter
 * can walk them lazily. Throws GoYamlMarshalError for values Go cannot marshal.
 */
export function classifyJsonValue(value: unknown): GoYamlNode {
  switch (typeof value) {
    case 'string':
      return { kind: 'scalar', text: normalizeGoString(value), isString: true };
    case 'number':
      return { kind: 'scalar', text: formatGoFloat64(value), isString: false };
    case 'bigint':
      return { kind: 'scalar', text: formatGoInt64(value), isString: false };
    case 'boolean':
      return { kind: 'scalar', text: value ? 'true' : 'false', isString: false };
    case 'object':
      if (value === null) return NULL_NODE;
      if (Array.isArray(value)) return { kind: 'sequence', source: value, items: value };
      return { kind: 'mapping', source: value, entries: sortedEntries(value) };
    default:
      return NULL_NODE; // undefined, function, symbol: JSON.stringify writes null in arrays
  }
}

/** Calls `value.toJSON(key)` when it exists, as JSON.stringify does; otherwise returns value. */
export function applyToJSON(value: unknown, key: string): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON(key: string): unknown }).toJSON(key);
  }
  return value;
}

/** Reports whether JSON.stringify would drop an object member holding `value` (after toJSON). */
export function isOmittedMember(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function sortedEntries(value: object): Array<[string, unknown]> {
  const entries: Array<[string, unknown]> = [];
  const source = value instanceof Map ? value.entries() : Object.entries(value);
  for (const [k, raw] of source) {
    if (typeof k !== 'string') throw new GoYamlMarshalError(`map key ${String(k)} is not a string`);
    const v = applyToJSON(raw, k);
    if (!isOmittedMember(v)) entries.push([normalizeGoKey(k), v]);
  }
  return entries.sort((a, b) => compareGoYamlKeys(a[0], b[0]));
}

/**
 * Formats a float64 the way JSON → go-yaml → YAML prints it: integral values below 1e21 that fit
 * int64/uint64 as plain integers (`-0` → `0`), everything else like Go's
 * strconv.FormatFloat(f, 'g', -1, 64). Throws GoYamlMarshalError for NaN and ±Infinity, which
 * encoding/json rejects.
 */
export function formatGoFloat64(n: number): string {
  if (!Number.isFinite(n)) {
    const shown = Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
    throw new GoYamlMarshalError(`error marshaling into JSON: json: unsupported value: ${shown}`);
  }
  if (Number.isInteger(n) && Math.abs(n) < 1e21) {
    // Go's JSON writes the same shortest digits as String(n); go-yaml reads them as an integer.
    const asInt = BigInt(String(n));
    if (asInt >= INT64_MIN && asInt <= UINT64_MAX) return asInt.toString();
  }
  return formatGoFloatG(n);
}

/**
 * strconv.FormatFloat(n, 'g', -1, 64) for a finite n: the shortest round-trip digits (the same
 * ones JS picks), in %e form when the decimal exponent is < -4 or >= 6 (Go's `eprec` is 6 for the
 * shortest format), e.g. 1234567.5 → `1.2345675e+06`, 0.00001 → `1e-05`, 123456.5 → `123456.5`.
 */
function formatGoFloatG(n: number): string {
  const [mantissa, expText] = Math.abs(n).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  const sign = n < 0 ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? '.' + digits.slice(1) : '';
    const e = Math.abs(exp);
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const fracPart = digits.slice(exp + 1);
  return sign + intPart + (fracPart ? '.' + fracPart : '');
}

/** Formats a bigint as Go int64 (or uint64); throws GoYamlMarshalError outside that range. */
export function formatGoInt64(n: bigint): string {
  if (n < INT64_MIN || n > UINT64_MAX) {
    throw new GoYamlMarshalError(`bigint ${n} does not fit a Go int64 or uint64`);
  }
  return n.toString();
}

// DEL, C1 controls except NEL, U+FFFE/U+FFFF, and lone surrogates.
const NEEDS_NORMALIZING = /[\u007f-\u009f\ufffe\uffff\ud800-\udfff]/;

/**
 * Returns the string go-yaml sees after Go's JSON encoding and go-yaml's parse of it. Throws
 * GoYamlMarshalError ("control characters are not allowed") where go-yaml's reader fails.
 */
export function normalizeGoString(s: string): string {
  if (!NEEDS_NORMALIZING.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
      out += s[i]! + s[i + 1]!;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += '\ufffd';
    } else if ((c >= 0x7f && c <= 0x9f && c !== 0x85) || c === 0xfffe || c === 0xffff) {
      throw new GoYamlMarshalError('yaml: control characters are not allowed');
    } else {
      out += s[i]!;
    }
  }
  return out.includes('\u0085') ? foldNextLines(out) : out;
}

/**
 * Like normalizeGoString for a map key, plus the two ways a key breaks go-yaml's parse of Go's
 * JSON (each JSON object is a flow mapping and its keys are "simple keys"): a NEL puts the key on
 * two lines, and a key whose JSON form, quotes included, exceeds 1024 characters goes stale.
 * Go reports both as "did not find expected ',' or '}'"; so does the GoYamlMarshalError thrown.
 */
export function normalizeGoKey(key: string): string {
  const cached = KEY_CACHE.get(key);
  if (cached !== undefined) return cached;
  const s = normalizeGoString(key);
  if (key.includes('\u0085') || isJsonKeyTooLong(s)) {
    throw new GoYamlMarshalError("yaml: did not find expected ',' or '}' (map key too long or spans lines)");
  }
  if (KEY_CACHE.size >= KEY_CACHE_LIMIT) KEY_CACHE.clear();
  KEY_CACHE.set(key, s);
  return s;
}

// Map keys repeat endlessly (every index entry has the same dozen), so their checks are cached.
const KEY_CACHE = new Map<string, string>();
const KEY_CACHE_LIMIT = 4096;

/** Reports whether Go's encoding/json output for s, quotes included, exceeds 1024 characters. */
function isJsonKeyTooLong(s: string): boolean {
  if (s.length * 6 + 2 <= 1024) return false; // no character grows beyond a 6-character escape
  let n = 2;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x0c || c === 0x0a || c === 0x0d || c === 0x09) n += 2;
    else if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) n += 6;
    else n += 1;
  }
  return n > 1024;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * go-yaml's double-quoted scalar scanner treats a raw NEL as a line break: spaces before it and
 * after it vanish; one break becomes a space, n > 1 breaks become n-1 newlines. A line that then
 * starts with `---` or `...` plus a blank is a scanner error in Go.
 */
function foldNextLines(s: string): string {
  return s.replace(/ *\u0085[ \u0085]*/g, (run, offset: number) => {
    const breaks = run.split('\u0085').length - 1;
    const rest = s.slice(offset + run.length);
    if (run.endsWith('\u0085') && /^(---|\.\.\.)[ \t\n\r\u0085\u2028\u2029]/.test(rest)) {
      throw new GoYamlMarshalError('yaml: found unexpected document indicator while scanning a quoted scalar');
    }
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Orders map keys like go-yaml v2's keyList.Less, which sigs.k8s.io/yaml applies after its JSON
 * round trip: a "natural" order where, at the first differing character, two letters compare
 * by code point, a non-letter sorts before a letter, and two non-letters compare as digit runs
 * by value (`a9` < `a10`, then the shorter run, then the code point).
 * Returns <0, 0 or >0 like any comparator. Example: ["b", "a10", "a9", "_x", "A"] sorts to
 * ["_x", "A", "a9", "a10", "b"].
 */
export function compareGoYamlKeys(a: string, b: string): number {
  if (a === b) return 0;
  const quick = compareAtFirstAsciiLetterDifference(a, b);
  if (quick !== 0) return quick;
  // Go compares runes; an ASCII string can be indexed directly, others are split into code points.
  const ar: ArrayLike<string> = NON_ASCII.test(a) ? Array.from(a) : a;
  const br: ArrayLike<string> = NON_ASCII.test(b) ? Array.from(b) : b;
  return isGoKeyLess(ar, br) ? -1 : isGoKeyLess(br, ar) ? 1 : 0;
}

/**
 * The common case without splitting into runes: when the first differing UTF-16 units are both
 * ASCII and at least one is a letter, that position alone decides (non-letters sort first). Returns
 * 0 when the full comparison is needed.
 */
function compareAtFirstAsciiLetterDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return 0;
  const ca = a.charCodeAt(i);
  const cb = b.charCodeAt(i);
  if (ca >= 0x80 || cb >= 0x80) return 0;
  const al = (ca | 0x20) >= 0x61 && (ca | 0x20) <= 0x7a;
  const bl = (cb | 0x20) >= 0x61 && (cb | 0x20) <= 0x7a;
  if (al && bl) return ca < cb ? -1 : 1;
  if (al !== bl) return al ? 1 : -1;
  return 0;
}

function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
  return LETTER.test(ch);
}

function isDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  return DIGIT.test(ch);
}

function isGoKeyLess(ar: ArrayLike<string>, br: ArrayLike<string>): boolean {
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
    if (al || bl) return bl;
    return compareDigitRuns(ar, br, i);
  }
  return ar.length < br.length;
}

/** The numeric tail of keyList.Less, including its int64 wrap-around on very long digit runs. */
function compareDigitRuns(ar: ArrayLike<string>, br: ArrayLike<string>, i: number): boolean {
  let seed = 0;
  if (ar[i] === '0' || br[i] === '0') {
    for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
      if (ar[j] !== '0') {
        seed = 1;
        break;
      }
    }
  }
  const [an, ai] = readDigitRun(ar, i, seed);
  const [bn, bi] = readDigitRun(br, i, seed);
  if (an !== bn) return an < bn;
  if (ai !== bi) return ai < bi;
  return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
}

/** Accumulates n = n*10 + (rune - '0') over a digit run as Go's int64 would (wrapping). */
function readDigitRun(r: ArrayLike<string>, start: number, seed: number): [bigint, number] {
  let end = start;
  while (end < r.length && isDigit(r[end]!)) end++;
  let n = BigInt(seed);
  if (end - start <= 15 && seed === 0) {
    let small = 0;
    for (let k = start; k < end; k++) small = small * 10 + (r[k]!.codePointAt(0)! - 48);
    if (Number.isSafeInteger(small)) return [BigInt(small), end];
  }
  for (let k = start; k < end; k++) n = BigInt.asIntN(64, n * 10n + BigInt(r[k]!.codePointAt(0)! - 48));
  return [n, end];
}
