import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { buildChart } from '../helpers/charts.js';
import { SKIP_WITHOUT_MINIO, startMinio, type MinioServer } from '../helpers/minio.js';
import { startChartroom, type RunningServer } from '../helpers/process.js';

/**
 * `chartroom --storage=amazon` as a real process on a real MinIO: ChartMuseum's flags, credentials from the
 * standard AWS variables, uploads landing under the bucket prefix, and 503s (not a crash) while MinIO is down.
 */
describe.skipIf(SKIP_WITHOUT_MINIO)('chartroom --storage=amazon on MinIO', () => {
  let minio: MinioServer;
  let server: RunningServer;

  beforeAll(async () => {
    minio = await startMinio();
    await minio.createBucket('charts');
    server = await startChartroom(
      ['--storage=amazon', '--storage-amazon-bucket', 'charts', '--storage-amazon-prefix', 'team/', '--storage-amazon-endpoint', minio.endpoint, '--cache-interval', '0'],
      { ...minio.awsEnv, AWS_REGION: '', AWS_PROFILE: '', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' },
    );
  });
  afterAll(async () => {
    await server?.stop();
    await minio?.cleanup();
  });

  const upload = (name: string, version: string) => fetch(`${server.url}/api/charts`, { method: 'POST', body: buildChart({ name, version }) });
  const index = async () => YAML.parse(await (await fetch(`${server.url}/index.yaml`)).text()) as { entries: Record<string, { version: string }[]> };

  it('serves index.yaml and takes an upload end to end', async () => {
    expect(server.output()).toContain('s3://charts/team at http://127.0.0.1:');
    expect(await index()).toMatchObject({ apiVersion: 'v1', entries: {} });
    const saved = await upload('mychart', '0.1.0');
    expect(saved.status).toBe(201);
    expect(await saved.json()).toEqual({ saved: true });
    expect((await index()).entries.mychart?.map((v) => v.version)).toEqual(['0.1.0']);
    const archive = await fetch(`${server.url}/charts/mychart-0.1.0.tgz`);
    expect(archive.status).toBe(200);
    expect(Buffer.from(await archive.arrayBuffer()).equals(buildChart({ name: 'mychart', version: '0.1.0' }))).toBe(true);
    const stored = await minio.client.send(new HeadObjectCommand({ Bucket: 'charts', Key: 'team/mychart-0.1.0.tgz' }));
    expect(stored.ContentLength).toBe(Number(archive.headers.get('content-length')));
    const again = await upload('mychart', '0.1.0');
    expect(again.status).toBe(409);
  });

  it('answers 503 with a JSON error while MinIO is down, stays up, and recovers by itself', async () => {
    await minio.stop();
    try {
      const started = Date.now();
      const failed = await upload('during-outage', '1.0.0');
      expect(failed.status).toBe(503);
      expect(await failed.json()).toEqual({ error: expect.stringMatching(/^storage unavailable: S3 PutObject failed after 3 attempts: connection refused$/) });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(server.process.exitCode).toBeNull();
    } finally {
      await minio.restart();
    }
    expect((await upload('after-outage', '1.0.0')).status).toBe(201);
    const entries = (await index()).entries;
    expect(Object.keys(entries).sort()).toEqual(['after-outage', 'mychart']);
    expect(server.process.exitCode).toBeNull();
  });

  it('starts while MinIO is down, answers 503, and serves the index once MinIO is back', async () => {
    await minio.stop();
    let late: RunningServer | undefined;
    let isMinioBack = false;
    try {
      late = await startChartroom(['--storage=amazon', '--storage-amazon-bucket', 'charts', '--storage-amazon-prefix', 'team', '--storage-amazon-endpoint', minio.endpoint], minio.awsEnv);
      const unavailable = await fetch(`${late.url}/index.yaml`);
      expect(unavailable.status).toBe(503);
      expect(await unavailable.json()).toEqual({ error: expect.stringContaining('storage unavailable: S3 ') });
      expect(late.output()).toContain('Storage is unavailable; serving 503 until it answers');
      await minio.restart();
      isMinioBack = true;
      const recovered = await fetch(`${late.url}/index.yaml`);
      expect(recovered.status).toBe(200);
      expect(Object.keys((YAML.parse(await recovered.text()) as { entries: object }).entries).sort()).toEqual(['after-outage', 'mychart']);
    } finally {
      await late?.stop();
      if (!isMinioBack) await minio.restart();
    }
  });
});
