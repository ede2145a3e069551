/**
 * Differential test of our feature chart (fixtures/feat) against the real Helm: every object
 * (.Values/.Chart/.Capabilities/.Release/.Template/.Files), Helm's functions, values coalescing with
 * nulls and type clashes, kind ordering with unknown kinds, hooks (incl. an unknown hook event), empty
 * documents, NOTES.txt and Helm's error texts. Expected output is whatever `helm template` prints.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChartArchive, loadChartDirectory, parseValuesYaml } from '../../../src/helm/render/chart-loader.js';
import { renderChart } from '../../../src/helm/render/render-chart.js';
import { hasHelm, helmRequired, helmSandbox, type HelmSandbox } from './helm-peer.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

const ERROR_CASES: Record<string, string> = {
  required: 'needIt: true\n',
  'fail in include': 'failIt: true\n',
  'nil pointer': 'boom: {c: 1}\n',
};

const BROKEN_TEMPLATES: string[] = [
  '{{ foo }}',
  'a\n{{ if .Values.x }}',
  '{{ include "nope" . }}',
  '{{ tpl "{{ .Values.y.z.w }}" . }}',
  '{{ template "nope" }}',
];

/** Helm's error line(s) from stderr, without the `Use --debug …` hint some errors get. */
function helmError(stderr: string): string {
  const hint = stderr.indexOf('\n\nUse --debug');
  return hint >= 0 ? stderr.slice(0, hint) : stderr.replace(/\n$/, '');
}

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe.skipIf(!hasHelm && !helmRequired)('helm template parity for the feature chart', () => {
  let sandbox: HelmSandbox;
  const values = (file: string) => [parseValuesYaml(readFileSync(join(sandbox.dir, file), 'utf8'))];

  beforeAll(() => {
    sandbox = helmSandbox();
    cpSync(join(FIXTURES, 'feat'), join(sandbox.dir, 'feat'), { recursive: true });
    cpSync(join(FIXTURES, 'feat-user1.yaml'), join(sandbox.dir, 'user1.yaml'));
  });
  afterAll(() => sandbox?.dispose());

  it('chart defaults', async () => {
    const chart = await loadChartDirectory(join(sandbox.dir, 'feat'));
    expect(renderChart(chart, { releaseName: 'r' }).output).toBe(sandbox.run('template', 'r', 'feat'));
  });

  it('user values with nulls, list replacement and table/scalar clashes; Helm\'s warning', async () => {
    const chart = await loadChartDirectory(join(sandbox.dir, 'feat'));
    const warnings: string[] = [];
    const out = renderChart(chart, { releaseName: 'r', userValues: values('user1.yaml'), warn: (m) => warnings.push(m) });
    expect(out.output).toBe(sandbox.run('template', 'r', 'feat', '-f', 'user1.yaml'));
    expect(warnings).toEqual(['warning: skipped value for feat.scalar: Not a table.', 'info: skipping unknown hook: "sometime"']);
  });

  it('namespace, NOTES.txt set aside, and the packaged chart renders the same', async () => {
    sandbox.run('package', 'feat');
    const chart = await loadChartArchive(readFileSync(join(sandbox.dir, 'feat-1.2.3+build.4.tgz')));
    const out = renderChart(chart, { releaseName: 'other', namespace: 'prod' });
    expect(out.output).toBe(sandbox.run('template', 'other', 'feat-1.2.3+build.4.tgz', '--namespace', 'prod'));
    expect(out.notes).toBe('Release other of feat.\n');
  });

  it.each(Object.keys(ERROR_CASES))('error text: %s', async (name) => {
    writeFileSync(join(sandbox.dir, 'err.yaml'), ERROR_CASES[name]!);
    const stderr = sandbox.runFailing('template', 'r', 'feat', '-f', 'err.yaml');
    const chart = await loadChartDirectory(join(sandbox.dir, 'feat'));
    const message = errorOf(() => renderChart(chart, { releaseName: 'r', userValues: values('err.yaml') }));
    expect(helmError(stderr)).toBe(`Error: ${message}`);
  });

  it.each(BROKEN_TEMPLATES.map((t, i) => [i, t] as const))('parse and execution error text #%i: %s', async (i, text) => {
    const dir = join(sandbox.dir, `broken${i}`);
    cpSync(join(sandbox.dir, 'feat'), dir, { recursive: true });
    writeFileSync(join(dir, 'templates', 'broken.yaml'), text);
    const stderr = sandbox.runFailing('template', 'r', `broken${i}`);
    const chart = await loadChartDirectory(dir);
    const message = errorOf(() => renderChart(chart, { releaseName: 'r' }));
    expect(helmError(stderr)).toBe(`Error: ${message}`);
  });

  it.each([
    ['a bad release name', 'Bad_Name', ''],
    ['a release name over 53 characters', 'a'.repeat(54), ''],
    ['a library chart', 'r', 'type: library\n'],
    ['an incompatible kubeVersion', 'r', 'kubeVersion: ">=1.30.0"\n'],
    ['dependencies missing from charts/ (before a bad name)', 'Bad_Name', 'dependencies:\n  - name: nope\n    version: 1.0.0\n  - name: other\n    version: 1.0.0\n'],
  ])('refuses %s as Helm does', async (_what, release, chartYamlExtra) => {
    const dir = join(sandbox.dir, `pre-${release.length}-${chartYamlExtra.length}`);
    cpSync(join(sandbox.dir, 'feat'), dir, { recursive: true });
    writeFileSync(join(dir, 'Chart.yaml'), readFileSync(join(dir, 'Chart.yaml'), 'utf8') + chartYamlExtra);
    const stderr = sandbox.runFailing('template', release, dir);
    const chart = await loadChartDirectory(dir);
    expect(`Error: ${errorOf(() => renderChart(chart, { releaseName: release }))}`).toBe(helmError(stderr));
  });

  it('renders a chart whose kubeVersion admits the cluster', async () => {
    const dir = join(sandbox.dir, 'kube-ok');
    cpSync(join(sandbox.dir, 'feat'), dir, { recursive: true });
    writeFileSync(join(dir, 'Chart.yaml'), readFileSync(join(dir, 'Chart.yaml'), 'utf8') + 'kubeVersion: ">=1.19.0-0"\n');
    const chart = await loadChartDirectory(dir);
    expect(renderChart(chart, { releaseName: 'r' }).output).toBe(sandbox.run('template', 'r', dir));
  });
});
