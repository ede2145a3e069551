/**
 * ChartMuseum's access control, rule by rule, through fastify.inject (cases 90–95 of the reference's
 * conformance list, chartmuseum.md §5.2, plus its §1.7 rules): basic auth with its exact challenge,
 * anonymous GET, bearer JWTs with the exact scope challenge at every depth and under a context path.
 */
import { createPrivateKey } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServerConfig } from '../../src/config/settings.js';
import { accessClaims, rsaKeyPair, signJwt, type KeyPair } from '../auth/jwt-helpers.js';
import { buildChart } from '../helpers/charts.js';
import { run } from '../helpers/process.js';
import { tempDir, testServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
afterEach(async () => server?.app.close());

const basic = (user: string, pass: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` });
const chart = buildChart({ name: 'mychart', version: '0.1.0' });
const inject = (method: 'GET' | 'HEAD' | 'POST' | 'DELETE', url: string, headers: Record<string, string> = {}, payload?: Buffer) =>
  server.app.inject({ method, url, headers: payload ? { ...headers, 'content-type': 'application/octet-stream' } : headers, payload });

function expectUnauthorized(res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, challenge: string): void {
  expect(res.statusCode).toBe(401);
  if ((res as { body?: string }).body !== '') expect(res.json()).toEqual({ error: 'unauthorized' });
  expect(res.headers['www-authenticate']).toBe(challenge);
}

const BASIC: Partial<ServerConfig> = { basicAuthUser: 'testuser', basicAuthPass: 'testpass' };
const BASIC_CHALLENGE = 'Basic realm="ChartMuseum"';

describe('basic auth (--basic-auth-user/--basic-auth-pass)', () => {
  it('leaves /health and /info open, and /metrics as ChartMuseum does', async () => {
    server = await testServer({ ...BASIC, enableMetrics: true });
    expect((await inject('GET', '/health')).json()).toEqual({ healthy: true });
    expect((await inject('GET', '/info')).statusCode).toBe(200);
    expect((await inject('GET', '/metrics')).statusCode).toBe(200);
  });

  it('answers 401 {"error":"unauthorized"} with Basic realm="ChartMuseum" on every pull and push route without credentials', async () => {
    server = await testServer(BASIC);
    for (const [method, url] of [['GET', '/'], ['GET', '/index.yaml'], ['HEAD', '/index.yaml'], ['GET', '/charts/mychart-0.1.0.tgz'], ['GET', '/api/charts'], ['GET', '/api/charts/mychart/0.1.0'], ['DELETE', '/api/charts/mychart/0.1.0']] as const) {
      expectUnauthorized(await inject(method, url), BASIC_CHALLENGE);
    }
    expectUnauthorized(await inject('POST', '/api/charts', {}, chart), BASIC_CHALLENGE);
    expect(await server.repository.indexDocument('').then((d) => d.body.toString())).not.toContain('mychart');
  });

  it('refuses wrong credentials and accepts the right ones, with the scheme in any case', async () => {
    server = await testServer(BASIC);
    expectUnauthorized(await inject('GET', '/index.yaml', basic('testuser', 'wrong')), BASIC_CHALLENGE);
    expectUnauthorized(await inject('GET', '/index.yaml', basic('other', 'testpass')), BASIC_CHALLENGE);
    expectUnauthorized(await inject('GET', '/index.yaml', { authorization: 'Basic !!!' }), BASIC_CHALLENGE);
    expect((await inject('GET', '/', basic('testuser', 'testpass'))).statusCode).toBe(200);
    expect((await inject('POST', '/api/charts', basic('testuser', 'testpass'), chart)).statusCode).toBe(201);
    const lower = { authorization: basic('testuser', 'testpass').authorization.replace('Basic', 'basic') };
    expect((await inject('GET', '/index.yaml', lower)).statusCode).toBe(200);
  });

  it('answers 404 for an unknown path before asking for credentials', async () => {
    server = await testServer(BASIC);
    const res = await inject('GET', '/no/such/thing');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'not found' });
  });

  it('with --auth-anonymous-get, serves GET and HEAD to anyone but still guards POST and DELETE', async () => {
    server = await testServer({ ...BASIC, authAnonymousGet: true });
    expect((await inject('GET', '/')).statusCode).toBe(200);
    expect((await inject('GET', '/index.yaml')).statusCode).toBe(200);
    expect((await inject('HEAD', '/index.yaml')).statusCode).toBe(200);
    expectUnauthorized(await inject('POST', '/api/charts', {}, chart), BASIC_CHALLENGE);
    expect((await inject('POST', '/api/charts', basic('testuser', 'testpass'), chart)).statusCode).toBe(201);
    expect((await inject('GET', '/charts/mychart-0.1.0.tgz')).statusCode).toBe(200);
    expectUnauthorized(await inject('DELETE', '/api/charts/mychart/0.1.0'), BASIC_CHALLENGE);
    expect((await inject('DELETE', '/api/charts/mychart/0.1.0', basic('testuser', 'testpass'))).json()).toEqual({ deleted: true });
  });

  it('works under --context-path and with tenants (--depth 1)', async () => {
    server = await testServer({ ...BASIC, contextPath: '/charts', depth: 1 });
    expect((await inject('GET', '/charts/health')).statusCode).toBe(200);
    expect((await inject('GET', '/index.yaml')).statusCode).toBe(404);
    expectUnauthorized(await inject('GET', '/charts/team/index.yaml'), BASIC_CHALLENGE);
    expect((await inject('POST', '/charts/api/team/charts', basic('testuser', 'testpass'), chart)).statusCode).toBe(201);
    expect((await inject('GET', '/charts/team/index.yaml', basic('testuser', 'testpass'))).body).toContain('mychart');
  });
});

describe('bearer auth (--bearer-auth)', () => {
  let keys: KeyPair;
  let dir: { path: string; cleanup: () => Promise<void> };
  let bearer: Partial<ServerConfig>;
  const now = Math.floor(Date.now() / 1000);
  const token = (name: string, actions: string[], extra = {}) => ({ authorization: `Bearer ${signJwt(accessClaims(name, actions, now, extra), keys.privateKey)}` });

  beforeAll(async () => {
    keys = rsaKeyPair();
    dir = await tempDir();
    await writeFile(join(dir.path, 'public.pem'), keys.publicPem);
    bearer = { bearerAuth: true, authRealm: 'https://auth.example.com/oauth2/token', authService: 'chartroom.example.com', authCertPath: join(dir.path, 'public.pem') };
  });
  afterAll(async () => dir.cleanup());

  const challenge = (scope: string) => `Bearer realm="https://auth.example.com/oauth2/token",service="chartroom.example.com",scope="artifact-repository:${scope}"`;

  it('at depth 2, a pull token for org1/repo1 reads that repository and nothing else, with the exact scope challenge', async () => {
    server = await testServer({ ...bearer, depth: 2 });
    const pull = token('org1/repo1', ['pull']);
    expect((await inject('GET', '/org1/repo1/index.yaml', pull)).statusCode).toBe(200);
    expectUnauthorized(await inject('POST', '/api/org1/repo1/charts', pull, chart), challenge('org1/repo1:push'));
    expectUnauthorized(await inject('GET', '/org1/repo2/index.yaml', pull), challenge('org1/repo2:pull'));
    expectUnauthorized(await inject('GET', '/org1/repo1/index.yaml'), challenge('org1/repo1:pull'));
    expect((await inject('POST', '/api/org1/repo1/charts', token('org1/repo1', ['push']), chart)).statusCode).toBe(201);
    // As in ChartMuseum, push does not imply pull for bearer tokens.
    expectUnauthorized(await inject('GET', '/org1/repo1/index.yaml', token('org1/repo1', ['push'])), challenge('org1/repo1:pull'));
  });

  it('takes the namespace from the request path with --depth-dynamic', async () => {
    server = await testServer({ ...bearer, depthDynamic: true });
    const pull = token('org1/repo1', ['pull']);
    expect((await inject('GET', '/org1/repo1/index.yaml', pull)).statusCode).toBe(200);
    expectUnauthorized(await inject('GET', '/org1/index.yaml', pull), challenge('org1:pull'));
    expectUnauthorized(await inject('GET', '/index.yaml', pull), challenge('repo:pull'));
  });

  it('uses the namespace "repo" at depth 0, and takes the bearer prefix in any case', async () => {
    server = await testServer(bearer);
    expectUnauthorized(await inject('GET', '/index.yaml'), challenge('repo:pull'));
    expectUnauthorized(await inject('DELETE', '/api/charts/x/1.0.0'), challenge('repo:push'));
    const lower = { authorization: token('repo', ['pull']).authorization.replace('Bearer', 'bearer') };
    expect((await inject('GET', '/index.yaml', lower)).statusCode).toBe(200);
  });

  it('refuses expired, not-yet-valid, foreign-key and wrong-type tokens', async () => {
    server = await testServer(bearer);
    expectUnauthorized(await inject('GET', '/index.yaml', token('repo', ['pull'], { exp: now - 1 })), challenge('repo:pull'));
    expectUnauthorized(await inject('GET', '/index.yaml', token('repo', ['pull'], { nbf: now + 600 })), challenge('repo:pull'));
    const foreign = `Bearer ${signJwt(accessClaims('repo', ['pull'], now), rsaKeyPair().privateKey)}`;
    expectUnauthorized(await inject('GET', '/index.yaml', { authorization: foreign }), challenge('repo:pull'));
    const otherType = `Bearer ${signJwt({ iat: now, access: [{ type: 'registry', name: 'repo', actions: ['pull'] }] }, keys.privateKey)}`;
    expectUnauthorized(await inject('GET', '/index.yaml', { authorization: otherType }), challenge('repo:pull'));
  });

  it('takes precedence over --basic-auth-user, as in ChartMuseum', async () => {
    server = await testServer({ ...bearer, ...BASIC });
    expectUnauthorized(await inject('GET', '/index.yaml', basic('testuser', 'testpass')), challenge('repo:pull'));
  });

  it('finds the actions with --auth-actions-search-path ($NAMESPACE substituted)', async () => {
    server = await testServer({ ...bearer, depth: 1, authActionsSearchPath: 'permissions."$NAMESPACE"' });
    const custom = { authorization: `Bearer ${signJwt({ iat: now, permissions: { team: ['pull', 'push'] } }, keys.privateKey)}` };
    expect((await inject('POST', '/api/team/charts', custom, chart)).statusCode).toBe(201);
    expectUnauthorized(await inject('GET', '/other/index.yaml', custom), challenge('other:pull'));
  });

  it('with --auth-anonymous-get, lets pulls through without a token', async () => {
    server = await testServer({ ...bearer, authAnonymousGet: true });
    expect((await inject('GET', '/index.yaml')).statusCode).toBe(200);
    expectUnauthorized(await inject('POST', '/api/charts', {}, chart), challenge('repo:push'));
  });

  it('accepts an X.509 certificate as --auth-cert-path (made with openssl)', async () => {
    const openssl = await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=auth', '-keyout', 'cert.key', '-out', 'cert.pem'], { cwd: dir.path });
    expect(openssl.code, openssl.stderr).toBe(0);
    server = await testServer({ ...bearer, authCertPath: join(dir.path, 'cert.pem') });
    const privateKey = createPrivateKey(await readFile(join(dir.path, 'cert.key')));
    expect((await inject('GET', '/index.yaml', { authorization: `Bearer ${signJwt(accessClaims('repo', ['pull'], now), privateKey)}` })).statusCode).toBe(200);
    expectUnauthorized(await inject('GET', '/index.yaml', token('repo', ['pull'])), challenge('repo:pull'));
  });

  it('refuses to start with an unreadable key file or a search path outside the JMESPath subset', async () => {
    await expect(testServer({ ...bearer, authCertPath: join(dir.path, 'missing.pem') })).rejects.toThrow('cannot read --auth-cert-path');
    await expect(testServer({ ...bearer, authActionsSearchPath: 'length(access)' })).rejects.toThrow('invalid value for --auth-actions-search-path');
  });
});
