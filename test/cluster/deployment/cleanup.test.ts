import { describe, expect, it } from 'vitest';
import { RevisionAnnotation } from '../../../src/cluster/controllers/deployment/annotations.js';
import { oldPodsRunning, replicaSetsToCleanUp } from '../../../src/cluster/controllers/deployment/cleanup.js';
import { MaxInt32 } from '../../../src/cluster/controllers/deployment/progress.js';
import type { Pod, ReplicaSet } from '../../../src/cluster/types.js';
import { newDeployment, podWithPhase, rsWithStatus } from '../builders.js';

const names = (l: ReplicaSet[]) => l.map((r) => r.metadata.name);

describe('cleanupDeployment (§5.19)', () => {
  const deleting = (): ReplicaSet => {
    const r = rsWithStatus('foo-1', 0, 0);
    r.metadata.deletionTimestamp = '2017-02-15T18:49:00Z';
    return r;
  };
  const cases: [string, ReplicaSet[], number, number][] = [
    ['CL1', [rsWithStatus('foo-1', 0, 0, 1), rsWithStatus('foo-2', 0, 0, 2), rsWithStatus('foo-3', 0, 0, 3)], 1, 2],
    ['CL2', [rsWithStatus('foo-1', 0, 0, 1), rsWithStatus('foo-2', 0, 1, 2), rsWithStatus('foo-3', 1, 0, 3), rsWithStatus('foo-4', 1, 1, 4)], 0, 1],
    ['CL3', [rsWithStatus('foo-1', 0, 0, 1), rsWithStatus('foo-2', 0, 0, 2)], 0, 2],
    ['CL4', [rsWithStatus('foo-1', 1, 1, 1), rsWithStatus('foo-2', 1, 1, 2)], 0, 0],
    ['CL5', [deleting()], 0, 0],
    ['CL6', [rsWithStatus('foo-1', 0, 0, 1), rsWithStatus('foo-2', 0, 0, 2), rsWithStatus('foo-3', 0, 0, 3)], MaxInt32, 0],
  ];
  it.each(cases)('%s: limit %i → %i deletions', (_id, oldRSs, limit, expected) => {
    const d = newDeployment('foo', 1, { revisionHistoryLimit: limit });
    expect(replicaSetsToCleanUp(d, oldRSs)).toHaveLength(expected);
  });

  it('CL2 deletes only foo-1', () => {
    const d = newDeployment('foo', 1, { revisionHistoryLimit: 0 });
    const list = [rsWithStatus('foo-1', 0, 0, 1), rsWithStatus('foo-2', 0, 1, 2), rsWithStatus('foo-3', 1, 0, 3), rsWithStatus('foo-4', 1, 1, 4)];
    expect(names(replicaSetsToCleanUp(d, list))).toEqual(['foo-1']);
  });
});

describe('cleanupDeployment order (§5.19)', () => {
  const withRevision = (name: string, revision: string | undefined, replicas: number, created: number): ReplicaSet => {
    const r = rsWithStatus(name, replicas, replicas, created);
    if (revision !== undefined) r.metadata.annotations = { [RevisionAnnotation]: revision };
    return r;
  };
  const cases: [string, ReplicaSet[], number, string[]][] = [
    ['CO1', [withRevision('foo-1', '1', 0, 1), withRevision('foo-2', '2', 0, 2)], 1, ['foo-1']],
    ['CO2', [withRevision('foo-1', '2', 0, 1), withRevision('foo-2', '1', 0, 2)], 1, ['foo-2']],
    ['CO3', [withRevision('foo-1', '1', 0, 1), withRevision('foo-2', undefined, 0, 2)], 1, ['foo-2']],
    ['CO4', [withRevision('foo-1', undefined, 0, 1), withRevision('foo-2', '2', 0, 2)], 1, ['foo-1']],
    ['CO5', [withRevision('foo-1', '1', 1, 1), withRevision('foo-2', '2', 0, 2), withRevision('foo-3', '3', 0, 3)], 1, ['foo-2']],
    ['CO6', [withRevision('foo-1', '1', 1, 1), withRevision('foo-2', '2', 1, 2), withRevision('foo-3', '3', 0, 3)], 1, []],
    [
      'CO7',
      [withRevision('foo-1', '3', 0, 1), withRevision('foo-2', '1', 0, 2), withRevision('foo-3', '4', 0, 3), withRevision('foo-4', '2', 0, 4)],
      2,
      ['foo-2', 'foo-4'],
    ],
  ];
  it.each(cases)('%s', (_id, oldRSs, limit, expected) => {
    const d = newDeployment('foo', 1, { revisionHistoryLimit: limit });
    expect(names(replicaSetsToCleanUp(d, oldRSs)).sort()).toEqual(expected);
  });
});

describe('oldPodsRunning (§5.22), newRS nil', () => {
  const rsOf = (name: string, spec: number, status: number) => rsWithStatus(name, spec, status);
  const map = (entries: [string, Pod[]][]) => new Map(entries.map(([n, pods]) => [`uid-${n}`, pods]));
  const cases: [string, ReplicaSet[], Map<string, Pod[]>, boolean][] = [
    ['OP1 no old RSs', [], map([]), false],
    [
      'OP2 pods without phase',
      [rsOf('rs-1', 0, 0), rsOf('rs-2', 0, 0)],
      map([
        ['rs-1', [podWithPhase('a'), podWithPhase('b')]],
        ['rs-2', [podWithPhase('c'), podWithPhase('d')]],
      ]),
      true,
    ],
    ['OP3 status replicas', [rsOf('rs-1', 0, 1)], map([]), true],
    ['OP4 nothing', [rsOf('rs-1', 0, 0)], map([]), false],
    ['OP5 terminal pods', [rsOf('rs-1', 0, 0)], map([['rs-1', [podWithPhase('a', 'Failed'), podWithPhase('b', 'Succeeded')]]]), false],
    ['OP6 unknown pod', [rsOf('rs-1', 0, 0)], map([['rs-1', [podWithPhase('a', 'Unknown')]]]), true],
    ['OP7 pending pod', [rsOf('rs-1', 0, 0)], map([['rs-1', [podWithPhase('a', 'Pending')]]]), true],
    ['OP8 running pod', [rsOf('rs-1', 0, 0)], map([['rs-1', [podWithPhase('a', 'Running')]]]), true],
    [
      'OP9 mixed',
      [rsOf('rs-1', 0, 0)],
      map([
        ['rs-1', [podWithPhase('a', 'Failed'), podWithPhase('b', 'Succeeded')]],
        ['rs-2', []],
        ['rs-3', [podWithPhase('c', 'Pending')]],
      ]),
      true,
    ],
  ];
  it.each(cases)('%s', (_id, oldRSs, pods, expected) => {
    expect(oldPodsRunning(undefined, oldRSs, pods)).toBe(expected);
  });
});
