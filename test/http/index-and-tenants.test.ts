import { afterEach, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import YAML from 'yaml';
import { buildChart } from '../helpers/charts.js';
import { request as httpRequest } from 'node:http';
import { testServer, type TestServer } from '../helpers/server.js';

/** An HTTP request whose path is sent exactly as written (no dot-segment removal). */
function rawRequest(url: string, method: string, body?: Buffer): Promise<{ status: number; body: string }> {
  const origin = url.slice(0, url.indexOf('/', 'http://'.length));
  const { hostname: host, port } = new URL(origin);
  const path = url.slice(origin.length);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host, port, path, method, headers: { 'content-type': 'application/octet-stream' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let server: TestServer;
afterEach(async () => server?.app.close());

const post = (url: string, body: Buffer) => server.app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/octet-stream' } });
const fixedNow = () => new Date('2026-05-01T10:00:05.5Z');

describe('index.yaml', () => {
  it('is empty but valid before any upload', async () => {
    server = await testServer({}, undefined, fixedNow);
    const res = await server.app.inject({ method: 'GET', url: '/index.yaml' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-yaml');
    expect(res.body).toBe('apiVersion: v1\nentries: {}\ngenerated: "2026-05-01T10:00:05.5Z"\nserverInfo: {}\n');
    const head = await server.app.inject({ method: 'HEAD', url: '/index.yaml' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('lists versions newest first, names sorted, keys in Go order, with digest and relative urls', async () => {
    server = await testServer({}, undefined, fixedNow);
    for (const v of ['0.0.1', '0.2.0', '0.1.0']) await post('/api/charts', buildChart({ name: 'mychart', version: v, chart: { appVersion: '1.0' } }));
    await post('/api/charts', buildChart({ name: 'otherchart', version: '0.1.0' }));
    const body = (await server.app.inject({ method: 'GET', url: '/index.yaml' })).body;
    const index = YAML.parse(body);
    expect(Object.keys(index)).toEqual(['apiVersion', 'entries', 'generated', 'serverInfo']);
    expect(Object.keys(index.entries)).toEqual(['mychart', 'otherchart']);
    expect(index.entries.mychart.map((e: any) => e.version)).toEqual(['0.2.0', '0.1.0', '0.0.1']);
    const first = index.entries.mychart[0];
    expect(Object.keys(first)).toEqual(['apiVersion', 'appVersion', 'created', 'description', 'digest', 'name', 'urls', 'version']);
    expect(first.urls).toEqual(['charts/mychart-0.2.0.tgz']);
    expect(first.digest).toMatch(/^[0-9a-f]{64}$/);
    // appVersion "1.0" must stay a string for Helm's strict loader.
    expect(body).toContain('appVersion: "1.0"');
    expect(body).toContain('created: "2026-05-01T10:00:05.5Z"');
  });

  it('shows an upload or delete on the very next read (read-your-writes) and changes its ETag', async () => {
    server = await testServer();
    const before = await server.app.inject({ method: 'GET', url: '/index.yaml' });
    await post('/api/charts', buildChart({ name: 'a', version: '1.0.0' }));
    const after = await server.app.inject({ method: 'GET', url: '/index.yaml' });
    expect(YAML.parse(after.body).entries.a).toHaveLength(1);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    await server.app.inject({ method: 'DELETE', url: '/api/charts/a/1.0.0' });
    expect(YAML.parse((await server.app.inject({ method: 'GET', url: '/index.yaml' })).body).entries).toEqual({});
  });

  it('answers 304 to a matching If-None-Match and gzips only on request', async () => {
    server = await testServer();
    await post('/api/charts', buildChart({ name: 'a', version: '1.0.0' }));
    const plain = await server.app.inject({ method: 'GET', url: '/index.yaml' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const cached = await server.app.inject({ method: 'GET', url: '/index.yaml', headers: { 'if-none-match': String(plain.headers.etag) } });
    expect(cached.statusCode).toBe(304);
    expect(cached.body).toBe('');
    const zipped = await server.app.inject({ method: 'GET', url: '/index.yaml', headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
  });

  it('uses --chart-url for absolute urls, with context path and tenant', async () => {
    server = await testServer({ chartUrl: 'https://charts.example.com/', contextPath: '/ctx', depth: 1 });
    await post('/ctx/api/org1/charts', buildChart({ name: 'mychart', version: '0.1.0' }));
    const index = YAML.parse((await server.app.inject({ method: 'GET', url: '/ctx/org1/index.yaml' })).body);
    expect(index.entries.mychart[0].urls).toEqual(['https://charts.example.com/ctx/org1/charts/mychart-0.1.0.tgz']);
    expect(index.serverInfo).toEqual({ contextPath: '/ctx' });
  });
});

describe('context path', () => {
  it('serves every route under it and nothing outside it', async () => {
    server = await testServer({ contextPath: '/v1/helm' });
    expect((await server.app.inject({ method: 'GET', url: '/v1/helm/index.yaml' })).body).toContain('contextPath: /v1/helm');
    expect((await server.app.inject({ method: 'GET', url: '/index.yaml' })).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'GET', url: '/v1/helm' })).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'GET', url: '/v1/helm/health' })).statusCode).toBe(200);
    expect((await post('/v1/helm/api/charts', buildChart({ name: 'a', version: '1.0.0' }))).statusCode).toBe(201);
    expect((await server.app.inject({ method: 'GET', url: '/v1/helm/charts/a-1.0.0.tgz' })).statusCode).toBe(200);
  });
});

describe('tenants', () => {
  it('keeps each tenant isolated at --depth 1', async () => {
    server = await testServer({ depth: 1 });
    expect((await post('/api/org1/charts', buildChart({ name: 'mychart', version: '0.1.0' }))).statusCode).toBe(201);
    expect(YAML.parse((await server.app.inject({ method: 'GET', url: '/org1/index.yaml' })).body).entries.mychart).toHaveLength(1);
    expect((await server.app.inject({ method: 'GET', url: '/org1/charts/mychart-0.1.0.tgz' })).statusCode).toBe(200);
    expect(YAML.parse((await server.app.inject({ method: 'GET', url: '/org2/index.yaml' })).body).entries).toEqual({});
    expect((await server.app.inject({ method: 'GET', url: '/api/org2/charts/mychart' })).json()).toEqual({ error: 'chart not found' });
    expect((await server.app.inject({ method: 'GET', url: '/api/charts' })).statusCode).toBe(404);
    expect((await server.storage.head('org1/mychart-0.1.0.tgz')).size).toBeGreaterThan(0);
  });

  it('forgets tenants that stayed empty at the next rescan, keeps the others', async () => {
    server = await testServer({ depth: 1 });
    await post('/api/kept/charts', buildChart({ name: 'x', version: '1.0.0' }));
    for (let i = 0; i < 50; i += 1) await server.app.inject({ method: 'GET', url: `/made-up-${i}/index.yaml` });
    expect(server.repository.loadedTenants).toBe(51);
    await server.repository.rescanAll();
    expect(server.repository.loadedTenants).toBe(1);
    expect(YAML.parse((await server.app.inject({ method: 'GET', url: '/kept/index.yaml' })).body).entries.x).toHaveLength(1);
  });

  it('serves tenants named api and health as repositories', async () => {
    server = await testServer({ depth: 1 });
    await post('/api/api/charts', buildChart({ name: 'x', version: '1.0.0' }));
    expect(YAML.parse((await server.app.inject({ method: 'GET', url: '/api/index.yaml' })).body).entries.x).toHaveLength(1);
    expect((await server.app.inject({ method: 'GET', url: '/api/charts/x-1.0.0.tgz' })).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'GET', url: '/health/index.yaml' })).statusCode).toBe(200);
  });

  it('routes depth 2 and 3, and any depth with --depth-dynamic', async () => {
    server = await testServer({ depth: 3 });
    expect((await post('/api/o/t/r/charts', buildChart({ name: 'x', version: '1.0.0' }))).statusCode).toBe(201);
    expect((await server.app.inject({ method: 'GET', url: '/o/t/r/charts/x-1.0.0.tgz' })).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'GET', url: '/o/t/index.yaml' })).statusCode).toBe(404);
    await server.app.close();
    server = await testServer({ depthDynamic: true });
    for (const prefix of ['', '/r1', '/o1/r1']) {
      expect((await post(`/api${prefix}/charts`, buildChart({ name: 'x', version: '1.0.0' }))).statusCode).toBe(201);
      expect((await server.app.inject({ method: 'GET', url: `/api${prefix}/charts/x/1.0.0` })).statusCode).toBe(200);
      expect(YAML.parse((await server.app.inject({ method: 'GET', url: `${prefix}/index.yaml` })).body).entries.x).toHaveLength(1);
    }
    expect((await server.app.inject({ method: 'GET', url: '/favicon' })).statusCode).toBe(404);
  });

  it('rejects path tricks in tenant segments with 400 and writes nothing', async () => {
    server = await testServer({ depth: 1 });
    // A real socket: inject() would resolve `..` and `%2e%2e` the way a browser does before routing.
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    for (const tenant of ['..', '%2e%2e', '.', '.chartroom', 'a%2fb', 'a%5cb', '%252e%252e', '%ZZ']) {
      const upload = await rawRequest(`${address}/api/${tenant}/charts`, 'POST', buildChart({ name: 'x', version: '1.0.0' }));
      expect(upload.status, tenant).toBe(400);
      expect(JSON.parse(upload.body).error, tenant).toMatch(tenant === '%ZZ' ? /./ : /path segment/);
      expect((await rawRequest(`${address}/${tenant}/index.yaml`, 'GET')).status, tenant).toBe(400);
    }
    expect((await server.storage.list('')).objects).toEqual([]);
    expect((await server.storage.list('')).folders).toEqual([]);
  });
});

describe('metrics and CORS', () => {
  it('exposes ChartMuseum metric names per tenant', async () => {
    server = await testServer({ depth: 1, enableMetrics: true });
    await post('/api/a/charts', buildChart({ name: 'mychart', version: '0.1.0' }));
    await post('/api/a/charts', buildChart({ name: 'mychart', version: '0.2.0' }));
    await server.app.inject({ method: 'GET', url: '/a/index.yaml' });
    await server.app.inject({ method: 'GET', url: '/b/index.yaml' });
    await server.app.inject({ method: 'GET', url: '/bad-url' });
    const text = (await server.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toContain('chartmuseum_charts_served_total{repo="a"} 1');
    expect(text).toContain('chartmuseum_chart_versions_served_total{repo="a"} 2');
    expect(text).toContain('chartmuseum_chart_versions_served_total{repo="b"} 0');
    expect(text).toContain('# TYPE chartmuseum_charts_served_total gauge');
    expect(text).toContain('chartmuseum_requests_total{code="201",method="POST",handler="upload"');
    expect(text).not.toContain('bad-url');
  });

  it('keeps /metrics off by default', async () => {
    server = await testServer();
    expect((await server.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
  });

  it('adds Access-Control-Allow-Origin to API routes and answers preflight', async () => {
    server = await testServer({ corsAllowOrigin: '*' });
    expect((await server.app.inject({ method: 'GET', url: '/api/charts' })).headers['access-control-allow-origin']).toBe('*');
    expect((await server.app.inject({ method: 'GET', url: '/index.yaml' })).headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await server.app.inject({ method: 'OPTIONS', url: '/api/charts' });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
  });
});
