import { describe, expect, it } from 'vitest';
import { type Cluster, createCluster, createVirtualClock, type ReplicaSet } from '../../src/cluster/index.js';
import { assembleChart, parseValuesYaml } from '../../src/helm/render/index.js';
import { createReleaseManager, decodeRelease, RELEASE_SECRET_TYPE, type ReleaseManager, ReleaseStorage } from '../../src/release/index.js';
import { vweb, vwebFiles } from './vweb-chart.js';

const ns = 'default';
const vals = (yaml = '') => parseValuesYaml(yaml);

function setup(): { cluster: Cluster; releases: ReleaseManager } {
  const cluster = createCluster({ clock: createVirtualClock(), seed: 'release-test' });
  return { cluster, releases: createReleaseManager(cluster) };
}

const rows = (releases: ReleaseManager, name = 'web') =>
  releases.history(name, ns).map((r) => `${r.version} ${r.info.status} ${r.info.description}`);

const replicaSets = (cluster: Cluster) =>
  cluster.list<ReplicaSet>('ReplicaSet', { namespace: ns }).map((rs) => `${rs.spec.template.spec.containers[0]!.image}=${rs.spec.replicas}`).sort();

describe('install', () => {
  it('stores revision 1 as a Helm Secret and creates owned objects', async () => {
    const { cluster, releases } = setup();
    const rel = await releases.install(await vweb(), { releaseName: 'web', namespace: ns, values: vals('replicaCount: 2') });
    expect([rel.version, rel.info.status, rel.info.description]).toEqual([1, 'deployed', 'Install complete']);
    expect(rel.info.notes).toBe('Release web revision 1 runs 2 replica(s).\n');
    const secret = cluster.get('Secret', ns, 'sh.helm.release.v1.web.v1') as any;
    expect(secret.type).toBe(RELEASE_SECRET_TYPE);
    expect(secret.metadata.labels).toEqual({ name: 'web', owner: 'helm', status: 'deployed', version: '1', createdAt: String(Math.floor(cluster.now() / 1000)), modifiedAt: String(Math.floor(cluster.now() / 1000)) });
    const stored = decodeRelease(Buffer.from(secret.data.release, 'base64').toString());
    expect(stored.config).toEqual({ replicaCount: 2 });
    expect(stored.manifest).toContain('---\n# Source: vweb/templates/service.yaml\napiVersion: v1\nkind: Service');
    const dep = cluster.get('Deployment', ns, 'web')!;
    expect(dep.metadata.labels).toMatchObject({ 'app.kubernetes.io/managed-by': 'Helm', app: 'web' });
    expect(dep.metadata.annotations).toMatchObject({ 'meta.helm.sh/release-name': 'web', 'meta.helm.sh/release-namespace': 'default' });
    expect(replicaSets(cluster)).toEqual(['nginx:1.25=2']);
  });

  it('refuses a name in use, a bad name, and objects owned by someone else', async () => {
    const { cluster, releases } = setup();
    await releases.install(await vweb(), { releaseName: 'web', namespace: ns, values: vals() });
    await expect(releases.install(await vweb(), { releaseName: 'web', namespace: ns, values: vals() })).rejects.toThrow('cannot re-use a name that is still in use');
    await expect(releases.install(await vweb(), { releaseName: 'Bad_Name', namespace: ns, values: vals() })).rejects.toThrow(
      'release name "Bad_Name": invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53');
    cluster.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'other', namespace: ns }, spec: { ports: [{ port: 80 }] } });
    await expect(releases.install(await vweb(), { releaseName: 'other', namespace: ns, values: vals() })).rejects.toThrow(
      'Unable to continue with install: Service "other" in namespace "default" exists and cannot be imported into the current release: invalid ownership metadata; '
      + 'label validation error: missing key "app.kubernetes.io/managed-by": must be set to "Helm"; annotation validation error: missing key "meta.helm.sh/release-name": must be set to "other"; '
      + 'annotation validation error: missing key "meta.helm.sh/release-namespace": must be set to "default"');
    expect(releases.list().map((r) => r.name)).toEqual(['web']);
  });

  it('--dry-run stores nothing and describes the release "Dry run complete"', async () => {
    const { cluster, releases } = setup();
    const rel = await releases.install(await vweb(), { releaseName: 'web', namespace: ns, values: vals(), dryRun: true });
    expect([rel.info.status, rel.info.description]).toEqual(['pending-install', 'Dry run complete']);
    expect(cluster.list('Secret', { namespace: ns })).toEqual([]);
    expect(cluster.get('Deployment', ns, 'web')).toBeUndefined();
  });

  it('--create-namespace creates the namespace; without it the store fails', async () => {
    const { cluster, releases } = setup();
    await expect(releases.install(await vweb(), { releaseName: 'web', namespace: 'team', values: vals() })).rejects.toThrow('create: failed to create: namespaces "team" not found');
    await releases.install(await vweb(), { releaseName: 'web', namespace: 'team', values: vals(), createNamespace: true });
    expect(cluster.get('Namespace', undefined, 'team')?.metadata.labels).toEqual({ name: 'team' });
    expect(releases.status('web', 'team').info.status).toBe('deployed');
  });

  it('--wait advances the virtual clock until the pods are ready; --timeout fails the release', async () => {
    const { cluster, releases } = setup();
    const start = cluster.now();
    await releases.install(await vweb(), { releaseName: 'web', namespace: ns, values: vals('replicaCount: 2'), wait: true });
    expect(cluster.now() - start).toBe(6000); // pods are ready after 5 s; Helm polls every 2 s
    cluster.setFailingImages(['nginx:broken']);
    await expect(releases.install(await vweb(), { releaseName: 'bad', namespace: ns, values: vals('image:\n  tag: broken'), wait: true, timeoutMs: 10_000 }))
      .rejects.toThrow(/^context deadline exceeded$/);
    expect(rows(releases, 'bad')).toEqual(['1 failed Release "bad" failed: context deadline exceeded']);
  });

  it('--atomic uninstalls a failed install with its history', async () => {
    const { cluster, releases } = setup();
    cluster.setFailingImages(['nginx:broken']);
    await expect(releases.install(await vweb(), { releaseName: 'bad', namespace: ns, values: vals('image:\n  tag: broken'), atomic: true, timeoutMs: 4000 }))
      .rejects.toThrow('release bad failed, and has been uninstalled due to atomic being set: context deadline exceeded');
    expect(() => releases.history('bad', ns)).toThrow('release: not found');
    expect(cluster.get('Deployment', ns, 'bad')).toBeUndefined();
  });
});

