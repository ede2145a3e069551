import { describe, expect, it } from 'vitest';
import { isPodAvailable, rankPodsForDeletion } from '../../../src/cluster/controllers/replicaset/pod-ranking.js';
import type { Pod } from '../../../src/cluster/types.js';

const NOW = Date.UTC(2026, 0, 1, 1, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function pod(name: string, o: { node?: string; phase?: 'Pending' | 'Running'; readySince?: number; created?: number; cost?: string; restarts?: number } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      uid: `uid-${name}`,
      creationTimestamp: iso(o.created ?? NOW - 3_600_000),
      ...(o.cost ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': o.cost } } : {}),
    },
    spec: { containers: [{ name: 'c' }], ...(o.node !== undefined ? { nodeName: o.node } : { nodeName: 'n1' }) },
    status: {
      phase: o.phase ?? 'Running',
      conditions: o.readySince !== undefined ? [{ type: 'Ready', status: 'True', lastTransitionTime: iso(o.readySince) }] : [{ type: 'Ready', status: 'False' }],
      containerStatuses: [{ restartCount: o.restarts ?? 0 }],
    },
  };
}

describe('ReplicaSet deletion ranking (§2.4)', () => {
  const rank = (pods: Pod[], related: Pod[] = pods) => rankPodsForDeletion(pods, related, NOW).map((p) => p.metadata.name);

  it('unscheduled, then Pending, then not ready, then ready', () => {
    const pods = [pod('ready', { readySince: NOW - 60_000 }), pod('notready'), pod('pending', { phase: 'Pending' }), pod('unscheduled', { node: '', phase: 'Pending' })];
    expect(rank(pods)).toEqual(['unscheduled', 'pending', 'notready', 'ready']);
  });

  it('lower deletion cost first, then more co-located pods', () => {
    const cheap = pod('cheap', { readySince: NOW - 60_000, cost: '-10', node: 'n2' });
    const crowded = pod('crowded', { readySince: NOW - 60_000, node: 'n1' });
    const alone = pod('alone', { readySince: NOW - 60_000, node: 'n2' });
    const neighbours = [pod('n-a', { node: 'n1' }), pod('n-b', { node: 'n1' })];
    // n1 runs 3 related pods, n2 runs 2.
    expect(rank([alone, crowded, cheap], [alone, crowded, cheap, ...neighbours])).toEqual(['cheap', 'crowded', 'alone']);
  });

  it('ready for less time first, in log2 buckets, then more restarts, then newer', () => {
    const recent = pod('recent', { readySince: NOW - 2_000 });
    const old = pod('old', { readySince: NOW - 3_000_000 });
    expect(rank([old, recent])).toEqual(['recent', 'old']);
    const restarted = pod('restarted', { restarts: 3 });
    const newer = pod('newer', { created: NOW - 10_000 });
    const older = pod('older', { created: NOW - 3_000_000 });
    expect(rank([older, newer, restarted])).toEqual(['restarted', 'newer', 'older']);
  });

  it('counts a pod as available only after minReadySeconds have passed', () => {
    const p = pod('p', { readySince: NOW - 10_000 });
    expect(isPodAvailable(p, 0, NOW)).toBe(true);
    expect(isPodAvailable(p, 10, NOW)).toBe(false);
    expect(isPodAvailable(p, 10, NOW + 1)).toBe(true);
  });
});
