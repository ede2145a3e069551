import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/cluster/cluster.js';
import { deploymentHistory, formatHistory, replicaSetsOf, rollbackDeployment } from '../../../src/cluster/rollout.js';
import type { Deployment } from '../../../src/cluster/types.js';
import { deployment } from './harness.js';

function withCause(image: string, cause?: string): Deployment {
  const d = deployment({ replicas: 2, image });
  if (cause) d.metadata.annotations = { 'kubernetes.io/change-cause': cause };
  return d;
}

function threeRevisions() {
  const c = createCluster({ seed: 'rollout-commands' });
  c.apply(withCause('nginx:1.14.2'));
  c.advance(30_000);
  c.apply(withCause('nginx:1.16.1', 'kubectl set image deployment/vweb web=nginx:1.16.1'));
  c.advance(30_000);
  c.apply(withCause('nginx:1.161', 'kubectl set image deployment/vweb web=nginx:1.161'));
  c.advance(30_000);
  return c;
}

const history = (c: ReturnType<typeof createCluster>) => {
  const d = c.get<Deployment>('Deployment', 'default', 'vweb')!;
  return deploymentHistory(replicaSetsOf(c, d));
};

describe('kubectl rollout history / undo (§7.2, §7.3)', () => {
  it('prints the history table with <none> for a missing change-cause', () => {
    const c = threeRevisions();
    expect(formatHistory(history(c))).toBe(
      'REVISION  CHANGE-CAUSE\n' +
        '1         <none>\n' +
        '2         kubectl set image deployment/vweb web=nginx:1.16.1\n' +
        '3         kubectl set image deployment/vweb web=nginx:1.161\n',
    );
    expect(formatHistory([])).toBe('No rollout history found.');
  });

  it('undo --to-revision=2 brings back its template and change-cause; history becomes 1, 3, 4', () => {
    const c = threeRevisions();
    const rsCount = c.list('ReplicaSet').length;
    expect(rollbackDeployment(c, 'default', 'vweb', 2)).toBe('rolled back');
    const d = c.get<Deployment>('Deployment', 'default', 'vweb')!;
    expect(d.spec.template.spec.containers[0]!.image).toBe('nginx:1.16.1');
    expect(d.metadata.annotations?.['kubernetes.io/change-cause']).toBe('kubectl set image deployment/vweb web=nginx:1.16.1');
    expect(c.list('ReplicaSet')).toHaveLength(rsCount);
    c.advance(30_000);
    expect(history(c).map((e) => [e.revision, e.changeCause])).toEqual([
      [1, '<none>'],
      [3, 'kubectl set image deployment/vweb web=nginx:1.161'],
      [4, 'kubectl set image deployment/vweb web=nginx:1.16.1'],
    ]);
  });

  it('undo without a revision goes to the previous one, and skips a template that already matches', () => {
    const c = threeRevisions();
    expect(rollbackDeployment(c, 'default', 'vweb')).toBe('rolled back');
    c.advance(30_000);
    expect(c.get<Deployment>('Deployment', 'default', 'vweb')!.spec.template.spec.containers[0]!.image).toBe('nginx:1.16.1');
    expect(rollbackDeployment(c, 'default', 'vweb', 4)).toBe('skipped rollback (current template already matches revision 4)');
  });

  it('fails as kubectl fails', () => {
    const c = threeRevisions();
    expect(() => rollbackDeployment(c, 'default', 'vweb', 9)).toThrow('unable to find specified revision 9 in history');
    const paused = structuredClone(c.get<Deployment>('Deployment', 'default', 'vweb')!);
    paused.spec.paused = true;
    c.replace(paused);
    expect(() => rollbackDeployment(c, 'default', 'vweb', 1)).toThrow(
      "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    );
    const fresh = createCluster();
    fresh.apply(withCause('nginx:1'));
    expect(() => rollbackDeployment(fresh, 'default', 'vweb')).toThrow('no rollout history found for deployment "vweb"');
  });
});
