/**
 * `--wait` (pkg/kube/ready.go, wait.go): every object of the release must be ready, checked every 2 s of
 * simulated time until `--timeout`. On a virtual clock waiting moves the cluster's time forward; on a
 * real clock it sleeps with the injected sleep function.
 */
import { type Cluster, type Deployment, daemonSetRolloutStatus, type KubeObject, type Pod, replicaSetsOf, statefulSetRolloutStatus } from '../cluster/index.js';
import { maxUnavailable } from '../cluster/controllers/deployment/fenceposts.js';
import { findNewReplicaSet } from '../cluster/controllers/deployment/replica-sets.js';
import { ResourceError } from './errors.js';

/** Helm's poll interval. */
export const WAIT_POLL_MS = 2000;

/** Sleeps `ms` of real time (the HTTP layer passes a setTimeout-based one). */
export type Sleep = (ms: number) => Promise<void>;

function podReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** deploymentReady: the new ReplicaSet has at least replicas − maxUnavailable ready pods. */
function deploymentReady(cluster: Cluster, d: Deployment): boolean {
  if (d.spec.paused) return true;
  const rs = findNewReplicaSet(d.spec.template, replicaSetsOf(cluster, d));
  if (!rs) return false;
  const expected = (d.spec.replicas ?? 1) - maxUnavailable(d);
  return (rs.status?.readyReplicas ?? 0) >= expected;
}

/** ReadyChecker.IsReady for the kinds the simulator runs; other kinds are ready once they exist. */
export function isReady(cluster: Cluster, obj: KubeObject): boolean {
  const live = cluster.get(obj.kind, obj.metadata.namespace, obj.metadata.name);
  if (!live) return false;
  switch (live.kind) {
    case 'Pod': return podReady(live as Pod);
    case 'Deployment': return deploymentReady(cluster, live as Deployment);
    case 'DaemonSet': return daemonSetRolloutStatus(live).done;
    case 'StatefulSet': return statefulSetRolloutStatus(live).done;
    default: return true;
  }
}

/** Lets `ms` of simulated time pass: advances a virtual clock, sleeps on a real one. */
export async function passTime(cluster: Cluster, ms: number, sleep: Sleep): Promise<void> {
  if (cluster.clock.kind === 'virtual') cluster.advance(ms);
  else {
    await sleep(ms);
    cluster.runDueTimers();
  }
}

/**
 * Waits until every object is ready. Throws ResourceError `context deadline exceeded` when `timeoutMs`
 * of simulated time pass first.
 */
export async function waitForResources(cluster: Cluster, objects: KubeObject[], timeoutMs: number, sleep: Sleep): Promise<void> {
  const deadline = cluster.now() + timeoutMs;
  for (;;) {
    if (objects.every((o) => isReady(cluster, o))) return;
    const left = deadline - cluster.now();
    if (left <= 0) throw new ResourceError('context deadline exceeded');
    await passTime(cluster, Math.min(WAIT_POLL_MS, left), sleep);
  }
}

/**
 * `uninstall --wait`: waits until every object is gone from the cluster. Throws ResourceError
 * `context deadline exceeded` when `timeoutMs` of simulated time pass first.
 */
export async function waitForDeletion(cluster: Cluster, objects: KubeObject[], timeoutMs: number, sleep: Sleep): Promise<void> {
  const deadline = cluster.now() + timeoutMs;
  for (;;) {
    if (objects.every((o) => !cluster.get(o.kind, o.metadata.namespace, o.metadata.name))) return;
    const left = deadline - cluster.now();
    if (left <= 0) throw new ResourceError('context deadline exceeded');
    await passTime(cluster, Math.min(WAIT_POLL_MS, left), sleep);
  }
}
