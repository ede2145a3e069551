/**
 * Figures for the Go regexp port (never part of `npm test`):
 * 1. typical Helm patterns: the old path (the pattern translated to a JavaScript RegExp with flags `dgu`
 *    and run with lastIndex, as re2.ts did before the Pike VM; the translations are written out here)
 *    against the Pike VM, in microseconds per call;
 * 2. catastrophic patterns on growing inputs: the old path until it takes over a second per call (it
 *    grows exponentially), the Pike VM up to a million characters (it grows linearly).
 * Run: npx tsx bench/regex-bench.ts
 */
import { compileGoRegexp, findAllMatches, matchString, replaceAll } from '../src/helm/sprig/re2.js';

/** Microseconds per call of `fn`, over enough calls to fill about `budgetMs`. */
function perCall(fn: () => unknown, budgetMs = 300): number {
  fn();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < budgetMs) {
    for (let k = 0; k < 10; k++) fn();
    calls += 10;
  }
  return ((performance.now() - start) * 1000) / calls;
}

/** The old path's search: a `dgu` RegExp from lastIndex, as the translated pattern ran. */
function oldExec(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

function oldReplaceAll(re: RegExp, s: string, repl: string): string {
  let out = '';
  let lastEnd = 0;
  for (let pos = 0; pos <= s.length; ) {
    const m = oldExec(re, s, pos);
    if (!m) break;
    const [start, end] = m.indices![0]!;
    out += s.slice(lastEnd, start) + (end > lastEnd || start === 0 ? repl : '');
    lastEnd = end;
    pos = end > pos ? end : pos + 1;
  }
  return out + s.slice(lastEnd);
}

const SEMVER_GO =
  '^v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)' +
  '(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$';
const TEXT_1K = 'The quick brown fox, release 1.2.3 (build 42), jumps over the lazy dog! '.repeat(14).slice(0, 1024);
const LABEL_63 = 'my-release-name-0123456789-abcdefghijklmnopqrstuvwxyz-0123456789'.slice(0, 63);

interface Typical {
  name: string;
  old: () => unknown;
  vm: () => unknown;
}

function typicalCases(): Typical[] {
  const label = compileGoRegexp('^[a-z0-9-]+$');
  const labelJs = /^[a-z0-9\-]+$/dgu;
  const semver = compileGoRegexp(SEMVER_GO);
  const semverJs = new RegExp(SEMVER_GO.replace('[a-zA-Z-]', '[a-zA-Z\\-]').replaceAll('[0-9a-zA-Z-]', '[0-9a-zA-Z\\-]'), 'dgu');
  const nonLetters = compileGoRegexp('[^a-z]');
  const nonLettersJs = /[^a-z]/dgu;
  const digits = compileGoRegexp('\\d+');
  const digitsJs = /\d+/dgu;
  return [
    { name: 'regexMatch ^[a-z0-9-]+$ on 63 chars', old: () => oldExec(labelJs, LABEL_63, 0), vm: () => matchString(label, LABEL_63) },
    { name: 'semver submatches on "1.22.3-rc.1+build.5"', old: () => oldExec(semverJs, '1.22.3-rc.1+build.5', 0), vm: () => findAllMatches(semver, '1.22.3-rc.1+build.5', 1, undefined, true) },
    { name: 'regexReplaceAll [^a-z] "-" on 1 KB', old: () => oldReplaceAll(nonLettersJs, TEXT_1K, '-'), vm: () => replaceAll(nonLetters, TEXT_1K, '-', true) },
    { name: 'regexFindAll \\d+ -1 on 1 KB', old: () => TEXT_1K.match(new RegExp(digitsJs.source, 'gu')), vm: () => findAllMatches(digits, TEXT_1K, -1) },
  ];
}

interface Catastrophe {
  pattern: string;
  js: RegExp;
  input: (n: number) => string;
}

const CATASTROPHES: Catastrophe[] = [
  { pattern: '^(a+)+$', js: /^(a+)+$/dgu, input: (n) => 'a'.repeat(n) + 'b' },
  { pattern: '(a|a)*b', js: /(a|a)*b/dgu, input: (n) => 'a'.repeat(n) },
  { pattern: '(x+x+)+y', js: /(x+x+)+y/dgu, input: (n) => 'x'.repeat(n) },
  { pattern: '(.*a){20}x', js: /(.*a){20}x/dgu, input: (n) => 'a'.repeat(n) },
];

function ms(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function printTypical(): void {
  console.log('Typical Helm patterns (µs per call)');
  console.log('  case'.padEnd(48) + 'old JS RegExp'.padStart(14) + 'Pike VM'.padStart(10));
  for (const c of typicalCases()) {
    console.log(`  ${c.name}`.padEnd(48) + perCall(c.old).toFixed(2).padStart(14) + perCall(c.vm).toFixed(2).padStart(10));
  }
}

function printCatastrophes(): void {
  console.log('\nCatastrophic patterns (ms per regexMatch; old path stopped past 1 s)');
  for (const c of CATASTROPHES) {
    const old: string[] = [];
    for (let n = 10; n <= 40; n += 4) {
      const input = c.input(n);
      const t = ms(() => oldExec(c.js, input, 0));
      old.push(`n=${n}: ${t.toFixed(1)}`);
      if (t > 1000) break;
    }
    const r = compileGoRegexp(c.pattern);
    const vm = [1_000, 10_000, 100_000, 1_000_000].map((n) => {
      const input = c.input(n);
      return `n=${n}: ${ms(() => matchString(r, input)).toFixed(1)}`;
    });
    console.log(`  ${c.pattern}\n    old: ${old.join(', ')}\n    VM:  ${vm.join(', ')}`);
  }
}

printTypical();
printCatastrophes();