describe('upgrade and rollback', () => {
  it('a replicas-only upgrade scales, an image upgrade rolls out, rollback copies revision 1', async () => {
    const { cluster, releases } = setup();
    await releases.install(await vweb(), { releaseName: 'web', namespace: ns, values: vals() });
    cluster.advance(10_000);
    const r2 = await releases.upgrade('web', await vweb(), { namespace: ns, values: vals('replicaCount: 3') });
    expect([r2.version, r2.info.status, r2.info.description]).toEqual([2, 'deployed', 'Upgrade complete']);
    expect(replicaSets(cluster)).toEqual(['nginx:1.25=3']);
    cluster.advance(10_000);
    await releases.upgrade('web', await vweb('0.2.0'), { namespace: ns, values: vals('replicaCount: 3\nimage:\n  tag: "1.26"') });
    cluster.advance(60_000);
    expect(replicaSets(cluster)).toEqual(['nginx:1.25=0', 'nginx:1.26=3']);
    const r4 = await releases.rollback('web', { namespace: ns, revision: 1 });
    expect(r4.config).toEqual({});
    cluster.advance(60_000);
    expect(replicaSets(cluster)).toEqual(['nginx:1.25=1', 'nginx:1.26=0']);
    expect(rows(releases)).toEqual([
      '1 superseded Install complete', '2 superseded Upgrade complete', '3 superseded Upgrade complete', '4 deployed Rollback to 1',
    ]);
    expect(cluster.get('Secret', ns, 'sh.helm.release.v1.web.v3')!.metadata.labels!.status).toBe('superseded');
  });

  it('an upgrade with an unchanged manifest still makes a revision and touches nothing', async () => {
    const { cluster, releases } = setup();
    await releases.install(await vweb(), { releaseName: 'web', namespace: ns, values: vals() });
    const before = cluster.get('Deployment', ns, 'web')!.metadata.resourceVersion;
    await releases.upgrade('web', await vweb(), { namespace: ns, values: vals() });
    expect(cluster.get('Deployment', ns, 'web')!.metadata.resourceVersion).toBe(before);
    expect(rows(releases)).toEqual(['1 superseded Install complete', '2 deployed Upgrade complete']);
  });

  it('deletes what the new manifest dropped unless it is marked keep', async () => {
    const { cluster, releases } = setup();
    await releases.install(await vweb(), { releaseName: 'web', namespace: ns, values: vals('config:\n  enabled: true') });
    expect(cluster.get('ConfigMap', ns, 'web-config')).toBeDefined();
    await releases.upgrade('web', await vweb(), { namespace: ns, values: vals('config:\n  enabled: false') });
    expect(cluster.get('ConfigMap', ns, 'web-config')).toBeUndefined();
    await releases.upgrade('web', await vweb(), { namespace: ns, values: vals('config:\n  enabled: true\n  keep: true') });
    await releases.upgrade('web', await vweb(), { namespace: ns, values: vals('replicaCount: 2') });
    expect(cluster.get('ConfigMap', ns, 'web-config')).toBeDefined();
  });

  it('reuses values as Helm does', async () => {
    const { releases } = setup();
    await releases.install(await vweb(), { releaseName: 'web', namespace: ns, values: vals('name: value\nmaxHeapSize: 128m\nreplicas: 2') });
    const def = await releases.upgrade('web', await vweb(), { namespace: ns, values: vals() });
    expect(def.config).toEqual({ name: 'value', maxHeapSize: '128m', replicas: 2 });
    const reuse = await releases.upgrade('web', await vweb(), { namespace: ns, values: vals('name: newValue\nmaxHeapSize: 512m\ncpu: 12m'), reuseValues: true });
    expect(reuse.config).toEqual({ name: 'newValue', maxHeapSize: '512m', cpu: '12m', replicas: 2 });
    const reset = await releases.upgrade('web', await vweb(), { namespace: ns, values: vals('cpu: 1'), resetValues: true });
    expect(reset.config).toEqual({ cpu: 1 });
    const then = await releases.upgrade('web', await vweb(), { namespace: ns, values: vals('x: 1'), resetThenReuseValues: true });
    expect(then.config).toEqual({ cpu: 1, x: 1 });
  });

  it('--reuse-values keeps the old chart defaults; --reset-then-reuse-values takes the new ones', async () => {
    const { releases } = setup();
    await releases.install(await vweb(), { releaseName: 'web', namespace: ns, values: vals('replicaCount: 2') });
    const files = (await vweb('0.2.0')).values;
    const newChart = { ...(await vweb('0.2.0')), values: new Map([...files, ['image', new Map([['repository', 'nginx'], ['tag', '2.0']])]]) };
    const reuse = await releases.upgrade('web', newChart as any, { namespace: ns, values: vals(), reuseValues: true });
    expect(reuse.manifest).toContain('image: "nginx:1.25"');
    const fresh = await releases.upgrade('web', newChart as any, { namespace: ns, values: vals(), resetThenReuseValues: true });
    expect(fresh.manifest).toContain('image: "nginx:2.0"');
    expect(fresh.manifest).toContain('replicas: 2');
  });

  it('refuses while another operation is pending, and without a release', async () => {
    const { cluster, releases } = setup();
    await expect(releases.upgrade('web', await vweb(), { namespace: ns, values: vals() })).rejects.toThrow('"web" has no deployed releases');
    await releases.install(await vweb(), { releaseName: 'web', namespace: ns, values: vals() });
    // A pending record, as a crashed or concurrent operation leaves it.
    const store = new ReleaseStorage(cluster);
    const last = store.last('web', ns);
    store.update({ ...last, info: { ...last.info, status: 'pending-upgrade' } });
    await expect(releases.upgrade('web', await vweb(), { namespace: ns, values: vals() })).rejects.toThrow('another operation (install/upgrade/rollback) is in progress');
  });

  it('--atomic rolls a failed upgrade back to the last good revision', async () => {
    const { cluster, releases } = setup();
    await releases.install(await vweb(), { releaseName: 'web', namespace: ns, values: vals(), wait: true });
    cluster.setFailingImages(['nginx:broken']);
    await expect(releases.upgrade('web', await vweb(), { namespace: ns, values: vals('image:\n  tag: broken'), atomic: true, timeoutMs: 10_000 }))
      .rejects.toThrow('release web failed, and has been rolled back due to atomic being set: context deadline exceeded');
    expect(rows(releases)).toEqual([
      '1 superseded Install complete', '2 failed Upgrade "web" failed: context deadline exceeded', '3 deployed Rollback to 1',
    ]);
    cluster.advance(60_000);
    expect(cluster.get<any>('Deployment', ns, 'web')!.spec.template.spec.containers[0].image).toBe('nginx:1.25');
  });

  it('--history-max prunes the oldest revisions but never the deployed one', async () => {
    const { releases } = setup();
    await releases.install(await vweb(), { releaseName: 'web', namespace: ns, values: vals() });
    for (let i = 2; i <= 5; i++) await releases.upgrade('web', await vweb(), { namespace: ns, values: vals(`replicaCount: ${i}`), historyMax: 3 });
    expect(releases.history('web', ns).map((r) => r.version)).toEqual([3, 4, 5]);
  });

  it('rollback errors: no such revision, negative revision, no release', async () => {
    const { releases } = setup();
    await expect(releases.rollback('web', { namespace: ns })).rejects.toThrow('release: not found');
    await releases.install(await vweb(), { releaseName: 'web', namespace: ns, values: vals() });
    await expect(releases.rollback('web', { namespace: ns })).rejects.toThrow('release has no 0 version');
    await expect(releases.rollback('web', { namespace: ns, revision: 7 })).rejects.toThrow('release has no 7 version');
    await expect(releases.rollback('web', { namespace: ns, revision: -1 })).rejects.toThrow('invalid release revision');
  });
});

