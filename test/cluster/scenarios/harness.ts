/**
 * Scenario harness for the worked sequences of the rollout reference (§4): a virtual-clock cluster with a
 * steady Deployment, a recorder of every ReplicaSet size write, and the Deployment's events.
 */
import { type Cluster, createCluster } from '../../../src/cluster/cluster.js';
import type { Deployment, IntOrString, ReplicaSet } from '../../../src/cluster/types.js';

/** One row of a worked sequence: seconds since the template change, new RS size, old RS size. */
export type Row = [t: number, newSize: number, oldSize: number];

/** Options of a scenario Deployment. */
export interface DeploymentOptions {
  name?: string;
  replicas: number;
  maxSurge?: IntOrString;
  maxUnavailable?: IntOrString;
  strategy?: 'RollingUpdate' | 'Recreate';
  minReadySeconds?: number;
  image?: string;
  templateAnnotations?: Record<string, string>;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
}

/** A Deployment manifest as a learner would write it. */
export function deployment(o: DeploymentOptions): Deployment {
  const name = o.name ?? 'vweb';
  const strategy =
    o.strategy === 'Recreate'
      ? { type: 'Recreate' as const }
      : { type: 'RollingUpdate' as const, rollingUpdate: { maxSurge: o.maxSurge ?? '25%', maxUnavailable: o.maxUnavailable ?? '25%' } };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: { app: name } },
      strategy,
      ...(o.minReadySeconds ? { minReadySeconds: o.minReadySeconds } : {}),
      ...(o.revisionHistoryLimit !== undefined ? { revisionHistoryLimit: o.revisionHistoryLimit } : {}),
      ...(o.progressDeadlineSeconds !== undefined ? { progressDeadlineSeconds: o.progressDeadlineSeconds } : {}),
      template: {
        metadata: { labels: { app: name }, ...(o.templateAnnotations ? { annotations: o.templateAnnotations } : {}) },
        spec: { containers: [{ name: 'web', image: o.image ?? 'nginx:1.25' }] },
      },
    },
  };
}

/** A running scenario: the cluster, the time of the change, and what was recorded since. */
export interface Scenario {
  cluster: Cluster;
  t0: number;
  /** The resourceVersion just before the change was applied. */
  startResourceVersion: string;
  oldName: string;
  rows: Row[];
  /** Seconds since t0. */
  elapsed(): number;
  /** The new ReplicaSet's name (throws if none). */
  newName(): string;
  /** Messages of the Deployment's events since t0, in order. */
  deploymentEvents(): string[];
  /** Σ status.availableReplicas over the Deployment's ReplicaSets. */
  available(): number;
  deployment(): Deployment;
}

/**
 * Applies `before`, lets it settle for `settleMs` (all pods Ready), then applies `after` at t0 and starts
 * recording every ReplicaSet spec.replicas write as a row [t, new, old].
 */
export function startRollout(before: Deployment, after: Deployment, settings: { readyAfterMs?: number; settleMs?: number } = {}): Scenario {
  const cluster = createCluster({ seed: 'scenario', settings: { readyAfterMs: settings.readyAfterMs ?? 5000 } });
  cluster.apply(before);
  cluster.advance(settings.settleMs ?? 10_000);
  const name = before.metadata.name;
  const oldName = cluster.list<ReplicaSet>('ReplicaSet', { namespace: 'default' }).find((r) => r.metadata.ownerReferences?.[0]?.name === name)!.metadata.name;
  const t0 = cluster.now();
  const eventMark = Number(cluster.resourceVersion());
  const rows: Row[] = [];
  const sizes = new Map<string, number>([[oldName, cluster.get<ReplicaSet>('ReplicaSet', 'default', oldName)!.spec.replicas!]]);
  cluster.subscribe((e) => {
    if (e.object.kind !== 'ReplicaSet' || e.type === 'DELETED') return;
    const r = e.object as ReplicaSet;
    if (sizes.get(r.metadata.name) === r.spec.replicas && e.type !== 'ADDED') return;
    sizes.set(r.metadata.name, r.spec.replicas!);
    const newSize = [...sizes.entries()].filter(([n]) => n !== oldName).reduce((s, [, v]) => s + v, 0);
    rows.push([(cluster.now() - t0) / 1000, newSize, sizes.get(oldName)!]);
  });
  cluster.apply(after);
  const dep = (): Deployment => cluster.get<Deployment>('Deployment', 'default', name)!;
  return {
    cluster,
    t0,
    startResourceVersion: String(eventMark),
    oldName,
    rows,
    elapsed: () => (cluster.now() - t0) / 1000,
    newName: () => cluster.list<ReplicaSet>('ReplicaSet').find((r) => r.metadata.name !== oldName && r.metadata.ownerReferences?.[0]?.name === name)!.metadata.name,
    deploymentEvents: () =>
      cluster
        .events({ involvedKind: 'Deployment', involvedName: name })
        .filter((e) => Number(e.metadata.resourceVersion) > eventMark)
        .map((e) => e.message),
    available: () =>
      cluster
        .list<ReplicaSet>('ReplicaSet')
        .filter((r) => r.metadata.ownerReferences?.[0]?.name === name)
        .reduce((s, r) => s + (r.status?.availableReplicas ?? 0), 0),
    deployment: dep,
  };
}
