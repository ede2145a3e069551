/**
 * `chartroom helm dependency update|build|list` against a Chartroom repository, compared with the real
 * Helm on the same server: the same output, the same archives in charts/, the same Chart.lock (its
 * `generated` time aside), and the same refusals.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, testPeer } from '../../helpers/process.js';
import { vwebFiles } from '../../release/vweb-chart.js';
import { helmHarness, type HelmHarness } from './helm-harness.js';

const required = process.env.CI === 'true' || process.env.CHARTROOM_REQUIRE_PEERS === '1';
const helmBin = testPeer('helm');

describe.skipIf(!helmBin && !required)('chartroom helm dependency vs helm', () => {
  let h: HelmHarness;
  let env: NodeJS.ProcessEnv;
  const real = async (...args: string[]) => await run(helmBin!, args, { env, cwd: h.dir });
  const side = (who: string, ...parts: string[]) => join(h.dir, who, ...parts);

  /** Writes the same parent chart for both sides. */
  const writeParent = async (name: string, deps: string) => {
    for (const who of ['theirs', 'ours']) {
      await mkdir(side(who, name, 'templates'), { recursive: true });
      await writeFile(side(who, name, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 0.1.0\ndependencies:\n${deps}`);
    }
  };
  /** Runs `args` with CHART replaced by each side's chart folder; both results with that folder as <chart>. */
  const both = async (chart: string, ...args: string[]) => {
    const theirs = await real(...args.map((a) => (a === 'CHART' ? side('theirs', chart) : a)));
    const ours = await h.helm(...args.map((a) => (a === 'CHART' ? side('ours', chart) : a)));
    const clean = (s: string, who: string) => s.replaceAll(side(who, chart), '<chart>');
    return {
      theirs: { out: clean(theirs.stdout, 'theirs'), err: clean(theirs.stderr, 'theirs'), code: theirs.code },
      ours: { out: clean(ours.stdout, 'ours'), err: clean(ours.stderr, 'ours'), code: ours.code },
    };
  };
  const same = async (chart: string, ...args: string[]) => {
    const r = await both(chart, ...args);
    expect({ args, ...r.ours }).toEqual({ args, ...r.theirs });
  };
  const lockOf = async (who: string, chart: string) => (await readFile(side(who, chart, 'Chart.lock'), 'utf8')).replace(/^generated: .*$/m, 'generated: <time>');
  const archives = async (who: string, chart: string) => {
    const dir = side(who, chart, 'charts');
    return Promise.all((await readdir(dir)).sort().map(async (f) => [f, (await readFile(join(dir, f))).toString('base64')]));
  };

  beforeAll(async () => {
    expect(helmBin, 'the helm test peer (scripts/install-test-peers.sh)').toBeDefined();
    h = await helmHarness();
    env = { HELM_CACHE_HOME: join(h.dir, 'helm-cache'), HELM_CONFIG_HOME: join(h.dir, 'helm-config'), HELM_DATA_HOME: join(h.dir, 'helm-data'), KUBECONFIG: '/dev/null' };
    for (const [version, app] of [['0.1.0', '1.0.0'], ['0.2.0', '2.0.0'], ['1.0.0', '3.0.0']]) {
      const dir = await h.writeChart(`src-${version}`, vwebFiles(version, app));
      expect((await real('package', dir, '-d', h.dir)).code).toBe(0);
      const upload = await h.sim.app.inject({ method: 'POST', url: '/api/charts', payload: await readFile(join(h.dir, `vweb-${version}.tgz`)) });
      expect(upload.statusCode).toBe(201);
    }
    expect((await real('repo', 'add', 'class', h.url)).code).toBe(0);
    expect((await h.helm('repo', 'add', 'class', h.url)).code).toBe(0);
  });
  afterAll(async () => await h?.close());

  it('update resolves, downloads and locks as helm does; list and build agree; an unchanged lock is not rewritten', async () => {
    await writeParent('app', `  - name: vweb\n    version: "~0.1.0"\n    repository: "@class"\n    alias: web\n`);
    await same('app', 'dependency', 'list', 'CHART');
    const first = await both('app', 'dependency', 'update', 'CHART');
    expect(first.ours).toEqual(first.theirs);
    expect(first.ours.out).toContain('Saving 1 charts\nDownloading vweb from repo http');
    expect(await lockOf('ours', 'app')).toBe(await lockOf('theirs', 'app'));
    expect(await archives('ours', 'app')).toEqual(await archives('theirs', 'app'));
    await same('app', 'dependency', 'list', 'CHART');
    const lock = await readFile(side('ours', 'app', 'Chart.lock'), 'utf8');
    await same('app', 'dep', 'update', 'CHART');
    expect(await readFile(side('ours', 'app', 'Chart.lock'), 'utf8')).toBe(lock);
    await same('app', 'dependency', 'build', 'CHART', '--skip-refresh');
  });

  it('a new constraint replaces the outdated archive; build refuses a lock out of sync; build without a lock updates', async () => {
    await writeParent('app', `  - name: vweb\n    version: ">=0.2.0 <1.0.0"\n    repository: ${h.url}/\n`);
    await same('app', 'dependency', 'list', 'CHART');
    await same('app', 'dependency', 'build', 'CHART');
    await same('app', 'dependency', 'update', 'CHART');
    expect(await lockOf('ours', 'app')).toBe(await lockOf('theirs', 'app'));
    expect(await archives('ours', 'app')).toEqual(await archives('theirs', 'app'));
    await writeParent('fresh', `  - name: vweb\n    version: "1.0.0"\n    repository: "@class"\n`);
    await same('fresh', 'dependency', 'build', 'CHART');
    expect(await lockOf('ours', 'fresh')).toBe(await lockOf('theirs', 'fresh'));
    for (const who of ['theirs', 'ours']) await writeFile(side(who, 'fresh', 'charts', 'notes.txt'), 'hello\n');
    await same('fresh', 'dependency', 'list', 'CHART');
  });

  it('a repository URL nobody added is fetched anonymously, as helm does', async () => {
    await writeParent('loose', `  - name: vweb\n    version: "0.2.0"\n    repository: ${h.url.replace('127.0.0.1', 'localhost')}\n`);
    await same('loose', 'dependency', 'update', 'CHART');
    expect(await lockOf('ours', 'loose')).toBe(await lockOf('theirs', 'loose'));
    expect(await archives('ours', 'loose')).toEqual(await archives('theirs', 'loose'));
  });

  it('refuses what helm refuses, with its messages', async () => {
    await writeParent('bad1', `  - name: vweb\n    version: "~9.0.0"\n    repository: "@class"\n`);
    await same('bad1', 'dependency', 'update', 'CHART');
    await writeParent('bad2', `  - name: vweb\n    version: "1.0.0"\n    repository: stable\n`);
    await same('bad2', 'dependency', 'update', 'CHART');
    await writeParent('bad3', `  - name: nochart\n    version: "1.0.0"\n    repository: "@class"\n`);
    await same('bad3', 'dependency', 'update', 'CHART');
    await same('bad3', 'dependency', 'list', 'CHART');
  });
});
