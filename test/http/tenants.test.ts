/**
 * `GET /api/chartroom/tenants` (src/http/routes/tenant-routes.ts) through fastify.inject: the tenants that
 * hold charts at --depth and --depth-dynamic, and only those the caller may pull (anonymous-get, the
 * basic-auth user, users-file pull grants, bearer JWT claims, wrong or missing credentials).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServerConfig } from '../../src/config/settings.js';
import { bcryptNewHash } from '../../src/util/bcrypt.js';
import { accessClaims, rsaKeyPair, signJwt } from '../auth/jwt-helpers.js';
import { buildChart } from '../helpers/charts.js';
import { tempDir, testServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
afterEach(async () => server?.app.close());

const basic = (user: string, pass: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` });
const tenants = (headers: Record<string, string> = {}, url = '/api/chartroom/tenants') => server.app.inject({ method: 'GET', url, headers });

/** Uploads a chart into each repository path, as the teacher (or anyone, without auth). */
async function seed(paths: string[], headers: Record<string, string> = {}): Promise<void> {
  for (const path of paths) {
    const res = await server.app.inject({ method: 'POST', url: `/api/${path ? `${path}/` : ''}charts`, headers: { ...headers, 'content-type': 'application/octet-stream' }, payload: buildChart({ name: 'web', version: '1.0.0' }) });
    expect(res.statusCode, res.body).toBe(201);
  }
}

describe('tenant listing without auth', () => {
  it('lists the folders at --depth that hold an archive, sorted, and not those whose charts were deleted', async () => {
    server = await testServer({ depth: 2 });
    await seed(['staff/notes', 'class/bob', 'class/alice', 'class/carol']);
    expect((await server.app.inject({ method: 'DELETE', url: '/api/class/carol/charts/web/1.0.0' })).statusCode).toBe(200);
    const res = await tenants();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json()).toEqual({ tenants: ['class/alice', 'class/bob', 'staff/notes'], truncated: false });
  });

  it('finds tenants at every level with --depth-dynamic, the root included', async () => {
    server = await testServer({ depthDynamic: true });
    await seed(['', 'org', 'org/team/app']);
    expect((await tenants()).json()).toEqual({ tenants: ['', 'org', 'org/team/app'], truncated: false });
  });

  it('shadows no tenant: at --depth 1 a tenant named chartroom keeps its chart API', async () => {
    server = await testServer({ depth: 1 });
    await seed(['chartroom', 'tenants']);
    expect(Object.keys((await server.app.inject({ method: 'GET', url: '/api/chartroom/charts' })).json())).toEqual(['web']);
    expect(Object.keys((await server.app.inject({ method: 'GET', url: '/api/tenants/charts' })).json())).toEqual(['web']);
    expect((await tenants()).json().tenants).toEqual(['chartroom', 'tenants']);
  });

  it('answers under --context-path, and not at all with --disable-api or for other methods', async () => {
    server = await testServer({ depth: 1, contextPath: '/cr' });
    await seed([]);
    expect((await tenants({}, '/cr/api/chartroom/tenants')).json()).toEqual({ tenants: [], truncated: false });
    expect((await tenants()).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'POST', url: '/cr/api/chartroom/tenants' })).statusCode).toBe(404);
    await server.app.close();
    server = await testServer({ depth: 1, disableApi: true });
    expect((await tenants()).statusCode).toBe(404);
  });
});

