import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/cluster/cluster.js';
import { daemonFenceposts, planRollingUpdate, planSurgeUpdate } from '../../../src/cluster/controllers/daemonset/daemon-update.js';
import { statefulSetMaxUnavailable } from '../../../src/cluster/controllers/statefulset/statefulset-controller.js';
import type { IntOrString, KubeObject, Pod } from '../../../src/cluster/types.js';

const T0 = Date.UTC(2026, 0, 1);

function daemonSet(image: string, strategy: Record<string, unknown> = { type: 'RollingUpdate' }): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      updateStrategy: strategy,
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image }] } },
    },
  };
}

function statefulSet(image: string, o: { replicas?: number; partition?: number; policy?: 'OrderedReady' | 'Parallel'; onDelete?: boolean; maxUnavailable?: IntOrString } = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      replicas: o.replicas ?? 3,
      serviceName: 'web',
      podManagementPolicy: o.policy ?? 'OrderedReady',
      selector: { matchLabels: { app: 'web' } },
      updateStrategy: o.onDelete
        ? { type: 'OnDelete' }
        : { type: 'RollingUpdate', rollingUpdate: { partition: o.partition ?? 0, ...(o.maxUnavailable !== undefined ? { maxUnavailable: o.maxUnavailable } : {}) } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } },
    },
  };
}

/** Events of one kind since resourceVersion `mark`, as "seconds-since-t message". */
function eventsSince(c: ReturnType<typeof createCluster>, kind: string, mark: number, t: number): string[] {
  return c
    .events({ involvedKind: kind })
    .filter((e) => Number(e.metadata.resourceVersion) > mark)
    .map((e) => `${(Date.parse(e.lastTimestamp) - t) / 1000} ${e.message}`);
}

const podName = (m: string) => m.replace(/agent-[a-z0-9]{5}/g, 'agent-*');

describe('DaemonSet fenceposts (§6.1): both round up, 0/0 becomes unavailable 1', () => {
  const cases: [IntOrString | undefined, IntOrString | undefined, number, [number, number]][] = [
    [1, 0, 3, [0, 1]],
    ['10%', 0, 3, [0, 1]],
    ['50%', 0, 3, [0, 2]],
    [0, '50%', 3, [2, 0]],
    [0, 0, 3, [0, 1]],
    [0, 0, 0, [0, 0]],
  ];
  it.each(cases)('maxUnavailable %s, maxSurge %s, %i nodes → [surge, unavailable] %j', (u, s, n, expected) => {
    expect(daemonFenceposts(u, s, n)).toEqual(expected);
  });
});

describe('DaemonSet update planning', () => {
  const pod = (name: string, hash: string, available: boolean): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { 'controller-revision-hash': hash }, annotations: { available: String(available) } },
    spec: { containers: [] },
  });
  const isAvailable = (p: Pod) => p.metadata.annotations?.available === 'true';

  it('without surge deletes up to maxUnavailable available old pods, and every unavailable one', () => {
    const nodes = [
      { node: 'n1', pods: [pod('a', 'old', true)] },
      { node: 'n2', pods: [pod('b', 'old', false)] },
      { node: 'n3', pods: [pod('c', 'old', true)] },
    ];
    expect(planRollingUpdate(nodes, 'new', 1, isAvailable).deletePods).toEqual(['b', 'a']);
    const busy = [{ node: 'n0', pods: [pod('x', 'new', false)] }, ...nodes];
    expect(planRollingUpdate(busy, 'new', 1, isAvailable).deletePods).toEqual(['b']);
  });

  it('with surge creates beside available old pods and deletes old pods whose new pod is available', () => {
    const nodes = [
      { node: 'n1', pods: [pod('a', 'old', true), pod('a2', 'new', true)] },
      { node: 'n2', pods: [pod('b', 'old', true), pod('b2', 'new', false)] },
      { node: 'n3', pods: [pod('c', 'old', true)] },
      { node: 'n4', pods: [pod('d', 'old', false)] },
    ];
    expect(planSurgeUpdate(nodes, 'new', 2, isAvailable)).toEqual({ deletePods: ['a'], createOnNodes: ['n4', 'n3'] });
    expect(planSurgeUpdate(nodes, 'new', 1, isAvailable)).toEqual({ deletePods: ['a'], createOnNodes: ['n4'] });
  });
});

