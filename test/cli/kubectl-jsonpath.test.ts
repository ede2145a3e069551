import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/kubectl/args.js';
import { formatLabels, naturalCompare, parseCustomColumns, printCustomColumns, sortByField } from '../../src/cli/kubectl/custom-columns.js';
import { formatTabbed } from '../../src/cli/kubectl/describe/tabwriter.js';
import { goFloat, goJsonMarshal, goSprint, JsonPathError, printJsonPath, relaxedJsonPath } from '../../src/cli/kubectl/jsonpath/index.js';

/**
 * kubectl's JSONPath dialect (client-go util/jsonpath) on a List shaped as `kubectl get` hands it to the
 * printer. Expected strings follow client-go's rules: one action's results joined by a space, maps and
 * lists as compact JSON with sorted keys, numbers as Go prints a float64, missing keys print nothing.
 */
const rs = (name: string, replicas: number, revision: string, image: string) => ({
  kind: 'ReplicaSet',
  metadata: { name, labels: { app: 'vweb' }, annotations: { 'deployment.kubernetes.io/revision': revision } },
  spec: { replicas, template: { spec: { containers: [{ name: 'web', image }, { name: 'log', image: 'busybox' }] } } },
  status: { replicas, conditions: [{ type: 'Ready', status: 'True' }, { type: 'Stalled', status: 'False' }] },
});
const LIST = { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: [rs('vweb-10', 3, '2', 'nginx:1.26'), rs('vweb-9', 0, '1', 'nginx:1.25')] };

describe('JSONPath templates', () => {
  it('prints a wildcard over items as one space-separated action', () => {
    expect(printJsonPath('{.items[*].metadata.name}', LIST)).toBe('vweb-10 vweb-9');
    expect(printJsonPath('{.items[0].metadata.name}', LIST)).toBe('vweb-10');
    expect(printJsonPath('{.items[-1].metadata.name}', LIST)).toBe('vweb-9');
    expect(printJsonPath('{.items[0:1].metadata.name}', LIST)).toBe('vweb-10');
    expect(printJsonPath('{$.kind}', LIST)).toBe('List');
  });
  it('runs range … end with literal text and quoted escapes', () => {
    expect(printJsonPath('{range .items[*]}{.metadata.name}{"\\t"}{.spec.replicas}{"\\n"}{end}', LIST)).toBe('vweb-10\t3\nvweb-9\t0\n');
    expect(printJsonPath('names: {range .items[*]}[{.metadata.name}]{end}.', LIST)).toBe('names: [vweb-10][vweb-9].');
    expect(printJsonPath('{range .items[*]}{range .spec.template.spec.containers[*]}{.name},{end};{end}', LIST)).toBe('web,log,;web,log,;');
    expect(printJsonPath('{range .nothing[*]}x{end}after', LIST)).toBe('after');
  });
  it('filters with ?(@.field op value)', () => {
    expect(printJsonPath('{.items[?(@.spec.replicas>0)].metadata.name}', LIST)).toBe('vweb-10');
    expect(printJsonPath('{.items[0].spec.template.spec.containers[?(@.name=="web")].image}', LIST)).toBe('nginx:1.26');
    expect(printJsonPath("{.items[*].status.conditions[?(@.type=='Ready')].status}", LIST)).toBe('True True');
    expect(printJsonPath('{.items[?(@.status.missing)].metadata.name}', LIST)).toBe('');
  });
  it('escapes dots in keys, reads quoted keys, recurses with ..', () => {
    expect(printJsonPath('{.items[0].metadata.annotations.deployment\\.kubernetes\\.io/revision}', LIST)).toBe('2');
    expect(printJsonPath("{.items[1].metadata.annotations['deployment.kubernetes.io/revision']}", LIST)).toBe('1');
    expect(printJsonPath('{..image}', LIST.items[0])).toBe('nginx:1.26 busybox');
  });
  it('prints maps and lists as Go json.Marshal, numbers as Go prints float64, missing keys as nothing', () => {
    expect(printJsonPath('{.items[0].metadata.labels}', LIST)).toBe('{"app":"vweb"}');
    expect(printJsonPath('{.items[0].status.conditions[0]}', LIST)).toBe('{"status":"True","type":"Ready"}');
    expect(printJsonPath('{.a}', { a: 1000000 })).toBe('1e+06');
    expect(printJsonPath('{.a} {.b} {.c}', { a: 123456, b: 2.5, c: true })).toBe('123456 2.5 true');
    expect(printJsonPath('[{.items[0].nope}]', LIST)).toBe('[]');
    expect(goJsonMarshal({ b: '<&>', a: [1] })).toBe('{"a":[1],"b":"\\u003c\\u0026\\u003e"}');
  });
  it('rejects malformed templates', () => {
    expect(() => printJsonPath('{.items[0', LIST)).toThrow(JsonPathError);
    expect(() => printJsonPath('{end}', LIST)).toThrow('not in range, nothing to end');
  });
});

