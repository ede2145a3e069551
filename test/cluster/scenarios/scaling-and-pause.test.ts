import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/cluster/cluster.js';
import type { Deployment, ReplicaSet } from '../../../src/cluster/types.js';
import { deployment, startRollout } from './harness.js';

const progressing = (d: Deployment) => d.status?.conditions?.find((c) => c.type === 'Progressing');
const sizes = (rsList: ReplicaSet[]) => Object.fromEntries(rsList.map((r) => [r.metadata.name, r.spec.replicas]));

describe('proportional scaling during a rollout (§2.6)', () => {
  it('the docs example: maxSurge 3, maxUnavailable 2, broken new 5 + old 8, scaled 10 → 15, becomes new 7 + old 11', () => {
    const broken = { image: 'nginx:broken', templateAnnotations: { 'sim.chartroom.dev/fail': 'ErrImagePull' }, maxSurge: 3, maxUnavailable: 2 };
    const s = startRollout(deployment({ replicas: 10, maxSurge: 3, maxUnavailable: 2 }), deployment({ replicas: 10, ...broken }));
    s.cluster.advance(20_000);
    expect(s.rows.at(-1)).toEqual([0, 5, 8]);
    s.cluster.apply(deployment({ replicas: 15, ...broken }));
    expect(s.rows.slice(-2)).toEqual([
      [20, 5, 11],
      [20, 7, 11],
    ]);
    expect(s.deploymentEvents().slice(-2)).toEqual([`Scaled up replica set ${s.oldName} to 11 from 8`, `Scaled up replica set ${s.newName()} to 7 from 5`]);
    const d = s.deployment();
    expect(d.spec.replicas).toBe(15);
    s.cluster.advance(5000);
    expect(s.cluster.get<Deployment>('Deployment', 'default', 'vweb')!.status?.replicas).toBe(18);
  });
});

describe('pause and resume (§2.9)', () => {
  it('creates no ReplicaSet while paused, marks Progressing Unknown, and rolls out on resume', () => {
    const c = createCluster({ seed: 'pause' });
    c.apply(deployment({ replicas: 3 }));
    c.advance(10_000);
    const paused = deployment({ replicas: 3, image: 'nginx:1.26' });
    paused.spec.paused = true;
    c.apply(paused);
    c.advance(30_000);
    expect(c.list('ReplicaSet')).toHaveLength(1);
    expect(progressing(c.get<Deployment>('Deployment', 'default', 'vweb')!)).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    const scaledWhilePaused = { ...paused, spec: { ...paused.spec, replicas: 4 } };
    c.apply(scaledWhilePaused);
    expect(Object.values(sizes(c.list<ReplicaSet>('ReplicaSet')))).toEqual([4]);
    c.apply(deployment({ replicas: 4, image: 'nginx:1.26' }));
    expect(c.list('ReplicaSet')).toHaveLength(2);
    c.advance(60_000);
    const d = c.get<Deployment>('Deployment', 'default', 'vweb')!;
    expect(progressing(d)).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
    expect(d.status).toMatchObject({ replicas: 4, updatedReplicas: 4, availableReplicas: 4 });
    const events = c.events({ involvedName: 'vweb' }).map((e) => e.message);
    expect(events.some((m) => /^Scaled up replica set vweb-\w+ to 4 from 3$/.test(m))).toBe(true);
  });
});

describe('minReadySeconds (§2.5)', () => {
  it('holds each step until new pods have been Ready for more than minReadySeconds', () => {
    const s = startRollout(
      deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 0, minReadySeconds: 10 }),
      deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 0, minReadySeconds: 10, image: 'nginx:1.26' }),
      { settleMs: 30_000 },
    );
    s.cluster.advance(15_000);
    expect(s.rows).toEqual([[0, 1, 3]]);
    const rs = s.cluster.get<ReplicaSet>('ReplicaSet', 'default', s.newName())!;
    expect(rs.status).toMatchObject({ replicas: 1, readyReplicas: 1 });
    expect(rs.status?.availableReplicas ?? 0).toBe(0);
    s.cluster.advance(1);
    expect(s.rows).toEqual([
      [0, 1, 3],
      [15.001, 1, 2],
      [15.001, 2, 2],
    ]);
    s.cluster.advance(60_000);
    // Ready times are whole seconds (metav1.Time), so each later step waits from the truncated time.
    expect(s.rows.slice(3)).toEqual([
      [30.001, 2, 1],
      [30.001, 3, 1],
      [45.001, 3, 0],
    ]);
  });
});

describe('rollover (§2.3): a new template during a rollout', () => {
  it('drains the half-finished ReplicaSet and the original, oldest first', () => {
    const s = startRollout(deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 0 }), deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 0, image: 'nginx:2' }));
    s.cluster.advance(5000);
    s.cluster.apply(deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 0, image: 'nginx:3' }));
    s.cluster.advance(60_000);
    const list = s.cluster.list<ReplicaSet>('ReplicaSet');
    expect(list).toHaveLength(3);
    const latest = list.find((r) => r.spec.template.spec.containers[0]!.image === 'nginx:3')!;
    expect(latest.spec.replicas).toBe(3);
    expect(list.filter((r) => r !== latest).map((r) => r.spec.replicas)).toEqual([0, 0]);
    expect(s.deployment().status).toMatchObject({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
  });
});

describe('rollover step by step (§2.3): R=4, maxSurge 1, maxUnavailable 1, v3 applied while v2 is not ready', () => {
  it('removes the unready v2 replicas first (cleanup), then drains v1 by availability', () => {
    const opts = { replicas: 4, maxSurge: 1, maxUnavailable: 1 };
    const s = startRollout(deployment(opts), deployment({ ...opts, image: 'nginx:2' }));
    s.cluster.advance(2000);
    const mark = Number(s.cluster.resourceVersion());
    s.cluster.apply(deployment({ ...opts, image: 'nginx:3' }));
    s.cluster.advance(60_000);
    const image = new Map(s.cluster.list<ReplicaSet>('ReplicaSet').map((r) => [r.metadata.name, r.spec.template.spec.containers[0]!.image!]));
    const events = s.cluster
      .events({ involvedKind: 'Deployment' })
      .filter((e) => Number(e.metadata.resourceVersion) > mark)
      .map((e) => `${(Date.parse(e.lastTimestamp) - s.t0) / 1000} ${e.message.replace(/vweb-\w+/, (n) => image.get(n) ?? n)}`);
    expect(events).toEqual([
      '2 Scaled down replica set nginx:2 to 0 from 2',
      '2 Scaled up replica set nginx:3 to 2 from 0',
      '7 Scaled down replica set nginx:1.25 to 1 from 3',
      '7 Scaled up replica set nginx:3 to 4 from 2',
      '12 Scaled down replica set nginx:1.25 to 0 from 1',
    ]);
  });
});
