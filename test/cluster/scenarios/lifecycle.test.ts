import { describe, expect, it } from 'vitest';
import type { Deployment, Pod } from '../../../src/cluster/types.js';
import { deployment, startRollout } from './harness.js';

const condition = (d: Deployment, type: string) => d.status?.conditions?.find((c) => c.type === type);

describe('a broken image (§4.5, §2.8)', () => {
  it('freezes at new 5 / old 8 with Available True, then exceeds the progress deadline after 600 s', () => {
    const s = startRollout(
      deployment({ replicas: 10 }),
      deployment({ replicas: 10, image: 'nginx:broken', templateAnnotations: { 'sim.chartroom.dev/fail': 'ErrImagePull' } }),
    );
    s.cluster.advance(300_000);
    expect(s.rows.at(-1)).toEqual([0, 5, 8]);
    expect(s.available()).toBe(8);
    const d = s.deployment();
    expect(condition(d, 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable' });
    expect(condition(d, 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${s.newName()}" is progressing.` });
    s.cluster.advance(300_000);
    expect(condition(s.deployment(), 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    s.cluster.advance(1000);
    expect(condition(s.deployment(), 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${s.newName()}" has timed out progressing.`,
      lastTransitionTime: '2026-01-01T00:10:11Z',
    });
    expect(s.rows.at(-1)).toEqual([0, 5, 8]);
  });

  it('shows ErrImagePull then ImagePullBackOff on the new pods', () => {
    const s = startRollout(deployment({ replicas: 1 }), deployment({ replicas: 1, image: 'nginx:broken' }));
    s.cluster.setFailingImages(['nginx:broken*']);
    const waiting = (): string[] =>
      s.cluster
        .list<Pod>('Pod')
        .filter((p) => p.spec.containers[0]!.image === 'nginx:broken')
        .map((p) => ((p.status?.containerStatuses?.[0]?.state as { waiting?: { reason: string } })?.waiting?.reason ?? 'none'));
    // The new pod was created before the pattern was set: it starts normally.
    expect(waiting()).toEqual(['ContainerCreating']);
    s.cluster.apply(deployment({ replicas: 1, image: 'nginx:broken-2' }));
    s.cluster.advance(2500);
    const broken = s.cluster.list<Pod>('Pod').filter((p) => p.spec.containers[0]!.image === 'nginx:broken-2');
    expect(broken.map((p) => (p.status?.containerStatuses?.[0]?.state as { waiting: { reason: string } }).waiting.reason)).toEqual(['ErrImagePull']);
    s.cluster.advance(1000);
    const again = s.cluster.list<Pod>('Pod').filter((p) => p.spec.containers[0]!.image === 'nginx:broken-2');
    expect(again.map((p) => (p.status?.containerStatuses?.[0]?.state as { waiting: { reason: string } }).waiting.reason)).toEqual(['ImagePullBackOff']);
  });
});

describe('Recreate (§3)', () => {
  it('scales old to 0, waits for the old pods to be gone, then creates the new RS at full size', () => {
    const s = startRollout(deployment({ replicas: 3, strategy: 'Recreate' }), deployment({ replicas: 3, strategy: 'Recreate', image: 'nginx:1.26' }));
    expect(s.rows).toEqual([[0, 0, 0]]);
    expect(condition(s.deployment(), 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' });
    const terminating = s.cluster.list<Pod>('Pod').filter((p) => p.metadata.deletionTimestamp);
    expect(terminating).toHaveLength(3);
    s.cluster.advance(1999);
    expect(s.rows).toHaveLength(1);
    s.cluster.advance(1);
    expect(s.rows).toEqual([
      [0, 0, 0],
      [2, 3, 0],
    ]);
    s.cluster.advance(5000);
    expect(s.available()).toBe(3);
    expect(s.deploymentEvents()).toEqual([`Scaled down replica set ${s.oldName} to 0 from 3`, `Scaled up replica set ${s.newName()} to 3`]);
    expect(condition(s.deployment(), 'Available')?.status).toBe('True');
  });
});
