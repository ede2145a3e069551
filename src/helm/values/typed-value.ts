/**
 * How `--set` types a value (strvals typedVal) and how Go names a value's dynamic type in a panic message.
 *
 *   typedValue('TRUE') → true     typedValue('null') → nil      typedValue('0') → int64 0
 *   typedValue('-007') → int64 -7 typedValue('007') → "007"     typedValue('1.5') → "1.5"
 */
import { GoInt, GoSlice, GoStruct, GoTypedMap, type GoValue } from '../../gotemplate/index.js';

/** Go's strings.EqualFold against an ASCII lower-case word (ſ folds to s, K to k, as in Unicode). */
function equalFold(text: string, word: string): boolean {
  const runes = [...text];
  if (runes.length !== word.length) return false;
  return runes.every((r, i) => {
    const w = word[i]!;
    if (r.toLowerCase() === w && r.length === 1 && r.charCodeAt(0) < 0x80) return true;
    return (r === 'ſ' && w === 's') || (r === 'K' && w === 'k');
  });
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * strvals typedVal: with `asString` the text itself; otherwise `true`/`false`/`null` in any case, `0`,
 * and integers that fit int64 and do not start with `0` (a sign is allowed) become bool, nil and int64;
 * everything else stays a string.
 */
export function typedValue(text: string, asString: boolean): GoValue {
  if (asString) return text;
  if (equalFold(text, 'true')) return true;
  if (equalFold(text, 'false')) return false;
  if (equalFold(text, 'null')) return null;
  if (text === '0') return new GoInt('int64', 0n);
  if (text.length !== 0 && text[0] !== '0' && /^[+-]?\d+$/.test(text)) {
    const n = BigInt(text);
    if (n >= INT64_MIN && n <= INT64_MAX) return new GoInt('int64', n);
  }
  return text;
}

/** The Go dynamic type of a value, as `interface conversion: interface {} is T, …` prints it. */
export function goTypeName(v: GoValue): string {
  if (v === null) return 'nil';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'float64';
  if (v instanceof GoInt) return v.kind;
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof Map) return 'map[string]interface {}';
  if (v instanceof GoSlice) return `[]${v.elemType}`;
  if (v instanceof GoTypedMap) return `map[string]${v.elemType}`;
  if (v instanceof GoStruct) return (v.isPointer ? '*' : '') + v.typeName;
  return 'func()';
}
