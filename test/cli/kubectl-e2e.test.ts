import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, startChartroom, type RunningServer } from '../helpers/process.js';
import { tempDir } from '../helpers/server.js';

const execFileAsync = promisify(execFile);

/**
 * The new commands end to end: `chartroom` processes (server on a virtual clock, CLI) talking HTTP. A
 * `get -w` runs as its own process while another applies and advances time; describe, custom columns,
 * traffic and the SSE stream are read from the same server.
 */
const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: {name: vweb}
spec:
  replicas: 2
  selector: {matchLabels: {app: vweb}}
  template:
    metadata: {labels: {app: vweb}}
    spec:
      containers: [{name: web, image: nginx:1.25}]
---
apiVersion: v1
kind: Service
metadata: {name: vweb}
spec:
  selector: {app: vweb}
  ports: [{port: 80}]
`;

describe('chartroom kubectl end to end: watch, describe, custom columns, traffic, SSE', () => {
  let server: RunningServer;
  let dir: Awaited<ReturnType<typeof tempDir>>;

  beforeAll(async () => {
    dir = await tempDir();
    server = await startChartroom(['--sim-clock=virtual', '--storage-local-rootdir', join(dir.path, 'storage')]);
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
    await dir?.cleanup();
  });

  async function chartroom(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const child = execFileAsync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: PROJECT_ROOT, env: { ...process.env, CHARTROOM_SERVER: server.url } });
    if (input !== undefined) child.child.stdin!.end(input);
    try {
      const { stdout, stderr } = await child;
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('streams a watch while another process applies and advances, then describes and counts traffic', async () => {
    const watching = chartroom(['kubectl', 'get', 'deploy', '-w', '--request-timeout=10s']);
    await new Promise((r) => setTimeout(r, 4000));
    expect((await chartroom(['kubectl', 'apply', '-f', '-'], MANIFEST)).stdout).toBe('deployment.apps/vweb created\nservice/vweb created\n');
    expect((await chartroom(['sim', 'advance', '5s'])).code).toBe(0);
    const watch = await watching;
    expect(watch.code).toBe(0);
    const lines = watch.stdout.split('\n').filter(Boolean);
    // No Deployment existed when the watch began: the header comes with the first row (one flush, aligned
    // together), then each change is a flush of its own.
    expect(lines[0]).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE');
    expect(lines[1]).toBe('vweb   0/2     0            0           0s');
    expect(lines[2]).toBe('vweb   0/2   0     0     0s');
    expect(lines.at(-1)).toBe('vweb   2/2   2     2     5s');

    const describe = await chartroom(['kubectl', 'describe', 'deploy', 'vweb']);
    expect(describe.stdout).toContain('Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable\n');
    expect(describe.stdout).toContain('  Normal  ScalingReplicaSet  5s    deployment-controller  Scaled up replica set ');

    const columns = await chartroom(['kubectl', 'get', 'rs', '-o=custom-columns=NAME:.metadata.name,REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision']);
    expect(columns.stdout).toMatch(/^NAME\s+REVISION\nvweb-[a-z0-9]+\s+1\n$/);

    const traffic = await chartroom(['sim', 'traffic', 'svc/vweb', '--requests', '50']);
    expect(traffic.stdout.split('\n')[0]).toBe('service/vweb: 50 requests, 50 answered, 0 failed');

    const stream = await fetch(`${server.url}/api/sim/clusters/default/stream?resourceVersion=1&timeoutSeconds=1`);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const body = await stream.text();
    expect(body).toContain('event: ADDED\n');
    expect(body).toContain('"kind":"Deployment"');
  }, 90_000);

  it('follows a rollout with rollout status: one line per change of the Deployment, as kubectl prints (§4.6)', async () => {
    expect((await chartroom(['kubectl', 'set', 'image', 'deploy/vweb', 'web=nginx:1.26'])).code).toBe(0);
    const following = chartroom(['kubectl', 'rollout', 'status', 'deploy/vweb', '--timeout=30s']);
    await new Promise((r) => setTimeout(r, 4000));
    for (let i = 0; i < 3; i++) expect((await chartroom(['sim', 'advance', '5s'])).code).toBe(0);
    const status = await following;
    expect(status.code).toBe(0);
    const lines = [...new Set(status.stdout.split('\n').filter(Boolean))];
    expect(lines).toEqual([
      'Waiting for deployment "vweb" rollout to finish: 1 out of 2 new replicas have been updated...',
      'Waiting for deployment "vweb" rollout to finish: 1 old replicas are pending termination...',
      'deployment "vweb" successfully rolled out',
    ]);
    expect(status.stdout.split('\n').filter(Boolean).length).toBeGreaterThan(lines.length);
  }, 90_000);
});
