import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { buildChart, buildProvenance } from '../helpers/charts.js';
import { multipartBody, testServer, type TestServer } from '../helpers/server.js';

const F1 = buildChart({ name: 'mychart', version: '0.1.0' });
const F2 = buildChart({ name: 'mychart', version: '0.2.0' });
const F0 = buildChart({ name: 'mychart', version: '0.0.1' });
const O = buildChart({ name: 'otherchart', version: '0.1.0' });
const S = buildChart({ name: 'mychart-service', version: '0.0.1' });
const P = buildChart({ name: 'mychart2', version: '0.1.0-SNAPSHOT-1' });
const F1_PROV = buildProvenance('mychart', '0.1.0');

let server: TestServer;
afterEach(async () => server?.app.close());

async function upload(body: Buffer, path = '/api/charts', query = ''): Promise<{ status: number; json: unknown }> {
  const res = await server.app.inject({ method: 'POST', url: `${path}${query}`, payload: body, headers: { 'content-type': 'application/octet-stream' } });
  return { status: res.statusCode, json: res.json() };
}

async function get(url: string): Promise<{ status: number; json: () => any; body: string; headers: Record<string, unknown> }> {
  const res = await server.app.inject({ method: 'GET', url });
  return { status: res.statusCode, json: () => res.json(), body: res.body, headers: res.headers };
}

