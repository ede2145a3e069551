import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../helpers/process.js';
import { vwebFiles } from '../../release/vweb-chart.js';
import { helmHarness, type HelmHarness } from './helm-harness.js';

const GOLDEN = join(PROJECT_ROOT, 'test/fixtures/helm-release');

/** Compares with a golden file whole; CHARTROOM_UPDATE_GOLDEN=1 rewrites it (read the diff before committing). */
async function golden(name: string, actual: string): Promise<void> {
  const path = join(GOLDEN, name);
  if (process.env.CHARTROOM_UPDATE_GOLDEN === '1') await writeFile(path, actual);
  expect(actual).toBe(await readFile(path, 'utf8'));
}

describe('chartroom helm: one release through every command', () => {
  let h: HelmHarness;
  let chart: string;
  let values: string;
  beforeAll(async () => {
    h = await helmHarness();
    chart = await h.writeChart('vweb', vwebFiles('0.1.0'));
    await h.writeChart('vweb2', vwebFiles('0.2.0', '2.0.0'));
    values = join(h.dir, 'three.yaml');
    await writeFile(values, 'replicaCount: 3\n');
  });
  afterAll(async () => await h.close());

  it('installs, upgrades, rolls back, lists and uninstalls with Helm\'s output', async () => {
    const steps: [string, string[]][] = [
      ['install.txt', ['install', 'web', chart]],
      ['install-in-use.txt', ['install', 'web', chart]],
      ['upgrade-scale.txt', ['upgrade', 'web', chart, '-f', values]],
      ['upgrade-chart.txt', ['upgrade', 'web', join(h.dir, 'vweb2'), '--reuse-values']],
      ['history.txt', ['history', 'web']],
      ['get-values.txt', ['get', 'values', 'web']],
      ['get-values-all.txt', ['get', 'values', 'web', '-a', '--revision', '1']],
      ['get-manifest.txt', ['get', 'manifest', 'web']],
      ['get-notes.txt', ['get', 'notes', 'web']],
      ['rollback.txt', ['rollback', 'web', '1']],
      ['history-after-rollback.txt', ['history', 'web']],
      ['status.txt', ['status', 'web', '--show-desc']],
      ['list.txt', ['list']],
      ['rollback-missing.txt', ['rollback', 'web', '9']],
      ['uninstall-keep.txt', ['uninstall', 'web', '--keep-history']],
      ['list-all.txt', ['ls', '-a']],
      ['history-uninstalled.txt', ['history', 'web', '-o', 'json']],
      ['uninstall-again.txt', ['un', 'web', '--keep-history']],
      ['upgrade-install.txt', ['upgrade', 'web', chart, '--install']],
      ['delete.txt', ['delete', 'web']],
      ['status-missing.txt', ['status', 'web']],
      ['upgrade-missing.txt', ['upgrade', 'web', chart]],
      ['install-set.txt', ['install', 'web', chart, '--set', 'replicaCount=2']],
      ['install-bad-name.txt', ['install', 'Web_1', chart]],
      ['install-unknown-flag.txt', ['install', 'web', chart, '--bogus']],
      ['upgrade-unsupported-flag.txt', ['upgrade', 'web', chart, '--force']],
    ];
    for (const [file, args] of steps) {
      const r = await h.helm(...args);
      await golden(file, `$ helm ${args.map((a) => a.replace(h.dir, '<tmp>')).join(' ')}\n${r.stdout}${r.stderr}[exit ${r.code}]\n`);
    }
  });

  it('failed upgrades: --wait past --timeout marks the revision failed; --atomic rolls back', async () => {
    // A cluster of its own: the waits below move its virtual clock, which the other tests' goldens must not see.
    h.sim.clusters.get('flaky').setFailingImages(['nginx:broken']);
    const broken = join(h.dir, 'broken.yaml');
    await writeFile(broken, 'image:\n  tag: broken\n');
    const steps: [string, string[]][] = [
      ['fail-install.txt', ['install', 'shaky', chart, '--wait']],
      ['fail-upgrade.txt', ['upgrade', 'shaky', chart, '-f', broken, '--wait', '--timeout', '10s']],
      ['fail-list.txt', ['list', '--failed']],
      ['fail-atomic.txt', ['upgrade', 'shaky', chart, '-f', broken, '--atomic', '--timeout', '10s']],
      ['fail-history.txt', ['history', 'shaky']],
      ['fail-install-atomic.txt', ['install', 'gone', chart, '-f', broken, '--atomic', '--timeout', '4s']],
      ['fail-install-atomic-status.txt', ['status', 'gone']],
    ];
    for (const [file, args] of steps) {
      const r = await h.helm(...args, '--cluster', 'flaky');
      await golden(file, `$ helm ${args.map((a) => a.replace(h.dir, '<tmp>')).join(' ')}\n${r.stdout}${r.stderr}[exit ${r.code}]\n`);
    }
  });

  it('dry-run prints the hooks and the manifest and stores nothing', async () => {
    const r = await h.helm('install', 'dry', chart, '--dry-run', '--set', 'x');
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'Error: INSTALLATION FAILED: failed parsing --set data: key "x" has no value\n' });
    const ok = await h.helm('install', 'dry', chart, '--dry-run', '-f', values);
    await golden('install-dry-run.txt', ok.stdout);
    expect((await h.helm('status', 'dry')).stderr).toBe('Error: release: not found\n');
  });

  it('warns about a deprecated chart; --labels are storage labels that list -l selects, "null" removes one', async () => {
    const files = vwebFiles('0.1.0');
    files.set('Chart.yaml', Buffer.from(`${files.get('Chart.yaml')!.toString()}deprecated: true\n`));
    const old = await h.writeChart('old', files);
    const r = await h.helm('install', 'lab', old, '--labels', 'team=blue,tier=web');
    expect([r.code, r.stderr]).toEqual([0, 'WARNING: This chart is deprecated\n']);
    expect((await h.helm('ls', '-q', '-l', 'team=blue')).stdout).toBe('lab\n');
    await h.helm('upgrade', 'lab', old, '--labels', 'team=null');
    expect((await h.helm('ls', '-q', '-l', 'team=blue')).stdout).toBe('');
    expect((await h.helm('ls', '-q', '-l', 'tier=web')).stdout).toBe('lab\n');
    expect((await h.helm('install', 'sys', old, '--labels', 'owner=me')).stderr).toBe('WARNING: This chart is deprecated\n'
      + 'Error: INSTALLATION FAILED: user supplied labels contains system reserved label name. System labels: [name owner status version createdAt modifiedAt]\n');
  });

  it('helm test runs the test hooks and prints them in the status block', async () => {
    const files = vwebFiles('0.1.0');
    files.set('templates/tests/ping.yaml', Buffer.from('apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}-ping\n  annotations:\n    helm.sh/hook: test\n'
      + '{{- if .Values.failTest }}\n    sim.chartroom.dev/fail: "true"\n{{- end }}\nspec:\n  restartPolicy: Never\n  containers:\n    - name: ping\n      image: busybox\n'));
    const tested = await h.writeChart('tested', files);
    await h.helm('install', 'probe', tested);
    const before = await h.helm('status', 'probe');
    expect(before.stdout).not.toContain('TEST SUITE');
    await golden('test.txt', (await h.helm('test', 'probe')).stdout);
    const failing = join(h.dir, 'fail.yaml');
    await writeFile(failing, 'failTest: true\n');
    await h.helm('upgrade', 'probe', tested, '-f', failing);
    const r = await h.helm('test', 'probe');
    expect([r.code, r.stderr]).toEqual([1, 'Error: pod probe-ping failed\n']);
    expect(r.stdout).toContain('TEST SUITE:     probe-ping\n');
    expect(r.stdout).toContain('Phase:          Failed\n');
  });

  it('--generate-name names the release after the chart and the clock', async () => {
    const r = await h.helm('install', chart, '--generate-name', '-n', 'default');
    expect(r.stdout.split('\n')[0]).toBe(`NAME: vweb-${Date.UTC(2026, 0, 1) / 1000}`);
  });
});

describe('chartroom helm on a real clock', () => {
  let h: HelmHarness;
  beforeAll(async () => (h = await helmHarness('real')));
  afterAll(async () => await h.close());

  it('--wait waits in real time, and a second upgrade meanwhile is refused as Helm refuses it', async () => {
    const chart = await h.writeChart('vweb', vwebFiles('0.1.0'));
    await h.helm('install', 'web', chart);
    const values = join(h.dir, 'two.yaml');
    await writeFile(values, 'replicaCount: 2\n');
    const started = Date.now();
    const slow = h.helm('upgrade', 'web', chart, '-f', values, '--wait');
    await new Promise((r) => setTimeout(r, 500));
    expect(await h.helm('upgrade', 'web', chart)).toEqual({ code: 1, stdout: '', stderr: 'Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress\n' });
    expect((await h.helm('history', 'web')).stdout).toContain('pending-upgrade');
    expect((await slow).code).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4000); // the new pod is Ready 5 s after it was created
    expect((await h.helm('history', 'web')).stdout.split('\n').slice(1, 3).map((l) => l.split('\t')[2]!.trim())).toEqual(['superseded', 'deployed']);
  }, 30_000);
});
