import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { PROJECT_ROOT, run, startChartroom, testPeer, type RunningServer } from '../helpers/process.js';
import { tempDir } from '../helpers/server.js';

/**
 * Interop with the real Helm clients (Helm 3 with the real cm-push plugin; Helm 4, whose plugin system does
 * not load cm-push's legacy plugin, for the repository protocol), built by scripts/install-test-peers.sh.
 * In CI (or with CHARTROOM_REQUIRE_PEERS=1) a missing client fails the suite instead of skipping it.
 */
const required = process.env.CI === 'true' || process.env.CHARTROOM_REQUIRE_PEERS === '1';

for (const client of [{ name: 'helm', label: 'helm 3', cmPush: true }, { name: 'helm4', label: 'helm 4', cmPush: false }] as const) {
  const helmBin = testPeer(client.name);
  describe.skipIf(!helmBin && !required)(`${client.label} interop`, () => helmSuite(helmBin, client.cmPush));
}

function helmSuite(helmBin: string | undefined, hasCmPush: boolean): void {
  let work: { path: string; cleanup: () => Promise<void> };
  let server: RunningServer;
  let helmEnv: NodeJS.ProcessEnv;
  const helm = (...args: string[]) => run(helmBin as string, args, { env: helmEnv, cwd: work.path });
  const ok = async (...args: string[]): Promise<string> => {
    const result = await helm(...args);
    expect(result.code, `helm ${args.join(' ')}\n${result.stderr}`).toBe(0);
    return result.stdout;
  };

  beforeAll(async () => {
    if (!helmBin) throw new Error('helm is not installed: run scripts/install-test-peers.sh');
    work = await tempDir('chartroom-helm-');
    helmEnv = {
      HELM_CONFIG_HOME: join(work.path, 'config'),
      HELM_CACHE_HOME: join(work.path, 'cache'),
      HELM_DATA_HOME: join(work.path, 'data'),
      HELM_PLUGINS: join(PROJECT_ROOT, '.tools/helm-plugins'),
    };
    await ok('create', 'mychart');
    for (const version of ['0.1.0', '0.2.0', '0.3.0-beta.1']) await ok('package', 'mychart', '--version', version, '-d', 'pkg');
    server = await startChartroom(['--storage-local-rootdir', join(work.path, 'storage')]);
  });

  afterAll(async () => {
    await server?.stop();
    await work?.cleanup();
  });

  it('accepts uploads from curl (raw and multipart) and helm cm-push, honouring --force', async () => {
    const raw = await fetch(`${server.url}/api/charts`, { method: 'POST', body: await readFile(join(work.path, 'pkg/mychart-0.1.0.tgz')) });
    expect(raw.status).toBe(201);
    const form = new FormData();
    form.set('chart', new Blob([await readFile(join(work.path, 'pkg/mychart-0.3.0-beta.1.tgz'))]), 'mychart-0.3.0-beta.1.tgz');
    expect((await fetch(`${server.url}/api/charts`, { method: 'POST', body: form })).status).toBe(201);
    if (!hasCmPush) {
      const body = await readFile(join(work.path, 'pkg/mychart-0.2.0.tgz'));
      expect((await fetch(`${server.url}/api/charts`, { method: 'POST', body })).status).toBe(201);
      return;
    }
    const pushed = await ok('cm-push', 'mychart', server.url, '--version', '0.2.0');
    expect(pushed).toContain('Done.');
    const again = await helm('cm-push', join(work.path, 'pkg/mychart-0.2.0.tgz'), server.url);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('409: chart already exists');
    expect(await ok('cm-push', join(work.path, 'pkg/mychart-0.2.0.tgz'), server.url, '--force')).toContain('Done.');
  });

  it('works with repo add, repo update and search repo (-l, --devel)', async () => {
    expect(await ok('repo', 'add', 'local', server.url)).toContain('"local" has been added to your repositories');
    expect(await ok('repo', 'update')).toContain('Successfully got an update from the "local" chart repository');
    const search = await ok('search', 'repo', 'local/', '-l');
    expect(search.split('\n').filter((l) => l.startsWith('local/mychart')).map((l) => l.split(/\s+/)[1])).toEqual(['0.2.0', '0.1.0']);
    const devel = await ok('search', 'repo', 'local/mychart', '--devel');
    expect(devel).toMatch(/local\/mychart\s+0\.3\.0-beta\.1/);
  });

  it('pulls exact versions and constraints byte for byte, shows values and templates from the repo', async () => {
    for (const dir of ['pulled', 'pulled-range', 'gone', 'tenant-pull']) await mkdir(join(work.path, dir));
    await ok('pull', 'local/mychart', '--version', '0.1.0', '-d', 'pulled');
    const pulled = await readFile(join(work.path, 'pulled/mychart-0.1.0.tgz'));
    expect(pulled.equals(await readFile(join(work.path, 'pkg/mychart-0.1.0.tgz')))).toBe(true);
    await ok('pull', 'local/mychart', '--version', '~0.2', '-d', 'pulled-range');
    expect(await readdir(join(work.path, 'pulled-range'))).toEqual(['mychart-0.2.0.tgz']);
    expect(await ok('show', 'values', 'local/mychart')).toBe(`${await readFile(join(work.path, 'mychart/values.yaml'), 'utf8')}\n`);
    const rendered = await ok('template', 'rel', 'local/mychart', '--version', '0.1.0');
    expect(rendered).toContain('kind: Deployment');
    expect(rendered).toContain('name: rel-mychart');
  });

  it('resolves a dependency against the repository with helm dependency update', async () => {
    await ok('create', 'parent');
    const chartYaml = YAML.parse(await readFile(join(work.path, 'parent/Chart.yaml'), 'utf8'));
    chartYaml.dependencies = [{ name: 'mychart', version: '~0.1.0', repository: server.url }];
    await writeFile(join(work.path, 'parent/Chart.yaml'), YAML.stringify(chartYaml));
    const output = await ok('dependency', 'update', 'parent');
    expect(output).toContain('Saving 1 charts');
    expect(await readdir(join(work.path, 'parent/charts'))).toEqual(['mychart-0.1.0.tgz']);
  });

  it('serves index.yaml byte-identical to `helm repo index` apart from times and serverInfo', async () => {
    const dir = join(work.path, 'reindex');
    await mkdir(dir);
    for (const file of ['mychart-0.1.0.tgz', 'mychart-0.2.0.tgz', 'mychart-0.3.0-beta.1.tgz']) {
      const bytes = Buffer.from(await (await fetch(`${server.url}/charts/${file}`)).arrayBuffer());
      await writeFile(join(dir, file), bytes);
    }
    await ok('repo', 'index', dir, '--url', 'charts');
    const normalise = (text: string) => text.replace(/^(\s*)(created|generated): .*$/gm, '$1$2: T').replace(/^serverInfo: \{\}\n/m, '');
    const ours = await (await fetch(`${server.url}/index.yaml`)).text();
    expect(normalise(ours)).toBe(normalise(await readFile(join(dir, 'index.yaml'), 'utf8')));
  });

  it('deletes through the API and helm no longer finds the version', async () => {
    expect((await fetch(`${server.url}/api/charts/mychart/0.1.0`, { method: 'DELETE' })).status).toBe(200);
    await ok('repo', 'update');
    const search = await ok('search', 'repo', 'local/mychart', '-l');
    expect(search).not.toMatch(/0\.1\.0/);
    expect((await helm('pull', 'local/mychart', '--version', '0.1.0', '-d', 'gone')).code).not.toBe(0);
  });

  describe('under a context path with a tenant', () => {
    let tenantServer: RunningServer;
    beforeAll(async () => {
      tenantServer = await startChartroom(['--storage-local-rootdir', join(work.path, 'storage-tenants'), '--depth', '1', '--context-path', '/ctx'], {}, '/ctx');
    });
    afterAll(async () => tenantServer?.stop());

    it('adds, pushes (reading serverInfo.contextPath), updates, searches and pulls', async () => {
      const repoUrl = `${tenantServer.url}/team`;
      expect(await ok('repo', 'add', 'team', repoUrl)).toContain('"team" has been added');
      if (hasCmPush) {
        expect(await ok('cm-push', 'mychart', 'team', '--version', '1.0.0')).toContain('Done.');
      } else {
        await ok('package', 'mychart', '--version', '1.0.0', '-d', 'pkg-team');
        const body = await readFile(join(work.path, 'pkg-team/mychart-1.0.0.tgz'));
        expect((await fetch(`${tenantServer.url}/api/team/charts`, { method: 'POST', body })).status).toBe(201);
      }
      await ok('repo', 'update', 'team');
      expect(await ok('search', 'repo', 'team/mychart')).toMatch(/team\/mychart\s+1\.0\.0/);
      await ok('pull', 'team/mychart', '-d', 'tenant-pull');
      expect(await readdir(join(work.path, 'tenant-pull'))).toEqual(['mychart-1.0.0.tgz']);
      const other = await (await fetch(`${tenantServer.url}/other/index.yaml`)).text();
      expect(YAML.parse(other).entries).toEqual({});
    });
  });
}