describe('server routes', () => {
  it('answers /health, /info and / and 404s the rest with ChartMuseum shapes', async () => {
    server = await testServer();
    const health = await get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toBe('{"healthy":true}');
    expect(health.headers['content-type']).toBe('application/json; charset=utf-8');
    expect((await get('/info')).json()).toEqual({ version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    const welcome = await get('/');
    expect(welcome.status).toBe(200);
    expect(welcome.headers['content-type']).toMatch(/^text\/html/);
    expect(welcome.body).toContain('Welcome to Chartroom!');
    const missing = await get('/bad-url');
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({ error: 'not found' });
    expect((await get('/health/')).status).toBe(404);
    expect((await server.app.inject({ method: 'HEAD', url: '/health' })).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'OPTIONS', url: '/api/charts' })).statusCode).toBe(404);
  });

  it('echoes X-Request-Id or makes one up', async () => {
    server = await testServer();
    const echoed = await server.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'abc' } });
    expect(echoed.headers['x-request-id']).toBe('abc');
    const fresh = await server.app.inject({ method: 'GET', url: '/nope' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('raw uploads', () => {
  it('stores a chart, then answers 409, ?force overwrites, --disable-force-overwrite refuses', async () => {
    server = await testServer();
    expect(await upload(F1)).toEqual({ status: 201, json: { saved: true } });
    expect(await upload(F1)).toEqual({ status: 409, json: { error: 'file already exists' } });
    expect((await upload(F1, '/api/charts', '?force')).status).toBe(201);
    expect((await upload(F1, '/api/charts', '?force=true')).status).toBe(201);
    expect((await upload(F1, '/api/charts', '?force=false')).status).toBe(409);
    await server.app.close();
    server = await testServer({ disableForceOverwrite: true });
    await upload(F1);
    expect((await upload(F1, '/api/charts', '?force')).status).toBe(409);
  });

  it('allows re-uploads with --allow-overwrite and keeps one index entry', async () => {
    server = await testServer({ allowOverwrite: true });
    expect((await upload(F1)).status).toBe(201);
    expect((await upload(F1)).status).toBe(201);
    const index = YAML.parse((await get('/index.yaml')).body);
    expect(index.entries.mychart).toHaveLength(1);
  });

  it('accepts curl --data-binary (application/x-www-form-urlencoded) and JSON content types', async () => {
    server = await testServer();
    const res = await server.app.inject({ method: 'POST', url: '/api/charts', payload: F1, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(201);
    const json = await server.app.inject({ method: 'POST', url: '/api/charts', payload: O, headers: { 'content-type': 'application/json' } });
    expect(json.statusCode).toBe(201);
  });

  it('rejects an empty body, garbage and invalid charts with 400 and a message', async () => {
    server = await testServer();
    for (const body of [Buffer.alloc(0), Buffer.from('this is not a tgz')]) {
      const res = await upload(body);
      expect(res.status).toBe(400);
      expect((res.json as { error: string }).error).toMatch(/gzip/);
    }
    expect(await upload(buildChart({ name: 'mychart', version: '1.2.3.4' }))).toEqual({
      status: 400,
      json: { error: 'validation: chart.metadata.version "1.2.3.4" is invalid' },
    });
    const evil = await upload(buildChart({ name: '../../../../charts/org2/repo2/evil', version: '1.0.0', topFolder: 'evil' }));
    expect(evil).toEqual({ status: 400, json: { error: 'validation: chart.metadata.name "../../../../charts/org2/repo2/evil" is invalid' } });
    expect((await get('/index.yaml')).body).toContain('entries: {}');
  });

  it('stores under <name>-<version>.tgz from Chart.yaml whatever the client calls it', async () => {
    server = await testServer();
    await upload(F1);
    const res = await server.app.inject({ method: 'GET', url: '/charts/mychart-0.1.0.tgz' });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(F1)).toBe(true);
  });
});

describe('provenance uploads', () => {
  it('stores a prov file, 409 on repeat, ?force overwrites; the chart need not exist', async () => {
    server = await testServer();
    const post = (body: Buffer, query = '') => server.app.inject({ method: 'POST', url: `/api/prov${query}`, payload: body });
    expect((await post(F1_PROV)).statusCode).toBe(201);
    expect((await post(F1_PROV)).json()).toEqual({ error: 'file already exists' });
    expect((await post(F1_PROV, '?force')).statusCode).toBe(201);
    const downloaded = await server.app.inject({ method: 'GET', url: '/charts/mychart-0.1.0.tgz.prov' });
    expect(downloaded.statusCode).toBe(200);
    expect(downloaded.headers['content-type']).toBe('application/pgp-signature');
  });

  it('answers 400 (not ChartMuseum\'s 500) for an invalid provenance body, and 400 for a path name', async () => {
    server = await testServer();
    for (const body of ['', 'badbadverybad']) {
      const res = await server.app.inject({ method: 'POST', url: '/api/prov', payload: Buffer.from(body) });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: 'invalid provenance file' });
    }
    const evil = buildProvenance('"../../../../charts/org2/repo2/evil"', '0.1.0');
    const res = await server.app.inject({ method: 'POST', url: '/api/prov', payload: evil });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('../../../../charts/org2/repo2/evil-0.1.0.tgz.prov is improperly formatted');
  });
});

describe('multipart uploads', () => {
  const form = (parts: { field: string; data: Buffer }[]) => multipartBody(parts.map((p) => ({ ...p, filename: `/tmp/x/${p.field}.bin` })));

  it('accepts chart, prov and both; 409 "chart already exists" on repeat', async () => {
    server = await testServer();
    const both = form([{ field: 'chart', data: F1 }, { field: 'prov', data: F1_PROV }]);
    expect((await server.app.inject({ method: 'POST', url: '/api/charts', ...both })).statusCode).toBe(201);
    expect((await get('/charts/mychart-0.1.0.tgz')).status).toBe(200);
    expect((await get('/charts/mychart-0.1.0.tgz.prov')).status).toBe(200);
    const again = await server.app.inject({ method: 'POST', url: '/api/charts', ...form([{ field: 'chart', data: F1 }]) });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ error: 'chart already exists' });
    const forced = await server.app.inject({ method: 'POST', url: '/api/charts?force', ...form([{ field: 'chart', data: F1 }]) });
    expect(forced.statusCode).toBe(201);
    const provOnly = form([{ field: 'prov', data: buildProvenance('otherchart', '0.1.0') }]);
    expect((await server.app.inject({ method: 'POST', url: '/api/charts', ...provOnly })).statusCode).toBe(201);
  });

  it('409s a chart whose prov already exists, writing nothing', async () => {
    server = await testServer();
    await server.app.inject({ method: 'POST', url: '/api/prov', payload: F1_PROV });
    const res = await server.app.inject({ method: 'POST', url: '/api/charts', ...form([{ field: 'chart', data: F1 }, { field: 'prov', data: F1_PROV }]) });
    expect(res.statusCode).toBe(409);
    expect((await get('/charts/mychart-0.1.0.tgz')).status).toBe(404);
  });

  it('names the configured fields when none is present, and accepts a custom chart field', async () => {
    server = await testServer({ chartPostFormFieldName: 'package' });
    const none = await server.app.inject({ method: 'POST', url: '/api/charts', ...form([{ field: 'unknown', data: F1 }]) });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toEqual({ error: 'no package or provenance file found in form fields package and prov' });
    expect((await server.app.inject({ method: 'POST', url: '/api/charts', ...form([{ field: 'package', data: F1 }]) })).statusCode).toBe(201);
    expect((await server.app.inject({ method: 'POST', url: '/api/charts', ...form([{ field: 'chart', data: O }]) })).statusCode).toBe(201);
  });

  it('rejects a prov in the chart field and a chart in the prov field with 400', async () => {
    server = await testServer();
    expect((await server.app.inject({ method: 'POST', url: '/api/charts', ...form([{ field: 'chart', data: F1_PROV }]) })).statusCode).toBe(400);
    const res = await server.app.inject({ method: 'POST', url: '/api/charts', ...form([{ field: 'prov', data: F1 }]) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'invalid provenance file' });
  });
});

