import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/cluster/cluster.js';
import type { Deployment, ReplicaSet } from '../../../src/cluster/types.js';
import { deployment } from './harness.js';

const revisions = (rsList: ReplicaSet[]) =>
  rsList
    .map((r) => ({ name: r.metadata.name, revision: r.metadata.annotations?.['deployment.kubernetes.io/revision'], history: r.metadata.annotations?.['deployment.kubernetes.io/revision-history'] }))
    .sort((a, b) => Number(a.revision) - Number(b.revision));

/** What `kubectl rollout undo --to-revision=N` sends: the RS template without its hash label. */
function undoTo(d: Deployment, rs: ReplicaSet): Deployment {
  const template = structuredClone(rs.spec.template);
  delete template.metadata!.labels!['pod-template-hash'];
  return { ...structuredClone(d), spec: { ...structuredClone(d.spec), template } };
}

describe('revisions, history and rollback (§1.4, §1.6)', () => {
  it('undo to revision 2 reuses its ReplicaSet as revision 4, leaving history 1, 3, 4', () => {
    const c = createCluster({ seed: 'history' });
    for (const image of ['nginx:1.0', 'nginx:2.0', 'nginx:3.0']) {
      c.apply(deployment({ replicas: 2, image }));
      c.advance(30_000);
    }
    const before = c.list<ReplicaSet>('ReplicaSet');
    expect(revisions(before).map((r) => r.revision)).toEqual(['1', '2', '3']);
    const rev2 = before.find((r) => r.metadata.annotations?.['deployment.kubernetes.io/revision'] === '2')!;
    c.apply(undoTo(c.get<Deployment>('Deployment', 'default', 'vweb')!, rev2));
    c.advance(30_000);
    const after = revisions(c.list<ReplicaSet>('ReplicaSet'));
    expect(after).toHaveLength(3);
    expect(after.map((r) => r.revision)).toEqual(['1', '3', '4']);
    expect(after[2]).toEqual({ name: rev2.metadata.name, revision: '4', history: '2' });
    expect(c.get<Deployment>('Deployment', 'default', 'vweb')!.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('4');
    const rs4 = c.get<ReplicaSet>('ReplicaSet', 'default', rev2.metadata.name)!;
    expect(rs4.spec.replicas).toBe(2);
    expect(c.events({ involvedName: 'vweb' }).map((e) => e.message).slice(-1)[0]).toMatch(/^Scaled down replica set vweb-\w+ to 0 from 1$/);
  });

  it('repeated undo to the previous revision toggles 3 → 4 (= old 2) → 5 (= old 3)', () => {
    const c = createCluster({ seed: 'toggle' });
    for (const image of ['nginx:1.0', 'nginx:2.0', 'nginx:3.0']) {
      c.apply(deployment({ replicas: 1, image }));
      c.advance(30_000);
    }
    const previous = () => {
      const list = revisions(c.list<ReplicaSet>('ReplicaSet'));
      return c.get<ReplicaSet>('ReplicaSet', 'default', list[list.length - 2]!.name)!;
    };
    c.apply(undoTo(c.get<Deployment>('Deployment', 'default', 'vweb')!, previous()));
    c.advance(30_000);
    c.apply(undoTo(c.get<Deployment>('Deployment', 'default', 'vweb')!, previous()));
    c.advance(30_000);
    const list = revisions(c.list<ReplicaSet>('ReplicaSet'));
    expect(list.map((r) => [r.revision, r.history])).toEqual([
      ['1', undefined],
      ['4', '2'],
      ['5', '3'],
    ]);
  });

  it('copies kubernetes.io/change-cause onto the current ReplicaSet only', () => {
    const c = createCluster({ seed: 'cause' });
    const withCause = (image: string, cause: string): Deployment => {
      const d = deployment({ replicas: 1, image });
      d.metadata.annotations = { 'kubernetes.io/change-cause': cause };
      return d;
    };
    c.apply(withCause('nginx:1.0', 'first'));
    c.advance(10_000);
    c.apply(withCause('nginx:2.0', 'kubectl set image deployment/vweb web=nginx:2.0'));
    c.advance(10_000);
    const causes = revisions(c.list<ReplicaSet>('ReplicaSet')).map((r) => c.get<ReplicaSet>('ReplicaSet', 'default', r.name)!.metadata.annotations?.['kubernetes.io/change-cause']);
    expect(causes).toEqual(['first', 'kubectl set image deployment/vweb web=nginx:2.0']);
  });

  it('keeps revisionHistoryLimit old ReplicaSets, deleting the lowest revisions', () => {
    const c = createCluster({ seed: 'limit' });
    for (const image of ['nginx:1', 'nginx:2', 'nginx:3', 'nginx:4']) {
      c.apply(deployment({ replicas: 1, image, revisionHistoryLimit: 1 }));
      c.advance(30_000);
    }
    expect(revisions(c.list<ReplicaSet>('ReplicaSet')).map((r) => r.revision)).toEqual(['3', '4']);
  });

  it('does not roll out for a replicas-only change: the one ReplicaSet is scaled', () => {
    const c = createCluster({ seed: 'scale' });
    c.apply(deployment({ replicas: 3 }));
    c.advance(10_000);
    c.apply(deployment({ replicas: 5 }));
    const list = c.list<ReplicaSet>('ReplicaSet');
    expect(list).toHaveLength(1);
    expect(list[0]!.spec.replicas).toBe(5);
    expect(c.events({ involvedName: 'vweb' }).at(-1)?.message).toBe(`Scaled up replica set ${list[0]!.metadata.name} to 5 from 3`);
  });

  it('does not roll out when a ConfigMap changes', () => {
    const c = createCluster({ seed: 'cm' });
    c.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: '1' } });
    c.apply(deployment({ replicas: 1 }));
    c.advance(10_000);
    c.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: '2' } });
    c.advance(10_000);
    expect(c.list('ReplicaSet')).toHaveLength(1);
  });
});

