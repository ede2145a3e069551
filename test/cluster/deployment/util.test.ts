import { describe, expect, it } from 'vitest';
import {
  DesiredReplicasAnnotation,
  getNonNegativeInt32FromAnnotation,
  isSaturated,
  MaxReplicasAnnotation,
  replicasAnnotationsNeedUpdate,
  RevisionAnnotation,
  RevisionHistoryAnnotation,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
} from '../../../src/cluster/controllers/deployment/annotations.js';
import { getCondition, removeCondition, setCondition } from '../../../src/cluster/controllers/deployment/conditions.js';
import { getReplicaSetFraction } from '../../../src/cluster/controllers/deployment/proportion.js';
import {
  equalIgnoreHash,
  findNewReplicaSet,
  findOldReplicaSets,
  sumStatusReplicas,
  sumTerminatingReplicas,
} from '../../../src/cluster/controllers/deployment/replica-sets.js';
import { sumSpecReplicas } from '../../../src/cluster/controllers/deployment/fenceposts.js';
import type { DeploymentStatus, PodTemplateSpec, ReplicaSet } from '../../../src/cluster/types.js';
import { newDeployment, rs } from '../builders.js';

describe('replica counts (§5.8)', () => {
  const withStatus = (name: string, spec: number, status: number, terminating: number | undefined, observed: boolean): ReplicaSet => {
    const r = rs(name, spec);
    r.status = { replicas: status, ...(observed ? { observedGeneration: 1 } : {}), ...(terminating !== undefined ? { terminatingReplicas: terminating } : {}) };
    return r;
  };
  const rs1 = withStatus('rs1', 1, 2, 3, true);
  const rs2 = withStatus('rs2', 2, 3, 1, false);
  const rs3 = withStatus('rs3', 3, 0, undefined, false);
  const rs4 = withStatus('rs4', 1, 1, undefined, true);
  const cases: [string, ReplicaSet[], number, number, number | undefined][] = [
    ['R1', [rs1], 1, 2, 3],
    ['R2', [rs1, rs2], 3, 5, 4],
    ['R3', [rs3], 3, 0, 0],
    ['R4', [rs1, rs2, rs3], 6, 5, 4],
    ['R5', [rs4], 1, 1, undefined],
    ['R6', [rs1, rs2, rs3, rs4], 7, 6, undefined],
  ];
  it.each(cases)('%s', (_id, sets, spec, status, terminating) => {
    expect(sumSpecReplicas(sets)).toBe(spec);
    expect(sumStatusReplicas(sets)).toBe(status);
    expect(sumTerminatingReplicas(sets)).toBe(terminating);
  });
});

describe('getReplicaSetFraction (§5.9), maxUnavailable 1', () => {
  const cases: [string, number, number, number, number, string | undefined, number][] = [
    ['G1 empty deployment', 0, 0, 0, 10, undefined, -10],
    ['G2 annotation missing, unsynced', 10, 0, 0, 5, undefined, 0],
    ['G3 annotation "0", unsynced', 10, 0, 0, 5, '0', 0],
    ['G4 missing, fall back to status', 120, 100, 0, 50, undefined, 10],
    ['G5 "0", fall back to status', 120, 100, 0, 50, '0', 10],
    ['G6 scale up 1/5', 120, 0, 0, 50, '100', 10],
    ['G7 scale up with surge', 120, 0, 10, 50, '110', 9],
    ['G8 scale down 1/6', 10, 0, 0, 6, '12', -1],
    ['G9 scale down with surge', 100, 0, 10, 50, '130', -8],
  ];
  it.each(cases)('%s', (_id, replicas, statusReplicas, surge, rsReplicas, annotation, expected) => {
    const d = newDeployment('foo', replicas, { maxSurge: surge, maxUnavailable: 1 });
    d.status = { replicas: statusReplicas };
    const r = rs('foo-rs', rsReplicas);
    if (annotation !== undefined) r.metadata.annotations = { [MaxReplicasAnnotation]: annotation };
    expect(getReplicaSetFraction(r, d)).toBe(expected);
  });
});

