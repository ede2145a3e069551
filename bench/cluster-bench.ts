/**
 * Figures for issue 5's cluster targets (never part of `npm test`):
 * - wall time of a 1,000-replica rolling update run to completion in virtual time (target < 1 s);
 * - heap and CPU of 50 clusters with 10 Deployments each, idling on a real clock.
 * Run: node --expose-gc --import tsx bench/cluster-bench.ts
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

function rollingUpdate(replicas: number): void {
  const cluster = createCluster({ seed: 'bench' });
  cluster.apply(deployment('big', replicas, 'nginx:1'));
  cluster.advance(10_000);
  const start = performance.now();
  cluster.apply(deployment('big', replicas, 'nginx:2'));
  cluster.advance(600_000);
  const ms = performance.now() - start;
  const status = cluster.get<Deployment>('Deployment', 'default', 'big')!.status!;
  console.log(`rolling update of ${replicas} replicas: ${ms.toFixed(0)} ms wall (updated ${status.updatedReplicas}, available ${status.availableReplicas})`);
}

async function idleClusters(clusters: number, deployments: number): Promise<void> {
  const wall = { now: () => Date.now(), setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const all = [];
  for (let i = 0; i < clusters; i++) {
    const cluster = createCluster({ name: `student-${i}`, clock: createRealClock(wall, 1000) });
    for (let j = 0; j < deployments; j++) cluster.apply(deployment(`app-${j}`, 3, 'nginx:1'));
    all.push(cluster);
  }
  // At 1000x speed, 3 s of wall time is 50 simulated minutes: every pod is Ready and every progress-deadline
  // re-check (10 min after the last progress) has fired before the measured window.
  await new Promise((r) => setTimeout(r, 3000));
  gc();
  const cpuBefore = process.cpuUsage();
  await new Promise((r) => setTimeout(r, 5000));
  const cpu = process.cpuUsage(cpuBefore);
  gc();
  const heap = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  console.log(`${clusters} clusters x ${deployments} Deployments idling: ${heap.toFixed(1)} MiB heap, ${((cpu.user + cpu.system) / 1000 / 5).toFixed(1)} ms CPU per second`);
  for (const c of all) c.dispose();
}

rollingUpdate(1000);
await idleClusters(50, 10);
