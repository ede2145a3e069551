import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { buildChart } from '../helpers/charts.js';
import { SKIP_WITHOUT_MINIO, startMinio, type MinioServer } from '../helpers/minio.js';
import { startChartroom, type RunningServer } from '../helpers/process.js';
import { tempDir } from '../helpers/server.js';

/**
 * Three real Chartroom processes on one storage, as replicas behind a load balancer: a local folder, and a
 * MinIO bucket. Concurrent uploads and deletes go through all of them; afterwards every replica's index must
 * equal the storage contents (same files, digests of the stored bytes), within the sync bound.
 */
interface SharedStorage {
  args: string[];
  env: Record<string, string>;
  /** Stored archive names → sha256 of their bytes. */
  stored(): Promise<Map<string, string>>;
  cleanup(): Promise<void>;
  minio?: MinioServer;
}

async function localFolder(): Promise<SharedStorage> {
  const dir = await tempDir('chartroom-replicas-');
  const root = join(dir.path, 'storage');
  return {
    args: ['--storage-local-rootdir', root],
    env: {},
    stored: async () => {
      const digests = new Map<string, string>();
      for (const file of (await readdir(root)).filter((f) => f.endsWith('.tgz'))) {
        digests.set(file, createHash('sha256').update(await readFile(join(root, file))).digest('hex'));
      }
      return digests;
    },
    cleanup: dir.cleanup,
  };
}

async function minioBucket(): Promise<SharedStorage> {
  const minio = await startMinio();
  await minio.createBucket('charts');
  return {
    minio,
    args: ['--storage=amazon', '--storage-amazon-bucket', 'charts', '--storage-amazon-prefix', 'repo', '--storage-amazon-endpoint', minio.endpoint, '--cache-interval', '3s'],
    env: minio.awsEnv,
    stored: async () => {
      const listing = await minio.client.send(new ListObjectsV2Command({ Bucket: 'charts', Prefix: 'repo/', Delimiter: '/' }));
      const digests = new Map<string, string>();
      for (const object of listing.Contents ?? []) {
        if (!object.Key?.endsWith('.tgz')) continue;
        const body = await minio.client.send(new GetObjectCommand({ Bucket: 'charts', Key: object.Key }));
        const bytes = Buffer.from(await (body.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
        digests.set(object.Key.slice('repo/'.length), createHash('sha256').update(bytes).digest('hex'));
      }
      return digests;
    },
    cleanup: () => minio.cleanup(),
  };
}

const backends = [
  { name: 'a local storage folder', make: localFolder, skip: false },
  { name: 'a MinIO bucket', make: minioBucket, skip: SKIP_WITHOUT_MINIO },
];

for (const backend of backends) {
  describe.skipIf(backend.skip)(`three replicas on ${backend.name}`, () => {
    let shared: SharedStorage;
    let replicas: RunningServer[] = [];

    beforeAll(async () => {
      shared = await backend.make();
      replicas = await Promise.all([0, 1, 2].map(() => startChartroom(shared.args, shared.env)));
    });
    afterAll(async () => {
      await Promise.all(replicas.map((r) => r.stop()));
      await shared?.cleanup();
    });

    const upload = (replica: RunningServer, chart: Buffer) =>
      fetch(`${replica.url}/api/charts`, { method: 'POST', body: chart }).then((r) => r.status, () => 0);

    async function expectConverged(): Promise<void> {
      const stored = await shared.stored();
      const bodies = await Promise.all(replicas.map(async (r) => (await fetch(`${r.url}/index.yaml`)).text()));
      for (const body of bodies) {
        const entries = Object.values(YAML.parse(body).entries as Record<string, { urls: string[]; digest: string }[]>).flat();
        expect(new Map(entries.map((e) => [(e.urls[0] as string).slice('charts/'.length), e.digest]))).toEqual(stored);
      }
      expect(bodies[1]).toBe(bodies[0]);
      expect(bodies[2]).toBe(bodies[0]);
    }

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
      console.log(`${backend.name}: cross-replica visibility max ${Math.max(...delays)} ms, mean ${Math.round(delays.reduce((a, b) => a + b) / delays.length)} ms`);
    });

    it('converge on the storage contents after hundreds of concurrent uploads and deletes', async () => {
      const work: Promise<unknown>[] = [];
      for (let i = 0; i < 240; i += 1) {
        work.push(upload(replicas[i % 3] as RunningServer, buildChart({ name: `m${i % 24}`, version: `1.0.${Math.floor(i / 24)}` })));
        if (i % 4 === 0) work.push(fetch(`${(replicas[(i + 1) % 3] as RunningServer).url}/api/charts/m${i % 24}/1.0.0`, { method: 'DELETE' }));
      }
      await Promise.all(work);
      await new Promise((r) => setTimeout(r, 2_000));
      await expectConverged();
    });

    if (backend.make !== minioBucket) return;
    it('answer 503 while S3 is down, lose nothing acknowledged, and converge after it returns', async () => {
      const minio = shared.minio as MinioServer;
      const acknowledged: string[] = [];
      let stopStream = false;
      const stream = (async () => {
        for (let i = 0; !stopStream; i += 1) {
          const replica = replicas[i % 3] as RunningServer;
          const response = await fetch(`${replica.url}/api/charts`, { method: 'POST', body: buildChart({ name: `f${i}`, version: '1.0.0' }) }).catch(() => undefined);
          const status = response?.status ?? 0;
          if (status === 201) acknowledged.push(`f${i}-1.0.0.tgz`);
          else if (status !== 503 && status !== 0) {
            // Say why: the replica's logged errors (the logger flushes in batches, so give it a moment).
            const body = await response?.text();
            await new Promise((r) => setTimeout(r, 300));
            const errors = replica.output().split('\n').filter((line) => line.includes(' ERROR ')).map((line) => line.slice(0, 400));
            expect.fail(`upload answered ${status} ${body} during the outage, not 503:\n${errors.join('\n')}`);
          }
        }
      })();
      await new Promise((r) => setTimeout(r, 400));
      await minio.stop();
      const down = await fetch(`${(replicas[0] as RunningServer).url}/api/charts`, { method: 'POST', body: buildChart({ name: 'down', version: '1.0.0' }) });
      expect(down.status).toBe(503);
      expect(((await down.json()) as { error: string }).error).toMatch(/^storage unavailable/);
      await minio.restart();
      await new Promise((r) => setTimeout(r, 500));
      stopStream = true;
      await stream;
      expect(acknowledged.length).toBeGreaterThan(0);
      // Archives written just before the outage whose journal write failed are indexed by the rescan (3 s).
      await new Promise((r) => setTimeout(r, 4_500));
      const stored = await shared.stored();
      for (const file of acknowledged) expect(stored.has(file), file).toBe(true);
      await expectConverged();
    });
  });
}
