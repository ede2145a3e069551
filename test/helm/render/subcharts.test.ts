/**
 * Differential test of subcharts against the real Helm (fixtures/parent): a subchart directory with its own
 * subchart, a library subchart, an ignored `_` folder, globals pushed down and merged, parent values over
 * subchart defaults (a null deleting one), `.Subcharts`, `.Chart.IsRoot`, per-chart `.Files`, `define`
 * precedence, subchart NOTES dropped; the subchart packaged as a .tgz; dependency processing (conditions,
 * tags, aliases) and import-values.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChartArchive, loadChartDirectory, parseValuesYaml } from '../../../src/helm/render/chart-loader.js';
import { renderChart } from '../../../src/helm/render/render-chart.js';
import { hasHelm, helmRequired, helmSandbox, type HelmSandbox } from './helm-peer.js';

const USER_VALUES = [
  'global:', '  region: us', '  shared:', '    b: user', '    c: null', 'child:', '  keep: null',
  '  grandchild:', '    where: from-user', 'lib:', '  x: 1', '',
].join('\n');

describe.skipIf(!hasHelm && !helmRequired)('helm template parity with subcharts', () => {
  let sandbox: HelmSandbox;

  beforeAll(() => {
    sandbox = helmSandbox();
    cpSync(join(import.meta.dirname, 'fixtures', 'parent'), join(sandbox.dir, 'parent'), { recursive: true });
    writeFileSync(join(sandbox.dir, 'user.yaml'), USER_VALUES);
  });
  afterAll(() => sandbox?.dispose());

  it('chart defaults', async () => {
    const chart = await loadChartDirectory(join(sandbox.dir, 'parent'));
    const out = renderChart(chart, { releaseName: 'r' });
    expect(out.output).toBe(sandbox.run('template', 'r', 'parent'));
    expect(out.notes).toBe('parent notes\n');
  });

  it('user values: globals, nulls and sections for subcharts', async () => {
    const chart = await loadChartDirectory(join(sandbox.dir, 'parent'));
    const userValues = [parseValuesYaml(USER_VALUES)];
    expect(renderChart(chart, { releaseName: 'r', userValues }).output).toBe(sandbox.run('template', 'r', 'parent', '-f', 'user.yaml'));
  });

  it('a user null in a subchart section removes the parent\'s and the subchart\'s defaults', async () => {
    const chart = await loadChartDirectory(join(sandbox.dir, 'parent'));
    const text = 'child:\n  who: null\n  grandchild:\n    where: null\n';
    writeFileSync(join(sandbox.dir, 'nulls.yaml'), text);
    const out = renderChart(chart, { releaseName: 'r', userValues: [parseValuesYaml(text)] });
    expect(out.output).toBe(sandbox.run('template', 'r', 'parent', '-f', 'nulls.yaml'));
  });

  it('a packaged subchart under charts/, inside a packaged parent', async () => {
    const dir = join(sandbox.dir, 'packed');
    cpSync(join(sandbox.dir, 'parent'), dir, { recursive: true });
    sandbox.run('package', join(dir, 'charts', 'child'), '-d', join(dir, 'charts'));
    rmSync(join(dir, 'charts', 'child'), { recursive: true });
    sandbox.run('package', dir, '-d', sandbox.dir);
    const tgz = join(sandbox.dir, 'parent-0.3.0.tgz');
    const chart = await loadChartArchive(readFileSync(tgz));
    expect(renderChart(chart, { releaseName: 'r' }).output).toBe(sandbox.run('template', 'r', tgz));
  });

  const IMPORT_CASES: [string, string][] = [
    ['an exports entry', '      - data\n'],
    ['child/parent pairs, first import wins', '      - child: deep.table\n        parent: fromchild.here\n      - child: exports.data\n        parent: fromchild.here\n'],
    ['a missing table is skipped', '      - nothere\n      - child: no.such\n        parent: x\n      - data\n'],
  ];

  it.each(IMPORT_CASES.map((c, i) => [i, ...c] as const))('import-values #%i: %s', async (i, _what, imports) => {
    const dir = join(sandbox.dir, `import${i}`);
    cpSync(join(sandbox.dir, 'parent'), dir, { recursive: true });
    writeFileSync(join(dir, 'Chart.yaml'), readFileSync(join(dir, 'Chart.yaml'), 'utf8') + 'dependencies:\n  - name: child\n    version: 1.0.0\n    import-values:\n' + imports);
    const childValues = join(dir, 'charts', 'child', 'values.yaml');
    writeFileSync(childValues, readFileSync(childValues, 'utf8') + 'exports:\n  data:\n    other: 99\n    imported: from-child\n    nested: {k: 1}\ndeep:\n  table:\n    k: v\n    other: 98\n');
    const chart = await loadChartDirectory(dir);
    expect(renderChart(chart, { releaseName: 'r' }).output).toBe(sandbox.run('template', 'r', dir));
  });

  const DEPENDENCY_CASES: [string, string, string][] = [
    ['condition false', '  - name: child\n    version: ^1.0.0\n    condition: child.enabled\n', 'child:\n  enabled: false\n'],
    ['condition falls through non-bools', '  - name: child\n    version: ">=1"\n    condition: child.nope,child.flag.x,child.on\n', 'child:\n  flag: {x: "yes"}\n  on: false\n'],
    ['tags off, condition on', '  - name: child\n    version: 1.0.0\n    tags: [backend]\n    condition: child.enabled\n', 'tags:\n  backend: false\nchild:\n  enabled: true\n'],
    ['tags off', '  - name: child\n    version: 1.0.0\n    tags: [backend, x]\n', 'tags:\n  backend: false\n'],
    ['one true tag wins', '  - name: child\n    version: 1.0.0\n    tags: [backend, x]\n', 'tags:\n  backend: false\n  x: true\n'],
    ['alias twice', '  - name: child\n    version: 1.0.0\n    alias: first\n  - name: child\n    version: 1.0.0\n    alias: second\n    condition: second.enabled\n',
      'first:\n  who: one\nsecond:\n  who: two\n'],
    ['version not matching keeps the chart undeclared', '  - name: child\n    version: 2.0.0\n    condition: child.enabled\n', 'child:\n  enabled: false\n'],
    ['nested condition in the child', '', 'child:\n  grandchild:\n    enabled: false\n'],
  ];

  it.each(DEPENDENCY_CASES.map((c, i) => [i, ...c] as const))('dependencies #%i: %s', async (i, _what, deps, user) => {
    const dir = join(sandbox.dir, `deps${i}`);
    cpSync(join(sandbox.dir, 'parent'), dir, { recursive: true });
    if (deps) writeFileSync(join(dir, 'Chart.yaml'), readFileSync(join(dir, 'Chart.yaml'), 'utf8') + 'dependencies:\n' + deps);
    const childYaml = join(dir, 'charts', 'child', 'Chart.yaml');
    writeFileSync(childYaml, readFileSync(childYaml, 'utf8') + 'dependencies:\n  - name: grandchild\n    version: 0.0.1\n    condition: grandchild.enabled\n');
    writeFileSync(join(sandbox.dir, `deps${i}.yaml`), user);
    const chart = await loadChartDirectory(dir);
    const out = renderChart(chart, { releaseName: 'r', userValues: [parseValuesYaml(user)] });
    expect(out.output).toBe(sandbox.run('template', 'r', dir, '-f', `deps${i}.yaml`));
  });
});