describe('DaemonSet rollouts on three nodes (terminate 2 s, ready 5 s)', () => {
  it('RollingUpdate maxUnavailable 1: one node at a time, the replacement after the old pod is gone', () => {
    const c = createCluster({ seed: 'ds' });
    c.apply(daemonSet('agent:1'));
    c.advance(10_000);
    expect(c.list('Pod')).toHaveLength(3);
    const mark = Number(c.resourceVersion());
    const t = c.now();
    c.apply(daemonSet('agent:2'));
    c.advance(30_000);
    expect(eventsSince(c, 'DaemonSet', mark, t).map(podName)).toEqual([
      '0 Deleted pod: agent-*',
      '2 Created pod: agent-*',
      '7 Deleted pod: agent-*',
      '9 Created pod: agent-*',
      '14 Deleted pod: agent-*',
      '16 Created pod: agent-*',
    ]);
    const ds = c.get('DaemonSet', 'default', 'agent')!;
    expect(ds.status).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 3, numberAvailable: 3 });
    expect(c.list('ControllerRevision').map((r) => (r as KubeObject & { revision: number }).revision).sort()).toEqual([1, 2]);
    expect(new Set(c.list<Pod>('Pod').map((p) => p.spec.nodeName))).toEqual(new Set(['node-1', 'node-2', 'node-3']));
  });

  it('RollingUpdate maxSurge 1: a new pod beside the old one, the old one deleted once the new is available', () => {
    const c = createCluster({ seed: 'ds-surge' });
    const surge = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } };
    c.apply(daemonSet('agent:1', surge));
    c.advance(10_000);
    const mark = Number(c.resourceVersion());
    const t = c.now();
    c.apply(daemonSet('agent:2', surge));
    c.advance(30_000);
    expect(eventsSince(c, 'DaemonSet', mark, t).map(podName)).toEqual([
      '0 Created pod: agent-*',
      '5 Deleted pod: agent-*',
      '5 Created pod: agent-*',
      '10 Deleted pod: agent-*',
      '10 Created pod: agent-*',
      '15 Deleted pod: agent-*',
    ]);
  });

  it('OnDelete replaces a pod only when the user deletes it', () => {
    const c = createCluster({ seed: 'ds-ondelete' });
    c.apply(daemonSet('agent:1', { type: 'OnDelete' }));
    c.advance(10_000);
    c.apply(daemonSet('agent:2', { type: 'OnDelete' }));
    c.advance(30_000);
    const images = () => c.list<Pod>('Pod').map((p) => p.spec.containers[0]!.image).sort();
    expect(images()).toEqual(['agent:1', 'agent:1', 'agent:1']);
    c.delete('Pod', 'default', c.list('Pod')[0]!.metadata.name);
    c.advance(10_000);
    expect(images()).toEqual(['agent:1', 'agent:1', 'agent:2']);
  });
});

describe('StatefulSet (§6.2), termination T = 2 s, start-to-ready D = 5 s', () => {
  it('creates web-0, web-1, web-2 in order, each after the previous is Ready', () => {
    const c = createCluster({ seed: 'sts' });
    const mark = Number(c.resourceVersion());
    c.apply(statefulSet('web:1'));
    c.advance(20_000);
    expect(eventsSince(c, 'StatefulSet', mark, T0)).toEqual([
      '0 create Pod web-0 in StatefulSet web successful',
      '5 create Pod web-1 in StatefulSet web successful',
      '10 create Pod web-2 in StatefulSet web successful',
    ]);
  });

  it('the worked example: updates web-2, web-1, web-0, one at a time, done at 3T + 3D', () => {
    const c = createCluster({ seed: 'sts' });
    c.apply(statefulSet('web:1'));
    c.advance(20_000);
    const mark = Number(c.resourceVersion());
    const t = c.now();
    c.apply(statefulSet('web:2'));
    c.advance(20_000);
    const midway = c.get('StatefulSet', 'default', 'web')!.status as Record<string, unknown>;
    expect(midway.currentRevision).not.toBe(midway.updateRevision);
    c.advance(1000);
    expect(eventsSince(c, 'StatefulSet', mark, t)).toEqual([
      '0 delete Pod web-2 in StatefulSet web successful',
      '2 create Pod web-2 in StatefulSet web successful',
      '7 delete Pod web-1 in StatefulSet web successful',
      '9 create Pod web-1 in StatefulSet web successful',
      '14 delete Pod web-0 in StatefulSet web successful',
      '16 create Pod web-0 in StatefulSet web successful',
    ]);
    const status = c.get('StatefulSet', 'default', 'web')!.status as Record<string, unknown>;
    expect(status).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3 });
    expect(status.currentRevision).toBe(status.updateRevision);
  });

  it('with partition 2 only web-2 is updated', () => {
    const c = createCluster({ seed: 'sts' });
    c.apply(statefulSet('web:1', { partition: 2 }));
    c.advance(20_000);
    c.apply(statefulSet('web:2', { partition: 2 }));
    c.advance(60_000);
    const images = c.list<Pod>('Pod').map((p) => `${p.metadata.name}=${p.spec.containers[0]!.image}`);
    expect(images).toEqual(['web-0=web:1', 'web-1=web:1', 'web-2=web:2']);
    expect(c.get('StatefulSet', 'default', 'web')!.status).toMatchObject({ currentReplicas: 2, updatedReplicas: 1 });
  });

  it('Parallel creates all pods at once', () => {
    const c = createCluster({ seed: 'sts' });
    c.apply(statefulSet('web:1', { policy: 'Parallel', replicas: 4 }));
    expect(eventsSince(c, 'StatefulSet', 0, T0)).toEqual([0, 1, 2, 3].map((i) => `0 create Pod web-${i} in StatefulSet web successful`));
  });

  it('OrderedReady scales down from the highest ordinal, one pod at a time', () => {
    const c = createCluster({ seed: 'sts' });
    c.apply(statefulSet('web:1', { replicas: 4 }));
    c.advance(30_000);
    const mark = Number(c.resourceVersion());
    const t = c.now();
    c.apply(statefulSet('web:1', { replicas: 2 }));
    c.advance(20_000);
    expect(eventsSince(c, 'StatefulSet', mark, t)).toEqual([
      '0 delete Pod web-3 in StatefulSet web successful',
      '2 delete Pod web-2 in StatefulSet web successful',
    ]);
  });

  it('OnDelete recreates a deleted pod at the update revision', () => {
    const c = createCluster({ seed: 'sts' });
    c.apply(statefulSet('web:1', { onDelete: true }));
    c.advance(20_000);
    c.apply(statefulSet('web:2', { onDelete: true }));
    c.advance(20_000);
    c.delete('Pod', 'default', 'web-1');
    c.advance(10_000);
    expect(c.list<Pod>('Pod').map((p) => p.spec.containers[0]!.image)).toEqual(['web:1', 'web:2', 'web:1']);
  });
});

