import { describe, expect, it } from 'vitest';
import { FlagError, parseArgs, UsageError } from '../../src/cli/kubectl/args.js';
import { GLOBAL_FLAGS, KUBECTL_COMMANDS } from '../../src/cli/kubectl/commands.js';
import { getTargets } from '../../src/cli/kubectl/get.js';
import { resourceName, tableRows, tabulate, toJson } from '../../src/cli/kubectl/printers.js';
import { resolveKind } from '../../src/cluster/resource-names.js';

describe('tabulate (Go text/tabwriter as kubectl sets it: minwidth 6, padding 3)', () => {
  it('pads every cell but the last to the column width, at least 6', () => {
    expect(tabulate([['A', 'B'], ['x', 'y']])).toBe('A     B\nx     y\n');
    expect(tabulate([['NAME', 'READY', 'AGE'], ['vweb-1', '1/1', '5s']])).toBe('NAME     READY   AGE\nvweb-1   1/1     5s\n');
  });
  it('uses two-space padding and no minimum when asked (rollout history)', () => {
    expect(tabulate([['REVISION', 'CHANGE-CAUSE'], ['1', '<none>']], 0, 2)).toBe('REVISION  CHANGE-CAUSE\n1         <none>\n');
  });
});

describe('table rows', () => {
  const table = {
    columnDefinitions: [{ name: 'Name', priority: 0 }, { name: 'Up-to-date', priority: 0 }, { name: 'Nominated Node', priority: 1 }],
    rows: [{ cells: ['vweb', 3, '<none>'] }],
  };
  it('upper-cases headers, drops wide columns unless -o wide, and prefixes names and namespaces', () => {
    expect(tableRows(table)).toEqual([['NAME', 'UP-TO-DATE'], ['vweb', '3']]);
    expect(tableRows(table, { wide: true })).toEqual([['NAME', 'UP-TO-DATE', 'NOMINATED NODE'], ['vweb', '3', '<none>']]);
    expect(tableRows(table, { namePrefix: 'deployment.apps/', namespaces: ['default'] })).toEqual([['NAMESPACE', 'NAME', 'UP-TO-DATE'], ['default', 'deployment.apps/vweb', '3']]);
  });
  it('names objects as kubectl does', () => {
    expect(resourceName({ kind: 'Deployment', apiVersion: 'apps/v1', metadata: { name: 'vweb' } })).toBe('deployment.apps/vweb');
    expect(resourceName({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'p' } })).toBe('pod/p');
    expect(toJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{\n    "a": {\n        "c": 3,\n        "d": 2\n    },\n    "b": 1\n}\n');
    expect(toJson({ m: '<none> & more' })).toBe('{\n    "m": "\\u003cnone\\u003e \\u0026 more"\n}\n');
  });
});

describe('arguments', () => {
  it('parses kubectl flag forms without swallowing positionals after booleans', () => {
    const defs = [...GLOBAL_FLAGS, ...KUBECTL_COMMANDS.get!.flags, ...KUBECTL_COMMANDS.delete!.flags, { name: 'to-revision', takesValue: true, help: '' }];
    const args = parseArgs(['get', 'rs', '-l', 'app=vweb', '-owide', '--force', 'x', '--to-revision=2', '-f', 'a', '-f', 'b', '-A'], defs);
    expect(args.positionals).toEqual(['get', 'rs', 'x']);
    expect(args.flags.get('selector')).toBe('app=vweb');
    expect(args.flags.get('output')).toBe('wide');
    expect(args.flags.get('force')).toBe('true');
    expect(args.flags.get('to-revision')).toBe('2');
    expect(args.all.get('filename')).toEqual(['a', 'b']);
    expect(args.flags.get('all-namespaces')).toBe('true');
    expect(() => parseArgs(['get', '-n'], defs)).toThrow(UsageError);
    expect(parseArgs(['get', '-Aw', '-ojson'], defs).flags).toEqual(new Map([['all-namespaces', 'true'], ['watch', 'true'], ['output', 'json']]));
    expect(() => parseArgs(['get', '--bogus'], defs, 'kubectl get')).toThrow(new FlagError('unknown flag: --bogus', 'kubectl get'));
    expect(() => parseArgs(['get', '-Z'], defs)).toThrow('unknown shorthand flag: \'Z\' in -Z');
    expect(parseArgs(['advance', '-5s'], defs).positionals).toEqual(['advance', '-5s']);
  });
  it('resolves every kubectl spelling of a resource type', () => {
    for (const name of ['deploy', 'deployment', 'deployments', 'deployments.apps', 'Deployment', 'DEPLOY']) expect(resolveKind(name)).toBe('Deployment');
    expect(['po', 'rs', 'svc', 'ep', 'cm', 'no', 'ds', 'sts', 'ev'].map(resolveKind)).toEqual(['Pod', 'ReplicaSet', 'Service', 'Endpoints', 'ConfigMap', 'Node', 'DaemonSet', 'StatefulSet', 'Event']);
    expect(resolveKind('widgets')).toBeUndefined();
  });
  it('reads get targets: lists, comma lists, all, type/name', () => {
    expect(getTargets(['pods'])).toEqual({ targets: [{ kind: 'Pod', names: [] }], multi: false });
    expect(getTargets(['deploy,rs', 'vweb']).targets.map((t) => t.kind)).toEqual(['Deployment', 'ReplicaSet']);
    expect(getTargets(['all']).targets.map((t) => t.kind)).toEqual(['Pod', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet']);
    expect(getTargets(['deploy/vweb'])).toEqual({ targets: [{ kind: 'Deployment', names: ['vweb'] }], multi: false });
    expect(getTargets(['deploy/vweb', 'rs/x']).multi).toBe(true);
    expect(getTargets(['deploy', 'vweb']).multi).toBe(false);
    expect(() => getTargets(['widgets'])).toThrow('the server doesn\'t have a resource type "widgets"');
  });
});
