import { describe, expect, it } from 'vitest';
import {
  cleanupUnhealthyReplicas,
  reconcileNewReplicaSet,
  reconcileOldReplicaSets,
  scaleDownOldReplicaSetsForRollingUpdate,
} from '../../../src/cluster/controllers/deployment/rolling.js';
import type { ReplicaSet } from '../../../src/cluster/types.js';
import { newDeployment, rs, rsWithAvailable } from '../builders.js';

describe('reconcileNewReplicaSet (§5.14): maxUnavailable 0, old foo-v1, new foo-v2', () => {
  const cases: [string, number, number, number, number, number | undefined][] = [
    ['RN1 old fully saturated', 10, 0, 10, 0, undefined],
    ['RN2', 10, 2, 10, 0, 2],
    ['RN3', 10, 2, 5, 0, 7],
    ['RN4 surge saturated', 10, 2, 10, 2, undefined],
    ['RN5 above desired', 10, 2, 2, 11, 10],
  ];
  it.each(cases)('%s', (_id, replicas, surge, oldSize, newSize, expected) => {
    const d = newDeployment('foo', replicas, { maxSurge: surge, maxUnavailable: 0 });
    const oldRS = rs('foo-v1', oldSize, 0);
    const newRS = rs('foo-v2', newSize, 10);
    expect(reconcileNewReplicaSet(d, [oldRS, newRS], newRS)).toBe(expected);
  });

  it('RN6/RN7 classic policy ignores terminating replicas (old 5/0/1, new 0/0/10, surge 2 → 7)', () => {
    const d = newDeployment('foo', 10, { maxSurge: 2, maxUnavailable: 0 });
    const oldRS = rs('foo-v1', 5, 0);
    oldRS.status = { replicas: 0, terminatingReplicas: 1, observedGeneration: 1 };
    const newRS = rs('foo-v2', 0, 10);
    newRS.status = { replicas: 0, terminatingReplicas: 10, observedGeneration: 1 };
    expect(reconcileNewReplicaSet(d, [oldRS, newRS], newRS)).toBe(7);
  });
});

describe('reconcileOldReplicaSets (§5.15): maxSurge 0', () => {
  const cases: [string, number, number, number, number, number, number, number | undefined][] = [
    ['RO1', 10, 0, 10, 0, 10, 0, 9],
    ['RO2', 10, 2, 10, 0, 10, 0, 8],
    ['RO3 unhealthy cleaned', 10, 2, 10, 0, 8, 0, 8],
    ['RO4 1 cleaned + 1 drained', 10, 2, 10, 0, 9, 0, 8],
    ['RO5 new unavailable blocks', 10, 2, 8, 2, 8, 0, undefined],
  ];
  it.each(cases)('%s', (_id, replicas, unavailable, oldSize, newSize, readyOld, readyNew, expectedOld) => {
    const d = newDeployment('foo', replicas, { maxSurge: 0, maxUnavailable: unavailable });
    const oldRS = rsWithAvailable('foo-old', oldSize, oldSize, readyOld, 0);
    const newRS = rsWithAvailable('foo-new', newSize, newSize, readyNew, 10);
    newRS.spec.template.metadata!.labels = { ...newRS.spec.template.metadata!.labels, version: 'new' };
    const steps = reconcileOldReplicaSets(d, [oldRS, newRS], [oldRS], newRS);
    expect(steps.length > 0).toBe(expectedOld !== undefined);
    if (expectedOld !== undefined) expect(steps.at(-1)?.to).toBe(expectedOld);
  });

  it('RO4 writes the cleanup and the drain as two steps', () => {
    const d = newDeployment('foo', 10, { maxSurge: 0, maxUnavailable: 2 });
    const oldRS = rsWithAvailable('foo-old', 10, 10, 9, 0);
    const newRS = rsWithAvailable('foo-new', 0, 0, 0, 10);
    expect(reconcileOldReplicaSets(d, [oldRS, newRS], [oldRS], newRS)).toEqual([
      { name: 'foo-old', from: 10, to: 9 },
      { name: 'foo-old', from: 9, to: 8 },
    ]);
  });
});

describe('cleanupUnhealthyReplicas (§5.16): old spec 10', () => {
  const cases: [string, number, number, number][] = [
    ['CU1', 8, 1, 1],
    ['CU2', 8, 3, 2],
    ['CU3', 8, 0, 0],
    ['CU4', 10, 3, 0],
  ];
  it.each(cases)('%s: available %i, maxCleanupCount %i → %i cleaned', (_id, available, max, expected) => {
    const oldRS = rsWithAvailable('foo-old', 10, 10, available);
    expect(cleanupUnhealthyReplicas([oldRS], max).cleaned).toBe(expected);
  });
});

describe('scaleDownOldReplicaSetsForRollingUpdate (§5.17): allRSs = [old], maxSurge 0', () => {
  const cases: [string, number, number, number, number, number | undefined][] = [
    ['SD1', 10, 0, 10, 10, 9],
    ['SD2', 10, 2, 10, 10, 8],
    ['SD3', 10, 2, 8, 10, undefined],
    ['SD4', 10, 2, 10, 0, undefined],
    ['SD5', 10, 2, 1, 10, undefined],
  ];
  it.each(cases)('%s', (_id, replicas, unavailable, available, oldSpec, expected) => {
    const d = newDeployment('foo', replicas, { maxSurge: 0, maxUnavailable: unavailable });
    const oldRS: ReplicaSet = rsWithAvailable('foo-old', oldSpec, oldSpec, available);
    const steps = scaleDownOldReplicaSetsForRollingUpdate(d, [oldRS], [oldRS]);
    if (expected === undefined) expect(steps).toEqual([]);
    else expect(steps).toEqual([{ name: 'foo-old', from: oldSpec, to: expected }]);
  });
});
