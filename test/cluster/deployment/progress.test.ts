import { describe, expect, it } from 'vitest';
import {
  computeRolloutStatus,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  MaxInt32,
  requeueStuckDeployment,
} from '../../../src/cluster/controllers/deployment/progress.js';
import type { Deployment, DeploymentStatus, ReplicaSet, WorkloadCondition } from '../../../src/cluster/types.js';
import { at, BASE, newDeployment, rs } from '../builders.js';

describe('deploymentComplete (§5.5)', () => {
  const d = (desired: number, replicas: number, updated: number, available: number, maxUnavailable: number, maxSurge: number): Deployment => {
    const dep = newDeployment('foo', desired, { maxSurge, maxUnavailable });
    dep.status = { replicas, updatedReplicas: updated, availableReplicas: available };
    return dep;
  };
  const cases: [string, Deployment, boolean][] = [
    ['C1 min but not all available', d(5, 5, 5, 4, 1, 0), false],
    ['C2 min availability not honored', d(5, 5, 5, 3, 1, 0), false],
    ['C3 complete', d(5, 5, 5, 5, 0, 0), true],
    ['C4 all available but not updated', d(5, 5, 4, 5, 0, 0), false],
    ['C5 still running old pods', d(1, 2, 1, 1, 0, 1), false],
    ['C6 one-replica never comes up', d(1, 1, 1, 0, 1, 1), false],
  ];
  it.each(cases)('%s', (_id, dep, expected) => {
    dep.status!.observedGeneration = dep.metadata.generation;
    expect(deploymentComplete(dep, dep.status!)).toBe(expected);
  });
});

describe('deploymentProgressing (§5.6)', () => {
  const s = (replicas: number, updated: number, ready: number, available: number): DeploymentStatus => ({
    replicas,
    updatedReplicas: updated,
    readyReplicas: ready,
    availableReplicas: available,
  });
  const cases: [string, DeploymentStatus, DeploymentStatus, boolean][] = [
    ['P1 updated pods', s(10, 4, 4, 4), s(10, 6, 4, 4), true],
    ['P2 not progressing', s(10, 4, 4, 4), s(10, 4, 4, 4), false],
    ['P3 old pods removed', s(10, 4, 6, 6), s(8, 4, 6, 6), true],
    ['P4 fewer new pods', s(10, 7, 3, 3), s(10, 6, 3, 3), false],
    ['P5 fewer overall, more new', s(10, 4, 7, 7), s(8, 8, 5, 5), true],
    ['P6 more ready', s(10, 10, 9, 8), s(10, 10, 10, 8), true],
    ['P7 more available', s(10, 10, 10, 9), s(10, 10, 10, 10), true],
  ];
  it.each(cases)('%s', (_id, old, next, expected) => {
    const d = newDeployment('foo', 10);
    d.status = old;
    expect(deploymentProgressing(d, next)).toBe(expected);
  });
});

describe('deploymentTimedOut (§5.7)', () => {
  const progressing = (reason: string, from: string): DeploymentStatus => ({
    conditions: [{ type: 'Progressing', status: 'True', reason, lastUpdateTime: from, lastTransitionTime: from }],
  });
  const t = (hh: number, mm: number, ss: number) => Date.UTC(2017, 1, 15, hh, mm, ss);
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const cases: [string, number | undefined, string, number, number, boolean][] = [
    ['T1', undefined, '', t(0, 1, 9), t(0, 1, 20), false],
    ['T2', MaxInt32, '', t(0, 1, 9), t(0, 1, 20), false],
    ['T3', 10, '', t(0, 1, 9), t(0, 1, 20), true],
    ['T4', 10, '', t(0, 1, 11), t(0, 1, 20), false],
    ['T5', undefined, 'NewReplicaSetAvailable', 0, t(0, 1, 20), false],
  ];
  it.each(cases)('%s', (_id, pds, reason, from, now, expected) => {
    const d = newDeployment('foo', 1);
    if (pds === undefined) delete d.spec.progressDeadlineSeconds;
    else d.spec.progressDeadlineSeconds = pds;
    expect(deploymentTimedOut(d, progressing(reason, iso(from)), now)).toBe(expected);
  });

  it('treats exactly the deadline as not yet timed out', () => {
    const d = newDeployment('foo', 1);
    d.spec.progressDeadlineSeconds = 10;
    expect(deploymentTimedOut(d, progressing('', iso(t(0, 1, 10))), t(0, 1, 20))).toBe(false);
  });
});

