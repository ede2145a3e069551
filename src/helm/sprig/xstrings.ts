/**
 * huandu/xstrings v1.5.0 case conversion as Sprig's snakecase, kebabcase and camelcase use it: words are
 * split by connectors (`-`, `_`, spaces), punctuation, case changes and digit runs.
 */
import { isGoSpace } from './strings.js';

const isUpper = (c: string) => /\p{Lu}/u.test(c);
const isLetter = (c: string) => /\p{L}/u.test(c);
const isNumber = (c: string) => /\p{N}/u.test(c);
const isPunct = (c: string) => /\p{P}/u.test(c);
const isConnector = (c: string) => c === '-' || c === '_' || isGoSpace(c.codePointAt(0)!);

function isAlphabet(c: string): boolean {
  if (!isLetter(c)) return false;
  const r = c.codePointAt(0)!;
  if (r < 0x3400) return true;
  if ((r >= 0x4e00 && r <= 0x9fcc) || (r >= 0x3400 && r <= 0x4d85) || (r >= 0x20000 && r <= 0x2b81d)) return false;
  return true;
}

type WordType = 'invalid' | 'number' | 'upper' | 'alphabet' | 'connector' | 'punct' | 'other';

interface Word {
  wt: WordType;
  word: string[];
  rest: string[];
}

function run(rs: string[], from: number, pred: (c: string) => boolean): number {
  let i = from;
  while (i < rs.length && pred(rs[i]!)) i++;
  return i;
}

function nextWord(rs: string[]): Word {
  if (rs.length === 0) return { wt: 'invalid', word: [], rest: [] };
  const r = rs[0]!;
  let end: number;
  let wt: WordType;
  if (isConnector(r)) { wt = 'connector'; end = run(rs, 1, isConnector); }
  else if (isPunct(r)) { wt = 'punct'; end = run(rs, 1, isPunct); }
  else if (isUpper(r)) {
    wt = 'upper';
    end = 1;
    if (rs.length > 1) {
      if (isUpper(rs[1]!)) {
        end = run(rs, 1, isUpper);
        if (end < rs.length && isAlphabet(rs[end]!)) end--;
      } else if (isAlphabet(rs[1]!)) end = run(rs, 1, (c) => isAlphabet(c) && !isUpper(c));
    }
  } else if (isAlphabet(r)) { wt = 'alphabet'; end = run(rs, 1, (c) => isAlphabet(c) && !isUpper(c)); }
  else if (isNumber(r)) { wt = 'number'; end = run(rs, 1, isNumber); }
  else {
    wt = 'other';
    end = run(rs, 1, (c) => !(isConnector(c) || isAlphabet(c) || isNumber(c) || isPunct(c)));
  }
  return { wt, word: rs.slice(0, end), rest: rs.slice(end) };
}

function lowerWord(wt: WordType, word: string[], connector: string): string {
  if (wt !== 'upper' && wt !== 'connector') return word.join('');
  return word.map((c) => (isConnector(c) ? connector : isUpper(c) ? c.toLowerCase() : c)).join('');
}

/** xstrings' camelCaseToLowerCase: ToSnakeCase (`_`) and ToKebabCase (`-`). */
export function camelCaseToLowerCase(str: string, connector: string): string {
  if (str === '') return '';
  let out = '';
  let { wt, word, rest }: Word = nextWord([...str]);
  while (rest.length > 0) {
    if (wt !== 'connector') out += lowerWord(wt, word, connector);
    const prev = wt;
    const last = word;
    ({ wt, word, rest } = nextWord(rest) as Word);
    if (prev === 'number') {
      while (wt === 'alphabet' || wt === 'number') { out += lowerWord(wt, word, connector); ({ wt, word, rest } = nextWord(rest) as Word); }
      if (wt !== 'invalid' && wt !== 'punct' && wt !== 'connector') out += connector;
    } else if (prev === 'connector') {
      out += lowerWord(prev, last, connector);
    } else if (prev !== 'punct') {
      if (wt !== 'number') {
        if (wt !== 'connector' && wt !== 'punct') out += connector;
        continue;
      }
      if (rest.length === 0) continue;
      const num = word;
      ({ wt, word, rest } = nextWord(rest) as Word);
      if (wt !== 'alphabet') {
        out += lowerWord('number', num, connector);
        if (wt !== 'connector' && wt !== 'punct') out += connector;
        continue;
      }
      out += connector + lowerWord('number', num, connector);
      while (wt === 'alphabet' || wt === 'number') { out += lowerWord(wt, word, connector); ({ wt, word, rest } = nextWord(rest) as Word); }
      if (wt !== 'invalid' && wt !== 'connector' && wt !== 'punct') out += connector;
    }
  }
  return out + lowerWord(wt, word, connector);
}

/** xstrings.ToPascalCase (Sprig's camelcase). */
export function toPascalCase(str: string): string {
  if (str === '') return '';
  const rs = [...str];
  let out = '';
  let i = 0;
  let r0 = '';
  let firstUpper = false;
  while (i < rs.length) {
    r0 = rs[i++]!;
    if (!isConnector(r0)) {
      firstUpper = isUpper(r0);
      r0 = r0.toUpperCase();
      break;
    }
    out += r0;
  }
  if (i >= rs.length) return out + r0; // Go writes a lone trailing connector twice ("_" → "__")
  while (i < rs.length) {
    const r1 = r0;
    r0 = rs[i++]!;
    if (isConnector(r0) && isConnector(r1)) { out += r1; continue; }
    if (isConnector(r1)) {
      firstUpper = isUpper(r0);
      r0 = r0.toUpperCase();
    } else {
      if (firstUpper) {
        if (isUpper(r0)) r0 = r0.toLowerCase();
        else firstUpper = false;
      }
      out += r1;
    }
  }
  return out + r0;
}
