/**
 * Access control against the real Helm 3 client and the real cm-push plugin, on a real chartroom process
 * at --depth 1 with ChartMuseum's basic-auth user and a users file written by the real `chartroom user add`
 * and `chartroom token create` commands while the server runs. In CI (or with CHARTROOM_REQUIRE_PEERS=1) a
 * missing helm fails the suite instead of skipping it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, run, startChartroom, testPeer, type RunningServer } from '../helpers/process.js';
import { tempDir } from '../helpers/server.js';

const required = process.env.CI === 'true' || process.env.CHARTROOM_REQUIRE_PEERS === '1';
const helmBin = testPeer('helm');

/** Runs the chartroom CLI from source with `input` on stdin. */
function chartroom(args: string[], input = ''): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src/cli/main.ts'), ...args], { cwd: PROJECT_ROOT, input, encoding: 'utf8' });
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!helmBin && !required)('helm 3 and cm-push against an authenticated chartroom', () => {
  let work: { path: string; cleanup: () => Promise<void> };
  let server: RunningServer;
  let usersFile: string;
  let helmEnv: NodeJS.ProcessEnv;
  const helm = (...args: string[]) => run(helmBin as string, args, { env: helmEnv, cwd: work.path });
  const ok = async (...args: string[]): Promise<string> => {
    const result = await helm(...args);
    expect(result.code, `helm ${args.join(' ')}\n${result.stderr}`).toBe(0);
    return result.stdout;
  };
  const basic = (user: string, pass: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` });

  beforeAll(async () => {
    if (!helmBin) throw new Error('helm is not installed: run scripts/install-test-peers.sh');
    work = await tempDir('chartroom-auth-');
    usersFile = join(work.path, 'users.yaml');
    helmEnv = {
      HELM_CONFIG_HOME: join(work.path, 'config'),
      HELM_CACHE_HOME: join(work.path, 'cache'),
      HELM_DATA_HOME: join(work.path, 'data'),
      HELM_PLUGINS: join(PROJECT_ROOT, '.tools/helm-plugins'),
    };
    await ok('create', 'mychart');
    expect(chartroom(['user', 'add', 'teacher', '--grant', 'push *', '--cost', '4', '--users-file', usersFile], 'teach\n').code).toBe(0);
    server = await startChartroom(['--storage-local-rootdir', join(work.path, 'storage'), '--depth', '1', '--basic-auth-user', 'admin', '--basic-auth-pass', 's3cret', '--auth-users-file', usersFile]);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await work?.cleanup();
  });

  it('refuses helm repo add without credentials, and works with --username/--password and cm-push', async () => {
    const refused = await helm('repo', 'add', 'nocreds', `${server.url}/class`);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('401 Unauthorized');
    expect(await ok('repo', 'add', 'admin', `${server.url}/class`, '--username', 'admin', '--password', 's3cret')).toContain('"admin" has been added');
    expect(await ok('cm-push', 'mychart', 'admin', '--version', '0.1.0')).toContain('Done.');
    await ok('repo', 'update', 'admin');
    expect(await ok('search', 'repo', 'admin/mychart')).toMatch(/admin\/mychart\s+0\.1\.0/);
  });

  it('takes a student added by `chartroom user add` while running: push to their tenant, pull the class, no push elsewhere', async () => {
    const added = chartroom(['user', 'add', 'alice', '--grant', 'push alice', '--grant', 'pull *', '--cost', '4', '--users-file', usersFile], 'alice-pw\n');
    expect(added.code, added.stderr).toBe(0);
    const deadline = Date.now() + 5000;
    while ((await fetch(`${server.url}/alice/index.yaml`, { headers: basic('alice', 'alice-pw') })).status !== 200) {
      expect(Date.now(), 'the users file was not reloaded within 5 s').toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 200));
    }
    await ok('repo', 'add', 'alice', `${server.url}/alice`, '--username', 'alice', '--password', 'alice-pw');
    expect(await ok('cm-push', 'mychart', 'alice', '--version', '0.2.0')).toContain('Done.');
    await ok('repo', 'add', 'alice-class', `${server.url}/class`, '--username', 'alice', '--password', 'alice-pw');
    expect(await ok('search', 'repo', 'alice-class/mychart')).toMatch(/mychart\s+0\.1\.0/);
    const denied = await helm('cm-push', 'mychart', 'alice-class', '--version', '0.3.0');
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toContain('403');
  });

  it('accepts an API token from `chartroom token create` as cm-push --access-token, and audits every push', async () => {
    const created = chartroom(['token', 'create', 'alice', '--name', 'ci', '--users-file', usersFile]);
    expect(created.code, created.stderr).toBe(0);
    const token = created.stdout.trim();
    const deadline = Date.now() + 5000;
    while ((await fetch(`${server.url}/alice/index.yaml`, { headers: { authorization: `Bearer ${token}` } })).status !== 200) {
      expect(Date.now(), 'the users file was not reloaded within 5 s').toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await ok('cm-push', 'mychart', `${server.url}/alice`, '--access-token', token, '--version', '0.4.0')).toContain('Done.');
    const index = await (await fetch(`${server.url}/alice/index.yaml`, { headers: basic('alice', 'alice-pw') })).text();
    expect(index).toContain('version: 0.4.0');
    await new Promise((r) => setTimeout(r, 100));
    const audit = server.output().split('\n').filter((l) => l.includes(' INFO audit '));
    expect(audit.some((l) => l.includes('user=admin') && l.includes('tenant=class') && l.includes('target=mychart-0.1.0.tgz') && l.includes('status=201'))).toBe(true);
    expect(audit.some((l) => l.includes('user=alice') && l.includes('tenant=class') && l.includes('status=403'))).toBe(true);
    expect(audit.some((l) => l.includes('user=alice') && l.includes('via=token') && l.includes('token=ci') && l.includes('status=201'))).toBe(true);
  });
});
