import { afterEach, describe, expect, it } from 'vitest';
import { SIM_OPENAPI } from '../../../src/http/sim/openapi.js';
import { matchSimRoute, type SimRouteName } from '../../../src/http/sim/sim-router.js';
import { buildChart } from '../../helpers/charts.js';
import { simApp, type SimApp, VWEB } from './sim-app.js';

let sim: SimApp | undefined;
afterEach(async () => sim?.close());
const C = '/api/sim/clusters/default';

/** Reads SSE frames from a listening app until `count` data frames arrived or the server ended the stream. */
async function readFrames(url: string, count: number, headers: Record<string, string> = {}): Promise<{ status: number; type: string | null; frames: { id: string; event: string; data: any }[] }> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const frames: { id: string; event: string; data: any }[] = [];
  if (!response.ok || !response.body) return { status: response.status, type: response.headers.get('content-type'), frames };
  let buffer = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const lines = buffer.slice(0, end).split('\n');
      buffer = buffer.slice(end + 2);
      const field = (name: string) => lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
      if (field('data')) frames.push({ id: field('id')!, event: field('event')!, data: JSON.parse(field('data')!) });
    }
    if (frames.length >= count) break;
  }
  controller.abort();
  return { status: response.status, type: response.headers.get('content-type'), frames };
}

async function listening(watchLogLimit?: number): Promise<string> {
  sim = await simApp('virtual', true, {}, watchLogLimit);
  return sim.app.listen({ port: 0, host: '127.0.0.1' });
}

describe('sim API: server-sent watch events', () => {
  it('replays a resource type from a resourceVersion, then follows live changes, each with its Table row', async () => {
    const base = await listening();
    const before = (await sim!.call('GET', `${C}/deploy`)).json.metadata.resourceVersion;
    await sim!.call('POST', `${C}/apply`, VWEB, 'application/yaml');
    const reading = readFrames(`${base}${C}/deploy?watch=true&resourceVersion=${before}&timeoutSeconds=1`, Infinity);
    await new Promise((r) => setTimeout(r, 200));
    await sim!.call('POST', `${C}/advance`, { ms: 5000 });
    const { status, type, frames } = await reading;
    expect(status).toBe(200);
    expect(type).toBe('text/event-stream; charset=utf-8');
    expect(frames[0]!.event).toBe('ADDED');
    expect(frames.every((f) => f.data.object.kind === 'Deployment' && f.id === f.data.object.metadata.resourceVersion)).toBe(true);
    expect(frames.map((f) => Number(f.id))).toEqual([...frames.map((f) => Number(f.id))].sort((a, b) => a - b));
    // The last frame is the rollout finished by the advance: READY 3/3 at AGE 5s.
    expect(frames.at(-1)!.data.row.cells.slice(0, 5)).toEqual(['vweb', '3/3', 3, 3, '5s']);
  });

  it('streams every kind on the cluster stream, resumes from Last-Event-ID, and answers 410 for a version too old', async () => {
    const base = await listening(500);
    await sim!.call('POST', `${C}/apply`, VWEB, 'application/yaml');
    const all = await readFrames(`${base}${C}/stream?resourceVersion=1&timeoutSeconds=1`, Infinity);
    const kinds = new Set(all.frames.map((f) => f.data.object.kind));
    for (const kind of ['Namespace', 'Node', 'Deployment', 'ReplicaSet', 'Pod', 'Service', 'Event']) expect(kinds).toContain(kind);
    const middle = all.frames[10]!.id;
    const resumed = await readFrames(`${base}${C}/stream`, 3, { 'last-event-id': middle });
    expect(resumed.frames.slice(0, 3).map((f) => f.id)).toEqual(all.frames.slice(11, 14).map((f) => f.id));
    // This cluster keeps the last 500 changes (up to twice that between trims): push version 2 out of the log.
    const cluster = sim!.clusters.get('default');
    for (let i = 0; i < 1100; i++) cluster.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `c${i % 3}`, namespace: 'default' }, data: { i: String(i) } });
    const expired = await fetch(`${base}${C}/stream?resourceVersion=2`);
    expect(expired.status).toBe(410);
    expect(((await expired.json()) as { reason: string }).reason).toBe('Expired');
  });
});

describe('sim API: closing the server', () => {
  it('ends open streams instead of waiting for them', async () => {
    const base = await listening();
    const reading = readFrames(`${base}${C}/stream`, Infinity);
    await new Promise((r) => setTimeout(r, 200));
    const app = sim!;
    sim = undefined;
    const closed = await Promise.race([app.close().then(() => true), new Promise((r) => setTimeout(() => r(false), 3000))]);
    expect(closed).toBe(true);
    const { status, frames } = await reading;
    expect(status).toBe(200);
    expect(frames.length).toBeGreaterThan(0);
  });
});

describe('sim API: OpenAPI document', () => {
  it('documents every route, and every documented path and method is routed to its operationId', async () => {
    sim = await simApp();
    const doc = (await sim.call('GET', '/api/sim/openapi.json')).json;
    expect(doc).toEqual(JSON.parse(JSON.stringify(SIM_OPENAPI)));
    const documented = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      const concrete = path.replace('{cluster}', 'default').replace('{resource}', 'deploy').replace('{namespace}', 'default').replace('{name}', 'vweb');
      for (const [method, op] of Object.entries(item)) {
        expect(matchSimRoute(method.toUpperCase(), concrete)?.route, `${method} ${path}`).toBe(op.operationId);
        documented.add(op.operationId);
      }
    }
    const routes: SimRouteName[] = ['openapi', 'clusters', 'stream', 'clock', 'apply', 'create', 'advance', 'list', 'get', 'patch', 'delete', 'scale', 'setImage', 'history', 'status', 'undo', 'restart', 'traffic'];
    expect([...documented].sort()).toEqual([...routes].sort());
  });
});

describe('a ChartMuseum tenant named sim (--depth 1)', () => {
  it('keeps its chart routes; only /api/sim/clusters… and /api/sim/openapi.json belong to the simulator', async () => {
    sim = await simApp('virtual', true, { depth: 1 });
    const chart = buildChart({ name: 'demo', version: '0.1.0' });
    const upload = await sim.app.inject({ method: 'POST', url: '/api/sim/charts', payload: chart, headers: { 'content-type': 'application/octet-stream' } });
    expect(upload.statusCode).toBe(201);
    expect(upload.json()).toEqual({ saved: true });
    expect(Object.keys((await sim.call('GET', '/api/sim/charts')).json)).toEqual(['demo']);
    expect((await sim.call('GET', '/api/sim/charts/demo/0.1.0')).json.name).toBe('demo');
    expect((await sim.app.inject({ method: 'GET', url: '/sim/index.yaml' })).body).toContain('demo');
    expect((await sim.call('GET', '/api/sim/clusters')).json).toEqual({ clusters: ['default'] });
    expect((await sim.call('DELETE', '/api/sim/charts/demo/0.1.0')).json).toEqual({ deleted: true });
  });
});