describe('limits', () => {
  it('answers 413 for a body over --max-upload-size on every upload path', async () => {
    server = await testServer({ maxUploadSize: 1 });
    for (const url of ['/api/charts', '/api/prov']) {
      const res = await server.app.inject({ method: 'POST', url, payload: F1 });
      expect(res.statusCode).toBe(413);
      expect(res.json()).toEqual({ error: 'request too large' });
    }
    const multi = await server.app.inject({ method: 'POST', url: '/api/charts', ...multipartBody([{ field: 'chart', filename: 'c.tgz', data: F1 }]) });
    expect(multi.statusCode).toBe(413);
  });

  it('answers 507 at --max-storage-objects', async () => {
    server = await testServer({ maxStorageObjects: 1, allowOverwrite: true });
    expect((await upload(F1)).status).toBe(201);
    expect((await upload(F1)).status).toBe(201);
    expect(await upload(O)).toEqual({ status: 507, json: { error: 'repo has reached storage limit' } });
    expect((await server.app.inject({ method: 'POST', url: '/api/prov', payload: F1_PROV })).statusCode).toBe(507);
  });

  it('evicts the oldest version beyond --per-chart-limit before answering', async () => {
    server = await testServer({ perChartLimit: 2 });
    for (const chart of [S, F0, F2, F1]) expect((await upload(chart)).status).toBe(201);
    expect((await get('/api/charts/mychart/0.2.0')).status).toBe(200);
    expect((await get('/api/charts/mychart/0.1.0')).status).toBe(200);
    expect((await get('/api/charts/mychart/0.0.1')).status).toBe(404);
    expect((await get('/api/charts/mychart-service/0.0.1')).status).toBe(200);
    expect((await get('/charts/mychart-0.0.1.tgz')).status).toBe(404);
  });
});

