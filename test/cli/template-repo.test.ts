/**
 * `chartroom template` with charts from a repository, against `helm template` on the same repository: a
 * Chartroom server (real process) holds three versions of the `helm create` chart; both tools resolve
 * `repo/chart` from the `helm repo add` configuration and cache, and `--repo URL` from a fresh index, with
 * `--version` constraints, and report Helm's errors for missing charts, versions and repositories.
 */
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasHelm, helmRequired } from '../helm/render/helm-peer.js';
import { startChartroom, type RunningServer } from '../helpers/process.js';
import { mapLimited, templatePeers, type RunResult, type TemplatePeers } from './template-peer.js';

describe.skipIf(!hasHelm && !helmRequired)('chartroom template from a repository matches helm template', () => {
  let peers: TemplatePeers;
  let server: RunningServer;
  const results = new Map<string, [RunResult, RunResult]>();
  const cases = (url: string): string[][] => [
    ['x', 'local/mychart', '-s', 'templates/service.yaml'],
    ['x', 'local/mychart', '--version', '0.1.0', '-s', 'templates/service.yaml'],
    ['x', 'local/mychart', '--version', '~0.1', '-s', 'templates/deployment.yaml'],
    ['x', 'local/mychart', '--version', '>=1.0.0-0', '-s', 'templates/deployment.yaml'],
    ['x', 'local/mychart', '--version', '9.9.9'],
    ['x', 'local/mychart', '--version', 'not a constraint'],
    ['x', 'local/nope'],
    ['x', 'other/mychart'],
    ['x', 'mychart', '--repo', url, '-s', 'templates/service.yaml'],
    ['x', 'mychart', '--repo', `${url}/`, '--version', '0.1.x', '--set', 'service.port=81', '-s', 'templates/service.yaml'],
    ['x', 'nope', '--repo', url],
    ['x', 'mychart', '--repo', url, '--version', '5'],
    ['x', 'mychart', '--repo', `${url}/missing`],
    ['x', `${url}/charts/mychart-0.2.0.tgz`, '-s', 'templates/service.yaml'],
    ['x', 'src-chart', '--repo', url, '-s', 'templates/service.yaml'],
  ];
  let list: string[][] = [];

  beforeAll(async () => {
    peers = templatePeers();
    const storage = join(peers.dir, 'storage');
    mkdirSync(storage);
    expect((await peers.helm('create', 'mychart')).code).toBe(0);
    for (const v of ['0.1.0', '0.2.0', '1.0.0-rc.1']) {
      expect((await peers.helm('package', 'mychart', '--version', v, '--app-version', `app-${v}`, '-d', storage)).code).toBe(0);
    }
    renameSync(join(peers.dir, 'mychart'), join(peers.dir, 'src-chart'));
    server = await startChartroom(['--storage-local-rootdir', storage]);
    expect((await peers.helm('repo', 'add', 'local', server.url)).code).toBe(0);
    expect(readFileSync(join(peers.env['HOME']!, 'repository', 'local-index.yaml'), 'utf8')).toContain('mychart');
    list = cases(server.url);
    const outcomes = await mapLimited(list, 2, async (args) => [await peers.helm('template', ...args), await peers.chartroom(...args)] as [RunResult, RunResult]);
    list.forEach((args, i) => results.set(args.join(' ').replace(server.url, 'URL'), outcomes[i]!));
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    peers?.dispose();
  });

  it('runs every case', () => expect(results.size).toBe(15));

  it.each(cases('URL').map((c) => [c.join(' ')]))('template %s', (key) => {
    const [helm, ours] = results.get(key)!;
    expect(ours.stderr).toBe(helm.stderr);
    expect(ours.stdout).toBe(helm.stdout);
    expect(ours.code).toBe(helm.code);
  });
});
