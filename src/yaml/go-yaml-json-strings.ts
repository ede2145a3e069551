/**
 * Strings after sigs.k8s.io/yaml's round trip: Go's encoding/json writes them, go-yaml's reader
 * and scanner read them back as double-quoted flow scalars (and keys as simple keys of a flow
 * mapping). What that changes or rejects is reproduced here.
 */
import { GoYamlMarshalError } from './go-yaml-error.js';

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
 * starts with `---` or `...` plus a space or NEL is a scanner error in Go.
 */
function foldNextLines(s: string): string {
  return s.replace(/ *\u0085[ \u0085]*/g, (run, offset: number) => {
    const breaks = run.split('\u0085').length - 1;
    const rest = s.slice(offset + run.length);
    // Go's JSON escapes tab, CR, LF, LS and PS, so only a raw space or NEL can follow the marker.
    if (run.endsWith('\u0085') && /^(---|\.\.\.)[ \u0085]/.test(rest)) {
      throw new GoYamlMarshalError('yaml: found unexpected document indicator while scanning a quoted scalar');
    }
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}
