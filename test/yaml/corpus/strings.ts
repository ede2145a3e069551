/**
 * Hand-picked scalars: the tricky strings from the dependency study (deps.md §5), go-yaml's
 * implicit-typing edge cases, escapes, and numbers. Expected outputs come only from the oracle.
 */
import { float64, int64, type CorpusCase, type Tagged } from './tagged.js';

const LOREM =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua';

/** Strings whose quoting or layout differs between YAML emitters. */
export const TRICKY_STRINGS: readonly string[] = [
  // YAML 1.1 non-strings and near misses
  '1.0', '1.10', '1', '-1', '+1', '0', '00', '08', '0755', '0o17', '0x1F', '0X1f', '0b101', '0b+1', '0b-1', '-0b1', '-0b+1', '0b',
  '0x', '1_000', '_1', '1__0', '1e3', '1E3', '1e', '1.', '.5', '+.5', '-.5', '._5', '.5_5', '.5_', '.5e1_0', '1e400', '.1e400', '1e-400',
  '9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809', '18446744073709551615',
  '18446744073709551616', '+9223372036854775808',
  'yes', 'Yes', 'YES', 'yEs', 'no', 'on', 'On', 'off', 'y', 'Y', 'n', 'N', 'true', 'True', 'tRUE', 'false', 'null', 'Null', 'NULL',
  '~', '', '.nan', '.NaN', '.inf', '-.inf', '+.Inf', '.Nan', 'nan', 'inf', 'Infinity', '<<', '=',
  // timestamps and base-60
  '2024-01-01', '2024-1-2', '2024-02-29', '2023-02-29', '2024-02-30', '2024-13-01', '2024-00-10', '2024-01-00', '20240-01-01',
  '2024-01-01T10:00:00Z', '2024-01-01t10:00:00+01:00', '2024-01-01 10:00:00', '2024-01-01T10:00:00', '2024-01-01 10:00:00Z',
  '2024-01-01T24:00:00Z', '2024-01-01T23:59:60Z', '2024-01-01T10:00:00.123456789Z', '2024-01-01T10:00:00,5Z',
  '2024-01-01T10:00:00+25:00', '2024-01-01T10:00:00+24:60', '2024-01-01T1:2:3Z', '2026-08-20T10:00:00.123456789Z',
  '2024-01-01T10:00:00.Z', '2024-01-01T10:00Z',
  '12:30', '1:2:3.5', '-1:30', '190:20:30', '1:60', '1:5_9', '12:30:00.5_',
  // indicators
  '#x', 'a #b', 'a#b', 'a: b', 'a:b', 'a:', ':a', ': a', 'a :b', '-', '- a', '-a', '--', '---', '--- a', '...', '....', '? x', '?x', '?',
  '*a', '&a', '!t', '!!str', '%', '%YAML', '@', '`cmd`', '|', '>', '>gt', "'", "it's", '"', 'say "hi"', '[a]', 'a[b]', '{a}', 'a{b}',
  ',', 'a,b', 'a, b', '\\', 'C:\\path', 'x=y', 'a b', '<html>', '&amp;',
  // whitespace and breaks
  ' ', '  ', ' a', 'a ', ' a ', 'a  b', '\t', 'tab\there', 'a\tb ', '\n', '\n\n', 'a\n', 'a\nb', 'a\nb\n', 'a\nb\n\n', '\na', ' \na',
  'a \nb', 'a\n b', 'trailing spaces  \nnext', 'a\r\nb', 'a\rb', 'crlf\r\n', 'a\u0085b', 'a \u0085 b', 'a\u0085\u0085b', '\u0085a',
  'a\u0085', 'a\u2028b', 'a\u2029b', 'a \u2028b', 'a\u2028 b', '\u2028', 'a\u2028',
  // unicode, escapes, controls
  '🚀', 'rocket 🚀 launch', 'é', 'naïve café', '日本語', '\u00a0', 'a\u00a0b', '\ufeff', '\ufeffabc', 'a\ufeffb', '\ufffd', '\ue000',
  '\u0000', 'a\u0001b', '\u0007\u0008\u000b\u000c\u001b', '\u001f', 'lone \ud800 surrogate', '\udc00', 'x\ud83d',
  // long strings (folding)
  LOREM, LOREM + ' ' + LOREM, 'x'.repeat(200), `${'x'.repeat(90)} y`, `y ${'x'.repeat(90)}`, `${'word '.repeat(30)}end`,
  `${'a'.repeat(79)} b c`, `${'a'.repeat(80)} b c`, `${'a'.repeat(81)} b c`, `${'a'.repeat(85)}  b  c`, `${'a'.repeat(85)}   b`,
  `: ${LOREM}`, `'${LOREM}'`, `${LOREM}\t`, `"${LOREM} 🚀 ${LOREM}"`, `${LOREM} ${'\u00e9'.repeat(50)} ${LOREM}`,
  `${LOREM}\n${LOREM}\n`, `${LOREM}  \n${LOREM}`, `#${LOREM}`, `${'ab '.repeat(40)}`,
];

