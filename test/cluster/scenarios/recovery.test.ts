import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../../src/cluster/types.js';
import { deploymentRolloutStatus } from '../../../src/cluster/views/rollout-status.js';
import { deployment, startRollout } from './harness.js';

const progressing = (d: Deployment) => d.status?.conditions?.find((c) => c.type === 'Progressing');
const broken = { image: 'nginx:broken', templateAnnotations: { 'sim.chartroom.dev/fail': 'ErrImagePull' } };

describe('recovering from a stuck rollout (§2.8)', () => {
  it('a timed-out rollout progresses again when the image is fixed', () => {
    const s = startRollout(deployment({ replicas: 3 }), deployment({ replicas: 3, ...broken }));
    s.cluster.advance(601_000);
    expect(progressing(s.deployment())?.reason).toBe('ProgressDeadlineExceeded');
    expect(deploymentRolloutStatus(s.deployment())).toEqual({ message: 'deployment "vweb" exceeded its progress deadline', done: false, error: true });
    s.cluster.apply(deployment({ replicas: 3, image: 'nginx:1.27' }));
    s.cluster.advance(60_000);
    const d = s.deployment();
    expect(progressing(d)).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
    expect(deploymentRolloutStatus(d)).toEqual({ message: 'deployment "vweb" successfully rolled out', done: true });
    const sizes = s.cluster.list<ReplicaSet>('ReplicaSet').map((r) => [r.spec.template.spec.containers[0]!.image, r.spec.replicas]);
    expect(sizes).toEqual(expect.arrayContaining([['nginx:1.25', 0], ['nginx:broken', 0], ['nginx:1.27', 3]]));
  });

  it('Recreate with a broken image leaves the Deployment unavailable and times out', () => {
    const s = startRollout(deployment({ replicas: 2, strategy: 'Recreate' }), deployment({ replicas: 2, strategy: 'Recreate', ...broken }));
    s.cluster.advance(700_000);
    const d = s.deployment();
    expect(d.status?.conditions?.find((c) => c.type === 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable' });
    expect(progressing(d)).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    expect(s.rows).toEqual([
      [0, 0, 0],
      [2, 2, 0],
    ]);
  });

  it('pausing mid-rollout freezes the mix of old and new; resuming finishes it', () => {
    const s = startRollout(deployment({ replicas: 10 }), deployment({ replicas: 10, image: 'nginx:1.26' }));
    const paused = deployment({ replicas: 10, image: 'nginx:1.26' });
    paused.spec.paused = true;
    s.cluster.apply(paused);
    const frozen = s.rows.at(-1);
    expect(frozen).toEqual([0, 5, 8]);
    s.cluster.advance(120_000);
    expect(s.rows.at(-1)).toEqual(frozen);
    expect(progressing(s.deployment())).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused' });
    const before = s.rows.length;
    s.cluster.apply(deployment({ replicas: 10, image: 'nginx:1.26' }));
    s.cluster.advance(30_000);
    // The 5 new pods became available while paused: the drain budget is 13 − 8 = 5 at once.
    expect(s.rows.slice(before)).toEqual([
      [120, 5, 3],
      [120, 10, 3],
      [125, 10, 0],
    ]);
    expect(progressing(s.deployment())).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
  });
});
