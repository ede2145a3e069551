import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { buildChart } from '../helpers/charts.js';
import { startChartroom, type RunningServer } from '../helpers/process.js';
import { tempDir } from '../helpers/server.js';

/**
 * Three real Chartroom processes on one storage folder, as replicas behind a load balancer: concurrent uploads
 * and deletes through all of them, then every replica's index must equal the storage, within the sync bound.
 */
describe('three replicas on one local storage folder', () => {
  let dir: { path: string; cleanup: () => Promise<void> };
  let replicas: RunningServer[] = [];
  const storage = () => join(dir.path, 'storage');

  beforeAll(async () => {
    dir = await tempDir('chartroom-replicas-');
    replicas = await Promise.all([0, 1, 2].map(() => startChartroom(['--storage-local-rootdir', storage()])));
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop()));
    await dir?.cleanup();
  });

  const upload = (replica: RunningServer, chart: Buffer) => fetch(`${replica.url}/api/charts`, { method: 'POST', body: chart }).then((r) => r.status);

  it('give one 201 and the rest 409 for the same version pushed through different replicas', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => upload(replicas[i % 3] as RunningServer, buildChart({ name: 'race', version: '1.0.0', chart: { description: `r${i}` } }))),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
  });

  it('show another replica\'s upload within 2 s', async () => {
    const delays: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      expect(await upload(replicas[i % 3] as RunningServer, buildChart({ name: `seen${i}`, version: '1.0.0' }))).toBe(201);
      const started = Date.now();
      const other = replicas[(i + 1) % 3] as RunningServer;
      while ((await fetch(`${other.url}/api/charts/seen${i}/1.0.0`)).status !== 200) {
        expect(Date.now() - started).toBeLessThan(2_000);
        await new Promise((r) => setTimeout(r, 20));
      }
      delays.push(Date.now() - started);
    }
    console.log(`cross-replica visibility: max ${Math.max(...delays)} ms, mean ${Math.round(delays.reduce((a, b) => a + b) / delays.length)} ms`);
  });

  it('converge on the storage contents after hundreds of concurrent uploads and deletes', async () => {
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 240; i += 1) {
      const replica = replicas[i % 3] as RunningServer;
      work.push(upload(replica, buildChart({ name: `m${i % 24}`, version: `1.0.${Math.floor(i / 24)}` })));
      if (i % 4 === 0) work.push(fetch(`${(replicas[(i + 1) % 3] as RunningServer).url}/api/charts/m${i % 24}/1.0.0`, { method: 'DELETE' }));
    }
    await Promise.all(work);
    await new Promise((r) => setTimeout(r, 2_000));
    const stored = new Map<string, string>();
    for (const file of (await readdir(storage())).filter((f) => f.endsWith('.tgz'))) {
      stored.set(file, createHash('sha256').update(await readFile(join(storage(), file))).digest('hex'));
    }
    const bodies = await Promise.all(replicas.map(async (r) => (await fetch(`${r.url}/index.yaml`)).text()));
    for (const body of bodies) {
      const entries = Object.values(YAML.parse(body).entries as Record<string, { urls: string[]; digest: string }[]>).flat();
      expect(entries).toHaveLength(stored.size);
      expect(new Map(entries.map((e) => [(e.urls[0] as string).slice('charts/'.length), e.digest]))).toEqual(stored);
    }
    expect(bodies[1]).toBe(bodies[0]);
    expect(bodies[2]).toBe(bodies[0]);
  });
});
