/**
 * Render time of Chartroom's Helm renderer beside `helm template`, for the chart `helm create` makes and
 * for a generated chart of 50 templates (the scaffold's deployment/service/configmap shapes, renamed).
 *
 * Run: `node --import tsx bench/render-bench.ts` (needs `.tools/bin/helm`; prints a table; not part of
 * `npm test`). Columns:
 * - warm: renderChart in this process after 30 warm-up renders (median of 30), chart already loaded;
 * - first: load + render in a fresh Node process (module loading and JIT included; median of 3);
 * - CLI: `chartroom template` as a process, wall time (median of 3): the built command (`dist/`, what
 *   `npm start` and the package's bin run; `npm run build` first), or from source through tsx without a build;
 * - helm: `helm template` as a process, wall time (median of 5).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadChartDirectory } from '../src/helm/render/chart-loader.js';
import { renderChart } from '../src/helm/render/render-chart.js';

const ROOT = resolve(import.meta.dirname, '..');
const HELM = join(ROOT, '.tools/bin/helm');
const TSX = join(ROOT, 'node_modules/tsx/dist/loader.mjs');
const BUILT_CLI = join(ROOT, 'dist/cli/main.js');
/** How to start `chartroom`: the built command when there is one, else the sources through tsx. */
const CLI = existsSync(BUILT_CLI) ? [BUILT_CLI] : ['--import', TSX, join(ROOT, 'src/cli/main.ts')];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timeProcess(command: string, args: string[], cwd: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, HOME: cwd } });
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr}`);
    times.push(performance.now() - start);
  }
  return median(times);
}

async function timeWarm(dir: string, runs: number): Promise<number> {
  const chart = await loadChartDirectory(dir);
  for (let i = 0; i < 30; i++) renderChart(chart, { releaseName: 'bench' });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    renderChart(chart, { releaseName: 'bench' });
    times.push(performance.now() - start);
  }
  return median(times);
}

/** A fresh process that loads the renderer and the chart and renders once; reports its own timing. */
function timeFirst(dir: string, runs: number): number {
  const script = `
    const t0 = performance.now();
    const { loadChartDirectory } = await import(${JSON.stringify(join(ROOT, 'src/helm/render/chart-loader.ts'))});
    const { renderChart } = await import(${JSON.stringify(join(ROOT, 'src/helm/render/render-chart.ts'))});
    renderChart(await loadChartDirectory(${JSON.stringify(dir)}), { releaseName: 'bench' });
    console.log(performance.now() - t0);`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, ['--import', TSX, '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    times.push(Number(out.trim()));
  }
  return median(times);
}

/** The 50-template chart: the scaffold's helpers and values, and 50 renamed copies of its manifests. */
function makeGenerated(work: string): string {
  execFileSync(HELM, ['create', 'gen50'], { cwd: work, env: { ...process.env, HOME: work } });
  const dir = join(work, 'gen50');
  const kinds = ['deployment', 'service', 'serviceaccount', 'hpa', 'ingress'];
  for (const k of kinds) rmSync(join(dir, 'templates', `${k}.yaml`));
  rmSync(join(dir, 'templates/tests'), { recursive: true });
  const sources = kinds.map((k) => readFileSync(join(work, 'mychart/templates', `${k}.yaml`), 'utf8').replaceAll('mychart.', 'gen50.'));
  for (let i = 0; i < 50; i++) {
    const text = sources[i % sources.length]!.replaceAll('include "gen50.fullname" .', `printf "%s-${i}" (include "gen50.fullname" .)`);
    writeFileSync(join(dir, 'templates', `t${i}.yaml`), text.replace(/{{- if .Values.(ingress|autoscaling).enabled -}}/, '{{- if true -}}'));
  }
  return dir;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'render-bench-'));
  try {
    execFileSync(HELM, ['create', 'mychart'], { cwd: work, env: { ...process.env, HOME: work } });
    const charts: [string, string][] = [['helm create (mychart)', join(work, 'mychart')], ['generated, 50 templates', makeGenerated(work)]];
    const rows: string[][] = [];
    for (const [label, dir] of charts) {
      const docs = renderChart(await loadChartDirectory(dir), { releaseName: 'bench' }).output.split('\n# Source:').length - 1;
      rows.push([
        `${label}, ${docs} docs`,
        (await timeWarm(dir, 30)).toFixed(1),
        timeFirst(dir, 3).toFixed(0),
        timeProcess(process.execPath, [...CLI, 'template', 'bench', dir], work, 3).toFixed(0),
        timeProcess(HELM, ['template', 'bench', dir], work, 5).toFixed(0),
      ]);
    }
    const header = ['chart', 'warm ms', 'first ms', 'CLI ms', 'helm ms'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    console.log(line(header));
    for (const r of rows) console.log(line(r));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
