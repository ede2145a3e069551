/**
 * `chartroom helm create` and `chartroom helm lint` against the real Helm. `create` writes Chartroom's own
 * starter chart (not Helm's) with helm create's output and name errors; the real `helm lint` passes it,
 * the real `helm template` renders it byte for byte as `chartroom template` does, and it installs on the
 * simulator. `lint` prints what `helm lint` prints for the real `helm create` chart, for the starter
 * chart and for charts broken in the common ways.
 */
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, testPeer } from '../../helpers/process.js';
import { helmHarness, type HelmHarness } from './helm-harness.js';

const required = process.env.CI === 'true' || process.env.CHARTROOM_REQUIRE_PEERS === '1';
const helmBin = testPeer('helm');

/** Every file and folder under `dir`: relative path → contents ('<dir>' for folders). */
async function tree(dir: string, rel = ''): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of (await readdir(join(dir, rel))).sort()) {
    const path = rel ? `${rel}/${entry}` : entry;
    if ((await stat(join(dir, path))).isDirectory()) {
      out.set(path, '<dir>');
      for (const [k, v] of await tree(dir, path)) out.set(k, v);
    } else out.set(path, await readFile(join(dir, path), 'utf8'));
  }
  return out;
}

/** What the starter chart holds (folders end in '/'). */
const STARTER_FILES = [
  '.helmignore', 'Chart.yaml', 'charts/', 'templates/', 'templates/NOTES.txt', 'templates/_helpers.tpl', 'templates/deployment.yaml',
  'templates/ingress.yaml', 'templates/service.yaml', 'templates/tests/', 'templates/tests/test-connection.yaml', 'values.yaml',
];