describe('hooks', () => {
  it('runs a pre-install Job and deletes it by its hook-succeeded policy', async () => {
    const { cluster, releases } = setup();
    const rel = await releases.install(await vweb(), { releaseName: 'web', namespace: ns, values: vals('hook:\n  enabled: true') });
    expect(rel.hooks.map((h) => [h.name, h.events, h.weight, h.lastRun.phase])).toEqual([['web-migrate', ['pre-install', 'pre-upgrade'], -5, 'Succeeded']]);
    expect(cluster.get('Job', ns, 'web-migrate')).toBeUndefined();
    expect(rel.manifest).not.toContain('kind: Job');
  });

  it('keeps a completed Job without a policy matching, and fails the release when the Job fails', async () => {
    const { cluster, releases } = setup();
    await releases.install(await vweb(), { releaseName: 'web', namespace: ns, values: vals('hook:\n  enabled: true\n  policy: hook-failed') });
    expect((cluster.get('Job', ns, 'web-migrate') as any).status.conditions[0].type).toBe('Complete');
    await expect(releases.upgrade('web', await vweb(), { namespace: ns, values: vals('hook:\n  enabled: true\n  fail: true\n  policy: before-hook-creation') }))
      .rejects.toThrow('pre-upgrade hooks failed: job web-migrate failed: BackoffLimitExceeded');
    expect(rows(releases)).toEqual(['1 deployed Install complete', '2 failed Upgrade "web" failed: pre-upgrade hooks failed: job web-migrate failed: BackoffLimitExceeded']);
    expect((cluster.get('Job', ns, 'web-migrate') as any).status.conditions[0].reason).toBe('BackoffLimitExceeded');
  });
});