describe('StatefulSet maxUnavailable (MaxUnavailableStatefulSet)', () => {
  it.each([
    [2, 5, 2],
    ['50%', 5, 2],
    ['10%', 5, 1],
    [0, 5, 1],
  ] as [IntOrString, number, number][])('maxUnavailable %s of %i replicas → %i', (value, replicas, expected) => {
    expect(statefulSetMaxUnavailable(value, replicas)).toBe(expected);
  });

  it('with Parallel and maxUnavailable 2 replaces two pods at a time, highest ordinals first', () => {
    const c = createCluster({ seed: 'sts-mu' });
    c.apply(statefulSet('web:1', { replicas: 4, policy: 'Parallel', maxUnavailable: 2 }));
    c.advance(10_000);
    const mark = Number(c.resourceVersion());
    const t = c.now();
    c.apply(statefulSet('web:2', { replicas: 4, policy: 'Parallel', maxUnavailable: 2 }));
    c.advance(20_000);
    expect(eventsSince(c, 'StatefulSet', mark, t)).toEqual([
      '0 delete Pod web-3 in StatefulSet web successful',
      '0 delete Pod web-2 in StatefulSet web successful',
      '2 create Pod web-2 in StatefulSet web successful',
      '2 create Pod web-3 in StatefulSet web successful',
      '7 delete Pod web-1 in StatefulSet web successful',
      '7 delete Pod web-0 in StatefulSet web successful',
      '9 create Pod web-0 in StatefulSet web successful',
      '9 create Pod web-1 in StatefulSet web successful',
    ]);
  });
});

describe('rollout history and undo of DaemonSets and StatefulSets (§7.2)', () => {
  it('lists ControllerRevisions and renumbers the revision rolled back to', async () => {
    const { revisionHistory, rollbackWithRevisions, formatHistory } = await import('../../../src/cluster/rollout.js');
    const c = createCluster({ seed: 'ds-history' });
    for (const image of ['agent:1', 'agent:2', 'agent:3']) {
      c.apply(daemonSet(image));
      c.advance(30_000);
    }
    const ds = () => c.get('DaemonSet', 'default', 'agent')!;
    expect(formatHistory(revisionHistory(c, ds()))).toBe('REVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n3         <none>\n');
    expect(rollbackWithRevisions(c, 'DaemonSet', 'default', 'agent', 1)).toBe('rolled back');
    c.advance(30_000);
    expect(revisionHistory(c, ds()).map((h) => [h.revision, h.template.spec.containers[0]!.image])).toEqual([
      [2, 'agent:2'],
      [3, 'agent:3'],
      [4, 'agent:1'],
    ]);
    expect(c.list<Pod>('Pod').map((p) => p.spec.containers[0]!.image)).toEqual(['agent:1', 'agent:1', 'agent:1']);
    expect(rollbackWithRevisions(c, 'DaemonSet', 'default', 'agent', 4)).toBe('skipped rollback (current template already matches revision 4)');
    expect(() => rollbackWithRevisions(c, 'DaemonSet', 'default', 'agent', 9)).toThrow('unable to find specified revision 9 in history');
  });

  it('rolls a StatefulSet back to the previous revision', async () => {
    const { rollbackWithRevisions } = await import('../../../src/cluster/rollout.js');
    const c = createCluster({ seed: 'sts-history' });
    c.apply(statefulSet('web:1'));
    c.advance(30_000);
    c.apply(statefulSet('web:2'));
    c.advance(60_000);
    expect(rollbackWithRevisions(c, 'StatefulSet', 'default', 'web')).toBe('rolled back');
    c.advance(60_000);
    expect(c.list<Pod>('Pod').map((p) => p.spec.containers[0]!.image)).toEqual(['web:1', 'web:1', 'web:1']);
  });
});
