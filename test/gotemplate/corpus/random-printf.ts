/** Seeded random printf cases: flags, widths, precisions, `*` and every verb over every kind of value. */
import type { CorpusCase } from '../harness.js';
import { Rng } from './random.js';

const VALUES = ['.i', '.ni', '.z', '.i64', '.u', '.u8', '.f', '.nf', '.big', '.small', '.zf', '.nan', '.inf', '.s', '.us',
  '.e', '.t', '.nul', '.l', '.m', '.strs', '.bytes', '.missing', "'x'", '3', '-7', '2.5', '"lit"'];
const DATA = {
  i: { $int: '42' }, ni: { $int: '-42' }, z: { $int: '0' }, i64: { $int64: '-9000000000' }, u: { $uint: '255' },
  u8: { $uint8: '200' }, f: 3.14159, nf: -0.000123, big: 123456789012, small: 1e-9, zf: 0, nan: { $float64: 'NaN' },
  inf: { $float64: '-Inf' }, s: 'héllo "w"', us: '日本語', e: '', t: true, nul: null, l: [1, 'a', null],
  m: { k: 1.5, a: 'b' }, strs: { $strings: ['p', 'q'] }, bytes: { $bytes: 'AB' },
};
const VERBS = 'vdsqxXobcUtfFeEgGT%';

function randomSpec(r: Rng, args: string[]): string {
  let spec = '%';
  for (const flag of '+-# 0') if (r.chance(0.15)) spec += flag;
  if (r.chance(0.3)) spec += String(r.int(12));
  if (r.chance(0.25)) spec += '.' + (r.chance(0.8) ? String(r.int(10)) : '');
  if (r.chance(0.05)) {
    spec += '*';
    args.push(String(r.int(8)));
  }
  args.push(r.pick(VALUES));
  return spec + VERBS[r.int(VERBS.length)] + r.pick(['|', ' ', '']);
}

/** `count` random printf cases from `seed`; all share one data set. */
export function randomPrintfCases(seed: number, count: number): CorpusCase[] {
  const r = new Rng(seed);
  const cases: CorpusCase[] = [];
  for (let n = 0; n < count; n++) {
    const args: string[] = [];
    let format = '';
    for (let k = 1 + r.int(3); k > 0; k--) format += randomSpec(r, args);
    if (r.chance(0.1)) args.push(r.pick(VALUES));
    cases.push({ name: `printf-${seed}-${n}`, tpl: `{{printf ${JSON.stringify(format)} ${args.join(' ')}}}`, data: DATA });
  }
  return cases;
}
