/**
 * chartroom helm against the real Helm 3 where no cluster is needed: `install --dry-run` prints what
 * `helm install --dry-run=client` prints (the LAST DEPLOYED line aside: Helm uses the wall clock, the
 * simulator its own), `get values` prints Helm's encoding of the same config, Helm's release JSON
 * survives our decoder and encoder byte for byte, and the repository commands print what Helm prints
 * against the same Chartroom server.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeRelease, releaseJson } from '../../../src/release/index.js';
import { readChartArchive } from '../../../src/repo/chart-archive.js';
import { marshalGoYaml } from '../../../src/yaml/go-yaml-emitter.js';
import { PROJECT_ROOT, run, testPeer } from '../../helpers/process.js';
import { vwebFiles } from '../../release/vweb-chart.js';
import { startFakeKubeApi, type FakeKubeApi } from './fake-kube-api.js';
import { helmHarness, type HelmHarness } from './helm-harness.js';

const required = process.env.CI === 'true' || process.env.CHARTROOM_REQUIRE_PEERS === '1';
const helmBin = testPeer('helm');

describe.skipIf(!helmBin && !required)('chartroom helm vs helm', () => {
  let h: HelmHarness;
  let api: FakeKubeApi;
  let env: NodeJS.ProcessEnv;
  const real = async (...args: string[]) => await run(helmBin!, args, { env, cwd: h.dir });
  const dropDate = (s: string) => s.replace(/^LAST DEPLOYED: .*\n/m, 'LAST DEPLOYED: <time>\n');

  beforeAll(async () => {
    expect(helmBin, 'the helm test peer (scripts/install-test-peers.sh)').toBeDefined();
    h = await helmHarness();
    api = await startFakeKubeApi(h.dir);
    env = {
      KUBECONFIG: api.kubeconfig, HELM_CACHE_HOME: join(h.dir, 'helm-cache'), HELM_CONFIG_HOME: join(h.dir, 'helm-config'),
      HELM_DATA_HOME: join(h.dir, 'helm-data'), HELM_REPOSITORY_CONFIG: join(h.dir, 'real-repos.yaml'),
      // The cm-push plugin finds the cache under HELM_CACHE_HOME, whatever HELM_REPOSITORY_CACHE says.
      HELM_REPOSITORY_CACHE: join(h.dir, 'helm-cache', 'repository'),
    };
    await h.writeChart('vweb', vwebFiles('0.1.0'));
    await writeFile(join(h.dir, 'hooks.yaml'), 'replicaCount: 2\nhook:\n  enabled: true\nconfig:\n  enabled: true\n  keep: true\n');
    expect((await real('create', 'demo')).code).toBe(0);
  });
  afterAll(async () => {
    await api?.close();
    await h?.close();
  });

  for (const [chart, values] of [['vweb', 'hooks.yaml'], ['demo', 'hooks.yaml'], ['demo', '']] as const) {
    it(`install --dry-run of ${chart} ${values ? `-f ${values}` : ''} prints what helm install --dry-run=client prints`, async () => {
      const flags = values ? ['-f', join(h.dir, values)] : [];
      const theirs = await real('install', 'web', join(h.dir, chart), '--dry-run=client', '--disable-openapi-validation', ...flags);
      const ours = await h.helm('install', 'web', join(h.dir, chart), '--dry-run', ...flags);
      expect(theirs.stderr).toBe('');
      expect(ours.code).toBe(0);
      expect(dropDate(ours.stdout)).toBe(dropDate(theirs.stdout));
    });
  }

  it('install --dry-run with the --set family prints what helm prints, release JSON (config) included', async () => {
    await writeFile(join(h.dir, 'note.txt'), 'line one\nline, two\n');
    const times = (j: string) => j.replace(/"(first|last)_deployed":"[^"]*"/g, '"$1_deployed":"<time>"');
    const cases: string[][] = [
      ['--set', 'replicaCount=3'],
      ['-f', join(h.dir, 'hooks.yaml'), '--set', 'replicaCount=5,image.tag=1.27', '--set-string', 'service.port=8080', '--set-json', 'podAnnotations={"a":"b","n":1}',
        '--set-literal', 'literal=a,b\\c', '--set-file', `note=${join(h.dir, 'note.txt')}`, '--set', 'big=1000000', '--set', 'podLabels.tier=web,nodeSelector=null'],
      ['--set-json', 'replicaCount=7', '--set', 'replicaCount=2', '--set', 'tolerations[1].key=x'],
    ];
    for (const chart of ['vweb', 'demo']) {
      for (const flags of cases) {
        const theirs = await real('install', 'web', join(h.dir, chart), '--dry-run=client', '--disable-openapi-validation', ...flags);
        const ours = await h.helm('install', 'web', join(h.dir, chart), '--dry-run', ...flags);
        expect({ flags, err: ours.stderr, code: ours.code }).toEqual({ flags, err: theirs.stderr, code: theirs.code });
        expect(dropDate(ours.stdout)).toBe(dropDate(theirs.stdout));
        const json = await real('install', 'web', join(h.dir, chart), '--dry-run=client', '--disable-openapi-validation', '-o', 'json', ...flags);
        expect(times((await h.helm('install', 'web', join(h.dir, chart), '--dry-run', '-o', 'json', ...flags)).stdout)).toBe(times(json.stdout));
      }
    }
  });

  it('install --dry-run of a chart with a dependency records the chart values Helm records (subchart defaults coalesced in)', async () => {
    const parent = await h.writeChart('shop', new Map([
      ['Chart.yaml', Buffer.from('apiVersion: v2\nname: shop\nversion: 0.1.0\ndependencies:\n  - name: vweb\n    version: 0.1.0\n    repository: ""\n    alias: front\n')],
      ['values.yaml', Buffer.from('front:\n  replicaCount: 3\norders:\n  queue: orders\n')],
      ['templates/cm.yaml', Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-orders\ndata:\n  queue: {{ .Values.orders.queue | quote }}\n')],
    ]));
    expect((await real('package', join(h.dir, 'vweb'), '-d', join(parent, 'charts'))).code).toBe(0);
    const times = (j: string) => j.replace(/"(first|last)_deployed":"[^"]*"/g, '"$1_deployed":"<time>"');
    const flags = ['--set', 'front.image.tag=1.26'];
    const theirs = await real('install', 'shop', parent, '--dry-run=client', '--disable-openapi-validation', '-o', 'json', ...flags);
    const ours = await h.helm('install', 'shop', parent, '--dry-run', '-o', 'json', ...flags);
    expect(JSON.parse(ours.stdout).chart.values).toEqual(JSON.parse(theirs.stdout).chart.values);
    expect(times(ours.stdout)).toBe(times(theirs.stdout));
  });

  it('--set family and chart-location errors: install prefixes them, upgrade and template print them bare, as helm does', async () => {
    const bad: string[][] = [
      ['--set', 'a'], ['--set', 'a=1,,b=2'], ['--set', 'list[-1]=x'], ['--set-json', 'a=1x'], ['--set-file', 'a=nofile'],
      ['-f', 'nofile.yaml'], ['--set-string', 'a={b'],
    ];
    for (const args of [['install', 'web', 'nochart'], ['upgrade', 'web', 'nochart'], ['template', 'nochart'], ['install', 'web', './nodir']]) {
      const theirs = await real(...args);
      const ours = await h.helm(...args);
      expect({ args, out: ours.stdout, err: ours.stderr, code: ours.code }).toEqual({ args, out: theirs.stdout, err: theirs.stderr, code: theirs.code });
    }
    for (const flags of bad) {
      for (const args of [['install', 'web', join(h.dir, 'vweb'), '--dry-run'], ['upgrade', 'web', join(h.dir, 'vweb')], ['template', 'web', join(h.dir, 'vweb')]]) {
        const theirs = await real(...args.map((a) => (a === '--dry-run' ? '--dry-run=client' : a)), ...flags);
        const ours = await h.helm(...args, ...flags);
        expect({ args, flags, out: ours.stdout, err: ours.stderr, code: ours.code }).toEqual({ args, flags, out: theirs.stdout, err: theirs.stderr, code: theirs.code });
      }
    }
  });

  it('template with the --set family prints what helm template prints', async () => {
    for (const flags of [['--set', 'replicaCount=4,image.tag=x'], ['--set-string', 'replicaCount=4'], ['--set-json', 'resources={"limits":{"cpu":"1"}}']]) {
      const theirs = await real('template', 'web', join(h.dir, 'demo'), ...flags);
      const ours = await h.helm('template', 'web', join(h.dir, 'demo'), ...flags);
      expect({ flags, out: ours.stdout, err: ours.stderr, code: ours.code }).toEqual({ flags, out: theirs.stdout, err: theirs.stderr, code: theirs.code });
    }
  });

  it('package writes the archive helm package writes (file for file) and helm reads it alike', async () => {
    const parent = await h.writeChart('parent', new Map([
      ['Chart.yaml', Buffer.from('# a comment\napiVersion: v2\nname: parent\nversion: 1.0.0\ndependencies:\n  - name: vweb\n    version: 0.1.0\n    repository: ""\n')],
      ['values.yaml', Buffer.from('# kept verbatim\nvweb:\n  replicaCount: 2\n')], ['templates/cm.yaml', Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n')],
    ]));
    await mkdir(join(h.dir, 'theirs'));
    await mkdir(join(h.dir, 'ours'));
    expect((await real('package', join(h.dir, 'vweb'), '-d', join(parent, 'charts'))).code).toBe(0);
    for (const [chart, flags] of [['demo', ['--version', '2.0.0', '--app-version', 'v9']], ['parent', []]] as const) {
      const theirs = await real('package', join(h.dir, chart), '-d', join(h.dir, 'theirs'), ...flags);
      const ours = await h.helm('package', join(h.dir, chart), '-d', join(h.dir, 'ours'), ...flags);
      expect(ours.stdout).toBe(theirs.stdout.replace(join(h.dir, 'theirs'), join(h.dir, 'ours')));
      const file = theirs.stdout.trim().split('/').at(-1)!;
      const read = async (dir: string) => {
        const contents = await readChartArchive(await readFile(join(h.dir, dir, file)), () => true);
        return [['Chart.yaml', contents.chartYaml] as const, ...contents.files].map(([k, v]) => `${k}\n${v.toString()}`).sort();
      };
      expect(await read('ours')).toEqual(await read('theirs'));
      for (const args of [['show', 'chart'], ['template', 'x']]) {
        expect((await real(...args, join(h.dir, 'ours', file))).stdout).toBe((await real(...args, join(h.dir, 'theirs', file))).stdout);
      }
    }
  });

  it('template prints what helm template prints, errors included', async () => {
    const bad = await h.writeChart('bad', new Map([...vwebFiles('0.1.0'), ['templates/oops.yaml', Buffer.from('{{ .Values.nope.deeper }}\n')]]));
    const cases: string[][] = [
      ['template', join(h.dir, 'vweb'), '-f', join(h.dir, 'hooks.yaml')], ['template', 'web', join(h.dir, 'demo'), '-n', 'team'],
      ['template', 'web', join(h.dir, 'vweb'), '--no-hooks', '-f', join(h.dir, 'hooks.yaml')], ['template', 'web', bad], ['template', 'Bad_Name', join(h.dir, 'vweb')],
    ];
    for (const args of cases) {
      const theirs = await real(...args);
      const ours = await h.helm(...args);
      expect({ args, out: ours.stdout, err: ours.stderr, code: ours.code }).toEqual({ args, out: theirs.stdout, err: theirs.stderr, code: theirs.code });
    }
  });

  it('get values prints Helm\'s YAML of the config Helm records; the release JSON round-trips byte for byte', async () => {
    const flags = ['-f', join(h.dir, 'hooks.yaml')];
    const theirs = await real('install', 'web', join(h.dir, 'demo'), '--dry-run=client', '--disable-openapi-validation', '-o', 'json', ...flags);
    // The simulator keeps milliseconds; Helm's wall-clock times carry nanoseconds. Cut those to ms as Go would print them.
    const json = theirs.stdout.trimEnd().replace(/(T\d\d:\d\d:\d\d)(\.\d{1,3})?\d*Z/g, (_m, t: string, f?: string) => `${t}${(f ?? '').replace(/\.?0+$/, '')}Z`);
    const record = decodeRelease(Buffer.from(json).toString('base64'));
    expect(releaseJson(record)).toBe(json);
    await h.helm('install', 'web', join(h.dir, 'demo'), ...flags);
    const ours = await h.helm('get', 'values', 'web');
    expect(ours.stdout).toBe(`USER-SUPPLIED VALUES:\n${marshalGoYaml(JSON.parse(json).config)}`);
    // The record we stored for the same install is Helm's, field for field (status and times aside).
    const secret = h.sim.clusters.get('default').get('Secret', 'default', 'sh.helm.release.v1.web.v1') as unknown as { data: { release: string } };
    const stored = decodeRelease(Buffer.from(secret.data.release, 'base64').toString('utf8'));
    expect(releaseJson({ ...stored, info: record.info })).toBe(json);
    // install --dry-run -o yaml prints what Helm prints (times aside).
    const times = (y: string) => y.replace(/^( {2}(first|last)_deployed): .*$/gm, '$1: <time>');
    const yamlTheirs = await real('install', 'web', join(h.dir, 'demo'), '--dry-run=client', '--disable-openapi-validation', '-o', 'yaml', ...flags);
    expect(times((await h.helm('install', 'web', join(h.dir, 'demo'), '--dry-run', '-o', 'yaml', ...flags)).stdout)).toBe(times(yamlTheirs.stdout));
    // `-o json` prints Helm's JSON of the stored release, `-o yaml` Helm's YAML of it.
    const status = JSON.parse((await h.helm('status', 'web', '-o', 'json')).stdout) as Record<string, unknown>;
    expect({ ...status, info: undefined }).toEqual({ ...JSON.parse(json), info: undefined });
    expect((await h.helm('status', 'web', '-o', 'yaml')).stdout).toBe(marshalGoYaml(status));
  });

  it('repo add, list, update, search, show and pull print what helm prints against the same server', async () => {
    const pkg = await real('package', join(h.dir, 'vweb'), '-d', h.dir);
    expect(pkg.code).toBe(0);
    const tgz = await readFile(join(h.dir, 'vweb-0.1.0.tgz'));
    expect((await h.sim.app.inject({ method: 'POST', url: '/api/charts', payload: tgz })).statusCode).toBe(201);
    const commands: string[][] = [
      ['search', 'repo', 'vweb'], ['repo', 'list'], ['repo', 'update'], ['repo', 'remove', 'class'], ['show', 'values', 'class/vweb'],
      ['repo', 'add', 'class', h.url], ['repo', 'add', 'class', h.url], ['repo', 'add', 'class', `${h.url}/x`], ['repo', 'add', 'bad/name', h.url],
      ['repo', 'add', 'missing', `${h.url}/nothing/here`], ['repo', 'list'], ['repo', 'update'], ['search', 'repo', 'vweb'], ['search', 'repo', 'nothing'],
      ['search', 'repo', 'class/', '-l', '--version', '~0.1'], ['show', 'values', 'class/vweb'], ['show', 'chart', 'class/vweb'],
      ['show', 'readme', 'class/vweb'], ['pull', 'class/vweb', '--version', '0.9.0'], ['pull', 'class/vweb', '--version', '>>1'],
      ['show', 'values', 'class/nochart'], ['show', 'values', 'other/vweb'], ['repo', 'remove', 'class'], ['repo', 'remove', 'class'],
    ];
    for (const args of commands) {
      const theirs = await real(...args);
      const ours = await h.helm(...args);
      expect({ args, out: ours.stdout, err: ours.stderr, code: ours.code }).toEqual({ args, out: theirs.stdout, err: theirs.stderr, code: theirs.code });
    }
    // Neither creates a missing destination folder (Helm's message ends in its temp file's random suffix);
    // into an existing one both save the archive as served.
    await real('repo', 'add', 'class', h.url);
    await h.helm('repo', 'add', 'class', h.url);
    const missing = join(h.dir, 'pulled', 'vweb-0.1.0.tgz');
    expect((await real('pull', 'class/vweb', '-d', join(h.dir, 'pulled'))).stderr).toMatch(new RegExp(`^Error: open ${missing}\\d*: no such file or directory\n$`));
    expect((await h.helm('pull', 'class/vweb', '-d', join(h.dir, 'pulled'))).stderr).toBe(`Error: open ${missing}: no such file or directory\n`);
    await mkdir(join(h.dir, 'pulled'));
    expect((await real('pull', 'class/vweb', '-d', join(h.dir, 'pulled'))).code).toBe(0);
    const theirs = await readFile(join(h.dir, 'pulled', 'vweb-0.1.0.tgz'));
    await rm(join(h.dir, 'pulled', 'vweb-0.1.0.tgz'));
    expect((await h.helm('pull', 'class/vweb', '-d', join(h.dir, 'pulled'))).code).toBe(0);
    expect((await readFile(join(h.dir, 'pulled', 'vweb-0.1.0.tgz'))).equals(theirs)).toBe(true);
  });
  it('cm-push uploads as the cm-push plugin does, with its messages', async () => {
    const plugins = { ...env, HELM_PLUGINS: join(PROJECT_ROOT, '.tools/helm-plugins') };
    const plugin = async (...args: string[]) => await run(helmBin!, args, { env: plugins, cwd: h.dir });
    const vweb = join(h.dir, 'vweb');
    // The plugin follows an error with its cobra usage text; the error line itself is compared.
    const firstLine = (s: string) => s.split('\n')[0];
    const same = (theirs: { stdout: string; stderr: string; code: number }, ours: { stdout: string; stderr: string; code: number }, from: string, to: string) =>
      expect({ out: ours.stdout, err: firstLine(ours.stderr), code: ours.code })
        .toEqual({ out: theirs.stdout.replaceAll(from, to), err: firstLine(theirs.stderr.replaceAll(from, to)), code: theirs.code });
    same(await plugin('cm-push', vweb, h.url, '--version', '0.5.0'), await h.helm('cm-push', vweb, h.url, '--version', '0.6.0'), '0.5.0', '0.6.0');
    same(await plugin('cm-push', vweb, h.url, '--version', '0.6.0'), await h.helm('cm-push', vweb, h.url, '--version', '0.5.0'), '0.6.0', '0.5.0');
    expect((await h.helm('cm-push', vweb, h.url, '--version', '0.5.0', '--force')).stdout).toBe(`Pushing vweb-0.5.0.tgz to ${h.url}...\nDone.\n`);
    await real('repo', 'add', 'pushy', h.url);
    await h.helm('repo', 'add', 'pushy', h.url);
    same(await plugin('cm-push', vweb, 'pushy', '--version', '0.7.0'), await h.helm('cm-push', vweb, 'pushy', '--version', '0.8.0'), '0.7.0', '0.8.0');
    same(await plugin('cm-push', vweb, 'nope'), await h.helm('cm-push', vweb, 'nope'), '', '');
    const index = (await h.sim.app.inject({ method: 'GET', url: '/api/charts/vweb' })).json() as { version: string }[];
    expect(index.map((v) => v.version).sort()).toEqual(['0.1.0', '0.5.0', '0.6.0', '0.7.0', '0.8.0']);
  });
});
