/**
 * Differential test of the `chartroom template` command against `helm template`: both run as real
 * processes with the same arguments in the same directory, and stdout (bytes), stderr and the exit code
 * must be equal. Corpus: the `helm create` chart (made at test time) with every value flag, its packaged
 * .tgz, the render fixtures (feature chart, parent with subcharts), a chart with CRDs, and Helm's
 * argument, value-flag and chart-location errors.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasHelm, helmRequired } from '../helm/render/helm-peer.js';
import { mapLimited, templatePeers, type RunResult, type TemplatePeers } from './template-peer.js';

const FIXTURES = join(import.meta.dirname, '../helm/render/fixtures');

const FILES: Record<string, string> = {
  'v1.yaml': 'replicaCount: 2\nimage:\n  tag: from-v1\npodLabels:\n  a: b\n',
  'v2.yaml': 'image:\n  pullPolicy: Always\npodLabels: null\ntolerations: [{key: k, operator: Exists}]\n',
  'bad.yaml': 'a: [1\n',
  'list.yaml': '- 1\n',
  'file.txt': 'line one\nline two\n',
  'withcrds/Chart.yaml': 'apiVersion: v2\nname: withcrds\nversion: 1.0.0\n',
  'withcrds/crds/a.yaml': 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: as.example.com\n',
  'withcrds/crds/b.json': '{"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition"}',
  'withcrds/crds/readme.txt': 'not a manifest',
  'withcrds/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  x: {{ .Values.x | quote }}\n',
  'withcrds/charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
  'withcrds/charts/sub/crds/c.yaml': 'kind: CustomResourceDefinition\nmetadata:\n  name: cs.example.com\n',
  'withcrds/charts/sub/templates/s.yaml': 'kind: Secret\nmetadata:\n  name: s\n',
  // Helm's include guard: 1000 nested includes render, 1001 fail (needs the worker's large stack).
  'deep1000/Chart.yaml': 'apiVersion: v2\nname: deep\nversion: 0.1.0\n',
  'deep1000/templates/a.yaml': '{{ define "r" }}{{ if lt (len .) 1000 }}{{ include "r" (append . 1) }}{{ else }}deep{{ end }}{{ end }}a: {{ include "r" (list) }}\n',
  'deep1001/Chart.yaml': 'apiVersion: v2\nname: deep\nversion: 0.1.0\n',
  'deep1001/templates/a.yaml': '{{ define "r" }}{{ if lt (len .) 1001 }}{{ include "r" (append . 1) }}{{ else }}deep{{ end }}{{ end }}a: {{ include "r" (list) }}\n',
};

const INGRESS = 'ingress.enabled=true,ingress.hosts[0].host=a.example.com,ingress.hosts[0].paths[0].path=/,ingress.hosts[0].paths[0].pathType=Prefix';

/** Each case: the arguments after `template`. */
const CASES: string[][] = [
  ['x', 'mychart'],
  ['mychart'],
  ['x', 'mychart', '--set', 'replicaCount=3,image.tag=v2,service.port=8080'],
  ['x', 'mychart', '--set', INGRESS, '--set', 'ingress.tls[0].secretName=t,ingress.tls[0].hosts={a.example.com}'],
  ['x', 'mychart', '--set-string', 'image.tag=1.0,replicaCount=4'],
  ['x', 'mychart', '--set-json', 'podAnnotations={"a":"b","n":1.5}', '--set', 'podLabels.x=y'],
  ['x', 'mychart', '--set', 'replicaCount=null,podSecurityContext.fsGroup=2000,nodeSelector.disk=ssd'],
  ['x', 'mychart', '--set-literal', 'podAnnotations.lit=a,b\\,c'],
  ['x', 'mychart', '--set-file', 'podAnnotations.file=file.txt'],
  ['x', 'mychart', '-f', 'v1.yaml,v2.yaml', '--set', 'replicaCount=7', '--set-json', 'replicaCount=9'],
  ['x', 'mychart', '--values', 'v1.yaml', '--set', 'replicaCount=1.5', '--set', 'image.tag=007'],
  ['x', 'mychart', '--set', 'replicaCount=-3,autoscaling.enabled=true,autoscaling.maxReplicas=12'],
  ['x', 'mychart', '-s', 'templates/service.yaml', '-s', 'templates/tests/*'],
  ['x', 'mychart', '--show-only=templates/deployment.yaml'],
  ['x', 'mychart', '-n', 'prod', '--is-upgrade', '--kube-version', 'v1.29.1', '-a', 'monitoring.coreos.com/v1'],
  ['x', 'mychart', '--no-hooks'],
  ['x', 'mychart', '--skip-tests', '--set', 'serviceAccount.create=false'],
  ['x', 'mychart-0.1.0.tgz', '--set', 'autoscaling.enabled=true'],
  ['--name-template', 'app-{{ "X" | lower }}', 'mychart', '-s', 'templates/service.yaml'],
  ['x', 'feat', '-f', 'feat-user1.yaml'],
  ['x', 'parent'],
  ['x', 'parent', '--set', 'global.region=us,child.who=cli'],
  ['x', 'parent', '--set', 'global=1'],
  ['x', 'parent', '--set', 'child.global.shared=1', '--set', 'global.region.x=1'],
  ['x', 'withcrds'],
  ['x', 'withcrds', '--include-crds', '--set', 'x=1'],
  ['x', 'withcrds', '--include-crds', '-s', 'crds/a.yaml', '-s', 'charts/sub/crds/*'],
  ['x', 'deep1000'],
  ['x', 'deep1001'],
  // errors
  [],
  ['x', 'mychart', 'extra'],
  ['x', 'mychart', '--bogus'],
  ['x', 'mychart', '-f'],
  ['x', 'mychart', '-z'],
  ['x', 'mychart', '--include-crds=maybe'],
  ['X', 'mychart'],
  ['x', 'mychart', '-s', 'templates/nope.yaml'],
  ['x', 'mychart', '--kube-version', '1'],
  ['x', 'mychart', '--set', 'a[0]x=1'],
  ['x', 'mychart', '--set', 'image=1', '--set', 'image.tag=2'],
  ['x', 'mychart', '--set', 'a,b=1'],
  ['x', 'mychart', '--set', 'l[70000]=1'],
  ['x', 'mychart', '--set-json', 'a={'],
  ['x', 'mychart', '--set-literal', 'novalue'],
  ['x', 'mychart', '-f', 'missing.yaml'],
  ['x', 'mychart', '-f', 'bad.yaml'],
  ['x', 'mychart', '-f', 'list.yaml'],
  ['x', 'mychart', '--set-file', 'a=missing.txt'],
  ['x', './nope'],
  ['x', 'nope'],
  ['x', 'stable/nope'],
  ['x', 'mychart', '--generate-name'],
];

