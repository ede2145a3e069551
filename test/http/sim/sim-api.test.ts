import { afterEach, describe, expect, it } from 'vitest';
import { simApp, type SimApp, VWEB } from './sim-app.js';

let sim: SimApp | undefined;
afterEach(async () => sim?.close());
const call: SimApp['call'] = (...args) => sim!.call(...args);
const start = async (...args: Parameters<typeof simApp>) => {
  sim = await simApp(...args);
};

const C = '/api/sim/clusters/default';

describe('sim API: apply, list, get', () => {
  it('applies a multi-document YAML body and reports kubectl actions per object', async () => {
    await start();
    const first = await call('POST', `${C}/apply`, VWEB, 'application/yaml');
    expect(first.status).toBe(200);
    expect(first.json.results.map((r: any) => `${r.name} ${r.action}`)).toEqual(['deployment.apps/vweb created', 'service/vweb created']);
    const again = await call('POST', `${C}/apply`, VWEB, 'application/yaml');
    expect(again.json.results.map((r: any) => `${r.name} ${r.action}`)).toEqual(['deployment.apps/vweb unchanged', 'service/vweb unchanged']);
  });

  it('lists with the Table rows, by any kubectl spelling of the resource, filtered by namespace and selector', async () => {
    await start();
    await call('POST', `${C}/apply`, VWEB, 'application/yaml');
    await call('POST', `${C}/advance`, { ms: 5000 });
    for (const resource of ['deploy', 'deployments', 'deployments.apps', 'Deployment']) {
      const list = await call('GET', `${C}/${resource}?namespace=default`);
      expect(list.status).toBe(200);
      expect(list.json.items.map((d: any) => d.metadata.name)).toEqual(['vweb']);
      expect(list.json.table.columnDefinitions.slice(0, 5).map((c: any) => c.name)).toEqual(['Name', 'Ready', 'Up-to-date', 'Available', 'Age']);
      // §7.4: READY = readyReplicas/spec.replicas, UP-TO-DATE, AVAILABLE; AGE 5s after 5 s of virtual time.
      expect(list.json.table.rows[0].cells.slice(0, 5)).toEqual(['vweb', '3/3', 3, 3, '5s']);
    }
    const pods = await call('GET', `${C}/po?namespace=default&labelSelector=app%3Dvweb`);
    expect(pods.json.items).toHaveLength(3);
    expect(pods.json.table.rows.map((r: any) => r.cells.slice(1, 4))).toEqual([['1/1', 'Running', '0'], ['1/1', 'Running', '0'], ['1/1', 'Running', '0']]);
    expect((await call('GET', `${C}/pods?namespace=other`)).json.items).toEqual([]);
    const one = await call('GET', `${C}/deploy/default/vweb`);
    expect(one.json.spec.replicas).toBe(3);
  });

  it('answers cluster errors with a Kubernetes Status', async () => {
    await start();
    const missing = await call('GET', `${C}/deploy/default/x`);
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'deployments.apps "x" not found', reason: 'NotFound', code: 404 });
    const unknown = await call('GET', `${C}/widgets`);
    expect(unknown.status).toBe(404);
    expect(unknown.json.message).toBe('the server doesn\'t have a resource type "widgets"');
    const badName = await call('GET', '/api/sim/clusters/Bad_Name/pods');
    expect(badName.status).toBe(400);
    expect(badName.json.reason).toBe('BadRequest');
    const badBody = await call('POST', `${C}/apply`, 'kind: [', 'application/yaml');
    expect(badBody.status).toBe(400);
  });

  it('creates other clusters on first use and keeps them apart', async () => {
    await start();
    await call('POST', '/api/sim/clusters/student-1/apply', VWEB, 'application/yaml');
    expect((await call('GET', '/api/sim/clusters')).json).toEqual({ clusters: ['default', 'student-1'] });
    expect((await call('GET', `${C}/deploy`)).json.items).toEqual([]);
    expect((await call('GET', '/api/sim/clusters/student-1/deploy')).json.items).toHaveLength(1);
  });

  it('refuses to advance a real clock, and serves no sim routes without a registry', async () => {
    await start('real');
    const res = await call('POST', `${C}/advance`, { ms: 1000 });
    expect(res.status).toBe(400);
    expect(res.json.reason).toBe('BadRequest');
    await sim!.close();
    await start('virtual', false);
    expect((await call('GET', `${C}/pods`)).status).toBe(404);
  });

  it('labels sim requests in the metrics, errors included, honours --disable-api and --cors-alloworigin, and leaves ChartMuseum routes alone', async () => {
    await start('virtual', true, { enableMetrics: true });
    await call('GET', `${C}/pods`);
    await call('POST', `${C}/advance`, { ms: -1 });
    expect((await call('GET', '/api/charts')).json).toEqual({});
    const text = (await sim!.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toContain('chartmuseum_requests_total{code="200",method="GET",handler="sim.list"');
    expect(text).toContain('chartmuseum_requests_total{code="400",method="POST",handler="sim.advance"');
    await sim!.close();
    await start('virtual', true, { disableApi: true });
    expect((await call('GET', `${C}/pods`)).status).toBe(404);
    await sim!.close();
    await start('virtual', true, { corsAllowOrigin: 'https://console.example' });
    const res = await sim!.app.inject({ method: 'GET', url: `${C}/pods` });
    expect(res.headers['access-control-allow-origin']).toBe('https://console.example');
    const preflight = await sim!.app.inject({ method: 'OPTIONS', url: `${C}/deploy/default/vweb` });
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD, POST, PATCH, DELETE, OPTIONS');
    const chartPreflight = await sim!.app.inject({ method: 'OPTIONS', url: '/api/charts' });
    expect(chartPreflight.headers['access-control-allow-methods']).toBe('GET, HEAD, POST, DELETE, OPTIONS');
  });
});