describe('Go value printing', () => {
  it('formats float64 as %v does', () => {
    expect([3, 0, 123456, 1000000, 1234567, 0.0001, 0.00001, -2.5e-7].map(goFloat)).toEqual(['3', '0', '123456', '1e+06', '1.234567e+06', '0.0001', '1e-05', '-2.5e-07']);
  });
  it('prints maps and slices as fmt.Sprint does', () => {
    expect(goSprint({ b: [1, 'x'], a: { c: null } }, 'int')).toBe('map[a:map[c:<nil>] b:[1 x]]');
  });
});

describe('custom columns and --sort-by', () => {
  it('renders the issue example with escaped dots, headers as written', () => {
    const columns = parseCustomColumns('NAME:.metadata.name,REPLICAS:.status.replicas,REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision');
    expect(printCustomColumns(columns, LIST.items)).toBe('NAME      REPLICAS   REVISION\nvweb-10   3          2\nvweb-9    0          1\n');
  });
  it('shows <none> for missing fields (as when the shell eats the backslashes) and joins several values with commas', () => {
    const columns = parseCustomColumns('NAME:metadata.name,REV:.metadata.annotations.deployment.kubernetes.io/revision,IMAGES:{.spec.template.spec.containers[*].image}');
    expect(printCustomColumns(columns, LIST.items.slice(0, 1))).toBe('NAME      REV      IMAGES\nvweb-10   <none>   nginx:1.26,busybox\n');
  });
  it('rejects specs kubectl rejects', () => {
    expect(() => parseCustomColumns('NAME')).toThrow(new UsageError('unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>'));
    expect(() => parseCustomColumns('')).toThrow('custom-columns format specified but no custom columns given');
    expect(relaxedJsonPath('{.a.b}')).toBe('{.a.b}');
    expect(relaxedJsonPath('a.b')).toBe('{.a.b}');
  });
  it('sorts numbers by value and strings in natural order, missing fields first', () => {
    expect(sortByField('.metadata.name', LIST.items).objects.map((o: any) => o.metadata.name)).toEqual(['vweb-9', 'vweb-10']);
    const sorted = sortByField('{.spec.replicas}', LIST.items, ['row10', 'row9']);
    expect(sorted.rows).toEqual(['row9', 'row10']);
    expect(sortByField('.x', [{ x: 2 }, {}, { x: 1 }]).objects).toEqual([{}, { x: 1 }, { x: 2 }]);
    expect(() => sortByField('.nope', LIST.items)).toThrow('couldn\'t find any field with path "{.nope}" in the list of objects');
    expect(naturalCompare('a2', 'a10')).toBeLessThan(0);
    expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2');
    expect(formatLabels({})).toBe('<none>');
  });
});

describe('Go text/tabwriter as kubectl describe sets it (minwidth 0, padding 2)', () => {
  it('aligns a column only across consecutive lines that have it', () => {
    const text = 'Name:\tvweb\nSelector:\tapp=vweb\nPod Template:\n  Labels:\tapp=vweb\n\tpod-template-hash=x\n  Containers:\n   web:\n    Image:\tnginx\n  Volumes:\t<none>\n';
    expect(formatTabbed(text)).toBe(
      'Name:      vweb\nSelector:  app=vweb\nPod Template:\n  Labels:  app=vweb\n           pod-template-hash=x\n  Containers:\n   web:\n    Image:  nginx\n  Volumes:  <none>\n',
    );
  });
  it('aligns deeper columns within the block of the column before (Conditions share column 0 with OldReplicaSets)', () => {
    expect(formatTabbed('  Type\tStatus\tReason\n  Available \tTrue\tMinimumReplicasAvailable\nOldReplicaSets:\tx\n')).toBe(
      '  Type           Status  Reason\n  Available      True    MinimumReplicasAvailable\nOldReplicaSets:  x\n',
    );
  });
});