describe('query API', () => {
  it('lists charts, paginates, and validates offset and limit', async () => {
    server = await testServer();
    expect((await get('/api/charts')).json()).toEqual({});
    for (const name of ['d', 'a', 'c', 'b']) await upload(buildChart({ name, version: '1.0.0' }));
    expect(Object.keys((await get('/api/charts')).json())).toEqual(['a', 'b', 'c', 'd']);
    expect(Object.keys((await get('/api/charts?offset=1&limit=2')).json())).toEqual(['b', 'c']);
    expect(Object.keys((await get('/api/charts?offset=10&limit=5')).json())).toEqual([]);
    expect(Object.keys((await get('/api/charts?offset=3')).json())).toEqual(['d']);
    expect((await get('/api/charts?offset=-1&limit=5')).json()).toEqual({ error: 'offset is not a valid non-negative integer' });
    expect((await get('/api/charts?limit=0')).json()).toEqual({ error: 'limit is not a valid positive integer' });
  });

  it('returns ChartVersion objects in Helm field order with urls, created and digest', async () => {
    server = await testServer();
    await upload(F1);
    const [item] = (await get('/api/charts/mychart')).json();
    expect(Object.keys(item)).toEqual(['name', 'version', 'description', 'apiVersion', 'urls', 'created', 'digest']);
    expect(item.urls).toEqual(['charts/mychart-0.1.0.tgz']);
    expect(item.digest).toBe(createHash('sha256').update(F1).digest('hex'));
    expect(item.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  });

  it('resolves versions: exact, latest (stable only), constraints, and ChartMuseum\'s 404 messages', async () => {
    server = await testServer();
    for (const chart of [F0, F2, F1, P]) await upload(chart);
    expect((await get('/api/charts/mychart')).json().map((v: any) => v.version)).toEqual(['0.2.0', '0.1.0', '0.0.1']);
    expect((await get('/api/charts/fakechart')).json()).toEqual({ error: 'chart not found' });
    expect((await get('/api/charts/mychart/0.1.0')).json().version).toBe('0.1.0');
    expect((await get('/api/charts/mychart/latest')).json().version).toBe('0.2.0');
    expect((await get(`/api/charts/mychart/${encodeURIComponent('~0.1')}`)).json().version).toBe('0.1.0');
    expect((await get(`/api/charts/mychart/${encodeURIComponent('<0.1.0')}`)).json().version).toBe('0.0.1');
    expect((await get('/api/charts/mychart/0.1.1')).json()).toEqual({ error: 'no chart version found for mychart-0.1.1' });
    expect((await get('/api/charts/fakechart/0.1.0')).json()).toEqual({ error: 'no chart name found' });
    expect((await get('/api/charts/mychart2/latest')).json()).toEqual({ error: 'no chart version found for mychart2-' });
    expect((await get('/api/charts/mychart/release-1.0')).json()).toEqual({ error: 'improper constraint: release-1.0' });
    const head = (url: string) => server.app.inject({ method: 'HEAD', url }).then((r) => r.statusCode);
    expect([await head('/api/charts/mychart'), await head('/api/charts/fakechart')]).toEqual([200, 404]);
    expect(await Promise.all(['0.1.0', 'latest', '0.1.1'].map((v) => head(`/api/charts/mychart/${v}`)))).toEqual([200, 200, 404]);
  });

  it('serves templates (base64) with parsed values, and raw values.yaml', async () => {
    server = await testServer();
    await upload(F1);
    const templates = (await get('/api/charts/mychart/0.1.0/templates')).json();
    expect(templates.templates).toEqual([{ name: 'templates/pod.yaml', data: Buffer.from('apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n').toString('base64') }]);
    expect(templates.values).toEqual({ replicaCount: 1, image: { repository: 'nginx', tag: '1.25' } });
    expect((await get('/api/charts/mychart/latest/templates')).status).toBe(200);
    expect((await get('/api/charts/mychart/0.1.1/templates')).status).toBe(404);
    const values = await get('/api/charts/mychart/0.1.0/values');
    expect(values.headers['content-type']).toBe('application/yaml');
    expect(values.body).toBe('replicaCount: 1\nimage:\n  repository: nginx\n  tag: "1.25"\n');
    expect((await get('/api/charts/fakechart/0.1.0/values')).status).toBe(404);
    await upload(buildChart({ name: 'novalues', version: '1.0.0', files: { 'templates/a.yaml': 'a: b\n' } }));
    expect((await get('/api/charts/novalues/1.0.0/values')).json()).toEqual({ error: 'values.yaml not found' });
  });
});

describe('deletes', () => {
  it('deletes a version and its prov; a second delete is a clean 404; --disable-delete removes the route', async () => {
    server = await testServer();
    await upload(F1);
    await server.app.inject({ method: 'POST', url: '/api/prov', payload: F1_PROV });
    const del = await server.app.inject({ method: 'DELETE', url: '/api/charts/mychart/0.1.0' });
    expect(del.statusCode).toBe(200);
    expect(del.json()).toEqual({ deleted: true });
    expect((await get('/charts/mychart-0.1.0.tgz.prov')).status).toBe(404);
    expect((await get('/api/charts/mychart/0.1.0')).status).toBe(404);
    expect(YAML.parse((await get('/index.yaml')).body).entries).toEqual({});
    const again = await server.app.inject({ method: 'DELETE', url: '/api/charts/mychart/0.1.0' });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toEqual({ error: 'no chart version found for mychart-0.1.0' });
    await server.app.close();
    server = await testServer({ disableDelete: true });
    await upload(F1);
    expect((await server.app.inject({ method: 'DELETE', url: '/api/charts/mychart/0.1.0' })).json()).toEqual({ error: 'not found' });
  });

  it('--disable-api removes every /api route but keeps the index and downloads', async () => {
    server = await testServer({ disableApi: true });
    for (const [method, url] of [['GET', '/api/charts'], ['GET', '/api/charts/mychart'], ['GET', '/api/charts/mychart/0.1.0'], ['POST', '/api/charts'], ['POST', '/api/prov'], ['DELETE', '/api/charts/mychart/0.1.0']] as const) {
      expect((await server.app.inject({ method, url })).statusCode).toBe(404);
    }
    expect((await get('/index.yaml')).status).toBe(200);
  });
});

describe('downloads', () => {
  it('streams with ETag, Last-Modified, 304 and byte ranges; 404 for missing files and other extensions', async () => {
    server = await testServer();
    await upload(F1);
    const full = await server.app.inject({ method: 'GET', url: '/charts/mychart-0.1.0.tgz' });
    expect(full.headers['content-type']).toBe('application/x-tar');
    expect(Number(full.headers['content-length'])).toBe(F1.length);
    const etag = String(full.headers.etag);
    expect((await server.app.inject({ method: 'GET', url: '/charts/mychart-0.1.0.tgz', headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    const head = await server.app.inject({ method: 'HEAD', url: '/charts/mychart-0.1.0.tgz' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    const range = await server.app.inject({ method: 'GET', url: '/charts/mychart-0.1.0.tgz', headers: { range: 'bytes=0-9' } });
    expect(range.statusCode).toBe(206);
    expect(range.headers['content-range']).toBe(`bytes 0-9/${F1.length}`);
    expect(range.rawPayload.equals(F1.subarray(0, 10))).toBe(true);
    expect((await server.app.inject({ method: 'GET', url: '/charts/mychart-0.1.0.tgz', headers: { range: `bytes=${F1.length}-` } })).statusCode).toBe(416);
    expect((await get('/charts/fakechart-0.1.0.tgz')).json()).toEqual({ error: 'object not found' });
    expect((await get('/charts/fakechart-0.1.0.tgz.prov')).status).toBe(404);
    expect((await get('/charts/fakechart-0.1.0.bad')).json()).toEqual({ error: 'unsupported file extension' });
  });
});
