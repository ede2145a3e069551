import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/cluster/cluster.js';
import { applyStrategicMergePatch } from '../../src/cluster/patch/strategic-merge.js';
import type { Deployment, ReplicaSet } from '../../src/cluster/types.js';
import { deployment } from './scenarios/harness.js';

const podTemplate = (containers: unknown[], extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd' },
  spec: { template: { spec: { containers, ...extra } } },
});

describe('strategic merge patch', () => {
  it('merges maps and deletes keys set to null', () => {
    expect(applyStrategicMergePatch('ConfigMap', { data: { a: '1', b: '2' } }, { data: { b: null, c: '3' } })).toEqual({ data: { a: '1', c: '3' } });
  });

  it('replaces a map with $patch: replace and deletes one with $patch: delete', () => {
    expect(applyStrategicMergePatch('ConfigMap', { data: { a: '1' } }, { data: { $patch: 'replace', b: '2' } })).toEqual({ data: { b: '2' } });
    expect(applyStrategicMergePatch('ConfigMap', { data: { a: '1' }, x: 1 }, { data: { $patch: 'delete' } })).toEqual({ x: 1 });
  });

  it('merges containers by name, their ports by containerPort and env by name (kubectl set image)', () => {
    const original = podTemplate([
      { name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [{ name: 'A', value: '1' }] },
      { name: 'sidecar', image: 'busybox' },
    ]);
    const patch = { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.26', env: [{ name: 'B', value: '2' }] }] } } } };
    const merged = applyStrategicMergePatch('Deployment', original, patch) as ReturnType<typeof podTemplate>;
    expect(merged.spec.template.spec.containers).toEqual([
      { name: 'web', image: 'nginx:1.26', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] },
      { name: 'sidecar', image: 'busybox' },
    ]);
  });

  it('deletes, replaces and orders keyed list items', () => {
    const original = podTemplate([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    const del = applyStrategicMergePatch('Deployment', original, { spec: { template: { spec: { containers: [{ name: 'b', $patch: 'delete' }] } } } }) as ReturnType<typeof podTemplate>;
    expect(del.spec.template.spec.containers).toEqual([{ name: 'a' }, { name: 'c' }]);
    const replace = applyStrategicMergePatch('Deployment', original, { spec: { template: { spec: { containers: [{ $patch: 'replace' }, { name: 'z' }] } } } }) as ReturnType<typeof podTemplate>;
    expect(replace.spec.template.spec.containers).toEqual([{ name: 'z' }]);
    const ordered = applyStrategicMergePatch('Deployment', original, {
      spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }, { name: 'b' }], containers: [{ name: 'a', image: 'x' }] } } },
    }) as ReturnType<typeof podTemplate>;
    expect(ordered.spec.template.spec.containers).toEqual([{ name: 'c' }, { name: 'a', image: 'x' }, { name: 'b' }]);
  });

  it('replaces lists without a merge key (args) and merges finalizers as a set', () => {
    const original = { metadata: { finalizers: ['a', 'b'] }, spec: { template: { spec: { containers: [{ name: 'web', args: ['x', 'y'] }] } } } };
    const merged = applyStrategicMergePatch('Deployment', original, {
      metadata: { finalizers: ['c'], '$deleteFromPrimitiveList/finalizers': ['a'] },
      spec: { template: { spec: { containers: [{ name: 'web', args: ['z'] }] } } },
    });
    expect(merged).toEqual({ metadata: { finalizers: ['b', 'c'] }, spec: { template: { spec: { containers: [{ name: 'web', args: ['z'] }] } } } });
  });

  it('keeps only $retainKeys when the strategy type changes, and merges Service ports by port', () => {
    const strategy = applyStrategicMergePatch('Deployment', { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } }, {
      spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } },
    });
    expect(strategy).toEqual({ spec: { strategy: { type: 'Recreate' } } });
    const svc = applyStrategicMergePatch('Service', { spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] } }, { spec: { ports: [{ port: 80, targetPort: 9090 }] } });
    expect(svc).toEqual({ spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }] } });
  });

  it('rolls a Deployment out through cluster.patch, as kubectl set image does', () => {
    const c = createCluster();
    c.apply(deployment({ replicas: 1 }));
    c.advance(10_000);
    c.patch('Deployment', 'default', 'vweb', { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } } } }, 'strategic');
    const d = c.get<Deployment>('Deployment', 'default', 'vweb')!;
    expect(d.spec.template.spec.containers[0]).toMatchObject({ name: 'web', image: 'nginx:1.26', imagePullPolicy: 'IfNotPresent' });
    expect(c.list<ReplicaSet>('ReplicaSet')).toHaveLength(2);
  });
});