describe('uninstall, list, status', () => {
  it('--keep-history leaves an uninstalled revision; a second uninstall purges it', async () => {
    const { cluster, releases } = setup();
    await releases.install(await vweb(), { releaseName: 'web', namespace: ns, values: vals('config:\n  enabled: true\n  keep: true') });
    const res = await releases.uninstall('web', { namespace: ns, keepHistory: true });
    expect(res.info).toBe('These resources were kept due to the resource policy:\n[ConfigMap] web-config\n');
    expect(rows(releases)).toEqual(['1 uninstalled Uninstallation complete']);
    expect(cluster.get('Deployment', ns, 'web')).toBeUndefined();
    expect(cluster.get('ConfigMap', ns, 'web-config')).toBeDefined();
    expect(releases.list().map((r) => r.name)).toEqual([]);
    expect(releases.list({ states: new Set(['uninstalled']) }).map((r) => r.name)).toEqual(['web']);
    await expect(releases.uninstall('web', { namespace: ns, keepHistory: true })).rejects.toThrow('the release named "web" is already deleted');
    await releases.uninstall('web', { namespace: ns });
    expect(cluster.list('Secret', { namespace: ns })).toEqual([]);
    await expect(releases.uninstall('web', { namespace: ns })).rejects.toThrow('uninstall: Release not loaded: web: release: not found');
  });

  it('install --replace continues the history of an uninstalled release', async () => {
    const { releases } = setup();
    await releases.install(await vweb(), { releaseName: 'web', namespace: ns, values: vals() });
    await releases.uninstall('web', { namespace: ns, keepHistory: true });
    await expect(releases.install(await vweb(), { releaseName: 'web', namespace: ns, values: vals() })).rejects.toThrow('cannot re-use a name that is still in use');
    const rel = await releases.install(await vweb(), { releaseName: 'web', namespace: ns, values: vals(), replace: true });
    expect(rel.version).toBe(2);
    expect(rows(releases)).toEqual(['1 superseded superseded by new release', '2 deployed Install complete']);
  });

  it('lists the latest revision per release, filtered and sorted as Helm does', async () => {
    const { cluster, releases } = setup();
    for (const name of ['beta', 'alpha', 'gamma']) {
      await releases.install(await vweb(), { releaseName: name, namespace: ns, values: vals() });
      cluster.advance(1000);
    }
    await releases.upgrade('alpha', await vweb(), { namespace: ns, values: vals('replicaCount: 2') });
    await releases.uninstall('gamma', { namespace: ns, keepHistory: true });
    expect(releases.list().map((r) => `${r.name}.${r.version}`)).toEqual(['alpha.2', 'beta.1']);
    expect(releases.list({ reverse: true }).map((r) => r.name)).toEqual(['beta', 'alpha']);
    expect(releases.list({ byDate: true }).map((r) => r.name)).toEqual(['beta', 'alpha']);
    expect(releases.list({ states: new Set(['deployed', 'failed', 'uninstalled', 'superseded']) }).map((r) => r.name)).toEqual(['alpha', 'beta', 'gamma']);
    expect(releases.list({ states: new Set(['superseded']) }).map((r) => `${r.name}.${r.version}`)).toEqual(['alpha.1']);
    expect(releases.list({ filter: '^b' }).map((r) => r.name)).toEqual(['beta']);
    expect(releases.status('gamma', ns).info.status).toBe('uninstalled');
    expect(releases.status('alpha', ns, 1).info.status).toBe('superseded');
  });
});

