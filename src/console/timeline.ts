/**
 * The history of a rollout as numbers: for each Deployment, the desired and available pods of each of
 * its ReplicaSets at every change, stamped with the cluster time of that change, so maxSurge and
 * maxUnavailable can be compared as curves. Pure data, like cluster-model.ts.
 *
 * The cluster time of a change is the latest timestamp the stream has shown (object creation, Event
 * times, condition updates): the stream itself carries no clock, and every rollout step
 * the controllers take writes at least one of these.
 */
import type { ClusterModel, KubeObject } from './cluster-model.js';

/** One ReplicaSet's sizes at one moment. */
export interface Sizes {
  desired: number;
  available: number;
}

/** One moment: milliseconds of cluster time and the sizes of every ReplicaSet of the Deployment. */
export interface Sample {
  timeMs: number;
  sizes: Record<string, Sizes>;
}

/** The latest timestamp in an object, in epoch milliseconds (0 when it has none). */
export function latestTimestamp(object: KubeObject): number {
  // Not deletionTimestamp: it lies a grace period in the future.
  const times: unknown[] = [object.metadata.creationTimestamp, object.lastTimestamp, object.eventTime, object.firstTimestamp];
  for (const c of object.status?.conditions ?? []) times.push((c as { lastUpdateTime?: string }).lastUpdateTime, (c as { lastTransitionTime?: string }).lastTransitionTime);
  return Math.max(0, ...times.filter((t): t is string => typeof t === 'string').map((t) => Date.parse(t)).filter((n) => !Number.isNaN(n)));
}

/** Samples per Deployment (`namespace/name`), each appended only when a size changed. */
export class Timeline {
  readonly samples = new Map<string, Sample[]>();
  private latestMs = 0;

  /** Notes an object's timestamps (call for every stream event). */
  see(object: KubeObject): void {
    this.latestMs = Math.max(this.latestMs, latestTimestamp(object));
  }

  /** Appends a sample for each Deployment of `namespace` whose ReplicaSet sizes changed. */
  record(model: ClusterModel, namespace: string): void {
    for (const workload of model.workloads(namespace)) {
      if (workload.entry.object.kind !== 'Deployment') continue;
      const sizes: Record<string, Sizes> = {};
      for (const group of workload.groups) {
        const rs = group.entry.object;
        sizes[rs.metadata.name] = { desired: Number((rs.spec as { replicas?: number } | undefined)?.replicas ?? 0), available: Number(rs.status?.availableReplicas ?? 0) };
      }
      const key = `${namespace}/${workload.entry.object.metadata.name}`;
      const list = this.samples.get(key) ?? [];
      const last = list.at(-1);
      if (last && JSON.stringify(last.sizes) === JSON.stringify(sizes)) continue;
      const timeMs = Math.max(this.latestMs, last?.timeMs ?? 0);
      if (last && last.timeMs === timeMs) list[list.length - 1] = { timeMs, sizes };
      else list.push({ timeMs, sizes });
      this.samples.set(key, list);
    }
  }
}
