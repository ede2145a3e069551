/**
 * The order go-yaml v2 (keyList.Less in sorter.go) gives string map keys. sigs.k8s.io/yaml sorts
 * with it after its JSON round trip, so index.yaml's chart names and every `toYaml` map follow it.
 * Beware: the order is not transitive for some key sets (a3 < a10 < a1a < a1b < a3); Go's output
 * then depends on its random map iteration, and ours is one fixed order.
 */
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
