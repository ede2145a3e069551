/**
 * Access control on the simulator's API (`/api/sim/clusters/<cluster>/…`): reads need pull and changes need
 * push on `sim/<cluster>`, refusals are Kubernetes Status objects, and `chartroom kubectl` sends the
 * credentials of CHARTROOM_TOKEN or CHARTROOM_USER/CHARTROOM_PASSWORD.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { authorizationFromEnv } from '../../src/auth/client-credentials.js';
import { setUpAuth } from '../../src/auth/setup.js';
import { runHelm } from '../../src/cli/helm/helm.js';
import { runKubectl } from '../../src/cli/kubectl/kubectl.js';
import { createSimClusters } from '../../src/cli/serve.js';
import { DEFAULTS, type ServerConfig } from '../../src/config/settings.js';
import { buildApp } from '../../src/http/app.js';
import { ChartRepository } from '../../src/repo/repository.js';
import { MemoryStorage } from '../../src/storage/memory.js';
import { bcryptNewHash } from '../../src/util/bcrypt.js';
import { tempDir } from '../helpers/server.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n';
const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function simServer(overrides: Partial<ServerConfig>) {
  const config = { ...DEFAULTS, ...overrides };
  const repository = new ChartRepository({ storage: new MemoryStorage(), allowOverwrite: false, disableForceOverwrite: false, maxStorageObjects: 0, perChartLimit: 0, chartUrl: '', contextPath: '' });
  const clusters = createSimClusters(config);
  const { authorizer } = await setUpAuth(config, { info: () => undefined, error: () => undefined });
  const app = await buildApp({ config, repository, clusters, authorizer });
  close = async () => (await app.close(), clusters.dispose());
  return app;
}

describe('simulator API with access control', () => {
  it('needs pull to read and push to change a cluster, per cluster, with Status refusals', async () => {
    const dir = await tempDir();
    const file = join(dir.path, 'users.yaml');
    await writeFile(file, `users:\n  alice:\n    password: ${JSON.stringify(bcryptNewHash('pw', 4))}\n    grants: [push sim/alice, pull sim/*]\n`);
    const app = await simServer({ authUsersFile: file });
    const apply = (cluster: string, authorization?: string) =>
      app.inject({ method: 'POST', url: `/api/sim/clusters/${cluster}/apply?namespace=default`, payload: POD, headers: { 'content-type': 'application/yaml', ...(authorization ? { authorization } : {}) } });
    const anonymous = await apply('alice');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
    expect((await apply('alice', basic('alice', 'pw'))).statusCode).toBe(200);
    const other = await apply('bob', basic('alice', 'pw'));
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ reason: 'Forbidden', message: 'forbidden: alice may not push sim/bob' });
    // bob's cluster does not exist yet: reading it would create it, which needs push.
    const create = await app.inject({ method: 'GET', url: '/api/sim/clusters/bob/pods', headers: { authorization: basic('alice', 'pw') } });
    expect(create.json()).toMatchObject({ reason: 'Forbidden', message: 'forbidden: alice may not push sim/bob' });
    expect((await app.inject({ method: 'GET', url: '/api/sim/clusters/alice/pods', headers: { authorization: basic('alice', 'pw') } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/sim/clusters/alice/pods' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/sim/nothing-here' })).statusCode).toBe(404);
    await dir.cleanup();
  });

  it('stays open without auth flags, and is readable by anyone with --auth-anonymous-get', async () => {
    const open = await simServer({});
    expect((await open.inject({ method: 'GET', url: '/api/sim/clusters/default/pods' })).statusCode).toBe(200);
    await close?.();
    const anon = await simServer({ basicAuthUser: 'admin', basicAuthPass: 'pw', authAnonymousGet: true });
    expect((await anon.inject({ method: 'GET', url: '/api/sim/clusters/default/pods' })).statusCode).toBe(200);
    expect((await anon.inject({ method: 'POST', url: '/api/sim/clusters/default/advance', payload: '{"ms":1000}', headers: { 'content-type': 'application/json' } })).statusCode).toBe(401);
    // Anonymous reads cannot create clusters (a flood of new names would fill the server).
    expect((await anon.inject({ method: 'GET', url: '/api/sim/clusters/flood-1/pods' })).statusCode).toBe(401);
    expect((await anon.inject({ method: 'GET', url: '/api/sim/clusters' })).json()).toEqual({ clusters: ['default'] });
  });

  it('refuses a cluster past --sim-max-clusters with a Forbidden Status', async () => {
    const app = await simServer({ simMaxClusters: 3 });
    for (const name of ['a', 'b']) expect((await app.inject({ method: 'GET', url: `/api/sim/clusters/${name}/pods` })).statusCode).toBe(200);
    const refused = await app.inject({ method: 'GET', url: '/api/sim/clusters/c/pods' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ kind: 'Status', reason: 'Forbidden', message: 'cannot create cluster "c": this server already holds 3 clusters (--sim-max-clusters)' });
    expect((await app.inject({ method: 'GET', url: '/api/sim/clusters/a/pods' })).statusCode).toBe(200);
  });

  it('is reached by chartroom kubectl with CHARTROOM_USER/CHARTROOM_PASSWORD or CHARTROOM_TOKEN', async () => {
    expect(authorizationFromEnv({ CHARTROOM_TOKEN: 'crt_x' })).toBe('Bearer crt_x');
    expect(authorizationFromEnv({ CHARTROOM_USER: 'a', CHARTROOM_PASSWORD: 'b' })).toBe(basic('a', 'b'));
    expect(authorizationFromEnv({})).toBeUndefined();
    const app = await simServer({ basicAuthUser: 'admin', basicAuthPass: 'pw' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const server = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const output = { stdout: '', stderr: '' };
    const io = { stdout: (t: string) => void (output.stdout += t), stderr: (t: string) => void (output.stderr += t), readStdin: async () => '' };
    expect(await runKubectl(['get', 'pods', '--server', server], {}, io)).toBe(1);
    expect(output.stderr).toBe('Error from server (Unauthorized): unauthorized\n');
    output.stderr = '';
    expect(await runKubectl(['get', 'pods', '--server', server], { CHARTROOM_USER: 'admin', CHARTROOM_PASSWORD: 'pw' }, io)).toBe(0);
    expect(output.stderr).toBe('No resources found in default namespace.\n');
    // The watch (get -w, rollout status) is a stream of its own and must carry the credentials too.
    const creds = { CHARTROOM_USER: 'admin', CHARTROOM_PASSWORD: 'pw' };
    const deploy = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n';
    const withStdin = { ...io, readStdin: async () => deploy };
    expect(await runKubectl(['apply', '-f', '-', '--server', server], creds, withStdin)).toBe(0);
    output.stdout = '';
    output.stderr = '';
    expect(await runKubectl(['rollout', 'status', 'deployment/web', '--timeout=30s', '--server', server], creds, io)).toBe(0);
    expect(output.stderr).toBe('');
    expect(output.stdout).toContain('successfully rolled out');
  });

  it.each([
    ['GET', '/api/sim/clusters/lab/releases', 'pull'],
    ['POST', '/api/sim/clusters/lab/releases', 'push'],
    ['GET', '/api/sim/clusters/lab/releases/default/web', 'pull'],
    ['GET', '/api/sim/clusters/lab/releases/default/web/history', 'pull'],
    ['GET', '/api/sim/clusters/lab/releases/default/web/values', 'pull'],
    ['POST', '/api/sim/clusters/lab/releases/default/web/upgrade', 'push'],
    ['POST', '/api/sim/clusters/lab/releases/default/web/rollback', 'push'],
    ['POST', '/api/sim/clusters/lab/releases/default/web/test', 'push'],
    ['DELETE', '/api/sim/clusters/lab/releases/default/web', 'push'],
  ] as const)('%s %s needs %s on sim/lab, checked before the body', async (method, url, action) => {
    const dir = await tempDir();
    const file = join(dir.path, 'users.yaml');
    const hash = bcryptNewHash('pw', 4);
    await writeFile(file, `users:\n  reader:\n    password: ${JSON.stringify(hash)}\n    grants: [pull sim/lab]\n  other:\n    password: ${JSON.stringify(hash)}\n    grants: [push sim/elsewhere]\n  owner:\n    password: ${JSON.stringify(hash)}\n    grants: [push sim/lab]\n`);
    const app = await simServer({ authUsersFile: file });
    expect((await app.inject({ method: 'GET', url: '/api/sim/clusters/lab/pods', headers: { authorization: basic('owner', 'pw') } })).statusCode).toBe(200);
    // A malformed body: refused for want of rights (never a 400 first, never an install).
    const ask = (authorization?: string) => app.inject({ method, url, payload: method === 'POST' ? '{"name": 1}' : undefined, headers: { ...(authorization ? { authorization } : {}), ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) } });
    const anonymous = await ask();
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
    expect((await ask(basic('other', 'pw'))).statusCode).toBe(403);
    const reader = await ask(basic('reader', 'pw'));
    if (action === 'push') expect(reader.json()).toMatchObject({ kind: 'Status', reason: 'Forbidden', code: 403, message: 'forbidden: reader may not push sim/lab' });
    else expect(reader.statusCode).not.toBe(403);
  });

  it('guards the release routes too, and is reached by chartroom helm with the same variables', async () => {
    const app = await simServer({ basicAuthUser: 'admin', basicAuthPass: 'pw' });
    expect((await app.inject({ method: 'GET', url: '/api/sim/clusters/default/releases' })).statusCode).toBe(401);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const server = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const output = { stdout: '', stderr: '' };
    const io = { stdout: (t: string) => void (output.stdout += t), stderr: (t: string) => void (output.stderr += t), readStdin: async () => '' };
    expect(await runHelm(['list', '--server', server], {}, io)).toBe(1);
    expect(output.stderr).toMatch(/^Error: unauthorized/);
    output.stderr = '';
    expect(await runHelm(['list', '--server', server], { CHARTROOM_USER: 'admin', CHARTROOM_PASSWORD: 'pw' }, io)).toBe(0);
    expect(output.stderr).toBe('');
    expect(output.stdout).toMatch(/^NAME\s+NAMESPACE\s+REVISION/);
  });
});
