import { describe, expect, it } from 'vitest';
import { deployment, type Row, startRollout } from './harness.js';

const D = 5;

/** Advances one D at a time and returns the settled availability after each step (index 0 = t0). */
function availabilityPerStep(s: ReturnType<typeof startRollout>, steps: number): number[] {
  const out = [s.available()];
  for (let i = 0; i < steps; i++) {
    s.cluster.advance(D * 1000);
    out.push(s.available());
  }
  return out;
}

describe('worked sequences of RollingUpdate (§4), pods Ready D = 5 s after creation', () => {
  it('4.1 R=3, maxSurge 1, maxUnavailable 0', () => {
    const s = startRollout(deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 0 }), deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 0, image: 'nginx:1.26' }));
    const avail = availabilityPerStep(s, 3);
    const rows: Row[] = [
      [0, 1, 3],
      [D, 1, 2],
      [D, 2, 2],
      [2 * D, 2, 1],
      [2 * D, 3, 1],
      [3 * D, 3, 0],
    ];
    expect(s.rows).toEqual(rows);
    expect(avail).toEqual([3, 3, 3, 3]);
    const [n, o] = [s.newName(), s.oldName];
    expect(s.deploymentEvents()).toEqual([
      `Scaled up replica set ${n} to 1`,
      `Scaled down replica set ${o} to 2 from 3`,
      `Scaled up replica set ${n} to 2 from 1`,
      `Scaled down replica set ${o} to 1 from 2`,
      `Scaled up replica set ${n} to 3 from 2`,
      `Scaled down replica set ${o} to 0 from 1`,
    ]);
    // Every Deployment and ReplicaSet event in order, with pod names reduced to their ReplicaSet.
    const all = s.cluster
      .events()
      .filter((e) => Number(e.metadata.resourceVersion) > Number(s.startResourceVersion) && ['Deployment', 'ReplicaSet'].includes(e.involvedObject.kind))
      .map((e) => `${(Date.parse(e.lastTimestamp) - s.t0) / 1000} ${e.reason} ${e.message.replace(/-[bcdfghjklmnpqrstvwxz2456789]{5}$/, '-*')}`);
    expect(all).toEqual([
      `0 ScalingReplicaSet Scaled up replica set ${n} to 1`,
      `0 SuccessfulCreate Created pod: ${n}-*`,
      `5 ScalingReplicaSet Scaled down replica set ${o} to 2 from 3`,
      `5 ScalingReplicaSet Scaled up replica set ${n} to 2 from 1`,
      `5 SuccessfulDelete Deleted pod: ${o}-*`,
      `5 SuccessfulCreate Created pod: ${n}-*`,
      `10 ScalingReplicaSet Scaled down replica set ${o} to 1 from 2`,
      `10 ScalingReplicaSet Scaled up replica set ${n} to 3 from 2`,
      `10 SuccessfulDelete Deleted pod: ${o}-*`,
      `10 SuccessfulCreate Created pod: ${n}-*`,
      `15 ScalingReplicaSet Scaled down replica set ${o} to 0 from 1`,
      `15 SuccessfulDelete Deleted pod: ${o}-*`,
    ]);
  });

  it('4.2 R=3, maxSurge 0, maxUnavailable 1: the new RS is created with 0 and no event', () => {
    const s = startRollout(deployment({ replicas: 3, maxSurge: 0, maxUnavailable: 1 }), deployment({ replicas: 3, maxSurge: 0, maxUnavailable: 1, image: 'nginx:1.26' }));
    const avail = availabilityPerStep(s, 3);
    expect(s.rows).toEqual([
      [0, 0, 3],
      [0, 0, 2],
      [0, 1, 2],
      [D, 1, 1],
      [D, 2, 1],
      [2 * D, 2, 0],
      [2 * D, 3, 0],
    ]);
    expect(avail).toEqual([2, 2, 2, 3]);
    const [n, o] = [s.newName(), s.oldName];
    expect(s.deploymentEvents()).toEqual([
      `Scaled down replica set ${o} to 2 from 3`,
      `Scaled up replica set ${n} to 1 from 0`,
      `Scaled down replica set ${o} to 1 from 2`,
      `Scaled up replica set ${n} to 2 from 1`,
      `Scaled down replica set ${o} to 0 from 1`,
      `Scaled up replica set ${n} to 3 from 2`,
    ]);
  });

  it('4.3 R=3, maxSurge 1, maxUnavailable 1', () => {
    const s = startRollout(deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 1 }), deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 1, image: 'nginx:1.26' }));
    const avail = availabilityPerStep(s, 2);
    expect(s.rows).toEqual([
      [0, 1, 3],
      [0, 1, 2],
      [0, 2, 2],
      [D, 2, 0],
      [D, 3, 0],
    ]);
    expect(avail).toEqual([2, 2, 3]);
    const [n, o] = [s.newName(), s.oldName];
    expect(s.deploymentEvents()).toEqual([
      `Scaled up replica set ${n} to 1`,
      `Scaled down replica set ${o} to 2 from 3`,
      `Scaled up replica set ${n} to 2 from 1`,
      `Scaled down replica set ${o} to 0 from 2`,
      `Scaled up replica set ${n} to 3 from 2`,
    ]);
  });

  it('4.4 R=3, 25%/25% resolves to 4.1', () => {
    const s = startRollout(deployment({ replicas: 3 }), deployment({ replicas: 3, image: 'nginx:1.26' }));
    availabilityPerStep(s, 3);
    expect(s.rows).toEqual([
      [0, 1, 3],
      [D, 1, 2],
      [D, 2, 2],
      [2 * D, 2, 1],
      [2 * D, 3, 1],
      [3 * D, 3, 0],
    ]);
  });

  it('4.5 R=10, 25%/25%', () => {
    const s = startRollout(deployment({ replicas: 10 }), deployment({ replicas: 10, image: 'nginx:1.26' }));
    const avail = availabilityPerStep(s, 2);
    expect(s.rows).toEqual([
      [0, 3, 10],
      [0, 3, 8],
      [0, 5, 8],
      [D, 5, 3],
      [D, 10, 3],
      [2 * D, 10, 0],
    ]);
    expect(avail).toEqual([8, 8, 10]);
    const [n, o] = [s.newName(), s.oldName];
    expect(s.deploymentEvents()).toEqual([
      `Scaled up replica set ${n} to 3`,
      `Scaled down replica set ${o} to 8 from 10`,
      `Scaled up replica set ${n} to 5 from 3`,
      `Scaled down replica set ${o} to 3 from 8`,
      `Scaled up replica set ${n} to 10 from 5`,
      `Scaled down replica set ${o} to 0 from 3`,
    ]);
    const status = s.deployment().status!;
    expect(status).toMatchObject({ replicas: 10, updatedReplicas: 10, readyReplicas: 10, availableReplicas: 10 });
    expect(status.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "${n}" has successfully progressed.`,
    });
  });
});
