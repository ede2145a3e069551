/**
 * values.schema.json validation against the real Helm: charts with draft-07, draft-04 and default-draft
 * (2020-12) schemas and a subchart schema are rendered by `helm template` and by renderChart with the same
 * value flags; the error text must be equal. jsonschema walks object properties in Go map order, which
 * is random, so multi-error texts are compared as sorted sets of top-level error blocks.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChartDirectory } from '../../../src/helm/render/chart-loader.js';
import { renderChart } from '../../../src/helm/render/render-chart.js';
import { mergeValueOptions, readFileLikeGo, type ValueOptions } from '../../../src/helm/values/index.js';
import { hasHelm, helmRequired, helmSandbox, type HelmSandbox } from '../render/helm-peer.js';

const DRAFT7 = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['name', 'age'],
  properties: {
    name: { type: 'string', minLength: 2, maxLength: 5, pattern: '^[a-z]+$' },
    age: { type: 'integer', minimum: 0, maximum: 150, exclusiveMaximum: 100 },
    ratio: { type: 'number', exclusiveMinimum: 0, multipleOf: 0.5 },
    tags: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2, uniqueItems: true },
    mode: { enum: ['a', 'b', 3] },
    fixed: { const: 'x' },
    obj: { type: 'object', additionalProperties: false, properties: { a: { type: 'boolean' } }, patternProperties: { '^x-': { type: 'integer' } } },
    ref: { $ref: '#/definitions/port' },
    any: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
    one: { oneOf: [{ type: 'integer' }, { minimum: 0 }] },
    all: { allOf: [{ type: 'integer' }, { minimum: 10 }] },
    notx: { not: { type: 'string' } },
    cond: { if: { properties: { k: { const: 'a' } } }, then: { required: ['v'] }, else: { required: ['w'] } },
    nul: { type: ['string', 'null'] },
    minp: { type: 'object', minProperties: 2, maxProperties: 3 },
    list: { type: 'array', items: [{ type: 'string' }], additionalItems: false },
    deps: { type: 'object', dependencies: { a: ['b', 'c'] } },
  },
  definitions: { port: { type: 'integer', minimum: 1, maximum: 65535 } },
};
const DEFAULT_DRAFT = {
  properties: {
    a: { $ref: '#/$defs/p', maximum: 0 },
    b: { type: 'array', prefixItems: [{ type: 'integer' }], items: false },
    c: { oneOf: [{ type: 'string' }, { type: 'boolean' }] },
    d: { enum: [[1], 2] },
    e: { const: { x: 1 } },
    f: false,
    g: { type: 'object', dependentRequired: { x: ['y'] }, propertyNames: { maxLength: 3 } },
  },
  $defs: { p: { type: 'integer', minimum: 5 } },
};
const DRAFT4 = {
  $schema: 'http://json-schema.org/draft-04/schema#',
  properties: { a: { maximum: 0, exclusiveMaximum: true }, b: { minimum: 3, exclusiveMinimum: true } },
};

function chart(dir: string, name: string, values: string, schema: unknown, extra: Record<string, string> = {}): void {
  const files: Record<string, string> = {
    'Chart.yaml': `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`,
    'values.yaml': values,
    'templates/cm.yaml': 'kind: ConfigMap\n',
    'values.schema.json': typeof schema === 'string' ? schema : JSON.stringify(schema, null, 2),
    ...extra,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, path, '..'), { recursive: true });
    writeFileSync(join(dir, name, path), text);
  }
}

const CASES: [chart: string, flags: string[]][] = [
  ['s7', []],
  ['s7', ['--set', 'name=A1234567', '--set', 'age=-5']],
  ['s7', ['--set', 'age=1.5']],
  ['s7', ['--set-json', 'age=1.5']],
  ['s7', ['--set-json', 'age=1e21', '--set-json', 'ratio=123456.75']],
  ['s7', ['--set-json', 'tags=["a","b","a"]']],
  ['s7', ['--set-json', 'tags=[1]', '--set-json', 'tags=[]']],
  ['s7', ['--set', 'mode=c', '--set', 'fixed=y', '--set-json', 'ratio=0.3']],
  ['s7', ['--set-json', 'minp={"a":1,"b":2,"c":3,"d":4}', '--set-json', 'obj={"b":1}']],
  ['s7', ['--set', 'obj.a=1,obj.x-y=s,ref=0,any=true,one=5,all=3,notx=s']],
  ['s7', ['--set', 'cond.k=a,nul=1,minp.a=1,name=null']],
  ['s7', ['--set-json', 'cond={"k":"b"}', '--set-json', 'age="5"']],
  ['s7', ['--set-json', 'list=["a",1,2]', '--set-json', 'deps={"a":1}']],
  ['s7', ['--set-json', 'ratio=0.0000001', '--set-json', 'age=-2500']],
  ['s7', ['--set', 'age=-1', '--skip-schema-validation']],
  ['s20', ['--set', 'a=1']],
  ['s20', ['--set-json', 'b=[1,2]', '--set', 'c=1', '--set', 'd=3']],
  ['s20', ['--set', 'e.x=2', '--set', 'f=1']],
  ['s20', ['--set', 'a=null,g.x=1,g.long=2']],
  ['s4', ['--set', 'a=0,b=3']],
  ['sp', []],
  ['sp', ['--set', 'child.port=0,top=x']],
  ['sp', ['--set', 'child.enabled=false,child.port=0']],
  ['broken', []],
];

/**
 * An error text with every list of `- at …` siblings sorted (recursively), since their order follows Go's
 * map iteration; other lines stay in place.
 */