describe('hook order and events', () => {
  const job = (name: string, events: string, weight: number, policy?: string) => `---
apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
  annotations:
    helm.sh/hook: ${events}
    helm.sh/hook-weight: "${weight}"
${policy ? `    helm.sh/hook-delete-policy: ${policy}\n` : ''}spec:
  template:
    spec:
      containers:
        - name: run
          image: busybox
`;

  it('runs pre-delete hooks by weight then name, post-rollback hooks on rollback, and deletes by policy', async () => {
    const { cluster } = setup();
    const releases = createReleaseManager(cluster);
    const files = vwebFiles();
    files.set('templates/extra-hooks.yaml', Buffer.from(
      job('a-late', 'pre-delete', 5, 'hook-succeeded') + job('z-early', 'pre-delete', -10, 'hook-succeeded') + job('m-mid', 'pre-delete', 0)
      + job('b-mid', 'pre-delete', 0, 'hook-succeeded') + job('rb', 'post-rollback', 0),
    ));
    const chart = await assembleChart(files);
    const created: string[] = [];
    cluster.subscribe((e) => {
      if (e.type === 'ADDED' && e.object.kind === 'Job') created.push(e.object.metadata.name);
    });
    await releases.install(chart, { releaseName: 'web', namespace: ns, values: vals() });
    await releases.upgrade('web', chart, { namespace: ns, values: vals('replicaCount: 2') });
    expect(created).toEqual([]);
    const back = await releases.rollback('web', { namespace: ns });
    expect(created).toEqual(['rb']);
    expect(back.hooks.find((h) => h.name === 'rb')!.lastRun.phase).toBe('Succeeded');
    expect((cluster.get('Job', ns, 'rb') as any).status.succeeded).toBe(1);
    await releases.uninstall('web', { namespace: ns });
    expect(created).toEqual(['rb', 'z-early', 'b-mid', 'm-mid', 'a-late']);
    expect(cluster.list('Job', { namespace: ns }).map((j) => j.metadata.name)).toEqual(['m-mid', 'rb']);
  });
});