describe('tenant listing with auth', () => {
  let dir: { path: string; cleanup: () => Promise<void> };
  let config: Partial<ServerConfig>;
  const teacher = basic('teacher', 'teach');

  beforeAll(async () => {
    dir = await tempDir();
    const hash = (p: string) => JSON.stringify(bcryptNewHash(p, 4));
    await writeFile(join(dir.path, 'users.yaml'), `users:
  teacher:
    password: ${hash('teach')}
    grants: [push *]
  alice:
    password: ${hash('alice-pw')}
    grants: [push class/alice, pull class/*]
  dave:
    password: ${hash('dave-pw')}
    grants: [pull other/*]
`);
    config = { depth: 2, authUsersFile: join(dir.path, 'users.yaml') };
  });
  afterAll(async () => dir.cleanup());

  it('lists for each user the tenants their pull grants cover', async () => {
    server = await testServer(config);
    await seed(['class/alice', 'class/bob', 'staff/notes'], teacher);
    expect((await tenants(teacher)).json().tenants).toEqual(['class/alice', 'class/bob', 'staff/notes']);
    expect((await tenants(basic('alice', 'alice-pw'))).json().tenants).toEqual(['class/alice', 'class/bob']);
    // A user who may pull none of them is told so with an empty list, as the welcome page lets any user in.
    const dave = await tenants(basic('dave', 'dave-pw'));
    expect(dave.statusCode).toBe(200);
    expect(dave.json().tenants).toEqual([]);
  });

  it('refuses missing and wrong credentials with ChartMuseum\'s 401 and challenge, even with no tenants', async () => {
    server = await testServer(config);
    const empty = await tenants();
    expect(empty.statusCode).toBe(401);
    expect(empty.json()).toEqual({ error: 'unauthorized' });
    await seed(['class/alice'], teacher);
    for (const headers of [{}, basic('alice', 'wrong')]) {
      const res = await tenants(headers);
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Basic realm="ChartMuseum"');
      expect(res.json()).toEqual({ error: 'unauthorized' });
    }
  });

  it('lists every tenant to anonymous readers with --auth-anonymous-get, and to the basic-auth user', async () => {
    server = await testServer({ ...config, authAnonymousGet: true });
    await seed(['class/alice', 'staff/notes'], teacher);
    expect((await tenants()).json().tenants).toEqual(['class/alice', 'staff/notes']);
    await server.app.close();
    server = await testServer({ depth: 2, basicAuthUser: 'admin', basicAuthPass: 'secret' });
    await seed(['class/alice'], basic('admin', 'secret'));
    expect((await tenants(basic('admin', 'secret'))).json().tenants).toEqual(['class/alice']);
    expect((await tenants(basic('admin', 'nope'))).statusCode).toBe(401);
  });
});

describe('tenant listing with bearer auth', () => {
  it('lists the tenants a JWT may pull, though the first ones answered 401, and refuses a token that may pull none', async () => {
    const keys = rsaKeyPair();
    const dir = await tempDir();
    try {
      await writeFile(join(dir.path, 'public.pem'), keys.publicPem);
      server = await testServer({ depth: 2, bearerAuth: true, authRealm: 'https://auth.example.com/token', authService: 'chartroom', authCertPath: join(dir.path, 'public.pem') });
      const now = Math.floor(Date.now() / 1000);
      const token = (claims: Record<string, unknown>) => ({ authorization: `Bearer ${signJwt(claims, keys.privateKey)}` });
      const pushAll = { iat: now, exp: now + 300, access: ['class/alice', 'class/bob', 'staff/notes'].map((name) => ({ type: 'artifact-repository', name, actions: ['push'] })) };
      await seed(['class/alice', 'class/bob', 'staff/notes'], token(pushAll));
      // class/alice comes first and answers 401 for this token: the walk goes on to the tenants it may pull.
      const bob = await tenants(token({ ...accessClaims('class/bob', ['pull'], now), access: [{ type: 'artifact-repository', name: 'class/bob', actions: ['pull'] }, { type: 'artifact-repository', name: 'staff/notes', actions: ['pull'] }] }));
      expect(bob.statusCode).toBe(200);
      expect(bob.json().tenants).toEqual(['class/bob', 'staff/notes']);
      // Push does not imply pull for bearer tokens (as in ChartMuseum): nothing to list, so the challenge of the first.
      const none = await tenants(token(pushAll));
      expect(none.statusCode).toBe(401);
      expect(none.headers['www-authenticate']).toBe('Bearer realm="https://auth.example.com/token",service="chartroom",scope="artifact-repository:class/alice:pull"');
    } finally {
      await dir.cleanup();
    }
  });
});
