import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/cluster/cluster.js';
import type { Deployment, KubeObject, Pod } from '../../../src/cluster/types.js';
import { humanDuration } from '../../../src/cluster/views/human-duration.js';
import { podCells } from '../../../src/cluster/views/pod-view.js';
import { deploymentRolloutStatus, statefulSetRolloutStatus } from '../../../src/cluster/views/rollout-status.js';
import { formatEndpoints, formatSelector } from '../../../src/cluster/views/rows.js';
import { toTable } from '../../../src/cluster/views/table.js';
import { deployment, startRollout } from '../scenarios/harness.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('HumanDuration (§7.4)', () => {
  it.each([
    [45 * S, '45s'],
    [119 * S, '119s'],
    [3 * M + 12 * S, '3m12s'],
    [3 * M, '3m'],
    [47 * M, '47m'],
    [3 * H + 5 * M, '3h5m'],
    [20 * H, '20h'],
    [3 * D + 4 * H, '3d4h'],
    [45 * D, '45d'],
    [2 * 365 * D + 13 * D, '2y13d'],
    [9 * 365 * D, '9y'],
    [-1500, '0s'],
    [-2 * S, '<invalid>'],
  ])('%i ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('pod READY / STATUS / RESTARTS (§7.5)', () => {
  const cellsOf = (c: ReturnType<typeof createCluster>) => {
    const pod = c.list<Pod>('Pod').find((p) => p.metadata.name.startsWith('vweb'))!;
    return podCells(pod, c.now());
  };

  it('walks ContainerCreating → Running 0/1 → Running 1/1 → Terminating', () => {
    const c = createCluster();
    c.apply(deployment({ replicas: 1 }));
    expect(cellsOf(c)).toEqual({ ready: '0/1', status: 'ContainerCreating', restarts: '0' });
    c.advance(2500);
    expect(cellsOf(c)).toEqual({ ready: '0/1', status: 'Running', restarts: '0' });
    c.advance(2500);
    expect(cellsOf(c)).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
    c.delete('Pod', 'default', c.list('Pod')[0]!.metadata.name);
    expect(podCells(c.list<Pod>('Pod').find((p) => p.metadata.deletionTimestamp)!, c.now()).status).toBe('Terminating');
  });

  it('shows ErrImagePull, then ImagePullBackOff', () => {
    const c = createCluster({ settings: { failingImages: ['nginx:bad'] } });
    c.apply(deployment({ replicas: 1, image: 'nginx:bad' }));
    c.advance(2500);
    expect(cellsOf(c).status).toBe('ErrImagePull');
    c.advance(1000);
    expect(cellsOf(c)).toEqual({ ready: '0/1', status: 'ImagePullBackOff', restarts: '0' });
  });

  it('shows Error, CrashLoopBackOff and restarts with the time since the last one', () => {
    const c = createCluster();
    c.apply(deployment({ replicas: 1, templateAnnotations: { 'sim.chartroom.dev/fail': 'CrashLoopBackOff' } }));
    c.advance(5000);
    expect(cellsOf(c)).toEqual({ ready: '0/1', status: 'Error', restarts: '0' });
    c.advance(1000);
    expect(cellsOf(c).status).toBe('CrashLoopBackOff');
    c.advance(10_000);
    expect(cellsOf(c)).toEqual({ ready: '0/1', status: 'Running', restarts: '1 (11s ago)' });
  });
});