describe('lookup', () => {
  it('sees the simulated cluster on install and upgrade, and nothing on a dry run', async () => {
    const { cluster, releases } = setup();
    cluster.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: ns }, data: { color: 'blue' } } as any);
    const files = vwebFiles();
    files.set('templates/seen.yaml', Buffer.from(`apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-seen
data:
  color: {{ dig "data" "color" "none" (lookup "v1" "ConfigMap" .Release.Namespace "settings") | quote }}
  missing: {{ lookup "v1" "ConfigMap" .Release.Namespace "nope" | len | quote }}
  deployments: {{ dig "items" list (lookup "apps/v1" "Deployment" "" "") | len | quote }}
  kind: {{ dig "kind" "" (lookup "apps/v1" "Deployment" "" "") | quote }}
`));
    const chart = await assembleChart(files);
    const dry = await releases.install(chart, { releaseName: 'web', namespace: ns, values: vals(), dryRun: true });
    expect(dry.manifest).toContain('  color: "none"\n  missing: "0"\n  deployments: "0"\n  kind: ""\n');
    const rel = await releases.install(chart, { releaseName: 'web', namespace: ns, values: vals() });
    expect(rel.manifest).toContain('  color: "blue"\n  missing: "0"\n  deployments: "0"\n  kind: "DeploymentList"\n');
    const up = await releases.upgrade('web', chart, { namespace: ns, values: vals() });
    expect(up.manifest).toContain('  deployments: "1"\n');
  });
});

describe('uninstall --wait', () => {
  it('waits until a deleted Pod has finished terminating', async () => {
    const { cluster, releases } = setup();
    const files = vwebFiles();
    files.set('templates/pod.yaml', Buffer.from('apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}-solo\nspec:\n  containers:\n    - name: c\n      image: busybox\n'));
    await releases.install(await assembleChart(files), { releaseName: 'web', namespace: ns, values: vals(), wait: true });
    const start = cluster.now();
    await releases.uninstall('web', { namespace: ns, wait: true });
    expect(cluster.get('Pod', ns, 'web-solo')).toBeUndefined();
    expect(cluster.now() - start).toBe(2000); // Terminating lasts 2 s in the simulator; polled every 2 s
  });
});
