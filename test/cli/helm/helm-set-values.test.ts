/**
 * The `--set` family through `chartroom helm install|upgrade` onto the simulated cluster, and the value
 * reuse rules of upgrade (helm.md §4.11): default reuses the old config only when no value flag is given;
 * `--reuse-values` merges new values over the old config and keeps the old computed defaults;
 * `--reset-then-reuse-values` merges over the old config with the new chart's defaults; `--reset-values`
 * drops the old config. Values from the command line keep Go's types (an int from --set stays an int).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vwebFiles } from '../../release/vweb-chart.js';
import { helmHarness, type HelmHarness } from './helm-harness.js';

describe('chartroom helm: the --set family on install and upgrade', () => {
  let h: HelmHarness;
  let v1: string;
  let v2: string;
  const values = async (...args: string[]) => (await h.helm('get', 'values', ...args)).stdout;
  const replicas = (name: string) => (h.sim.clusters.get('default').get('Deployment', 'default', name) as unknown as { spec: { replicas: number } }).spec.replicas;
  const image = (name: string) => (h.sim.clusters.get('default').get('Deployment', 'default', name) as unknown as { spec: { template: { spec: { containers: { image: string }[] } } } })
    .spec.template.spec.containers[0]!.image;

  beforeAll(async () => {
    h = await helmHarness();
    v1 = await h.writeChart('vweb', vwebFiles('0.1.0'));
    const files = vwebFiles('0.2.0', '2.0.0');
    files.set('values.yaml', Buffer.from(files.get('values.yaml')!.toString().replace('tag: "1.25"', 'tag: "1.27"')));
    v2 = await h.writeChart('vweb2', files);
  });
  afterAll(async () => await h.close());

  it('install --set reaches the cluster and the release config, typed as Helm types it', async () => {
    await writeFile(join(h.dir, 'tag.txt'), '1.26');
    const r = await h.helm('install', 'web', v1, '--set', 'replicaCount=3', '--set-file', `image.tag=${join(h.dir, 'tag.txt')}`, '--set-string', 'extra.n=5');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('Release web revision 1 runs 3 replica(s).');
    expect(replicas('web')).toBe(3);
    expect(image('web')).toBe('nginx:1.26');
    expect(await values('web')).toBe('USER-SUPPLIED VALUES:\nextra:\n  "n": "5"\nimage:\n  tag: "1.26"\nreplicaCount: 3\n');
    expect(await values('web', '-o', 'json')).toBe('{"extra":{"n":"5"},"image":{"tag":"1.26"},"replicaCount":3}\n');
  });

  it('upgrade with no value flag reuses the old config; any value flag drops it', async () => {
    await h.helm('upgrade', 'web', v1);
    expect([replicas('web'), image('web')]).toEqual([3, 'nginx:1.26']);
    await h.helm('upgrade', 'web', v1, '--set', 'image.tag=1.24');
    expect(await values('web')).toBe('USER-SUPPLIED VALUES:\nimage:\n  tag: "1.24"\n');
    expect([replicas('web'), image('web')]).toEqual([1, 'nginx:1.24']);
  });

  it('--reuse-values keeps the old config and the old defaults; --reset-then-reuse-values takes the new defaults', async () => {
    await h.helm('install', 'a', v1, '--set', 'replicaCount=2');
    await h.helm('upgrade', 'a', v2, '--reuse-values', '--set', 'extra=1');
    expect(await values('a')).toBe('USER-SUPPLIED VALUES:\nextra: 1\nreplicaCount: 2\n');
    expect([replicas('a'), image('a')]).toEqual([2, 'nginx:1.25']);
    await h.helm('install', 'b', v1, '--set', 'replicaCount=2');
    await h.helm('upgrade', 'b', v2, '--reset-then-reuse-values', '--set', 'extra=1');
    expect(await values('b')).toBe('USER-SUPPLIED VALUES:\nextra: 1\nreplicaCount: 2\n');
    expect([replicas('b'), image('b')]).toEqual([2, 'nginx:1.27']);
  });

  it('--reset-values wins over --reuse-values and drops the old config', async () => {
    await h.helm('install', 'c', v1, '--set', 'replicaCount=2');
    await h.helm('upgrade', 'c', v2, '--reset-values', '--reuse-values');
    expect(await values('c')).toBe('USER-SUPPLIED VALUES:\nnull\n');
    expect([replicas('c'), image('c')]).toEqual([1, 'nginx:1.27']);
  });

  it('upgrade_test.go\'s case: --reuse-values merges new values over the old config', async () => {
    await h.helm('install', 'd', v1, '--set', 'name=value,maxHeapSize=128m,replicas=2');
    await h.helm('upgrade', 'd', v1, '--reuse-values', '--set', 'name=newValue,maxHeapSize=512m,cpu=12m');
    expect(JSON.parse((await values('d', '-o', 'json')).trim())).toEqual({ name: 'newValue', maxHeapSize: '512m', cpu: '12m', replicas: 2 });
  });

  it('the flag kinds apply in Helm\'s order, whatever their order on the command line', async () => {
    const r = await h.helm('install', 'e', v1, '--set', 'replicaCount=2', '--set-json', 'replicaCount=5', '--set-literal', 'x=a,b', '--dry-run', '-o', 'json');
    expect(JSON.parse(r.stdout).config).toEqual({ replicaCount: 2, x: 'a,b' });
  });

  it('the release API merges the --set family itself (the web console sends flags, not values)', async () => {
    const chart = { files: Object.fromEntries([...vwebFiles('0.1.0')].map(([k, v]) => [k, v.toString('base64')])) };
    const r = await h.sim.app.inject({
      method: 'POST', url: '/api/sim/clusters/default/releases',
      payload: { name: 'api', namespace: 'default', chart,
        values: { files: [{ name: 'a.yaml', text: 'replicaCount: 4\n' }], set: ['image.tag=9'], setFile: ['note=n.txt'], fileTexts: { 'n.txt': 'hi' } } },
    });
    expect(r.statusCode).toBe(200);
    expect(await values('api', '-o', 'json')).toBe('{"image":{"tag":9},"note":"hi","replicaCount":4}\n');
    const bad = await h.sim.app.inject({ method: 'POST', url: '/api/sim/clusters/default/releases', payload: { name: 'x', chart, values: { set: ['a'] } } });
    expect([bad.statusCode, bad.json()]).toMatchObject([400, { error: expect.stringContaining('failed parsing --set data: key "a" has no value') }]);
  });
});