describe('annotation helpers (§5.10)', () => {
  const withAnnotation = (value?: string): ReplicaSet => {
    const r = rs('foo', 1);
    r.metadata.annotations = value === undefined ? {} : { test: value };
    return r;
  };
  it('A1 getNonNegativeInt32FromAnnotation', () => {
    expect(getNonNegativeInt32FromAnnotation(withAnnotation(), 'test')).toEqual({ value: 0, valid: false });
    expect(getNonNegativeInt32FromAnnotation(withAnnotation('invalid'), 'test').error).toContain('invalid syntax');
    expect(getNonNegativeInt32FromAnnotation(withAnnotation('-1'), 'test').error).toContain('invalid syntax');
    expect(getNonNegativeInt32FromAnnotation(withAnnotation('0'), 'test')).toEqual({ value: 0, valid: true });
    expect(getNonNegativeInt32FromAnnotation(withAnnotation('13'), 'test')).toEqual({ value: 13, valid: true });
    expect(getNonNegativeInt32FromAnnotation(withAnnotation('2147483647'), 'test')).toEqual({ value: 2147483647, valid: true });
    expect(getNonNegativeInt32FromAnnotation(withAnnotation('2147483648'), 'test').error).toContain('out of range');
    expect(getNonNegativeInt32FromAnnotation(withAnnotation('4294967296'), 'test').error).toContain('out of range');
  });

  it('A2 SetNewReplicaSetAnnotations keeps a 5-character sliding revision history', () => {
    const d = newDeployment('foo', 1);
    const r = rs('foo', 1);
    for (let i = 10; i < 20; i++) {
      const next = String(i + 1);
      setNewReplicaSetAnnotations(d, r, next, true, 5);
      if (i >= 12) expect(r.metadata.annotations?.[RevisionHistoryAnnotation]).toBe(`${i - 1},${i}`);
      expect(r.metadata.annotations?.[RevisionAnnotation]).toBe(next);
    }
  });

  it('A3 SetReplicasAnnotations', () => {
    const r = rs('foo', 1);
    expect(setReplicasAnnotations(r, 10, 11)).toBe(true);
    expect(r.metadata.annotations?.[DesiredReplicasAnnotation]).toBe('10');
    expect(r.metadata.annotations?.[MaxReplicasAnnotation]).toBe('11');
  });

  it('A4 IsSaturated', () => {
    const r = rs('foo', 1);
    r.metadata.annotations = { [DesiredReplicasAnnotation]: '1' };
    r.status = { replicas: 1, availableReplicas: 1 };
    expect(isSaturated(newDeployment('foo', 1), r)).toBe(true);
  });

  it('A5 ReplicasAnnotationsNeedUpdate', () => {
    const r = rs('foo', 1);
    delete r.metadata.annotations;
    expect(replicasAnnotationsNeedUpdate(r, 10, 20)).toBe(true);
    r.metadata.annotations = { [DesiredReplicasAnnotation]: '8', [MaxReplicasAnnotation]: '20' };
    expect(replicasAnnotationsNeedUpdate(r, 10, 20)).toBe(true);
    r.metadata.annotations = { [DesiredReplicasAnnotation]: '10', [MaxReplicasAnnotation]: '16' };
    expect(replicasAnnotationsNeedUpdate(r, 10, 20)).toBe(true);
    r.metadata.annotations = { [DesiredReplicasAnnotation]: '10', [MaxReplicasAnnotation]: '20' };
    expect(replicasAnnotationsNeedUpdate(r, 10, 20)).toBe(false);
  });
});

describe('equalIgnoreHash (§5.11), symmetric', () => {
  const t = (labels: Record<string, string>, extra: { name?: string; node?: string; annotations?: Record<string, string> } = {}): PodTemplateSpec => ({
    metadata: { labels, ...(extra.annotations ? { annotations: extra.annotations } : {}) },
    spec: { containers: [{ name: extra.name ?? 'foo', image: 'foo/bar' }], ...(extra.node ? { nodeName: extra.node } : {}) },
  });
  const hash = 'pod-template-hash';
  const cases: [string, PodTemplateSpec, PodTemplateSpec, boolean][] = [
    ['E1', t({ [hash]: 'value-1', something: 'else' }), t({ [hash]: 'value-1', something: 'else' }), true],
    ['E2', t({ [hash]: 'value-1', something: 'else' }), t({ [hash]: 'value-2', something: 'else' }), true],
    ['E3', t({ something: 'else' }), t({ [hash]: 'value-2', something: 'else' }), true],
    ['E4', t({ something: 'else' }), t({ [hash]: 'value-2' }), false],
    ['E5', t({ [hash]: 'value-1' }), t({ something: 'else' }), false],
    ['E6', t({ [hash]: 'value-1' }), t({ [hash]: 'value-1', something: 'else' }), false],
    ['E7', t({ something: 'else' }, { annotations: { a: '1' } }), t({ something: 'else' }, { annotations: { a: '2' } }), false],
    ['E8', t({ [hash]: 'value-1' }, { name: 'foo' }), t({ [hash]: 'value-2' }, { name: 'bar' }), false],
    ['E9', t({ something: 'else' }, { name: 'foo', node: 'node1' }), t({ [hash]: 'value-2', something: 'else' }, { name: 'bar', node: 'node2' }), false],
    ['E10', t({ [hash]: 'value-1', something: 'else' }, { node: 'node1' }), t({ [hash]: 'value-2', something: 'else' }, { node: 'node2' }), false],
  ];
  it.each(cases)('%s', (_id, former, latter, expected) => {
    expect(equalIgnoreHash(former, latter)).toBe(expected);
    expect(equalIgnoreHash(latter, former)).toBe(expected);
  });
});

