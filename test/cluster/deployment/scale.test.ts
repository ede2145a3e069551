import { describe, expect, it } from 'vitest';
import { setReplicasAnnotations } from '../../../src/cluster/controllers/deployment/annotations.js';
import { maxSurge } from '../../../src/cluster/controllers/deployment/fenceposts.js';
import { planScale } from '../../../src/cluster/controllers/deployment/scale.js';
import type { Deployment, ReplicaSet } from '../../../src/cluster/types.js';
import { newDeployment, rs, template } from '../builders.js';

/** One TestScale row: RS annotations come from the *old* Deployment, as in sync_test.go. */
interface Row {
  d: Deployment;
  old: Deployment;
  newRS?: ReplicaSet;
  oldRSs: ReplicaSet[];
  expectedNew?: number;
  expectedOld: Record<string, number>;
  desiredAnnotations?: Record<string, number>;
}

function run(row: Row): Record<string, number> {
  for (const r of [row.newRS, ...row.oldRSs]) {
    if (!r) continue;
    const desired = row.desiredAnnotations?.[r.metadata.name] ?? row.old.spec.replicas!;
    setReplicasAnnotations(r, desired, desired + maxSurge(row.old));
  }
  const sizes: Record<string, number> = {};
  for (const r of [row.newRS, ...row.oldRSs]) if (r) sizes[r.metadata.name] = r.spec.replicas!;
  for (const step of planScale(row.d, row.newRS, row.oldRSs)) sizes[step.name] = step.to;
  return sizes;
}

const dep = (replicas: number, surge = 0, unavailable = 0) => newDeployment('foo', replicas, { maxSurge: surge, maxUnavailable: unavailable });
const otherTemplate = template({ name: 'foo', type: 'production' }, 'nginx:other');
// Creation order: v1 (0 s) < v2 (10 s) < v3 (20 s).
const v = (n: number, size: number) => rs(`foo-v${n}`, size, n * 10);

describe('proportional scaling, TestScale (§5.18)', () => {
  const rows: [string, Row][] = [
    ['S1 normal 10→12', { d: dep(12), old: dep(10), newRS: v(1, 10), oldRSs: [], expectedNew: 12, expectedOld: {} }],
    ['S2 normal 10→5', { d: dep(5), old: dep(10), newRS: v(1, 10), oldRSs: [], expectedNew: 5, expectedOld: {} }],
    ['S3 proportional 5→10', { d: dep(10), old: dep(5), newRS: v(2, 2), oldRSs: [v(1, 3)], expectedNew: 4, expectedOld: { 'foo-v1': 6 } }],
    ['S4 5→3', { d: dep(3), old: dep(5), newRS: v(2, 2), oldRSs: [v(1, 3)], expectedNew: 1, expectedOld: { 'foo-v1': 2 } }],
    ['S5 9→4', { d: dep(4), old: dep(9), newRS: v(2, 8), oldRSs: [v(1, 1)], expectedNew: 4, expectedOld: { 'foo-v1': 0 } }],
    ['S6 7→10', { d: dep(10), old: dep(7), newRS: v(3, 2), oldRSs: [v(2, 3), v(1, 2)], expectedNew: 3, expectedOld: { 'foo-v2': 4, 'foo-v1': 3 } }],
    ['S7 13→8', { d: dep(8), old: dep(13), newRS: v(3, 2), oldRSs: [v(2, 8), v(1, 3)], expectedNew: 1, expectedOld: { 'foo-v2': 5, 'foo-v1': 2 } }],
    ['S8 leftover 3→4', { d: dep(4), old: dep(3), newRS: v(3, 1), oldRSs: [v(2, 1), v(1, 1)], expectedNew: 2, expectedOld: { 'foo-v2': 1, 'foo-v1': 1 } }],
    ['S9 leftover 3→2', { d: dep(2), old: dep(3), newRS: v(3, 1), oldRSs: [v(2, 1), v(1, 1)], expectedNew: 1, expectedOld: { 'foo-v2': 1, 'foo-v1': 0 } }],
    ['S10 no new RS 4→5', { d: dep(5), old: dep(4), oldRSs: [v(2, 2), v(1, 2)], expectedOld: { 'foo-v2': 3, 'foo-v1': 2 } }],
    ['S11 6→0', { d: dep(0), old: dep(6), newRS: v(3, 3), oldRSs: [v(2, 2), v(1, 1)], expectedNew: 0, expectedOld: { 'foo-v2': 0, 'foo-v1': 0 } }],
    ['S12 from zero 0→6', { d: dep(6), old: dep(6), newRS: v(3, 0), oldRSs: [v(2, 0), v(1, 0)], expectedNew: 6, expectedOld: { 'foo-v2': 0, 'foo-v1': 0 } }],
    [
      'S13 failed RS update',
      { d: dep(5), old: dep(5), newRS: v(3, 2), oldRSs: [v(2, 1), v(1, 1)], expectedNew: 2, expectedOld: { 'foo-v2': 2, 'foo-v1': 1 }, desiredAnnotations: { 'foo-v2': 3 } },
    ],
    ['S14 with surge 10→20', { d: dep(20, 2), old: dep(10, 2), newRS: v(2, 6), oldRSs: [v(1, 6)], expectedNew: 11, expectedOld: { 'foo-v1': 11 } }],
    ['S15 change surge and size', { d: dep(50, 6), old: dep(10, 3), newRS: v(2, 5), oldRSs: [v(1, 8)], expectedNew: 22, expectedOld: { 'foo-v1': 34 } }],
  ];
  it.each(rows)('%s', (_id, row) => {
    const sizes = run(row);
    if (row.newRS) expect(sizes[row.newRS.metadata.name]).toBe(row.expectedNew);
    for (const [name, size] of Object.entries(row.expectedOld)) expect(sizes[name]).toBe(size);
  });

  it('S16 change size and template: no new RS, olds 7 and 3 grow to 10 and 4', () => {
    const d = dep(14);
    d.spec.template = otherTemplate;
    const sizes = run({ d, old: dep(10), oldRSs: [v(2, 7), v(1, 3)], expectedOld: {} });
    expect(sizes).toEqual({ 'foo-v2': 10, 'foo-v1': 4 });
  });

  it('S17 saturated but broken new RS: nothing moves', () => {
    const d = dep(2, 1, 1);
    const newRS = v(2, 2);
    newRS.status = { replicas: 2, availableReplicas: 0 };
    const oldRS = v(1, 1);
    setReplicasAnnotations(newRS, 2, 3);
    setReplicasAnnotations(oldRS, 2, 3);
    const changed = planScale(d, newRS, [oldRS]).filter((s) => s.from !== s.to);
    expect(changed).toEqual([]);
  });

  it('the docs example: 10 → 15 replicas with new 5 (broken) and old 8 gives old 11, new 7', () => {
    const old = dep(10, 3, 2);
    const d = dep(15, 3, 2);
    const sizes = run({ d, old, newRS: v(2, 5), oldRSs: [v(1, 8)], expectedOld: {} });
    expect(sizes).toEqual({ 'foo-v2': 7, 'foo-v1': 11 });
  });
});
