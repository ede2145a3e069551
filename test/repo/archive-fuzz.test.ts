/**
 * Property test of the archive reader: thousands of random mutations of valid chart archives (bit flips,
 * random overwrites, hostile tar header fields, truncation, duplicated and spliced blocks, corrupt gzip),
 * each of which must end, within a time bound, in either a parsed chart or the reader's typed
 * InvalidChartError, never another exception and never a hang.
 *
 * Reproducible: the seed is fixed (CHARTROOM_FUZZ_SEED overrides it, CHARTROOM_FUZZ_CASES the count) and a
 * failure names the seed and case number.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ARCHIVE_LIMITS, readChartArchive } from '../../src/repo/chart-archive.js';
import { parseChartYaml } from '../../src/repo/chart-metadata.js';
import { InvalidChartError } from '../../src/repo/errors.js';
import { tarball, type TarEntry } from '../helpers/charts.js';

const SEED = Number(process.env.CHARTROOM_FUZZ_SEED ?? 20261125);
const CASES = Number(process.env.CHARTROOM_FUZZ_CASES ?? 3000);
const CASE_TIMEOUT_MS = 2000;
/** Smaller than the defaults so that a mutation which inflates sizes is refused quickly. */
const LIMITS = { ...DEFAULT_ARCHIVE_LIMITS, maxTotalBytes: 4 * 1024 * 1024, maxFileBytes: 1024 * 1024, maxEntries: 200 };

/** mulberry32: a small, well-mixed 32-bit PRNG. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const chartYaml = 'apiVersion: v2\nname: demo\nversion: 1.2.3\ndescription: fuzz base\ndependencies:\n  - name: sub\n    version: ~1.0\n';
const BASES: Buffer[] = [
  tarball([{ path: 'demo/Chart.yaml', data: chartYaml }, { path: 'demo/values.yaml', data: 'a: 1\nb: [x, y]\n' }]),
  tarball([
    { path: 'demo/', type: '5' },
    { path: 'demo/Chart.yaml', data: chartYaml },
    { path: 'demo/templates/deployment.yaml', data: 'kind: Deployment\n{{ .Values.a }}\n'.repeat(40) },
    { path: `demo/${'deep/'.repeat(25)}file.txt`, data: 'long path in the ustar prefix field' },
  ]),
  tarball([{ path: 'demo/Chart.yaml', data: chartYaml }, ...Array.from({ length: 12 }, (_, i): TarEntry => ({ path: `demo/charts/f${i}`, data: Buffer.alloc(700, i) }))]),
];

type Rng = () => number;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const HEADER_FIELDS: [number, number][] = [[0, 100], [100, 8], [124, 12], [148, 8], [156, 1], [157, 100], [257, 8], [345, 155]];
const NASTY = ['../', '/', '\0', '77777777777', '-1', ' ', '\xff', 'x'.repeat(120), '%2e%2e', '2', '5', 'L', 'x', 'g', 'K'];

/** One random mutation of a tar image. */
function mutate(tar: Buffer, rng: Rng, other: Buffer): Buffer {
  const out = Buffer.from(tar);
  switch (int(rng, 7)) {
    case 0: {
      for (let i = 0, n = 1 + int(rng, 8); i < n; i += 1) out[int(rng, out.length)] ^= 1 << int(rng, 8);
      return out;
    }
    case 1: {
      const at = int(rng, out.length);
      for (let i = at; i < Math.min(out.length, at + 1 + int(rng, 64)); i += 1) out[i] = int(rng, 256);
      return out;
    }
    case 2: {
      const block = int(rng, Math.floor(out.length / 512)) * 512;
      const [offset, length] = HEADER_FIELDS[int(rng, HEADER_FIELDS.length)] as [number, number];
      const text = Buffer.from(NASTY[int(rng, NASTY.length)] as string, 'latin1');
      text.copy(out, block + offset, 0, Math.min(length, text.length));
      return out;
    }
    case 3:
      return out.subarray(0, int(rng, out.length));
    case 4: {
      const from = int(rng, Math.floor(out.length / 512)) * 512;
      const copies = 1 + int(rng, 40);
      return Buffer.concat([out.subarray(0, from), ...Array.from({ length: copies }, () => out.subarray(from, from + 512)), out.subarray(from)]);
    }
    case 5:
      return Buffer.concat([out.subarray(0, int(rng, out.length)), other.subarray(int(rng, other.length))]);
    default: {
      const at = int(rng, out.length);
      return Buffer.concat([out.subarray(0, at), Buffer.from(Array.from({ length: 1 + int(rng, 600) }, () => int(rng, 256))), out.subarray(at)]);
    }
  }
}

/** The archive for case `n`: mutated tar gzipped, or (one case in five) a valid gzip with corrupted bytes. */
function fuzzCase(rng: Rng): Buffer {
  const base = BASES[int(rng, BASES.length)] as Buffer;
  const other = BASES[int(rng, BASES.length)] as Buffer;
  if (int(rng, 5) === 0) {
    const gz = Buffer.from(gzipSync(base, { level: 1 }));
    for (let i = 0, n = 1 + int(rng, 4); i < n; i += 1) gz[2 + int(rng, gz.length - 2)] = int(rng, 256);
    return gz;
  }
  let tar = mutate(base, rng, other);
  if (int(rng, 3) === 0) tar = mutate(tar, rng, other);
  return gzipSync(tar, { level: 1 });
}

async function readWithin(archive: Buffer, ms: number): Promise<'parsed' | 'refused'> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  try {
    const contents = await Promise.race([readChartArchive(archive, () => true, LIMITS), hang]);
    parseChartYaml(contents.chartYaml);
    return 'parsed';
  } catch (err) {
    if (err instanceof InvalidChartError) return 'refused';
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

describe(`archive reader fuzz (seed ${SEED}, ${CASES} cases)`, () => {
  it('never throws anything but InvalidChartError and never hangs', async () => {
    const rng = random(SEED);
    const outcomes = { parsed: 0, refused: 0 };
    for (let n = 0; n < CASES; n += 1) {
      const archive = fuzzCase(rng);
      try {
        outcomes[await readWithin(archive, CASE_TIMEOUT_MS)] += 1;
      } catch (err) {
        throw new Error(`seed ${SEED}, case ${n} (archive ${archive.toString('base64').slice(0, 80)}…): ${(err as Error).stack}`);
      }
    }
    if (process.env.CHARTROOM_FUZZ_REPORT) console.log(`fuzz outcomes: ${JSON.stringify(outcomes)}`);
    // Both outcomes must occur, or the mutations are too weak (or too strong) to test anything.
    expect(outcomes.parsed).toBeGreaterThan(CASES / 20);
    expect(outcomes.refused).toBeGreaterThan(CASES / 4);
  }, 300_000);
});