describe('requeueStuckDeployment (§5.20): Recreate, pds 60, stuck since 18:49:00', () => {
  const stuck: WorkloadCondition = { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', lastUpdateTime: at(0), lastTransitionTime: at(0) };
  const failed: WorkloadCondition = { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', lastUpdateTime: at(0), lastTransitionTime: at(0) };
  const current = (pds: number | undefined, replicas: number, status: [number, number, number], conditions: WorkloadCondition[]): Deployment => {
    const d = newDeployment('foo', replicas, { strategy: 'Recreate' });
    if (pds === undefined) delete d.spec.progressDeadlineSeconds;
    else d.spec.progressDeadlineSeconds = pds;
    d.status = { replicas: status[0], updatedReplicas: status[1], availableReplicas: status[2], observedGeneration: 1, conditions };
    return d;
  };
  const cases: [string, Deployment, number, number][] = [
    ['Q1 no deadline', current(undefined, 4, [3, 3, 2], [stuck]), BASE + 30_000, -1],
    ['Q2 MaxInt32', current(MaxInt32, 4, [3, 3, 2], [stuck]), BASE + 30_000, -1],
    ['Q3 no Progressing condition', current(60, 4, [3, 3, 2], []), BASE + 30_000, -1],
    ['Q4 complete', current(60, 3, [3, 3, 3], [stuck]), BASE + 30_000, -1],
    ['Q5 already failed', current(60, 3, [3, 3, 0], [failed]), BASE + 30_000, -1],
    ['Q6 18:49:30', current(60, 4, [3, 3, 2], [stuck]), BASE + 30_000, 30_000],
    ['Q7 18:49:59', current(60, 4, [3, 3, 2], [stuck]), BASE + 59_000, 1000],
    ['Q8 18:49:59 and a bit', current(60, 4, [3, 3, 2], [stuck]), BASE + 59_001, 0],
    ['Q9 18:50:00', current(60, 4, [3, 3, 2], [stuck]), BASE + 60_000, 0],
    ['Q10 18:50:01', current(60, 4, [3, 3, 2], [stuck]), BASE + 61_000, 0],
    ['Q11 18:51:00', current(60, 4, [3, 3, 2], [stuck]), BASE + 120_000, 0],
  ];
  it.each(cases)('%s', (_id, d, now, expected) => {
    expect(requeueStuckDeployment(d, d.status!, now)).toBe(expected);
  });
});

describe('syncRolloutStatus (§5.21): pds 60', () => {
  const testTime = at(0);
  const cond = (status: 'True' | 'False', reason: string): WorkloadCondition => ({
    type: 'Progressing',
    status,
    lastUpdateTime: testTime,
    lastTransitionTime: testTime,
    reason,
    message: '',
  });
  const updated = cond('True', 'ReplicaSetUpdated');
  const available = cond('True', 'NewReplicaSetAvailable');
  const timedOut = cond('False', 'ProgressDeadlineExceeded');
  const dep = (pds: number | undefined, replicas: number, s: [number, number, number], c?: WorkloadCondition): Deployment => {
    const d = newDeployment('foo', replicas);
    if (pds === undefined) delete d.spec.progressDeadlineSeconds;
    else d.spec.progressDeadlineSeconds = pds;
    d.status = { observedGeneration: 1, replicas: s[0], updatedReplicas: s[1], availableReplicas: s[2], ...(c ? { conditions: [c] } : {}) };
    return d;
  };
  const replicaSet = (name: string, spec: number, status: number, avail: number, isNew: boolean): ReplicaSet => {
    const r = rs(name, spec, isNew ? 10 : 0, isNew ? newDeployment('foo', 1).spec.template : { metadata: { labels: { old: 'yes' } }, spec: { containers: [] } });
    r.status = { replicas: status, availableReplicas: avail };
    return r;
  };
  const bar = () => replicaSet('bar', 0, 1, 1, false);
  const foo = (spec: number, status: number, avail: number) => replicaSet('foo', spec, status, avail, true);
  const soon = BASE + 30_000;
  const late = BASE + 3_600_000;
  const progressing = (d: Deployment, rsList: ReplicaSet[], newRS: ReplicaSet | undefined, now: number) =>
    computeRolloutStatus(rsList, newRS, d, now).conditions?.find((c) => c.type === 'Progressing');

  it('SR1 removes the condition without a deadline', () => {
    const f = foo(3, 2, 2);
    expect(progressing(dep(undefined, 3, [2, 2, 2], updated), [bar(), f], f, soon)).toBeUndefined();
  });
  it('SR2 leaves a complete rollout alone', () => {
    const b = replicaSet('bar', 3, 3, 3, false);
    expect(progressing(dep(60, 3, [3, 3, 3], available), [b], undefined, soon)).toEqual(available);
  });
  it('SR3 refreshes ReplicaSetUpdated and keeps lastTransitionTime', () => {
    const f = foo(3, 2, 2);
    const c = progressing(dep(60, 3, [2, 2, 2], updated), [bar(), f], f, soon);
    expect(c).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated', lastTransitionTime: testTime });
  });
  it('SR4 replaces ProgressDeadlineExceeded with ReplicaSetUpdated, all times new', () => {
    const f = foo(3, 2, 2);
    const c = progressing(dep(60, 3, [2, 2, 2], timedOut), [bar(), f], f, soon);
    expect(c).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated', lastTransitionTime: at(30), lastUpdateTime: at(30) });
  });
  it('SR5 adds ReplicaSetUpdated', () => {
    const f = foo(3, 2, 2);
    expect(progressing(dep(60, 3, [2, 2, 2]), [bar(), f], f, soon)).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
  });
  it('SR6 completes with NewReplicaSetAvailable, keeping lastTransitionTime', () => {
    const f = foo(3, 3, 3);
    const c = progressing(dep(60, 3, [3, 3, 3], updated), [f], f, soon);
    expect(c).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', lastTransitionTime: testTime, message: 'ReplicaSet "foo" has successfully progressed.' });
  });
  it('SR7 completes after a timeout', () => {
    const f = foo(3, 3, 3);
    expect(progressing(dep(60, 3, [3, 3, 3], timedOut), [f], f, soon)).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
  });
  it('SR8 completes without a previous condition', () => {
    const f = foo(3, 3, 3);
    expect(progressing(dep(60, 3, [3, 3, 3]), [f], f, soon)).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
  });
  it('SR9 names the Deployment when there is no new ReplicaSet', () => {
    const f = replicaSet('foo', 0, 0, 0, false);
    const d = dep(60, 0, [3, 3, 3], updated);
    expect(progressing(d, [f], undefined, soon)).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: 'Deployment "foo" has successfully progressed.',
    });
  });
  it('SR10 times out', () => {
    const f = foo(3, 2, 2);
    expect(progressing(dep(60, 3, [2, 2, 2], updated), [f], f, late)).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: 'ReplicaSet "foo" has timed out progressing.',
    });
  });
  it('SR11 keeps a timeout unchanged', () => {
    const f = foo(3, 2, 2);
    expect(progressing(dep(60, 3, [2, 2, 2], timedOut), [f], f, late)).toEqual(timedOut);
  });
});
