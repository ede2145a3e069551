import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, startChartroom, type RunningServer } from '../helpers/process.js';
import { tempDir } from '../helpers/server.js';

const execFileAsync = promisify(execFile);

/**
 * `chartroom kubectl` against a real `chartroom --sim-clock=virtual` process, walking the reference's §4.1
 * rollout (R=3, maxSurge 1, maxUnavailable 0; pods Ready D = 5 s after creation, the simulator's default).
 * Every ReplicaSet size is the §4.1 table's new/old column at that instant; CURRENT equals DESIRED because
 * terminating pods leave every count at once (§4 assumptions); READY counts pods ready by then. Rollout
 * status lines are §4.6/§7.1, history is §7.2, messages are §7.3. The ReplicaSet names are the simulator's
 * pod-template hashes of the two templates (fixed for a fixed template).
 */
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: vweb
spec:
  replicas: 3
  selector:
    matchLabels: {app: vweb}
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
  template:
    metadata:
      labels: {app: vweb}
    spec:
      containers:
      - name: web
        image: nginx:1.25
`;

const OLD = 'vweb-5cf677557d';
const NEW = 'vweb-759f94c5bc';

describe('chartroom kubectl: a §4.1 rolling update on a virtual clock', () => {
  let server: RunningServer;
  let dir: Awaited<ReturnType<typeof tempDir>>;

  beforeAll(async () => {
    dir = await tempDir();
    await mkdir(join(dir.path, 'vweb'));
    await writeFile(join(dir.path, 'vweb', 'deployment.yaml'), DEPLOYMENT);
    server = await startChartroom(['--sim-clock=virtual', '--storage-local-rootdir', join(dir.path, 'storage')]);
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
    await dir?.cleanup();
  });

  async function chartroom(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await execFileAsync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, CHARTROOM_SERVER: server.url },
      });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }
  const kubectl = (...args: string[]) => chartroom('kubectl', ...args);
  const advance = async (duration: string) => expect((await chartroom('sim', 'advance', duration)).code).toBe(0);
  const status = async () => (await kubectl('rollout', 'status', 'deploy/vweb', '--watch=false')).stdout;

  it('applies a directory, rolls out step by step, and shows history and undo', async () => {
    expect(await kubectl('apply', '-f', join(dir.path, 'vweb'))).toEqual({ code: 0, stdout: 'deployment.apps/vweb created\n', stderr: '' });
    await advance('5s');
    expect((await kubectl('get', 'deploy')).stdout).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\n' +
      'vweb   3/3     3            3           5s\n',
    );
    expect((await kubectl('get', 'rs')).stdout).toBe(
      'NAME              DESIRED   CURRENT   READY   AGE\n' +
      `${OLD}   3         3         3       5s\n`,
    );
    // `get all`: one table per type, names prefixed with the type, a blank line between tables. The pod
    // suffixes come from the cluster's seeded random source.
    expect((await kubectl('get', 'all')).stdout).toBe(
      'NAME                        READY   STATUS    RESTARTS   AGE\n' +
      `pod/${OLD}-52pjl   1/1     Running   0          5s\n` +
      `pod/${OLD}-bhs4f   1/1     Running   0          5s\n` +
      `pod/${OLD}-ggp5x   1/1     Running   0          5s\n` +
      '\n' +
      'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n' +
      'service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   5s\n' +
      '\n' +
      'NAME                   READY   UP-TO-DATE   AVAILABLE   AGE\n' +
      'deployment.apps/vweb   3/3     3            3           5s\n' +
      '\n' +
      'NAME                              DESIRED   CURRENT   READY   AGE\n' +
      `replicaset.apps/${OLD}   3         3         3       5s\n`,
    );

    // t = 0: new RS created with 1; old waits (maxScaledDown = 4 − 3 − 1 = 0).
    expect((await kubectl('set', 'image', 'deploy/vweb', 'web=nginx:1.26')).stdout).toBe('deployment.apps/vweb image updated\n');
    expect((await kubectl('get', 'rs')).stdout).toBe(
      'NAME              DESIRED   CURRENT   READY   AGE\n' +
      `${OLD}   3         3         3       5s\n` +
      `${NEW}   1         1         0       0s\n`,
    );
    expect(await status()).toBe('Waiting for deployment "vweb" rollout to finish: 1 out of 3 new replicas have been updated...\n');

    // t = D: new#1 ready → old 3→2, new 1→2.
    await advance('5s');
    expect((await kubectl('get', 'rs')).stdout).toBe(
      'NAME              DESIRED   CURRENT   READY   AGE\n' +
      `${OLD}   2         2         2       10s\n` +
      `${NEW}   2         2         1       5s\n`,
    );
    expect(await status()).toBe('Waiting for deployment "vweb" rollout to finish: 2 out of 3 new replicas have been updated...\n');

    // t = 2D: new#2 ready → old 2→1, new 2→3.
    await advance('5s');
    expect((await kubectl('get', 'rs')).stdout).toBe(
      'NAME              DESIRED   CURRENT   READY   AGE\n' +
      `${OLD}   1         1         1       15s\n` +
      `${NEW}   3         3         2       10s\n`,
    );
    expect(await status()).toBe('Waiting for deployment "vweb" rollout to finish: 1 old replicas are pending termination...\n');

    // t = 3D: new#3 ready → old 1→0, complete.
    await advance('5s');
    expect((await kubectl('get', 'rs')).stdout).toBe(
      'NAME              DESIRED   CURRENT   READY   AGE\n' +
      `${OLD}   0         0         0       20s\n` +
      `${NEW}   3         3         3       15s\n`,
    );
    expect(await status()).toBe('deployment "vweb" successfully rolled out\n');
    expect((await kubectl('rollout', 'history', 'deploy/vweb')).stdout).toBe(
      'deployment.apps/vweb \n' +
      'REVISION  CHANGE-CAUSE\n' +
      '1         <none>\n' +
      '2         <none>\n' +
      '\n',
    );

    // Undo to revision 1 reuses the old ReplicaSet, which becomes revision 3; revision 1 disappears (§1.4).
    expect((await kubectl('rollout', 'undo', 'deploy/vweb', '--to-revision=1')).stdout).toBe('deployment.apps/vweb rolled back\n');
    expect((await kubectl('rollout', 'history', 'deploy/vweb')).stdout).toBe(
      'deployment.apps/vweb \n' +
      'REVISION  CHANGE-CAUSE\n' +
      '2         <none>\n' +
      '3         <none>\n' +
      '\n',
    );
    expect((await kubectl('get', 'rs', '-o', 'name')).stdout).toBe(`replicaset.apps/${OLD}\nreplicaset.apps/${NEW}\n`);
    const missing = await kubectl('rollout', 'undo', 'deploy/vweb', '--to-revision=1');
    expect(missing).toEqual({ code: 1, stdout: '', stderr: 'error: unable to find specified revision 1 in history\n' });
  }, 120_000);

  it('prints -o name, json and yaml, filtered by -l', async () => {
    expect((await kubectl('get', 'rs', '-l', 'app=vweb', '-o', 'name')).stdout).toBe(`replicaset.apps/${OLD}\nreplicaset.apps/${NEW}\n`);
    expect((await kubectl('get', 'rs', '-l', 'app=other', '-o', 'name')).stdout).toBe('');
    const json = JSON.parse((await kubectl('get', 'deploy', 'vweb', '-o', 'json')).stdout);
    expect(json).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'vweb', namespace: 'default' } });
    // kubectl prints object YAML with its keys sorted: apiVersion, kind, metadata, spec, status.
    const yaml = (await kubectl('get', 'deploy', 'vweb', '-o', 'yaml')).stdout;
    expect(yaml.split('\n').filter((line) => /^\S/.test(line))).toEqual(['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', 'spec:', 'status:']);
  }, 30_000);

  it("prints kubectl's errors", async () => {
    expect(await kubectl('get', 'deploy', 'nope')).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n' });
    expect(await kubectl('get', 'pods', '-n', 'empty')).toEqual({ code: 0, stdout: '', stderr: 'No resources found in empty namespace.\n' });
    expect(await kubectl('set', 'image', 'deploy/vweb', 'nope=nginx')).toEqual({ code: 1, stdout: '', stderr: 'error: unable to find container named "nope"\n' });
    expect(await kubectl('get', 'widgets')).toEqual({ code: 1, stdout: '', stderr: 'error: the server doesn\'t have a resource type "widgets"\n' });
    // Virtual time stands still, so a rollout in progress never finishes: --timeout ends the wait (§7.1 lines).
    expect(await kubectl('set', 'image', 'deploy/vweb', 'web=nginx:1.27')).toMatchObject({ code: 0, stdout: 'deployment.apps/vweb image updated\n' });
    expect(await kubectl('rollout', 'status', 'deploy/vweb', '--timeout=1s')).toEqual({
      code: 1,
      stdout: 'Waiting for deployment "vweb" rollout to finish: 1 out of 3 new replicas have been updated...\n',
      stderr: 'error: timed out waiting for the condition\n',
    });
  }, 30_000);
});