describe('kubectl rollout restart (§7.3)', () => {
  it('adds kubectl.kubernetes.io/restartedAt to the template: a new ReplicaSet and revision', () => {
    const c = createCluster({ seed: 'restart' });
    c.apply(deployment({ replicas: 2 }));
    c.advance(20_000);
    const restarted = structuredClone(c.get<Deployment>('Deployment', 'default', 'vweb')!);
    restarted.spec.template.metadata!.annotations = { 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:20Z' };
    c.replace(restarted);
    c.advance(30_000);
    const list = revisions(c.list<ReplicaSet>('ReplicaSet'));
    expect(list.map((r) => r.revision)).toEqual(['1', '2']);
    const current = c.get<ReplicaSet>('ReplicaSet', 'default', list[1]!.name)!;
    expect(current.spec.template.metadata?.annotations).toEqual({ 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:20Z' });
    expect(current.status).toMatchObject({ replicas: 2, availableReplicas: 2 });
  });
});

describe('hash collisions (§1.3)', () => {
  it('bumps status.collisionCount and uses another name when the ReplicaSet name is taken', async () => {
    const { computeHash } = await import('../../../src/cluster/hash.js');
    const c = createCluster({ seed: 'collision' });
    const paused = deployment({ replicas: 1 });
    paused.spec.paused = true;
    c.apply(paused);
    const template = c.get<Deployment>('Deployment', 'default', 'vweb')!.spec.template;
    const taken = `vweb-${computeHash(template)}`;
    c.apply({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: taken },
      spec: { replicas: 0, selector: { matchLabels: { other: 'x' } }, template: { metadata: { labels: { other: 'x' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } },
    });
    c.apply(deployment({ replicas: 1 }));
    const d = c.get<Deployment>('Deployment', 'default', 'vweb')!;
    expect(d.status?.collisionCount).toBe(1);
    const ours = c.list<ReplicaSet>('ReplicaSet').filter((r) => r.metadata.ownerReferences?.[0]?.name === 'vweb');
    expect(ours.map((r) => r.metadata.name)).toEqual([`vweb-${computeHash(template, 1)}`]);
  });
});
