/**
 * Figures for issue 5's cluster targets (never part of `npm test`), printed as a table:
 * - a 1,000-replica rolling update (maxSurge/maxUnavailable 25%) run to completion in virtual time:
 *   wall and CPU time of the update alone, over several runs (target < 1 s);
 * - 50 clusters with 10 Deployments (3 replicas) each idling on a real clock at speed 1: heap they hold
 *   and CPU per second once every pod is Ready.
 * CPU time is reported beside wall time because the bench machine is shared: wall time includes waiting
 * for a core, CPU time does not.
 * Run: node --expose-gc --import tsx bench/cluster-bench.ts [runs]
 */
import { createCluster, createRealClock, type Deployment } from '../src/cluster/index.js';

function deployment(name: string, replicas: number, image: string): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image }] } },
    },
  };
}

interface Run {
  wallMs: number;
  cpuMs: number;
}

/** One update of `replicas` pods from a settled cluster; throws if it did not complete. */
function rollingUpdate(replicas: number): Run {
  const cluster = createCluster({ seed: 'bench' });
  cluster.apply(deployment('big', replicas, 'nginx:1'));
  cluster.advance(10_000);
  const cpu = process.cpuUsage();
  const start = performance.now();
  cluster.apply(deployment('big', replicas, 'nginx:2'));
  cluster.advance(600_000);
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const status = cluster.get<Deployment>('Deployment', 'default', 'big')!.status!;
  if (status.updatedReplicas !== replicas || status.availableReplicas !== replicas) throw new Error(`rollout incomplete: ${JSON.stringify(status)}`);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

async function idleClusters(clusters: number, deployments: number): Promise<{ heapMiB: number; cpuMsPerSecond: number }> {
  const wall = { now: () => Date.now(), setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const all = [];
  for (let i = 0; i < clusters; i++) {
    const cluster = createCluster({ name: `student-${i}`, clock: createRealClock(wall, 1) });
    for (let j = 0; j < deployments; j++) cluster.apply(deployment(`app-${j}`, 3, 'nginx:1'));
    all.push(cluster);
  }
  // Pods are Ready 5 s after creation (the default ready-after): let every cluster settle first.
  await new Promise((r) => setTimeout(r, 8000));
  gc();
  const cpuBefore = process.cpuUsage();
  await new Promise((r) => setTimeout(r, 5000));
  const cpu = process.cpuUsage(cpuBefore);
  gc();
  const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  for (const c of all) c.dispose();
  return { heapMiB, cpuMsPerSecond: (cpu.user + cpu.system) / 1000 / 5 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const runs = Number(process.argv[2] ?? 5);
const updates = Array.from({ length: runs }, () => rollingUpdate(1000));
const idle = await idleClusters(50, 10);
const rows = [
  ['measurement', 'result', 'target'],
  ['1,000-replica rolling update, wall (median of ' + runs + ')', `${median(updates.map((u) => u.wallMs)).toFixed(0)} ms`, '< 1 s'],
  ['1,000-replica rolling update, wall (fastest)', `${Math.min(...updates.map((u) => u.wallMs)).toFixed(0)} ms`, ''],
  ['1,000-replica rolling update, CPU (median)', `${median(updates.map((u) => u.cpuMs)).toFixed(0)} ms`, ''],
  ['50 clusters x 10 Deployments idle, heap', `${idle.heapMiB.toFixed(1)} MiB`, ''],
  ['50 clusters x 10 Deployments idle, CPU', `${idle.cpuMsPerSecond.toFixed(2)} ms/s`, ''],
];
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const [i, row] of rows.entries()) {
  console.log(`| ${row.map((cell, j) => cell.padEnd(widths[j]!)).join(' | ')} |`);
  if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
}
