import { join } from 'node:path';
import { request } from 'node:https';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, startChartroom, type RunningServer } from '../helpers/process.js';
import { tempDir } from '../helpers/server.js';

/** `--tls-cert`/`--tls-key` serve HTTPS; `--tls-ca-cert` requires a client certificate signed by that CA. */
describe('TLS', () => {
  let dir: { path: string; cleanup: () => Promise<void> };
  const file = (name: string) => join(dir.path, name);

  beforeAll(async () => {
    dir = await tempDir('chartroom-tls-');
    const openssl = (...args: string[]) => run('openssl', args, { cwd: dir.path });
    await openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Test CA', '-keyout', 'ca.key', '-out', 'ca.pem');
    await openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', 'server.key', '-out', 'server.csr');
    await run('sh', ['-c', 'printf "subjectAltName=IP:127.0.0.1" > san.ext'], { cwd: dir.path });
    await openssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-extfile', 'san.ext', '-out', 'server.pem');
    await openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=client', '-keyout', 'client.key', '-out', 'client.csr');
    await openssl('x509', '-req', '-in', 'client.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-out', 'client.pem');
  });
  afterAll(async () => dir?.cleanup());

  async function get(url: string, withClientCert: boolean): Promise<number> {
    const ca = await readFile(file('ca.pem'));
    const cert = withClientCert ? await readFile(file('client.pem')) : undefined;
    const key = withClientCert ? await readFile(file('client.key')) : undefined;
    return new Promise((resolve, reject) => {
      request(url, { ca, cert, key }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject).end();
    });
  }

  async function start(extra: string[]): Promise<RunningServer> {
    return startChartroom(['--storage-local-rootdir', file('storage'), '--tls-cert', file('server.pem'), '--tls-key', file('server.key'), ...extra], {}, '', 'https');
  }

  it('serves HTTPS', async () => {
    const server = await start([]);
    try {
      expect(await get(`${server.url}/index.yaml`, false)).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('requires a client certificate with --tls-ca-cert', async () => {
    const server = await start(['--tls-ca-cert', file('ca.pem')]);
    try {
      expect(await get(`${server.url}/health`, true)).toBe(200);
      await expect(get(`${server.url}/health`, false)).rejects.toThrow();
    } finally {
      await server.stop();
    }
  });

  it('chartroom kubectl names an unverified certificate, and trusts a private CA given as NODE_EXTRA_CA_CERTS', async () => {
    const server = await start([]);
    const cli = join(import.meta.dirname, '../../src/cli/main.ts');
    const kubectl = (env: NodeJS.ProcessEnv) => run(process.execPath, ['--import', 'tsx', cli, 'kubectl', 'get', 'pods', '--server', server.url], { env, cwd: join(import.meta.dirname, '../..') });
    try {
      const untrusted = await kubectl({});
      expect(untrusted.stderr).toBe('Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority\n');
      expect(untrusted.code).toBe(1);
      const trusted = await kubectl({ NODE_EXTRA_CA_CERTS: file('ca.pem') });
      expect(trusted.stderr).toBe('No resources found in default namespace.\n');
      expect(trusted.code).toBe(0);
    } finally {
      await server.stop();
    }
  });

  it.each([
    ['a missing certificate file', () => ['--tls-cert', file('gone.pem'), '--tls-key', file('server.key')], /^Error: cannot read --tls-cert \S+gone\.pem: ENOENT\n/],
    ['a key that is not the certificate\'s', () => ['--tls-cert', file('server.pem'), '--tls-key', file('client.key')], /^Error: cannot use --tls-cert \S+server\.pem with --tls-key \S+client\.key: .*key values mismatch/],
    ['a missing CA file', () => ['--tls-cert', file('server.pem'), '--tls-key', file('server.key'), '--tls-ca-cert', file('gone-ca.pem')], /^Error: cannot read --tls-ca-cert \S+gone-ca\.pem: ENOENT\n/],
    ['a CA file with no certificate', () => ['--tls-cert', file('server.pem'), '--tls-key', file('server.key'), '--tls-ca-cert', file('server.key')], /^Error: --tls-ca-cert \S+server\.key holds no PEM certificate: /],
  ])('refuses to start with %s: a clear error, exit code 2', async (_label, args, message) => {
    const cli = join(import.meta.dirname, '../../src/cli/main.ts');
    const result = await run(process.execPath, ['--import', 'tsx', cli, '--storage-local-rootdir', file('storage'), '--port', '0', ...args()], { cwd: join(import.meta.dirname, '../..') });
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code).toBe(2);
  });
});
