/**
 * The rollout timeline's numbers, in Node: one sample per change of a Deployment's ReplicaSet sizes,
 * stamped with the latest cluster time the stream showed (never a deletion's future timestamp).
 */
import { describe, expect, it } from 'vitest';
import { ClusterModel, type KubeObject } from '../../src/console/cluster-model.js';
import { latestTimestamp, Timeline } from '../../src/console/timeline.js';

const deployment: KubeObject = { kind: 'Deployment', metadata: { name: 'web', namespace: 'default', uid: 'd' } };
function replicaSet(name: string, revision: string, desired: number, available: number): KubeObject {
  return {
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: name, annotations: { 'deployment.kubernetes.io/revision': revision }, ownerReferences: [{ uid: 'd', kind: 'Deployment', name: 'web' }] },
    spec: { replicas: desired },
    status: { availableReplicas: available },
  };
}
const event = (at: string): KubeObject => ({ kind: 'Event', metadata: { name: `e${at}`, namespace: 'default', creationTimestamp: at }, lastTimestamp: at });

describe('Timeline', () => {
  it('samples each change of ReplicaSet sizes at the latest cluster time seen', () => {
    const model = new ClusterModel();
    const timeline = new Timeline();
    const change = (object: KubeObject): void => {
      model.apply({ type: 'MODIFIED', object });
      timeline.see(object);
    };
    change(deployment);
    change(replicaSet('old', '1', 3, 3));
    change(event('2026-01-01T00:00:05Z'));
    timeline.record(model, 'default');
    timeline.record(model, 'default'); // nothing changed: no new sample
    change(replicaSet('new', '2', 1, 0));
    change(event('2026-01-01T00:00:10Z'));
    timeline.record(model, 'default');
    change(replicaSet('new', '2', 1, 1));
    change(replicaSet('old', '1', 2, 2));
    change({ ...event('2026-01-01T00:00:14Z'), metadata: { name: 'p', namespace: 'default', creationTimestamp: '2026-01-01T00:00:14Z', deletionTimestamp: '2026-01-01T00:00:44Z' } });
    timeline.record(model, 'default');
    const samples = timeline.samples.get('default/web') ?? [];
    expect(samples.map((s) => [new Date(s.timeMs).toISOString().slice(17, 19), s.sizes])).toEqual([
      ['05', { old: { desired: 3, available: 3 } }],
      ['10', { new: { desired: 1, available: 0 }, old: { desired: 3, available: 3 } }],
      ['14', { new: { desired: 1, available: 1 }, old: { desired: 2, available: 2 } }],
    ]);
  });

  it('reads creation, Event and condition times, not deletion times', () => {
    expect(latestTimestamp({ kind: 'Pod', metadata: { name: 'p', creationTimestamp: '2026-01-01T00:00:01Z', deletionTimestamp: '2026-01-01T00:01:00Z' } })).toBe(Date.parse('2026-01-01T00:00:01Z'));
    expect(latestTimestamp({ kind: 'Deployment', metadata: { name: 'd' }, status: { conditions: [{ type: 'Available', status: 'True', lastUpdateTime: '2026-01-01T00:00:09Z' } as never] } })).toBe(Date.parse('2026-01-01T00:00:09Z'));
    expect(latestTimestamp({ kind: 'X', metadata: { name: 'x' } })).toBe(0);
  });
});