function normalise(text: string): string {
  interface Item { line: string; children: Item[] }
  const root: Item = { line: '', children: [] };
  const stack: { indent: number; item: Item }[] = [{ indent: -1, item: root }];
  const head: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^( *)- /.exec(line);
    if (!m) {
      head.push(render(root), line);
      root.children = [];
      stack.length = 1;
      continue;
    }
    const indent = m[1]!.length;
    while (stack[stack.length - 1]!.indent >= indent) stack.pop();
    const item: Item = { line, children: [] };
    stack[stack.length - 1]!.item.children.push(item);
    stack.push({ indent, item });
  }
  return [...head, render(root)].join('\n');
  function render(item: Item): string {
    const kids = item.children.map(render).sort();
    return [item.line, ...kids].filter((x) => x !== '').join('\n');
  }
}

describe.skipIf(!hasHelm && !helmRequired)('values.schema.json validation matches helm template', () => {
  let sandbox: HelmSandbox;

  beforeAll(() => {
    sandbox = helmSandbox();
    chart(sandbox.dir, 's7', 'name: app\nage: 5\n', DRAFT7);
    chart(sandbox.dir, 's20', 'a: 7\n', DEFAULT_DRAFT);
    chart(sandbox.dir, 's4', 'a: -1\nb: 4\n', DRAFT4);
    chart(sandbox.dir, 'broken', 'a: 1\n', '{"properties": {"a": {"type": "string"}');
    chart(sandbox.dir, 'sp', 'top: 1\nchild:\n  enabled: true\n', { properties: { top: { type: 'integer' } } }, {
      'Chart.yaml': 'apiVersion: v2\nname: sp\nversion: 0.1.0\ndependencies:\n  - name: child\n    version: 0.1.0\n    condition: child.enabled\n',
      'charts/child/Chart.yaml': 'apiVersion: v2\nname: child\nversion: 0.1.0\n',
      'charts/child/values.yaml': 'port: 80\n',
      'charts/child/templates/s.yaml': 'kind: Service\n',
      'charts/child/values.schema.json': JSON.stringify({ required: ['port'], properties: { port: { type: 'integer', minimum: 1 } } }),
    });
  });
  afterAll(() => sandbox?.dispose());

  const flagOptions = (flags: string[]): ValueOptions => {
    const opts: Required<ValueOptions> = { valueFiles: [], values: [], stringValues: [], jsonValues: [], fileValues: [], literalValues: [] };
    const key: Record<string, keyof ValueOptions> = { '--set': 'values', '--set-json': 'jsonValues', '--set-string': 'stringValues' };
    for (let i = 0; i < flags.length; i++) if (key[flags[i]!]) opts[key[flags[i]!]!].push(flags[++i]!);
    return opts;
  };

  it.each(CASES.map(([c, f]) => [`${c} ${f.join(' ')}`, c, f] as const))('%s', async (_label, name, flags) => {
    let helmText = '';
    try {
      sandbox.run('template', 'x', name, ...flags);
    } catch (e) {
      helmText = String((e as { stderr?: string }).stderr);
    }
    let ours = '';
    try {
      const chartDir = join(sandbox.dir, name);
      const user = mergeValueOptions(flagOptions(flags), (p) => readFileLikeGo(join(sandbox.dir, p)));
      renderChart(await loadChartDirectory(chartDir), { releaseName: 'x', userValues: [user], skipSchemaValidation: flags.includes('--skip-schema-validation') });
    } catch (e) {
      ours = `Error: ${(e as Error).message}\n`;
    }
    expect(normalise(ours)).toBe(normalise(helmText));
  });

  it('exercises failures', () => expect(CASES.length).toBeGreaterThan(20));
});