describe.skipIf(!helmBin && !required)('chartroom helm create and lint vs helm', () => {
  let h: HelmHarness;
  const env = () => ({ HELM_CONFIG_HOME: join(h.dir, 'cfg'), HELM_CACHE_HOME: join(h.dir, 'cache'), HELM_DATA_HOME: join(h.dir, 'data'), KUBECONFIG: '/dev/null' });
  const real = async (cwd: string, ...args: string[]) => await run(helmBin!, args, { env: env(), cwd });
  const ours = async (cwd: string, ...args: string[]) => {
    const before = process.cwd();
    process.chdir(cwd);
    try {
      return await h.helm(...args);
    } finally {
      process.chdir(before);
    }
  };
  const both = async (args: string[]) => {
    const [t, o] = [join(h.dir, 'theirs'), join(h.dir, 'ours')];
    const theirs = await real(t, ...args);
    const mine = await ours(o, ...args);
    return { theirs: { ...theirs, stdout: theirs.stdout.replaceAll(t, '<dir>'), stderr: theirs.stderr.replaceAll(t, '<dir>') }, ours: { ...mine, stdout: mine.stdout.replaceAll(o, '<dir>'), stderr: mine.stderr.replaceAll(o, '<dir>') } };
  };

  beforeAll(async () => {
    expect(helmBin, 'the helm test peer (scripts/install-test-peers.sh)').toBeDefined();
    h = await helmHarness();
    await mkdir(join(h.dir, 'theirs'));
    await mkdir(join(h.dir, 'ours'));
  });
  afterAll(async () => await h?.close());

  it('create writes Chartroom\'s starter chart and prints what helm create prints', async () => {
    for (const name of ['web', 'My.chart_2', 'nested/deeper']) {
      if (name.includes('/')) {
        await mkdir(join(h.dir, 'theirs', 'nested'), { recursive: true });
        await mkdir(join(h.dir, 'ours', 'nested'), { recursive: true });
      }
      const { theirs, ours: mine } = await both(['create', name]);
      expect({ name, out: mine.stdout, code: mine.code }).toEqual({ name, out: theirs.stdout, code: theirs.code });
    }
    const files = [...(await tree(join(h.dir, 'ours', 'web')))].map(([path, text]) => (text === '<dir>' ? `${path}/` : path));
    expect(files).toEqual([...STARTER_FILES].sort());
    const chartYaml = (await tree(join(h.dir, 'ours', 'nested', 'deeper'))).get('Chart.yaml');
    expect(chartYaml).toMatch(/^name: deeper$/m);
    // A second create overwrites every file, warning once per file, as helm create does for its own files.
    const again = await ours(join(h.dir, 'ours'), 'create', 'web');
    const warned = again.stdout.split('\n').filter((l) => l.startsWith('WARNING')).map((l) => l.replace(`WARNING: File "${join(h.dir, 'ours', 'web')}/`, '').replace('" already exists. Overwriting.', ''));
    expect({ first: again.stdout.split('\n')[0], warned: warned.sort(), code: again.code })
      .toEqual({ first: 'Creating web', warned: STARTER_FILES.filter((f) => !f.endsWith('/')).sort(), code: 0 });
  });

  it('the starter chart passes the real helm lint, and helm template renders it as chartroom template does', async () => {
    const dir = join(h.dir, 'starter');
    await mkdir(dir);
    expect((await ours(dir, 'create', 'web')).code).toBe(0);
    const lint = await real(dir, 'lint', 'web', '--strict');
    expect({ code: lint.code, out: lint.stdout }).toEqual({ code: 0, out: expect.stringContaining('1 chart(s) linted, 0 chart(s) failed') });
    const sets = [[], ['--set', 'replicaCount=3', '--set', 'image.tag=1.2.3'], ['--set', 'ingress.enabled=true,ingress.tlsSecretName=web-tls,resources.limits.memory=128Mi']];
    for (const set of sets) {
      const theirs = await real(dir, 'template', 'rel', 'web', ...set);
      const mine = await ours(dir, 'template', 'rel', 'web', ...set);
      expect(theirs.code).toBe(0);
      expect({ set, out: mine.stdout, err: mine.stderr, code: mine.code }).toEqual({ set, out: theirs.stdout, err: theirs.stderr, code: theirs.code });
    }
    const rendered = (await real(dir, 'template', 'rel', 'web', ...sets[1]!)).stdout;
    expect(rendered).toContain('replicas: 3\n');
    expect(rendered).toContain('image: "nginx:1.2.3"\n');
    expect(rendered).toMatch(/rollingUpdate:\n {6}maxSurge: 1\n {6}maxUnavailable: 0\n/);
    expect(rendered).not.toContain('kind: Ingress');
  });

  it('chartroom helm install deploys the starter chart on the simulator, and helm test passes', async () => {
    const dir = join(h.dir, 'install');
    await mkdir(dir);
    expect((await ours(dir, 'create', 'web')).code).toBe(0);
    const installed = await ours(dir, 'install', 'shop', 'web', '--set', 'replicaCount=2');
    expect({ code: installed.code, err: installed.stderr }).toEqual({ code: 0, err: '' });
    expect(installed.stdout).toMatch(/^STATUS: deployed$/m);
    expect(installed.stdout).toContain('It runs 2 pod(s) of nginx:1.27.0.');
    const manifest = await ours(dir, 'get', 'manifest', 'shop');
    expect(manifest.stdout).toContain('kind: Deployment');
    expect(manifest.stdout).toContain('name: shop-web');
    const tested = await ours(dir, 'test', 'shop');
    expect({ code: tested.code, err: tested.stderr }).toEqual({ code: 0, err: '' });
    expect(tested.stdout).toMatch(/Phase: +Succeeded/);
  });

  it('create refuses what helm create refuses, with its messages', async () => {
    await writeFile(join(h.dir, 'theirs', 'afile'), '');
    await writeFile(join(h.dir, 'ours', 'afile'), '');
    for (const name of ['bad name', 'x'.repeat(251), 'missing/parent/chart', 'afile']) {
      const { theirs, ours: mine } = await both(['create', name]);
      expect({ out: mine.stdout, err: mine.stderr, code: mine.code }).toEqual({ out: theirs.stdout, err: theirs.stderr, code: theirs.code });
    }
  });

  /** Broken charts, each as its files (relative path → text). */
  const BROKEN: Record<string, Record<string, string>> = {
    noname: { 'Chart.yaml': 'apiVersion: v2\nversion: 1.2.3.4\n', 'values.yaml': 'a: 1\n' },
    numver: { 'Chart.yaml': 'apiVersion: v2\nname: numver\nversion: 1.0\nappVersion: 2\n' },
    noapi: { 'Chart.yaml': 'name: noapi\nversion: 0.1.0\n' },
    badrender: { 'Chart.yaml': 'apiVersion: v2\nname: badrender\nversion: 0.1.0\n', 'values.yaml': 'x: 1\n', 'templates/cm.yaml': 'a: {{ .Values.nope.deeper }}\n' },
    parseerr: { 'Chart.yaml': 'apiVersion: v2\nname: parseerr\nversion: 0.1.0\n', 'templates/x.yaml': '{{ if }}\n' },
    schema: {
      'Chart.yaml': 'apiVersion: v2\nname: schema\nversion: 0.1.0\n', 'values.yaml': 'replicas: "two"\n',
      'values.schema.json': '{"type":"object","properties":{"replicas":{"type":"integer"}},"required":["image"]}',
    },
    misc: {
      'Chart.yaml': 'apiVersion: v1\nname: misc\nversion: 0.0.0-0\ntype: application\nicon: notaurl\nsources: ["x y"]\nmaintainers:\n  - name: ""\n  - name: bob\n    email: nope\n',
      'templates/a.yaml': 'kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: Bad_Name\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template: {}\n',
      'templates/notes.md': 'hi\n', 'templates/b.yaml': '  indented: x\n', 'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 1.0.0\n',
    },
    names: {
      'Chart.yaml': 'apiVersion: v2\nname: names\nversion: 0.1.0\nicon: https://x/y.png\n', 'values.yaml': 'a: 1\n',
      'templates/x.yaml': `apiVersion: v1\nkind: Service\nmetadata:\n  name: 1svc\n---\nkind: Namespace\nmetadata:\n  name: ns.x\n---\nkind: ConfigMap\nmetadata:\n  name: ${'A'.repeat(260)}\n---\n# a comment\n---\nkind: Role\nmetadata:\n  name: a/b\n`,
    },
    deps: { 'Chart.yaml': 'apiVersion: v2\nname: deps\nversion: 0.1.0\ndependencies:\n  - name: other\n    version: 1.0.0\n    repository: https://example.com\n' },
    lib: { 'Chart.yaml': 'apiVersion: v2\nname: lib\nversion: 0.1.0\ntype: library\n', 'templates/_h.tpl': '{{- define "lib.x" }}x{{ end }}\n' },
    badyaml: { 'Chart.yaml': 'apiVersion: v2\nname: badyaml\nversion: 0.1.0\n', 'templates/x.yaml': 'a: [\n', 'templates/y.yaml': 'kind: ConfigMap\nmetadata:\n  name: Bad\n' },
    nochart: { 'values.yaml': 'a: 1\n' },
  };

  it('lint prints what helm lint prints: a fresh chart, broken charts, several at once, --quiet, --strict, --set', async () => {
    for (const side of ['theirs', 'ours']) {
      for (const [chart, files] of Object.entries(BROKEN)) {
        for (const [rel, text] of Object.entries(files)) {
          await mkdir(join(h.dir, side, 'lint', chart, rel, '..'), { recursive: true });
          await writeFile(join(h.dir, side, 'lint', chart, rel), text);
        }
      }
    }
    // 'fresh' is the real helm create chart (made by helm itself, then copied); 'starter' is Chartroom's.
    expect((await real(join(h.dir, 'theirs', 'lint'), 'create', 'fresh')).code).toBe(0);
    await cp(join(h.dir, 'theirs', 'lint', 'fresh'), join(h.dir, 'ours', 'lint', 'fresh'), { recursive: true });
    for (const side of ['theirs', 'ours']) expect((await ours(join(h.dir, side, 'lint'), 'create', 'starter')).code).toBe(0);
    // Helm quotes go-yaml's syntax errors; Chartroom's YAML parser words them its own way (index.ts says so).
    const yamlText = (s: string) => s.replace(/(error converting YAML to JSON: yaml: )[^\n]*/g, '$1<syntax error>');
    const cases = [
      ...[...Object.keys(BROKEN), 'fresh', 'starter'].map((c) => ['lint', c]), ['lint', '--strict', 'starter'], ['lint', 'fresh', 'numver', 'names'], ['lint', '--quiet', 'fresh', 'misc'], ['lint', '--quiet', 'fresh'],
      ['lint', '--strict', 'names'], ['lint', 'schema', '--set', 'replicas=2,image=x'], ['lint', 'schema', '--set-string', 'replicas=2'], ['lint', 'fresh', '-f', 'none.yaml'],
    ];
    for (const args of cases) {
      const t = join(h.dir, 'theirs', 'lint');
      const o = join(h.dir, 'ours', 'lint');
      const theirs = await real(t, ...args);
      const mine = await ours(o, ...args);
      expect({ args, out: yamlText(mine.stdout.replaceAll(o, '<dir>')), err: mine.stderr, code: mine.code })
        .toEqual({ args, out: yamlText(theirs.stdout.replaceAll(t, '<dir>')), err: theirs.stderr, code: theirs.code });
    }
  });
});
