import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vwebFiles } from '../../release/vweb-chart.js';
import { simApp, type SimApp } from './sim-app.js';

const chart = (version = '0.1.0') => ({ files: Object.fromEntries([...vwebFiles(version)].map(([k, v]) => [k, v.toString('base64')])) });
const base = '/api/sim/clusters/default/releases';

describe('release routes', () => {
  let sim: SimApp;
  beforeEach(async () => (sim = await simApp('virtual')));
  afterEach(async () => await sim.close());

  it('installs, lists, upgrades, rolls back and uninstalls', async () => {
    const install = await sim.call('POST', base, { name: 'web', namespace: 'default', chart: chart(), values: { files: [{ name: 'v.yaml', text: 'replicaCount: 2\n' }] } });
    expect(install.status).toBe(200);
    expect(install.json.release).toMatchObject({ name: 'web', version: 1, info: { status: 'deployed', description: 'Install complete' }, config: { replicaCount: 2 } });
    expect((await sim.call('GET', base)).json.releases.map((r: any) => r.name)).toEqual(['web']);
    const upgrade = await sim.call('POST', `${base}/default/web/upgrade`, { chart: chart('0.2.0') });
    expect(upgrade.json).toMatchObject({ installed: false, release: { version: 2, config: { replicaCount: 2 }, chart: { metadata: { version: '0.2.0' } } } });
    expect((await sim.call('GET', `${base}/default/web/values?all=true`)).json.values.replicaCount).toBe(2);
    expect((await sim.call('POST', `${base}/default/web/rollback`, { revision: 1 })).json.release.info.description).toBe('Rollback to 1');
    const history = await sim.call('GET', `${base}/default/web/history`);
    expect(history.json.releases.map((r: any) => `${r.version}:${r.info.status}`)).toEqual(['1:superseded', '2:superseded', '3:deployed']);
    const secrets = await sim.call('GET', '/api/sim/clusters/default/secrets?namespace=default&labelSelector=owner%3Dhelm');
    expect(secrets.json.items.map((s: any) => `${s.metadata.name} ${s.type} ${s.metadata.labels.status}`)).toEqual([
      'sh.helm.release.v1.web.v1 helm.sh/release.v1 superseded', 'sh.helm.release.v1.web.v2 helm.sh/release.v1 superseded', 'sh.helm.release.v1.web.v3 helm.sh/release.v1 deployed',
    ]);
    expect((await sim.call('DELETE', `${base}/default/web`)).json).toMatchObject({ info: '', release: { info: { status: 'uninstalled' } } });
    expect((await sim.call('GET', base)).json.releases).toEqual([]);
  });

  it('answers release errors with Helm\'s message, a reason and a status code', async () => {
    await sim.call('POST', base, { name: 'web', chart: chart() });
    expect(await sim.call('POST', base, { name: 'web', chart: chart() })).toEqual({ status: 409, json: { error: 'cannot re-use a name that is still in use', reason: 'NameInUseError' } });
    expect(await sim.call('GET', `${base}/default/nope/history`)).toEqual({ status: 404, json: { error: 'release: not found', reason: 'ReleaseNotFoundError' } });
    expect(await sim.call('POST', `${base}/default/nope/upgrade`, { chart: chart() })).toEqual({ status: 404, json: { error: '"nope" has no deployed releases', reason: 'NoDeployedReleasesError' } });
    expect(await sim.call('POST', `${base}/default/web/rollback`, { revision: 4 })).toEqual({ status: 400, json: { error: 'release has no 4 version', reason: 'InvalidReleaseRequestError' } });
    expect((await sim.call('POST', base, { name: 'x' })).status).toBe(400);
    expect(await sim.call('POST', base, { name: 'x', chart: chart(), values: { set: ['a'] } })).toEqual({ status: 400, json: { error: 'failed parsing --set data: key "a" has no value', reason: 'BadBodyError' } });
    expect(await sim.call('POST', base, { name: 'x', chart: chart(), values: { setFile: ['a=gone.txt'] } })).toEqual({ status: 400, json: { error: 'failed parsing --set-file data: open gone.txt: no such file or directory', reason: 'BadBodyError' } });
    expect((await sim.call('POST', base, { name: 'x', chart: chart(), values: { set: 'a=1' } })).json).toEqual({ error: '"values.set" must be a list of strings', reason: 'BadBodyError' });
    const bad = await sim.call('POST', base, { name: 'x', chart: chart(), values: { files: [{ name: 'bad.yaml', text: 'a: [' }] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/^failed to parse bad\.yaml: /);
  });

  it('upgrade --install installs a missing release and replaces an uninstalled one', async () => {
    const first = await sim.call('POST', `${base}/default/web/upgrade`, { chart: chart(), install: true });
    expect(first.json).toMatchObject({ installed: true, release: { version: 1 } });
    await sim.call('DELETE', `${base}/default/web?keepHistory=true`);
    const again = await sim.call('POST', `${base}/default/web/upgrade`, { chart: chart(), install: true });
    expect(again.json).toMatchObject({ installed: true, release: { version: 2, info: { status: 'deployed' } } });
  });
});

describe('a hostile chart cannot hold the server', () => {
  const files = (template: string) => ({ files: {
    'Chart.yaml': Buffer.from('apiVersion: v2\nname: slow\nversion: 0.1.0\n').toString('base64'),
    'templates/loop.yaml': Buffer.from(template).toString('base64'),
  } });

  it('an install stops at --sim-render-timeout with the render error, writing nothing, and the server answers on', async () => {
    const sim = await simApp('virtual', true, { simRenderTimeout: 300 });
    try {
      const started = performance.now();
      const res = await sim.call('POST', base, { name: 'slow', chart: files('{{ range until 1000000 }}{{ range until 1000 }}{{ end }}{{ end }}') });
      expect(res).toEqual({ status: 400, json: {
        error: 'rendering slow/templates/loop.yaml stopped: template execution exceeds the time limit of 300ms', reason: 'RenderLimitError',
      } });
      // Generous: the loop alone would take minutes; the point is that it was cut off near the limit.
      expect(performance.now() - started).toBeLessThan(10_000);
      expect((await sim.call('GET', base)).json.releases).toEqual([]);
      const secrets = await sim.call('GET', '/api/sim/clusters/default/secrets?namespace=default');
      expect(secrets.json.items).toEqual([]);
      expect((await sim.call('POST', base, { name: 'web', chart: chart() })).status).toBe(200);
    } finally {
      await sim.close();
    }
  });

  it('a values.schema.json refusal is a 400 with Helm\'s text, not a server error', async () => {
    const sim = await simApp('virtual');
    try {
      const schemaChart = { files: {
        'Chart.yaml': Buffer.from('apiVersion: v2\nname: strict\nversion: 0.1.0\n').toString('base64'),
        'values.schema.json': Buffer.from('{"required": ["zzz"]}').toString('base64'),
        'templates/cm.yaml': Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s}\n').toString('base64'),
      } };
      const res = await sim.call('POST', base, { name: 'strict', chart: schemaChart });
      expect(res.status).toBe(400);
      expect(res.json.reason).toBe('SchemaValidationError');
      expect(res.json.error).toContain("missing property 'zzz'");
    } finally {
      await sim.close();
    }
  });

  it('refuses a client its next render with 429 once it has spent two render timeouts in a minute (past 0.5 s free per request)', async () => {
    const sim = await simApp('virtual', true, { simRenderTimeout: 1_000 });
    try {
      const slow = files('{{ range until 1000000 }}{{ range until 1000 }}{{ end }}{{ end }}');
      // Each stops at the 1 s limit and is charged at least 0.5 s: four fill the 2 s budget.
      for (const name of ['s1', 's2', 's3', 's4']) expect((await sim.call('POST', base, { name, chart: slow })).status).toBe(400);
      const res = await sim.app.inject({ method: 'POST', url: base, payload: { name: 's5', chart: slow } });
      expect(res.statusCode).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.json()).toMatchObject({ reason: 'TooManyRequests' });
      expect(res.json().error).toMatch(/^too much chart rendering from \S+: 2s in 60s; try again in \d+s$/);
      // Reads and other clusters' reads are not rationed.
      expect((await sim.call('GET', base)).status).toBe(200);
    } finally {
      await sim.close();
    }
  });
});
