import { afterEach, describe, expect, it } from 'vitest';
import { simApp, type SimApp, VWEB } from './sim-app.js';

/**
 * What the simulated API server refuses, as a kubectl 1.32-era API server does: a PATCH whose
 * Content-Type is not a patch type (415), and objects of kinds it does not serve; and what it no longer
 * shows (status.terminatingReplicas, a 1.33+ field).
 */
let sim: SimApp;
afterEach(async () => sim?.close());
const C = '/api/sim/clusters/default';
const D = `${C}/deployments/default/vweb`;

describe('sim API: strictness', () => {
  it('answers 415 to a PATCH with plain application/json (or none), and accepts the four patch types', async () => {
    sim = await simApp();
    await sim.call('POST', `${C}/apply`, VWEB, 'application/yaml');
    const plain = await sim.call('PATCH', D, { metadata: { labels: { tier: 'web' } } }, 'application/json');
    expect(plain.status).toBe(415);
    expect(plain.json).toMatchObject({
      kind: 'Status',
      reason: 'UnsupportedMediaType',
      code: 415,
      message:
        'the body of the request was in an unknown format - accepted media types include: application/merge-patch+json, application/strategic-merge-patch+json, application/json-patch+json, application/apply-patch+yaml',
    });
    const untyped = await sim.app.inject({ method: 'PATCH', url: D, payload: '{}' });
    expect(untyped.statusCode).toBe(415);
    expect((await sim.call('GET', D)).json.metadata.labels).toBeUndefined();

    const merge = await sim.call('PATCH', D, { metadata: { labels: { a: '1' } } }, 'application/merge-patch+json');
    expect(merge.json.metadata.labels).toEqual({ a: '1' });
    const strategic = await sim.call('PATCH', D, { metadata: { labels: { b: '2' } } }, 'application/strategic-merge-patch+json; charset=utf-8');
    expect(strategic.json.metadata.labels).toEqual({ a: '1', b: '2' });
    const json = await sim.call('PATCH', D, [{ op: 'add', path: '/metadata/labels/c', value: '3' }], 'application/json-patch+json');
    expect(json.json.metadata.labels).toEqual({ a: '1', b: '2', c: '3' });
    const applied = VWEB.split('---')[0]!.replace('replicas: 3', 'replicas: 4');
    const apply = await sim.call('PATCH', D, applied, 'application/apply-patch+yaml');
    expect(apply.status).toBe(200);
    expect(apply.json.spec.replicas).toBe(4);
    expect((await sim.call('PATCH', D, VWEB.split('---')[1]!, 'application/apply-patch+yaml')).status).toBe(400);
  });

  it('refuses to apply or create kinds it does not serve, object by object', async () => {
    sim = await simApp();
    const body = 'apiVersion: v1\nkind: Widget\nmetadata:\n  name: w\n---\napiVersion: v1\nkind: Deployment\nmetadata:\n  name: d\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n';
    for (const route of ['apply', 'create']) {
      const res = await sim.call('POST', `${C}/${route}?namespace=default`, body.replace('name: ok', `name: ok-${route}`), 'application/yaml');
      expect(res.status).toBe(200);
      const [widget, deployment, configMap] = res.json.results;
      expect(widget.error).toMatchObject({ reason: 'NotFound', code: 404, message: 'no matches for kind "Widget" in version "v1"' });
      expect(widget.noKindMatch).toEqual({ name: 'w', namespace: '', kind: 'Widget', version: 'v1' });
      expect(deployment.error.message).toBe('no matches for kind "Deployment" in version "v1"');
      expect(configMap).toMatchObject({ name: `configmap/ok-${route}`, action: 'created' });
    }
    expect((await sim.call('GET', `${C}/widgets/default/w`)).status).toBe(404);
  });

  it('shows no status.terminatingReplicas on Deployments and ReplicaSets, even while pods terminate', async () => {
    sim = await simApp();
    await sim.call('POST', `${C}/apply`, VWEB, 'application/yaml');
    await sim.call('POST', `${C}/advance`, { ms: 5000 });
    await sim.call('POST', `${D}/scale`, { replicas: 1 });
    const pods = (await sim.call('GET', `${C}/pods?namespace=default`)).json.items;
    expect(pods.some((p: any) => p.metadata.deletionTimestamp)).toBe(true);
    const deployment = (await sim.call('GET', D)).json;
    expect(deployment.status).toMatchObject({ replicas: 1, observedGeneration: 2 });
    expect(deployment.status).not.toHaveProperty('terminatingReplicas');
    const replicaSets = (await sim.call('GET', `${C}/rs?namespace=default`)).json.items;
    expect(replicaSets.length).toBeGreaterThan(0);
    for (const rs of replicaSets) expect(rs.status).not.toHaveProperty('terminatingReplicas');
  });

  it('documents the JSON bodies of advance, scale, set-image, undo and traffic: examples pass, violations get 400', async () => {
    sim = await simApp();
    await sim.call('POST', `${C}/apply`, VWEB, 'application/yaml');
    const doc = (await sim.call('GET', '/api/sim/openapi.json')).json;
    const concrete = (path: string): string =>
      path.replace('{cluster}', 'default').replace('{resource}', path.endsWith('/traffic') ? 'svc' : 'deploy').replace('{namespace}', 'default').replace('{name}', 'vweb');
    const bodies: [string, any][] = [];
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      const ref = item.post?.requestBody?.content?.['application/json']?.schema?.$ref;
      if (ref) bodies.push([concrete(path), doc.components.schemas[ref.split('/').pop()]]);
    }
    expect(bodies.map(([url]) => url.split('/').pop())).toEqual(['advance', 'scale', 'set-image', 'undo', 'traffic']);
    for (const [url, schema] of bodies) {
      const [field, spec] = Object.entries(schema.properties as Record<string, any>)[0]!;
      if (schema.required) expect((await sim.call('POST', url, {})).status, `${url} {}`).toBe(400);
      if (spec.minimum !== undefined) expect((await sim.call('POST', url, { [field]: spec.minimum - 1 })).status, `${url} below minimum`).toBe(400);
      if (spec.maximum !== undefined) expect((await sim.call('POST', url, { [field]: spec.maximum + 1 })).status, `${url} above maximum`).toBe(400);
      if (spec.type === 'integer') expect((await sim.call('POST', url, { [field]: 'many' })).status, `${url} not an integer`).toBe(400);
      expect((await sim.call('POST', url, schema.example)).status, `${url} example`).toBe(200);
    }
  });

  it('refuses a manifest nested past the YAML depth limit with a 400, and goes on serving', async () => {
    sim = await simApp();
    const deep = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: {x: ${'['.repeat(50_000)}${']'.repeat(50_000)}}\n`;
    const res = await sim.call('POST', `${C}/apply`, deep, 'application/yaml');
    expect(res.status).toBe(400);
    expect(res.json.message).toBe('error parsing manifest: exceeded max depth of 400');
    expect((await sim.call('POST', `${C}/apply`, VWEB, 'application/yaml')).status).toBe(200);
  });
});