describe('Tables', () => {
  it('prints Deployment and ReplicaSet rows, all cells wide, with PartialObjectMetadata', () => {
    const c = createCluster();
    c.apply(deployment({ replicas: 3 }));
    c.advance(200_000);
    const table = toTable('Deployment', c.list('Deployment'), { nowMs: c.now(), resourceVersion: c.resourceVersion() });
    expect(table.columnDefinitions.map((d) => [d.name, d.priority])).toEqual([
      ['Name', 0],
      ['Ready', 0],
      ['Up-to-date', 0],
      ['Available', 0],
      ['Age', 0],
      ['Containers', 1],
      ['Images', 1],
      ['Selector', 1],
    ]);
    expect(table.rows[0]!.cells).toEqual(['vweb', '3/3', 3, 3, '3m20s', 'web', 'nginx:1.25', 'app=vweb']);
    expect(table.rows[0]!.object).toMatchObject({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name: 'vweb' } });
    const rs = toTable('ReplicaSet', c.list('ReplicaSet'), { nowMs: c.now(), resourceVersion: '1', includeObject: 'None' }).rows[0]!;
    expect(rs.cells.slice(1, 5)).toEqual([3, 3, 3, '3m20s']);
    expect(rs.cells[7]).toMatch(/^app=vweb,pod-template-hash=[456789bcdf]+$/);
    expect(rs.object).toBeUndefined();
  });

  it('prints Service ports, events as kind/name, and nodes', () => {
    const c = createCluster();
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: 'NodePort', selector: { app: 'vweb' }, ports: [{ port: 80, nodePort: 31234 }] } });
    const svc = toTable('Service', [c.get('Service', 'default', 'web')!], { nowMs: c.now(), resourceVersion: '1' }).rows[0]!.cells;
    expect([svc[1], svc[3], svc[4], svc[6]]).toEqual(['NodePort', '<none>', '80:31234/TCP', 'app=vweb']);
    c.apply(deployment({ replicas: 1 }));
    const event = c.events({ involvedKind: 'Deployment' })[0]!;
    const cells = toTable('Event', [event as KubeObject], { nowMs: c.now() + 65_000, resourceVersion: '1' }).rows[0]!.cells;
    expect(cells.slice(0, 4)).toEqual(['65s', 'Normal', 'ScalingReplicaSet', 'deployment/vweb']);
    expect(cells[5]).toBe('deployment-controller');
    const node = toTable('Node', c.list('Node'), { nowMs: c.now(), resourceVersion: '1' }).rows[0]!.cells;
    expect(node.slice(0, 5)).toEqual(['node-1', 'Ready', '<none>', '0s', 'v1.35.0']);
  });

  it('formats selectors and endpoints as kubectl does', () => {
    expect(formatSelector({ matchLabels: { tier: 'web', app: 'x' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }] })).toBe('app=x,env in (dev,prod),tier=web');
    const ep = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e' }, subsets: [{ addresses: ['1', '2', '3', '4', '5'].map((i) => ({ ip: `10.0.0.${i}` })), ports: [{ port: 80 }] }] };
    expect(formatEndpoints(ep)).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...');
    expect(formatEndpoints({ ...ep, subsets: [] })).toBe('<none>');
  });
});

describe('rollout status (§7.1, §4.6)', () => {
  it('prints the ladder of 4.1, one line per Deployment change', () => {
    const s = startRollout(deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 0 }), deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 0, image: 'nginx:1.26' }));
    const d0 = s.deployment();
    expect(d0.status).toMatchObject({ replicas: 4, updatedReplicas: 1, availableReplicas: 3, unavailableReplicas: 1 });
    for (let i = 0; i < 3; i++) s.cluster.advance(5000);
    const lines = s.cluster
      .watch(s.startResourceVersion)
      .filter((e) => e.object.kind === 'Deployment')
      .map((e) => deploymentRolloutStatus(e.object as Deployment).message)
      .filter((m, i, all) => i === 0 || all[i - 1] !== m);
    const prefix = 'Waiting for deployment "vweb" rollout to finish: ';
    expect(lines).toEqual([
      'Waiting for deployment spec update to be observed...',
      `${prefix}0 out of 3 new replicas have been updated...`,
      `${prefix}1 out of 3 new replicas have been updated...`,
      `${prefix}2 out of 3 new replicas have been updated...`,
      `${prefix}1 old replicas are pending termination...`,
      'deployment "vweb" successfully rolled out',
    ]);
  });

  it('reports an exceeded progress deadline as an error', () => {
    const d = deployment({ replicas: 1 });
    d.metadata.generation = 2;
    d.status = { observedGeneration: 2, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] };
    expect(deploymentRolloutStatus(d)).toEqual({ message: 'deployment "vweb" exceeded its progress deadline', done: false, error: true });
  });

  it('uses the partitioned messages for StatefulSets', () => {
    const sts = (updated: number, ready: number): KubeObject => ({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web', generation: 2 },
      spec: { replicas: 3, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } },
      status: { observedGeneration: 2, readyReplicas: ready, updatedReplicas: updated },
    });
    expect(statefulSetRolloutStatus(sts(1, 2)).message).toBe('Waiting for 1 pods to be ready...');
    expect(statefulSetRolloutStatus(sts(1, 3)).message).toBe('Waiting for partitioned roll out to finish: 1 out of 3 new pods have been updated...');
    expect(statefulSetRolloutStatus(sts(3, 3))).toEqual({ message: 'partitioned roll out complete: 3 new pods have been updated...', done: true });
  });
});
