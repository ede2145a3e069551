import { describe, expect, it } from 'vitest';
import {
  maxUnavailable,
  minAvailable,
  newRSNewReplicas,
  resolveFenceposts,
} from '../../../src/cluster/controllers/deployment/fenceposts.js';
import type { IntOrString } from '../../../src/cluster/types.js';
import { newDeployment, rs } from '../builders.js';

describe('resolveFenceposts (§5.1)', () => {
  const cases: [string, IntOrString | undefined, IntOrString | undefined, number, number, number, boolean][] = [
    ['F1', '0%', '0%', 0, 0, 1, false],
    ['F2', '39%', '39%', 10, 4, 3, false],
    ['F3', 'oops', '39%', 10, 0, 0, true],
    ['F4', '55%', 'urg', 10, 0, 0, true],
    ['F5', undefined, '39%', 10, 0, 3, false],
    ['F6', '39%', undefined, 10, 4, 0, false],
    ['F7', undefined, undefined, 10, 0, 1, false],
  ];
  it.each(cases)('%s: maxSurge %s, maxUnavailable %s, desired %i', (_id, surge, unavailable, desired, expSurge, expUnavailable, isError) => {
    if (isError) expect(() => resolveFenceposts(surge, unavailable, desired)).toThrow();
    else expect(resolveFenceposts(surge, unavailable, desired)).toEqual([expSurge, expUnavailable]);
  });

  it('resolves the worked examples of §2.1', () => {
    expect(resolveFenceposts('25%', '25%', 3)).toEqual([1, 0]);
    expect(resolveFenceposts('25%', '25%', 10)).toEqual([3, 2]);
    expect(resolveFenceposts('25%', '25%', 4)).toEqual([1, 1]);
    expect(resolveFenceposts('25%', '25%', 1)).toEqual([1, 0]);
    expect(resolveFenceposts(0, '10%', 3)).toEqual([0, 1]);
  });
});

describe('maxUnavailable (§5.2) and minAvailable (§5.3), maxSurge int 1', () => {
  const mu: [string, number, IntOrString | 'Recreate', number][] = [
    ['MU1', 10, 5, 5],
    ['MU2', 10, 10, 10],
    ['MU3', 5, 10, 5],
    ['MU4', 0, 10, 0],
    ['MU5', 10, 'Recreate', 0],
    ['MU6', 10, '50%', 5],
    ['MU7', 10, '100%', 10],
    ['MU8', 5, '100%', 5],
  ];
  it.each(mu)('%s: replicas %i, maxUnavailable %s → %i', (_id, replicas, unavailable, expected) => {
    const d =
      unavailable === 'Recreate'
        ? newDeployment('foo', replicas, { strategy: 'Recreate' })
        : newDeployment('foo', replicas, { maxSurge: 1, maxUnavailable: unavailable });
    expect(maxUnavailable(d)).toBe(expected);
  });

  const ma: [string, number, IntOrString | 'Recreate', number][] = [
    ['MA1', 10, 5, 5],
    ['MA2', 10, 10, 0],
    ['MA3', 5, 10, 0],
    ['MA4', 0, 10, 0],
    ['MA5', 10, 'Recreate', 0],
    ['MA6', 10, '60%', 4],
    ['MA7', 10, '100%', 0],
    ['MA8', 5, '100%', 0],
  ];
  it.each(ma)('%s: replicas %i, maxUnavailable %s → %i', (_id, replicas, unavailable, expected) => {
    const d =
      unavailable === 'Recreate'
        ? newDeployment('foo', replicas, { strategy: 'Recreate' })
        : newDeployment('foo', replicas, { maxSurge: 1, maxUnavailable: unavailable });
    expect(minAvailable(d)).toBe(expected);
  });
});

describe('newRSNewReplicas (§5.4): maxUnavailable 1, one other RS of 5, new RS not in the list', () => {
  const cases: [string, 'RollingUpdate' | 'Recreate', number, number, number, number][] = [
    ['N1 can not scale up', 'RollingUpdate', 1, 5, 1, 5],
    ['N2 scale up to depReplicas', 'RollingUpdate', 6, 2, 10, 6],
    ['N3 recreate', 'Recreate', 3, 1, 1, 3],
  ];
  it.each(cases)('%s', (_id, strategy, replicas, newReplicas, surge, expected) => {
    const d =
      strategy === 'Recreate'
        ? newDeployment('foo', replicas, { strategy: 'Recreate' })
        : newDeployment('foo', replicas, { maxSurge: surge, maxUnavailable: 1 });
    expect(newRSNewReplicas(d, [rs('foo-other', 5)], rs('foo-new', newReplicas))).toBe(expected);
  });
});
