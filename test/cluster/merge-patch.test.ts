import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/cluster/cluster.js';
import { applyMergePatch } from '../../src/cluster/patch/merge-patch.js';
import type { Deployment, ReplicaSet } from '../../src/cluster/types.js';
import { deployment } from './scenarios/harness.js';

describe('JSON merge patch (RFC 7386)', () => {
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('RFC 7386 appendix A: %j + %j', (target, patch, expected) => {
    expect(applyMergePatch(target, patch)).toEqual(expected);
  });

  it('scales and pauses a Deployment through cluster.patch', () => {
    const c = createCluster();
    c.apply(deployment({ replicas: 2 }));
    c.patch('Deployment', 'default', 'vweb', { spec: { replicas: 4 } });
    expect(c.list<ReplicaSet>('ReplicaSet')[0]!.spec.replicas).toBe(4);
    c.patch('Deployment', 'default', 'vweb', { spec: { paused: true }, metadata: { labels: { team: 'a' } } });
    const d = c.get<Deployment>('Deployment', 'default', 'vweb')!;
    expect([d.spec.paused, d.metadata.labels?.team, d.status?.replicas !== undefined]).toEqual([true, 'a', true]);
  });
});

describe('scale subresource', () => {
  it('reads and sets replicas as kubectl scale does', async () => {
    const { scaleObject, scaleOf } = await import('../../src/cluster/scale.js');
    const c = createCluster();
    c.apply(deployment({ replicas: 2 }));
    c.advance(10_000);
    expect(scaleOf(c.get('Deployment', 'default', 'vweb')!)).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 2 }, status: { replicas: 2, selector: 'app=vweb' } });
    expect(scaleObject(c, 'Deployment', 'default', 'vweb', 5).spec.replicas).toBe(5);
    expect(c.list<ReplicaSet>('ReplicaSet')[0]!.spec.replicas).toBe(5);
    expect(() => scaleObject(c, 'ConfigMap', 'default', 'x', 1)).toThrow('ConfigMap has no scale subresource');
  });
});