const YAML_WORDING = new Set(['x mychart -f bad.yaml']);

describe.skipIf(!hasHelm && !helmRequired)('chartroom template matches helm template', () => {
  let peers: TemplatePeers;
  const results = new Map<string, [RunResult, RunResult]>();

  beforeAll(async () => {
    peers = templatePeers();
    const created = await peers.helm('create', 'mychart');
    expect(created.code).toBe(0);
    expect((await peers.helm('package', 'mychart')).code).toBe(0);
    for (const [name, text] of Object.entries(FILES)) {
      mkdirSync(join(peers.dir, name, '..'), { recursive: true });
      writeFileSync(join(peers.dir, name), text);
    }
    for (const f of ['feat', 'parent', 'feat-user1.yaml']) cpSync(join(FIXTURES, f), join(peers.dir, f), { recursive: true });
    const outcomes = await mapLimited(CASES, 2, async (args) => [await peers.helm('template', ...args), await peers.chartroom(...args)] as [RunResult, RunResult]);
    CASES.forEach((args, i) => results.set(args.join(' '), outcomes[i]!));
  }, 300_000);
  afterAll(() => peers?.dispose());

  it.each(CASES.map((c) => [c.join(' ')]))('template %s', (key) => {
    const [helm, ours] = results.get(key)!;
    // Known difference (README): YAML syntax errors carry the yaml package's wording after `yaml: `.
    const cut = (s: string): string => (YAML_WORDING.has(key) ? s.slice(0, s.indexOf('yaml: ') + 6) : s);
    // Helm's coalescing warnings follow Go's random map order, so the same run can list them in either order.
    const warningsInAnyOrder = (s: string): string[] => cut(s).split('\n').sort();
    expect(warningsInAnyOrder(ours.stderr)).toEqual(warningsInAnyOrder(helm.stderr));
    expect(ours.stdout).toBe(helm.stdout);
    expect(ours.code).toBe(helm.code);
  });

  it('covers successes and failures', () => {
    const codes = [...results.values()].map(([h]) => h.code);
    expect(codes.filter((c) => c === 0).length).toBeGreaterThan(20);
    expect(codes.filter((c) => c !== 0).length).toBeGreaterThan(20);
  });
});