/** Float64 and int64 values and how Go prints them after the JSON round trip. */
export const NUMBERS: readonly Tagged[] = [
  0, float64(-0), 1, -1, 1.5, -1.5, 0.1, 0.5, 1 / 3, 100, 123456, 123456.5, 1234567, 1234567.5, 1e6, 1.5e6, 1e20, 1e21, 1e22, -1e21,
  1e-4, 1e-5, 1e-6, 1e-7, 1.5e-7, 123456789012, 2 ** 53, 2 ** 53 + 2, 2 ** 60, 2 ** 63, 2 ** 64, 2 ** 65, -(2 ** 63), -(2 ** 63) - 4096,
  1e19, 1.8446744073709552e19, Number.MAX_VALUE, Number.MIN_VALUE, 5e-324, Number.EPSILON, 0.000123, 12345.678, 99999.99, 999999.5,
  int64(0), int64(1), int64(-1), int64(9223372036854775807n), int64(-9223372036854775808n), int64(123456789012345),
];

/** Values Go's Marshal refuses. */
export const ERROR_CASES: readonly CorpusCase[] = [
  { name: 'error NaN', value: float64(NaN) },
  { name: 'error +Inf', value: { a: float64(Infinity) } },
  { name: 'error -Inf', value: [float64(-Infinity)] },
  { name: 'error DEL', value: 'a\u007fb' },
  { name: 'error C1 control', value: { k: '\u0080' } },
  { name: 'error U+FFFE', value: ['\ufffe'] },
  { name: 'error U+FFFF in key', value: { '\uffff': 1 } },
  { name: 'error document marker after NEL', value: 'a\u0085--- b' },
  { name: 'error NEL in key', value: { 'a\u0085b': 1 } },
  { name: 'error key of 1023 chars', value: { ['k'.repeat(1023)]: 1 } },
  { name: 'error key of 171 escaped chars', value: { ['<'.repeat(171)]: 1 } },
  { name: 'error key of 1023 astral chars', value: { ['🚀'.repeat(1023)]: 1 } },
  { name: 'error key with escapes over 1024', value: { ['\u0001'.repeat(100) + '"'.repeat(200) + 'x'.repeat(222)]: 1 } },
];

/** Keys just under go-yaml's 1024-character simple-key limit on Go's JSON text. */
export const LONG_KEY_CASES: readonly CorpusCase[] = [
  { name: 'key of 1022 chars', value: { ['k'.repeat(1022)]: 1 } },
  { name: 'key of 170 escaped chars', value: { ['<'.repeat(170)]: 1 } },
  { name: 'key of 1022 astral chars', value: { ['🚀'.repeat(1022)]: 1 } },
  { name: 'key with escapes at 1024', value: { ['\u0001'.repeat(100) + '"'.repeat(200) + 'x'.repeat(220)]: 1 } },
  { name: 'key with tab newline at 1024', value: { ['\t\n\b\f\r'.repeat(100) + 'x'.repeat(20)]: 1 } },
  { name: 'NEL in value under key', value: { a: ['x\u0085y'], b: 'p\u0085\u0085q' } },
  { name: 'NEL then marker and tab', value: ['a\u0085---\tb', 'a\u0085...', 'a\u0085 --- b', 'a\u0085---x', '\u0085---'] },
  { name: 'error NEL then marker and NEL', value: 'a\u0085...\u0085b' },
];

/** Doubles from random bit patterns (finite ones), plus integers around the int64/uint64 edges. */
export function floatSweep(count: number, seed: number): Tagged[] {
  const view = new DataView(new ArrayBuffer(8));
  let state = seed >>> 0;
  const nextWord = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  const out: Tagged[] = [];
  while (out.length < count) {
    view.setUint32(0, nextWord());
    view.setUint32(4, nextWord());
    const f = view.getFloat64(0);
    if (Number.isFinite(f)) out.push(float64(f));
    // Also some "human" numbers: few digits, exponents near Go's %e switch (1e-4 .. 1e21).
    out.push(float64(Number(((nextWord() % 2000000) - 1000000) + 'e' + ((nextWord() % 30) - 8))));
  }
  for (const base of [2 ** 53, 2 ** 63, 2 ** 64, 1e21]) {
    for (const delta of [-4096, -2048, -1, 0, 1, 2048, 4096]) out.push(float64(base + delta), float64(-base - delta));
  }
  return out;
}

/** Builds the scalar cases: each tricky string as root, value, key, item and nested deep. */
export function stringCases(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  TRICKY_STRINGS.forEach((s, i) => {
    const label = `string ${i} ${JSON.stringify(s).slice(0, 40)}`;
    cases.push({ name: `${label} as root`, value: s });
    cases.push({ name: `${label} in map`, value: { key: s, list: [s, [s]] } });
    cases.push({ name: `${label} as key`, value: { [s]: 'as key', nested: { [s]: [s] } } });
    cases.push({ name: `${label} nested`, value: { a: { b: { c: [{ d: s }] } } } });
  });
  cases.push({ name: 'numbers in list', value: [...NUMBERS] });
  cases.push({ name: 'float sweep', value: floatSweep(600, 99) });
  NUMBERS.forEach((n, i) => cases.push({ name: `number ${i} as root`, value: n }));
  cases.push({ name: 'numbers as values', value: Object.fromEntries(NUMBERS.map((n, i) => [`n${i}`, n])) });
  return cases;
}
