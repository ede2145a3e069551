/**
 * Times the Go-compatible YAML emitter on a 10,000-version index (500 charts × 20 versions, with
 * maintainers, dependencies, annotations, long descriptions and tricky strings; the shape of
 * test/yaml/corpus/structures.ts).
 *
 * Run: `npx tsx bench/go-yaml-index-bench.ts` (prints milliseconds; not part of `npm test`).
 * It reports a whole-document marshalGoYaml, building every chart block with
 * marshalGoYamlMapEntry (what the server caches), and re-assembling the index from cached blocks
 * after one chart changed (what an upload costs).
 *
 * Measured 2026-11-25 on the shared 2-core workplace machine (Node 20.20, other jobs running;
 * CPU time per run): whole index 500–540 ms, all 2,873 chart blocks 280–340 ms, re-render one
 * chart and concatenate 18–50 ms, for 6.35 MB / 213,308 lines of output. For scale, deps.md §5
 * reports Go itself taking 2.9 s to marshal a comparable 10k-version index.
 */
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import {
  compareGoYamlKeys,
  marshalGoYaml,
  marshalGoYamlMapEntry,
  marshalGoYamlMapKey,
} from '../src/yaml/go-yaml-emitter.js';
import { indexDocument } from '../test/yaml/corpus/structures.js';
import { untag } from '../test/yaml/corpus/tagged.js';

type Index = { apiVersion: string; entries: Record<string, unknown[]>; generated: string };

function buildIndex(versions: number): Index {
  // indexDocument gives 1–6 versions per chart; widen it to exactly `versions` entries.
  const doc = untag(indexDocument(42, 4000)) as Index;
  const entries: Record<string, unknown[]> = {};
  let count = 0;
  for (const [name, list] of Object.entries(doc.entries)) {
    if (count >= versions) break;
    const take = list.slice(0, versions - count);
    entries[name] = take;
    count += take.length;
  }
  return { ...doc, entries };
}

/** Prints wall-clock and CPU milliseconds per run (CPU time is steadier on a shared machine). */
function time<T>(label: string, runs: number, fn: () => T): T {
  let result = fn(); // warm-up
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) result = fn();
  const used = process.cpuUsage(cpu);
  const wall = (performance.now() - start) / runs;
  console.log(`${label}: ${wall.toFixed(1)} ms wall, ${((used.user + used.system) / 1000 / runs).toFixed(1)} ms cpu`);
  return result;
}

const index = buildIndex(10_000);
const names = Object.keys(index.entries).sort(compareGoYamlKeys);
const total = names.reduce((n, name) => n + index.entries[name]!.length, 0);
console.log(`${names.length} charts, ${total} versions`);

const whole = time('marshalGoYaml(whole index)', 5, () => marshalGoYaml(index));
const blocks = time('all chart blocks (marshalGoYamlMapEntry)', 5, () =>
  new Map(names.map((name) => [name, marshalGoYamlMapEntry(name, index.entries[name], 2)])));
const assembled = time('one chart re-rendered + concatenation', 20, () => {
  blocks.set(names[0]!, marshalGoYamlMapEntry(names[0]!, index.entries[names[0]!], 2));
  return marshalGoYamlMapEntry('apiVersion', 'v1', 0) + marshalGoYamlMapKey('entries', 0) +
    names.map((name) => blocks.get(name)!).join('') + marshalGoYamlMapEntry('generated', index.generated, 0);
});
console.log(`output ${(whole.length / 1e6).toFixed(2)} MB, ${whole.split('\n').length - 1} lines, assembled === whole: ${assembled === whole}`);
