/**
 * Differential test against the real Helm: `helm create` makes the scaffold chart at test time, and
 * `helm template` output (stdout, byte for byte) is compared with renderChart's for several value sets,
 * from the chart directory and from its packaged .tgz (see helm-peer.ts for when it skips).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChartArchive, loadChartDirectory, parseValuesYaml } from '../../../src/helm/render/chart-loader.js';
import { renderChart } from '../../../src/helm/render/render-chart.js';
import { hasHelm, helmRequired, helmSandbox, type HelmSandbox } from './helm-peer.js';

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
  nulls: 'livenessProbe: null\nreadinessProbe: null\nimage:\n  pullPolicy: null\nservice:\n  type: LoadBalancer\nreplicaCount: 1234567\n',
  misc: [
    'imagePullSecrets:', '  - name: regcred', 'podSecurityContext:', '  fsGroup: 2000', 'volumes:', '  - name: foo',
    '    secret:', '      secretName: mysecret', '      optional: false', 'volumeMounts:', '  - name: foo',
    '    mountPath: "/etc/foo"', '    readOnly: true', 'affinity:', '  nodeAffinity:',
    '    requiredDuringSchedulingIgnoredDuringExecution:', '      nodeSelectorTerms:', '        - matchExpressions:',
    '            - key: zone', '              operator: In', '              values: ["a", "b"]',
    'serviceAccount:', '  annotations:', '    eks.amazonaws.com/role-arn: "arn:aws:iam::1:role/x"', '  automount: false',
    '  name: custom-sa', 'ingress:', '  enabled: true', '  hosts:', '    - host: "*.example.com"', '      paths:',
    '        - path: /', '          pathType: null', 'image:', '  repository: registry.example.com:5000/team/app',
    '  tag: sha-1234', '',
  ].join('\n'),
  httproute: 'httpRoute:\n  enabled: true\nsecurityContext:\n  runAsNonRoot: true\n  runAsUser: 1000\nnameOverride: other\n',
};

describe.skipIf(!hasHelm && !helmRequired)('helm template parity for the `helm create` chart', () => {
  let sandbox: HelmSandbox;
  let dir = '';
  const helm = (...args: string[]): string => sandbox.run(...args);

  beforeAll(() => {
    sandbox = helmSandbox();
    dir = sandbox.dir;
    helm('create', 'mychart');
    for (const [name, text] of Object.entries(VALUE_SETS)) writeFileSync(join(dir, `${name}.yaml`), text);
  });
  afterAll(() => sandbox?.dispose());

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
