/**
 * Beyond ChartMuseum: the users file (per-tenant pull/push grants with wildcards, bcrypt passwords, API
 * tokens), reloading, failed-login throttling and the audit log, through fastify.inject at --depth 2.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiTokenDigest, newApiToken } from '../../src/auth/api-tokens.js';
import { UsersFileSource } from '../../src/auth/users-source.js';
import type { ServerConfig } from '../../src/config/settings.js';
import { bcryptNewHash } from '../../src/util/bcrypt.js';
import { buildChart } from '../helpers/charts.js';
import { tempDir, testServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
afterEach(async () => server?.app.close());

const basic = (user: string, pass: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const chart = (version = '0.1.0') => buildChart({ name: 'mychart', version });
const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: Record<string, string> = {}, payload?: Buffer) =>
  server.app.inject({ method, url, headers: payload ? { ...headers, 'content-type': 'application/octet-stream' } : headers, payload });

const ciToken = newApiToken();
let dir: { path: string; cleanup: () => Promise<void> };
let usersFile: string;
let config: Partial<ServerConfig>;

function usersYaml(extra = ''): string {
  const hash = (p: string) => JSON.stringify(bcryptNewHash(p, 4));
  return `users:
  teacher:
    password: ${hash('teach')}
    grants: [push *]
  alice:
    password: ${hash('alice-pw')}
    grants: [push class/alice, pull class/*]
    tokens:
      - name: ci
        sha256: ${apiTokenDigest(ciToken)}
  bob:
    password: ${hash('bob-pw')}
    grants: [push class/bob, pull class/*]
${extra}`;
}

beforeAll(async () => {
  dir = await tempDir();
  usersFile = join(dir.path, 'users.yaml');
  await writeFile(usersFile, usersYaml());
  config = { depth: 2, authUsersFile: usersFile };
});
afterAll(async () => dir.cleanup());

describe('users file grants', () => {
  it('lets each student push to their own tenant and pull from the class, and the teacher do anything', async () => {
    server = await testServer(config);
    expect((await inject('POST', '/api/class/alice/charts', basic('alice', 'alice-pw'), chart())).statusCode).toBe(201);
    expect((await inject('GET', '/class/alice/index.yaml', basic('bob', 'bob-pw'))).body).toContain('mychart');
    expect((await inject('GET', '/charts/mychart-0.1.0.tgz'.replace('/charts', '/class/alice/charts'), basic('bob', 'bob-pw'))).statusCode).toBe(200);
    const denied = await inject('POST', '/api/class/alice/charts', basic('bob', 'bob-pw'), chart('0.2.0'));
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toEqual({ error: 'forbidden: bob may not push class/alice' });
    expect((await inject('DELETE', '/api/class/alice/charts/mychart/0.1.0', basic('bob', 'bob-pw'))).statusCode).toBe(403);
    expect((await inject('GET', '/staff/notes/index.yaml', basic('alice', 'alice-pw'))).statusCode).toBe(403);
    // The welcome page shows no repository: any user may see it (anonymous visitors may not).
    expect((await inject('GET', '/', basic('alice', 'alice-pw'))).statusCode).toBe(200);
    expect((await inject('GET', '/')).statusCode).toBe(401);
    expect((await inject('POST', '/api/staff/notes/charts', basic('teacher', 'teach'), chart())).statusCode).toBe(201);
    expect((await inject('DELETE', '/api/class/alice/charts/mychart/0.1.0', basic('teacher', 'teach'))).json()).toEqual({ deleted: true });
    expect((await inject('GET', '/class/alice/index.yaml', basic('alice', 'alice-pw'))).body).not.toContain('mychart');
  });

  it('names the single repository "repo" at depth 0, and works under --context-path', async () => {
    const file = join(dir.path, 'depth0.yaml');
    await writeFile(file, `users:\n  reader:\n    password: ${JSON.stringify(bcryptNewHash('r', 4))}\n    grants: [pull repo]\n  writer:\n    password: ${JSON.stringify(bcryptNewHash('w', 4))}\n    grants: [push repo]\n`);
    server = await testServer({ authUsersFile: file, contextPath: '/charts' });
    expect((await inject('POST', '/charts/api/charts', basic('reader', 'r'), chart())).json()).toEqual({ error: 'forbidden: reader may not push repo' });
    expect((await inject('POST', '/charts/api/charts', basic('writer', 'w'), chart())).statusCode).toBe(201);
    expect((await inject('GET', '/charts/index.yaml', basic('reader', 'r'))).body).toContain('mychart');
    expect((await inject('GET', '/charts/health')).statusCode).toBe(200);
  });

  it('answers 401 with the Basic challenge for unknown users and wrong passwords, and nothing is written', async () => {
    server = await testServer(config);
    for (const headers of [basic('mallory', 'x'), basic('alice', 'bob-pw'), {}]) {
      const res = await inject('POST', '/api/class/alice/charts', headers, chart());
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Basic realm="ChartMuseum"');
    }
    expect((await inject('GET', '/class/alice/index.yaml', basic('alice', 'alice-pw'))).body).not.toContain('mychart');
  });

  it('with --auth-anonymous-get, lets anyone pull but only granted users push', async () => {
    server = await testServer({ ...config, authAnonymousGet: true });
    expect((await inject('GET', '/class/alice/index.yaml')).statusCode).toBe(200);
    expect((await inject('POST', '/api/class/alice/charts', {}, chart())).statusCode).toBe(401);
  });

  it('accepts the --basic-auth-user as well, with every grant', async () => {
    server = await testServer({ ...config, basicAuthUser: 'admin', basicAuthPass: 'root-pw' });
    expect((await inject('POST', '/api/x/y/charts', basic('admin', 'root-pw'), chart())).statusCode).toBe(201);
    expect((await inject('POST', '/api/class/alice/charts', basic('alice', 'alice-pw'), chart())).statusCode).toBe(201);
  });
});

describe('password checks', () => {
  it('leave the server answering other requests while bcrypt runs (cost 12, about half a second)', async () => {
    const file = join(dir.path, 'slow.yaml');
    await writeFile(file, `users:\n  slow:\n    password: ${JSON.stringify(bcryptNewHash('pw', 12))}\n    grants: [pull *]\n`);
    server = await testServer({ depth: 2, authUsersFile: file });
    let loginDone = false;
    const login = inject('GET', '/class/alice/index.yaml', basic('slow', 'pw')).then((res) => ((loginDone = true), res));
    await new Promise((r) => setImmediate(r));
    const started = performance.now();
    expect((await inject('GET', '/health')).statusCode).toBe(200);
    const healthMs = performance.now() - started;
    expect(loginDone).toBe(false);
    expect(healthMs).toBeLessThan(150);
    expect((await login).statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  it('work as a Bearer token and as the basic-auth password of their owner, with the owner\'s grants', async () => {
    server = await testServer(config);
    expect((await inject('POST', '/api/class/alice/charts', bearer(ciToken), chart())).statusCode).toBe(201);
    expect((await inject('POST', '/api/class/alice/charts', basic('alice', ciToken), chart('0.2.0'))).statusCode).toBe(201);
    expect((await inject('POST', '/api/class/bob/charts', bearer(ciToken), chart())).statusCode).toBe(403);
    expect((await inject('POST', '/api/class/alice/charts', basic('bob', ciToken), chart('0.3.0'))).statusCode).toBe(401);
    expect((await inject('GET', '/class/alice/index.yaml', bearer(newApiToken()))).statusCode).toBe(401);
  });
});

describe('failed-login throttling', () => {
  it('answers 429 with Retry-After once an address fails too often, even with the right password, until the lockout ends', async () => {
    let now = Date.parse('2026-11-25T20:00:00Z');
    server = await testServer({ ...config, authMaxFailures: 3, authLockout: 60_000 }, undefined, () => new Date(now));
    expect((await inject('GET', '/class/alice/index.yaml', basic('alice', 'guess1'))).statusCode).toBe(401);
    expect((await inject('GET', '/class/alice/index.yaml', basic('alice', 'guess2'))).statusCode).toBe(401);
    const locked = await inject('GET', '/class/alice/index.yaml', basic('alice', 'guess3'));
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('60');
    expect(locked.json()).toEqual({ error: 'too many failed logins from this address; retry after 60 seconds' });
    now += 30_000;
    const still = await inject('GET', '/class/alice/index.yaml', basic('alice', 'alice-pw'));
    expect(still.statusCode).toBe(429);
    expect(still.headers['retry-after']).toBe('30');
    expect((await inject('GET', '/health')).statusCode).toBe(200);
    now += 30_001;
    expect((await inject('GET', '/class/alice/index.yaml', basic('alice', 'alice-pw'))).statusCode).toBe(200);
  });

  it('does not let a user reset the count with their own logins between guesses at another password', async () => {
    server = await testServer({ ...config, authMaxFailures: 3, authLockout: 60_000 });
    const statuses: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      statuses.push((await inject('GET', '/class/alice/index.yaml', basic('teacher', `guess${round}`))).statusCode);
      expect((await inject('GET', '/class/bob/index.yaml', basic('bob', 'bob-pw'))).statusCode).not.toBe(401);
    }
    expect(statuses).toEqual([401, 401, 429]);
    expect((await inject('GET', '/class/bob/index.yaml', basic('bob', 'bob-pw'))).statusCode).toBe(429);
  });

  it('checks at most --auth-max-failures guesses at once from one address', async () => {
    server = await testServer({ ...config, authMaxFailures: 3 });
    // Twelve guesses at once, the last one right: only the first three may be checked at all.
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => inject('GET', '/class/alice/index.yaml', basic('alice', i === 11 ? 'alice-pw' : `guess${i}`))));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses[11]).toBe(429);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(3);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(9);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });

  it('does not count requests without credentials', async () => {
    server = await testServer({ ...config, authMaxFailures: 2 });
    for (let i = 0; i < 5; i += 1) expect((await inject('GET', '/class/alice/index.yaml')).statusCode).toBe(401);
    expect((await inject('GET', '/class/alice/index.yaml', basic('alice', 'alice-pw'))).statusCode).toBe(200);
  });
});

describe('reloading the users file', () => {
  it('takes a changed file at once, and keeps the last good one when the new one is broken', async () => {
    const file = join(dir.path, 'reload.yaml');
    await writeFile(file, usersYaml());
    server = await testServer({ depth: 2, authUsersFile: file });
    expect((await inject('GET', '/class/alice/index.yaml', basic('carol', 'carol-pw'))).statusCode).toBe(401);
    await writeFile(file, usersYaml(`  carol:\n    password: ${JSON.stringify(bcryptNewHash('carol-pw', 4))}\n    grants: [pull class/*]\n`));
    expect(await server.usersFile?.reload()).toBe(true);
    expect((await inject('GET', '/class/alice/index.yaml', basic('carol', 'carol-pw'))).statusCode).toBe(200);
    await writeFile(file, 'users:\n  carol:\n    password: plain-text-oops\n');
    expect(await server.usersFile?.reload()).toBe(false);
    expect((await inject('GET', '/class/alice/index.yaml', basic('carol', 'carol-pw'))).statusCode).toBe(200);
    expect(await server.usersFile?.reload()).toBe(false);
  });

  it('logs an error once for a broken file, and a line when a good one is taken', async () => {
    const file = join(dir.path, 'logged.yaml');
    await writeFile(file, usersYaml());
    const logged: string[] = [];
    const log = { info: (d: Record<string, unknown>, m: string) => logged.push(`INFO ${m} ${JSON.stringify(d)}`), error: (d: Record<string, unknown>, m: string) => logged.push(`ERROR ${m} ${JSON.stringify(d)}`) };
    const source = await UsersFileSource.open(file, log);
    await writeFile(file, 'users:\n  bob:\n    grants: [own *]\n');
    expect(await source.reload()).toBe(false);
    expect(await source.reload()).toBe(false);
    expect(source.directory().users.has('alice')).toBe(true);
    await writeFile(file, usersYaml().replace(/  bob:[\s\S]*$/, ''));
    expect(await source.reload()).toBe(true);
    expect(logged).toEqual([
      `ERROR Users file not reloaded; the previous version stays in force {"usersFile":${JSON.stringify(file)},"error":"user bob: invalid grant \\"own *\\": expected \\"pull <repository pattern>\\" or \\"push <repository pattern>\\""}`,
      `INFO Users file reloaded {"usersFile":${JSON.stringify(file)},"users":2}`,
    ]);
  });

  it('refuses to start with a broken users file', async () => {
    const file = join(dir.path, 'broken.yaml');
    await writeFile(file, 'users:\n  alice:\n    grants: [own *]\n');
    await expect(testServer({ authUsersFile: file })).rejects.toThrow('invalid grant "own *"');
    await expect(testServer({ authUsersFile: join(dir.path, 'missing.yaml') })).rejects.toThrow('cannot read users file');
  });
});

describe('audit log', () => {
  it('writes one line per push and delete: who, what, tenant, address and status, refusals included', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
    server = await testServer(config, undefined, undefined, { loggerInstance: pino({ level: 'info' }, sink) });
    await inject('POST', '/api/class/alice/charts', basic('alice', 'alice-pw'), chart());
    await inject('POST', '/api/class/alice/charts', basic('bob', 'bob-pw'), chart('0.2.0'));
    await inject('DELETE', '/api/class/alice/charts/mychart/0.1.0', bearer(ciToken));
    await inject('GET', '/class/alice/index.yaml', basic('alice', 'alice-pw'));
    await inject('POST', '/api/class/alice/charts', basic('alice', 'guess'), chart('0.3.0'));
    await new Promise((r) => setTimeout(r, 20)); // onResponse hooks run after inject resolves
    const audit = lines.filter((l) => l.msg === 'audit').map(({ action, tenant, user, via, token, target, clientIp, status, attemptedUser }) => ({ action, tenant, user, via, token, target, clientIp, status, ...(attemptedUser ? { attemptedUser } : {}) }));
    expect(audit).toEqual([
      { action: 'upload', tenant: 'class/alice', user: 'alice', via: 'password', token: undefined, target: 'mychart-0.1.0.tgz', clientIp: '127.0.0.1', status: 201 },
      { action: 'upload', tenant: 'class/alice', user: 'bob', via: 'password', token: undefined, target: undefined, clientIp: '127.0.0.1', status: 403 },
      { action: 'delete', tenant: 'class/alice', user: 'alice', via: 'token', token: 'ci', target: 'mychart-0.1.0', clientIp: '127.0.0.1', status: 200 },
      { action: 'upload', tenant: 'class/alice', user: 'anonymous', via: 'none', token: undefined, target: undefined, clientIp: '127.0.0.1', status: 401, attemptedUser: 'alice' },
    ]);
  });
});
