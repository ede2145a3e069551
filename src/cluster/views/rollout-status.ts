/**
 * The message ladder of `kubectl rollout status` (kubernetes/kubectl pkg/polymorphichelpers/rollout_status.go)
 * as pure functions of the object: one message per watch event, `done` when the rollout has finished,
 * `error` when kubectl exits with an error.
 */
import type { Deployment, KubeObject } from '../types.js';

/** One status line. */
export interface RolloutStatus {
  message: string;
  done: boolean;
  /** Set when kubectl prints `error: <message>` and exits 1. */
  error?: boolean;
}

/** DeploymentStatusViewer.Status. */
export function deploymentRolloutStatus(d: Deployment): RolloutStatus {
  const name = d.metadata.name;
  const s = d.status ?? {};
  if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return { message: 'Waiting for deployment spec update to be observed...', done: false };
  const progressing = s.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return { message: `deployment "${name}" exceeded its progress deadline`, done: false, error: true };
  }
  const replicas = d.spec.replicas ?? 1;
  const updated = s.updatedReplicas ?? 0;
  const prefix = `Waiting for deployment "${name}" rollout to finish: `;
  if (updated < replicas) return { message: `${prefix}${updated} out of ${replicas} new replicas have been updated...`, done: false };
  if ((s.replicas ?? 0) > updated) return { message: `${prefix}${(s.replicas ?? 0) - updated} old replicas are pending termination...`, done: false };
  if ((s.availableReplicas ?? 0) < updated) return { message: `${prefix}${s.availableReplicas ?? 0} of ${updated} updated replicas are available...`, done: false };
  return { message: `deployment "${name}" successfully rolled out`, done: true };
}

/** DaemonSetStatusViewer.Status. */
export function daemonSetRolloutStatus(ds: KubeObject): RolloutStatus {
  const spec = ds.spec as { updateStrategy?: { type?: string } };
  if ((spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    return { message: 'rollout status is only available for RollingUpdate strategy type', done: false, error: true };
  }
  const s = (ds.status ?? {}) as Record<string, number>;
  if ((ds.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return { message: 'Waiting for daemon set spec update to be observed...', done: false };
  const name = ds.metadata.name;
  const desired = s.desiredNumberScheduled ?? 0;
  if ((s.updatedNumberScheduled ?? 0) < desired) {
    return { message: `Waiting for daemon set "${name}" rollout to finish: ${s.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...`, done: false };
  }
  if ((s.numberAvailable ?? 0) < desired) {
    return { message: `Waiting for daemon set "${name}" rollout to finish: ${s.numberAvailable ?? 0} of ${desired} updated pods are available...`, done: false };
  }
  return { message: `daemon set "${name}" successfully rolled out`, done: true };
}

/** StatefulSetStatusViewer.Status. */
export function statefulSetRolloutStatus(sts: KubeObject): RolloutStatus {
  const spec = sts.spec as { replicas?: number; updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } } };
  if ((spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    return { message: 'rollout status is only available for RollingUpdate strategy type', done: false, error: true };
  }
  const s = (sts.status ?? {}) as Record<string, number | string>;
  const num = (k: string): number => Number(s[k] ?? 0);
  if (num('observedGeneration') === 0 || (sts.metadata.generation ?? 0) > num('observedGeneration')) {
    return { message: 'Waiting for statefulset spec update to be observed...', done: false };
  }
  const replicas = spec.replicas ?? 1;
  if (num('readyReplicas') < replicas) return { message: `Waiting for ${replicas - num('readyReplicas')} pods to be ready...`, done: false };
  // apps/v1 always defaults rollingUpdate.partition, so this partitioned branch is the usual one.
  const rollingUpdate = spec.updateStrategy?.rollingUpdate;
  if (rollingUpdate) {
    const partition = rollingUpdate.partition;
    if (partition !== undefined && num('updatedReplicas') < replicas - partition) {
      return { message: `Waiting for partitioned roll out to finish: ${num('updatedReplicas')} out of ${replicas - partition} new pods have been updated...`, done: false };
    }
    return { message: `partitioned roll out complete: ${num('updatedReplicas')} new pods have been updated...`, done: true };
  }
  if (s.updateRevision !== s.currentRevision) {
    return { message: `waiting for statefulset rolling update to complete ${num('updatedReplicas')} pods at revision ${s.updateRevision}...`, done: false };
  }
  return { message: `statefulset rolling update complete ${num('currentReplicas')} pods at revision ${s.currentRevision}...`, done: true };
}
