/**
 * Differential test against the real Helm: `helm create` makes the scaffold chart at test time, and
 * `helm template` output (stdout, byte for byte) is compared with renderChart's for several value sets,
 * from the chart directory and from its packaged .tgz. Skipped without the binary, unless CI=true or
 * CHARTROOM_REQUIRE_PEERS=1, where a missing binary fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChartArchive, loadChartDirectory, parseValuesYaml } from '../../../src/helm/render/chart-loader.js';
import { renderChart } from '../../../src/helm/render/render-chart.js';

const HELM = join(import.meta.dirname, '../../../.tools/bin/helm');
const hasHelm = existsSync(HELM);
const required = process.env['CI'] === 'true' || process.env['CHARTROOM_REQUIRE_PEERS'] === '1';

const VALUE_SETS: Record<string, string> = {
  replicas: 'replicaCount: 3\nimage:\n  tag: "1.25.3"\n',
  ingress: [
    'ingress:', '  enabled: true', '  className: nginx', '  annotations:', '    kubernetes.io/tls-acme: "true"',
    '  hosts:', '    - host: a.example.com', '      paths:', '        - path: /', '          pathType: Prefix',
    '        - path: /api', '          pathType: ImplementationSpecific', '    - host: b.example.com', '      paths:',
    '        - path: /', '          pathType: Prefix', '  tls:', '    - secretName: a-tls', '      hosts:',
    '        - a.example.com', 'service:', '  type: NodePort', '  port: 8080', '',
  ].join('\n'),
  autoscaling: [
    'autoscaling:', '  enabled: true', '  minReplicas: 2', '  maxReplicas: 7', '  targetMemoryUtilizationPercentage: 60',
    'serviceAccount:', '  create: false', '  name: null', 'podAnnotations:', '    prometheus.io/scrape: "true"',
    'podLabels:', '  tier: web', 'resources:', '  limits:', '    cpu: 100m', '    memory: 128Mi', 'nodeSelector:',
    '  disktype: ssd', 'tolerations:', '  - key: k', '    operator: Exists', 'fullnameOverride: my-full-name', '',
  ].join('\n'),
  httproute: 'httpRoute:\n  enabled: true\nsecurityContext:\n  runAsNonRoot: true\n  runAsUser: 1000\nnameOverride: other\n',
};

describe.skipIf(!hasHelm && !required)('helm template parity for the `helm create` chart', () => {
  let dir = '';
  const helm = (...args: string[]): string => execFileSync(HELM, args, {
    cwd: dir, encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', HOME: dir, HELM_CACHE_HOME: join(dir, 'h'), HELM_CONFIG_HOME: join(dir, 'h'), HELM_DATA_HOME: join(dir, 'h'), KUBECONFIG: join(dir, 'none') },
  });

  beforeAll(() => {
    if (!hasHelm) throw new Error(`helm binary required (CI or CHARTROOM_REQUIRE_PEERS) but missing at ${HELM}`);
    dir = mkdtempSync(join(tmpdir(), 'helmrender-'));
    helm('create', 'mychart');
    for (const [name, text] of Object.entries(VALUE_SETS)) writeFileSync(join(dir, `${name}.yaml`), text);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('default values', async () => {
    const chart = await loadChartDirectory(join(dir, 'mychart'));
    expect(renderChart(chart, { releaseName: 'myapp' }).output).toBe(helm('template', 'myapp', 'mychart'));
  });

  it('release name containing the chart name', async () => {
    const chart = await loadChartDirectory(join(dir, 'mychart'));
    expect(renderChart(chart, { releaseName: 'mychart-prod' }).output).toBe(helm('template', 'mychart-prod', 'mychart'));
  });

  it.each(Object.keys(VALUE_SETS))('--values %s.yaml', async (name) => {
    const chart = await loadChartDirectory(join(dir, 'mychart'));
    const userValues = [parseValuesYaml(readFileSync(join(dir, `${name}.yaml`), 'utf8'))];
    const expected = helm('template', 'rel', 'mychart', '--values', `${name}.yaml`);
    expect(renderChart(chart, { releaseName: 'rel', userValues }).output).toBe(expected);
  });

  it('two --values files merged in order, from the packaged .tgz', async () => {
    helm('package', 'mychart');
    const chart = await loadChartArchive(readFileSync(join(dir, 'mychart-0.1.0.tgz')));
    const userValues = ['ingress', 'replicas'].map((n) => parseValuesYaml(readFileSync(join(dir, `${n}.yaml`), 'utf8')));
    const expected = helm('template', 'rel', 'mychart-0.1.0.tgz', '-f', 'ingress.yaml', '-f', 'replicas.yaml');
    expect(renderChart(chart, { releaseName: 'rel', userValues }).output).toBe(expected);
  });
});
