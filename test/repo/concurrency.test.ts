import { afterEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { LocalStorage } from '../../src/storage/local.js';
import { buildChart } from '../helpers/charts.js';
import { tempDir, testServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await server?.app.close();
  while (cleanups.length) await cleanups.pop()?.();
});

const post = (body: Buffer) => server.app.inject({ method: 'POST', url: '/api/charts', payload: body, headers: { 'content-type': 'application/octet-stream' } });

describe.each(['memory', 'local'])('concurrent uploads (%s storage)', (kind) => {
  async function start(): Promise<void> {
    if (kind === 'memory') {
      server = await testServer();
      return;
    }
    const dir = await tempDir();
    cleanups.push(dir.cleanup);
    server = await testServer({}, new LocalStorage(dir.path));
  }

  it('lands every one of 60 different charts in the index', async () => {
    await start();
    const charts = Array.from({ length: 60 }, (_, i) => buildChart({ name: `c${i % 12}`, version: `1.${Math.floor(i / 12)}.0` }));
    const results = await Promise.all(charts.map(post));
    expect(results.map((r) => r.statusCode)).toEqual(charts.map(() => 201));
    const index = YAML.parse((await server.app.inject({ method: 'GET', url: '/index.yaml' })).body);
    const count = Object.values(index.entries as Record<string, unknown[]>).reduce((n, list) => n + list.length, 0);
    expect(count).toBe(60);
  });

  it('gives exactly one 201 and the rest 409 for 20 uploads of the same version', async () => {
    await start();
    const variants = Array.from({ length: 20 }, (_, i) => buildChart({ name: 'same', version: '1.0.0', chart: { description: `variant ${i}` } }));
    const results = await Promise.all(variants.map(post));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    const winner = variants[results.findIndex((r) => r.statusCode === 201)] as Buffer;
    const stored = await server.app.inject({ method: 'GET', url: '/charts/same-1.0.0.tgz' });
    expect(stored.rawPayload.equals(winner)).toBe(true);
    const index = YAML.parse((await server.app.inject({ method: 'GET', url: '/index.yaml' })).body);
    expect(index.entries.same).toHaveLength(1);
  });

  it('serves 200 concurrent full and ranged downloads intact', async () => {
    await start();
    const chart = buildChart({ name: 'dl', version: '1.0.0', files: { 'values.yaml': 'x: 1\n'.repeat(5000) } });
    await post(chart);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        server.app.inject({ method: 'GET', url: '/charts/dl-1.0.0.tgz', headers: i % 2 ? { range: 'bytes=10-99' } : {} }),
      ),
    );
    for (const [i, res] of results.entries()) {
      expect(res.rawPayload.equals(i % 2 ? chart.subarray(10, 100) : chart)).toBe(true);
    }
  });

  it('keeps index and storage in agreement under mixed uploads, overwrites and deletes', async () => {
    await start();
    const ops: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i += 1) {
      const chart = buildChart({ name: `m${i % 5}`, version: `1.0.${i % 4}`, chart: { description: `n${i}` } });
      ops.push(server.app.inject({ method: 'POST', url: '/api/charts?force', payload: chart, headers: { 'content-type': 'application/octet-stream' } }));
      if (i % 3 === 0) ops.push(server.app.inject({ method: 'DELETE', url: `/api/charts/m${i % 5}/1.0.${(i + 1) % 4}` }));
    }
    await Promise.all(ops);
    const index = YAML.parse((await server.app.inject({ method: 'GET', url: '/index.yaml' })).body);
    const indexed = Object.values(index.entries as Record<string, { urls: string[]; digest: string }[]>).flat();
    const stored = (await server.storage.list('')).objects.map((o) => o.key).filter((k) => k.endsWith('.tgz')).sort();
    expect(indexed.map((e) => (e.urls[0] as string).replace('charts/', '')).sort()).toEqual(stored);
    for (const entry of indexed) {
      const body = (await server.app.inject({ method: 'GET', url: `/${entry.urls[0]}` })).rawPayload;
      const { createHash } = await import('node:crypto');
      expect(createHash('sha256').update(body).digest('hex')).toBe(entry.digest);
    }
  });
});