describe('findNewReplicaSet / findOldReplicaSets (§5.12)', () => {
  const d = newDeployment('foo', 1);
  const withHash = (r: ReplicaSet, h: string): ReplicaSet => {
    r.spec.template.metadata!.labels = { ...r.spec.template.metadata!.labels, 'pod-template-hash': h };
    return r;
  };
  const newRS = withHash(rs('foo-new', 0, 20), 'hash');
  const newRSDup = withHash(rs('foo-dup', 0, 10), 'different-hash');
  const oldRS = rs('foo-old', 0, 0, { ...d.spec.template, spec: { containers: [{ name: 'other', image: 'nginx' }] } });
  const names = (l: ReplicaSet[]) => l.map((r) => r.metadata.name);

  it('FN1-FN3', () => {
    expect(findNewReplicaSet(d.spec.template, [newRS, oldRS])?.metadata.name).toBe('foo-new');
    expect(findNewReplicaSet(d.spec.template, [newRS, oldRS, newRSDup])?.metadata.name).toBe('foo-dup');
    expect(findNewReplicaSet(d.spec.template, [oldRS])).toBeUndefined();
  });

  it('FO1-FO4', () => {
    let [old, required] = findOldReplicaSets(d.spec.template, [newRS, oldRS]);
    expect([names(old), names(required)]).toEqual([['foo-old'], []]);
    [old, required] = findOldReplicaSets(d.spec.template, [oldRS]);
    expect([names(old), names(required)]).toEqual([['foo-old'], []]);
    const newWithOne = { ...newRS, spec: { ...newRS.spec, replicas: 1 } };
    [old, required] = findOldReplicaSets(d.spec.template, [oldRS, newWithOne, newRSDup]);
    expect(new Set(names(old))).toEqual(new Set(['foo-old', 'foo-new']));
    expect(names(required)).toEqual(['foo-new']);
    [old, required] = findOldReplicaSets(d.spec.template, [newRS]);
    expect([names(old), names(required)]).toEqual([[], []]);
  });
});

describe('conditions helpers (§5.13)', () => {
  const c = (type: string, status: 'True' | 'False', reason: string) => ({ type, status, reason, lastUpdateTime: 't', lastTransitionTime: 't' });
  it('GetCondition', () => {
    const status: DeploymentStatus = { conditions: [c('Progressing', 'False', 'ForSomeReason'), c('Available', 'True', '')] };
    expect(getCondition(status, 'Available')).toBeDefined();
    expect(getCondition(status, 'ReplicaFailure')).toBeUndefined();
  });
  it('SetCondition', () => {
    const status: DeploymentStatus = {};
    setCondition(status, c('Available', 'True', ''));
    expect(status.conditions?.map((x) => x.type)).toEqual(['Available']);
    const two: DeploymentStatus = { conditions: [c('Progressing', 'True', '')] };
    setCondition(two, c('Available', 'True', ''));
    expect(two.conditions?.map((x) => x.type)).toEqual(['Progressing', 'Available']);
    const replaced: DeploymentStatus = { conditions: [c('Progressing', 'False', 'ForSomeReason')] };
    setCondition(replaced, c('Progressing', 'True', 'BecauseItIs'));
    expect(replaced.conditions).toEqual([c('Progressing', 'True', 'BecauseItIs')]);
  });
  it('RemoveCondition', () => {
    const empty: DeploymentStatus = {};
    removeCondition(empty, 'Progressing');
    expect(empty.conditions ?? []).toEqual([]);
    const one: DeploymentStatus = { conditions: [c('Progressing', 'True', '')] };
    removeCondition(one, 'Progressing');
    expect(one.conditions).toEqual([]);
    const two: DeploymentStatus = { conditions: [c('Progressing', 'True', ''), c('Available', 'True', '')] };
    removeCondition(two, 'ReplicaFailure');
    expect(two.conditions?.map((x) => x.type)).toEqual(['Progressing', 'Available']);
  });
});
