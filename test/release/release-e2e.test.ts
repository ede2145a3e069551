/**
 * End to end, as a class would do it: three versions of a chart packaged with `chartroom helm package`
 * and pushed with curl to a real Chartroom process (virtual clock), `chartroom helm repo add`, install,
 * an upgrade that only scales, an upgrade that changes the image, and a rollback — checking the
 * ReplicaSets, the Helm revisions and the Deployment's events after every step, through the simulator API.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, run, startChartroom, type RunningServer } from '../helpers/process.js';
import { tempDir } from '../helpers/server.js';
import { vwebFiles } from './vweb-chart.js';

/** Writes the vweb chart folder at `version` with `replicaCount` and `image.tag` defaults changed. */
async function writeVweb(dir: string, version: string, replicas: number, tag: string): Promise<void> {
  const files = vwebFiles(version, version);
  const values = files.get('values.yaml')!.toString().replace('replicaCount: 1', `replicaCount: ${replicas}`).replace('tag: "1.25"', `tag: "${tag}"`);
  files.set('values.yaml', Buffer.from(values));
  for (const [path, data] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), data);
  }
}

describe('push, repo add, install, upgrade twice, roll back', () => {
  let server: RunningServer;
  let tmp: { path: string; cleanup: () => Promise<void> };
  let env: NodeJS.ProcessEnv;
  const chartroom = async (...args: string[]) => await run(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src/cli/main.ts'), ...args], { env, cwd: PROJECT_ROOT });
  const api = async (path: string): Promise<any> => await (await fetch(`${server.url}/api/sim/clusters/default/${path}`)).json();
  const replicaSets = async () => ((await api('replicasets?namespace=default')).items as any[])
    .map((rs) => `${rs.spec.template.spec.containers[0].image} desired=${rs.spec.replicas} ready=${rs.status?.readyReplicas ?? 0}`).sort();
  const revisions = async () => ((await api('releases/default/web/history')).releases as any[]).map((r) => `${r.version} ${r.info.status} ${r.chart.metadata.version} ${r.info.description}`);
  const scalingEvents = async () => ((await api('events?namespace=default&fieldSelector=involvedObject.kind%3DDeployment')).items as any[])
    .map((e) => e.message.replace(/web-[a-z0-9]+/, 'web-<hash>'));

  beforeAll(async () => {
    tmp = await tempDir('chartroom-e2e-');
    server = await startChartroom(['--storage-local-rootdir', join(tmp.path, 'storage'), '--sim-clock', 'virtual']);
    env = { CHARTROOM_SERVER: server.url, HELM_REPOSITORY_CONFIG: join(tmp.path, 'repositories.yaml'), HELM_REPOSITORY_CACHE: join(tmp.path, 'cache') };
    const versions: [string, number, string][] = [['0.1.0', 1, '1.25'], ['0.2.0', 3, '1.25'], ['0.3.0', 3, '1.26']];
    for (const [version, replicas, tag] of versions) {
      const folder = join(tmp.path, `src-${version}`, 'vweb');
      await writeVweb(folder, version, replicas, tag);
      const file = join(tmp.path, `vweb-${version}.tgz`);
      expect((await chartroom('helm', 'package', folder, '-d', tmp.path)).stdout).toBe(`Successfully packaged chart and saved it to: ${file}\n`);
      const push = await run('curl', ['-sS', '--data-binary', `@${file}`, `${server.url}/api/charts`]);
      expect(push.stdout).toBe('{"saved":true}');
    }
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await tmp?.cleanup();
  });

  it('drives the cluster exactly as Helm drives a real one', async () => {
    expect((await chartroom('helm', 'repo', 'add', 'class', server.url)).stdout).toBe('"class" has been added to your repositories\n');
    expect((await chartroom('helm', 'search', 'repo', 'vweb', '-l')).stdout).toContain('class/vweb\t0.3.0        \t0.3.0      \tA tiny web server');

    const install = await chartroom('helm', 'install', 'web', 'class/vweb', '--version', '~0.1', '--wait');
    expect(install.stderr).toBe('');
    expect(install.stdout).toContain('STATUS: deployed\nREVISION: 1\n');
    expect(await replicaSets()).toEqual(['nginx:1.25 desired=1 ready=1']);
    expect(await revisions()).toEqual(['1 deployed 0.1.0 Install complete']);
    const up1 = 'Scaled up replica set web-<hash> to 1';
    expect(await scalingEvents()).toEqual([up1]);

    const scale = await chartroom('helm', 'upgrade', 'web', 'class/vweb', '--version', '0.2.0', '--wait');
    expect(scale.stdout).toContain('Release "web" has been upgraded. Happy Helming!\n');
    expect(await replicaSets()).toEqual(['nginx:1.25 desired=3 ready=3']);
    expect(await revisions()).toEqual(['1 superseded 0.1.0 Install complete', '2 deployed 0.2.0 Upgrade complete']);
    // Only replicas changed: the same ReplicaSet scales, no rollout.
    const scaled = [up1, 'Scaled up replica set web-<hash> to 3 from 1'];
    expect(await scalingEvents()).toEqual(scaled);

    const image = await chartroom('helm', 'upgrade', 'web', 'class/vweb', '--wait', '--timeout', '2m');
    expect(image.stderr).toBe('');
    await chartroom('sim', 'advance', '30s');
    expect(await replicaSets()).toEqual(['nginx:1.25 desired=0 ready=0', 'nginx:1.26 desired=3 ready=3']);
    expect(await revisions()).toEqual(['1 superseded 0.1.0 Install complete', '2 superseded 0.2.0 Upgrade complete', '3 deployed 0.3.0 Upgrade complete']);
    const rollout = await scalingEvents();
    // The image changed: a new ReplicaSet, rolled out one surge pod at a time (maxSurge 1, maxUnavailable 0).
    const rolled = [...scaled, up1, 'Scaled down replica set web-<hash> to 2 from 3', 'Scaled up replica set web-<hash> to 2 from 1',
      'Scaled down replica set web-<hash> to 1 from 2', 'Scaled up replica set web-<hash> to 3 from 2', 'Scaled down replica set web-<hash> to 0 from 1'];
    expect(rollout).toEqual(rolled);


    const rollback = await chartroom('helm', 'rollback', 'web', '1', '--wait');
    expect(rollback.stdout).toBe('Rollback was a success! Happy Helming!\n');
    await chartroom('sim', 'advance', '30s');
    expect(await replicaSets()).toEqual(['nginx:1.25 desired=1 ready=1', 'nginx:1.26 desired=0 ready=0']);
    expect(await revisions()).toEqual([
      '1 superseded 0.1.0 Install complete', '2 superseded 0.2.0 Upgrade complete', '3 superseded 0.3.0 Upgrade complete', '4 deployed 0.1.0 Rollback to 1',
    ]);
    expect(await scalingEvents()).toEqual([...rolled, 'Scaled down replica set web-<hash> to 1 from 3', 'Scaled up replica set web-<hash> to 1 from 0',
      'Scaled down replica set web-<hash> to 0 from 1']);

    const secrets = await chartroom('kubectl', 'get', 'secrets');
    expect(secrets.stdout.split('\n').filter((l) => l.startsWith('sh.helm.release.v1.web.')).map((l) => l.split(/\s+/).slice(0, 3).join(' ')))
      .toEqual([1, 2, 3, 4].map((v) => `sh.helm.release.v1.web.v${v} helm.sh/release.v1 1`));
    const history = await chartroom('helm', 'history', 'web');
    expect(history.stdout.split('\n')[4]).toMatch(/^4 +\t.*\tdeployed  \tvweb-0\.1\.0\t0\.1\.0      \tRollback to 1 *$/);
  }, 120_000);
});
