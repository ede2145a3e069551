/**
 * Deployment status and the Progressing condition (sync.go calculateStatus, progress.go
 * syncRolloutStatus/requeueStuckDeployment, deployment_util.go DeploymentComplete/Progressing/TimedOut).
 * Pure: time comes in as epoch milliseconds.
 */
import { formatTime, parseTime } from '../../time.js';
import type { Deployment, DeploymentStatus, ReplicaSet } from '../../types.js';
import * as cond from './conditions.js';
import { maxUnavailable, specReplicas, sumSpecReplicas } from './fenceposts.js';
import { sumAvailableReplicas, sumReadyReplicas, sumStatusReplicas } from './replica-sets.js';

/** Go's math.MaxInt32: a progressDeadlineSeconds or revisionHistoryLimit that means "none". */
export const MaxInt32 = 2147483647;

/** HasProgressDeadline: progressDeadlineSeconds is set and not MaxInt32. */
export function hasProgressDeadline(d: Deployment): boolean {
  const pds = d.spec.progressDeadlineSeconds;
  return pds !== undefined && pds !== null && pds !== MaxInt32;
}

/**
 * DeploymentComplete: updated, total and available replicas all equal spec.replicas and the generation
 * has been observed. Example: desired 5, status (5 replicas, 5 updated, 4 available) → false.
 */
export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
  const r = specReplicas(d);
  return (
    (s.updatedReplicas ?? 0) === r &&
    (s.replicas ?? 0) === r &&
    (s.availableReplicas ?? 0) === r &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/**
 * DeploymentProgressing: compared with the stored status, more updated replicas, fewer old replicas, more
 * ready or more available. Example: (10,4,4,4) → (10,6,4,4) is progress; (10,7,3,3) → (10,6,3,3) is not.
 */
export function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/**
 * DeploymentTimedOut: the Progressing condition of `s` is ProgressDeadlineExceeded, or (unless it is
 * NewReplicaSetAvailable) its lastUpdateTime + progressDeadlineSeconds is strictly before `nowMs`.
 * Example: deadline 10 s, last update 00:01:09, now 00:01:20 → true; last update 00:01:11 → false.
 */
export function deploymentTimedOut(d: Deployment, s: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = cond.getCondition(s, cond.DeploymentProgressing);
  if (!c) return false;
  if (c.reason === cond.NewRSAvailableReason) return false;
  if (c.reason === cond.TimedOutReason) return true;
  const from = c.lastUpdateTime ? parseTime(c.lastUpdateTime) : 0;
  return from + d.spec.progressDeadlineSeconds! * 1000 < nowMs;
}

/**
 * calculateStatus: the Deployment status implied by its ReplicaSets, with the Available condition set
 * against replicas − MaxUnavailable. Zero counters are omitted, as Go's omitempty does.
 */
export function calculateStatus(
  allRSs: readonly ReplicaSet[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
  nowMs: number,
): DeploymentStatus {
  const available = sumAvailableReplicas(allRSs);
  const unavailable = Math.max(0, sumSpecReplicas(allRSs) - available);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas: sumStatusReplicas(allRSs),
    updatedReplicas: sumStatusReplicas([newRS]),
    readyReplicas: sumReadyReplicas(allRSs),
    availableReplicas: available,
    unavailableReplicas: unavailable,
    conditions: [...(d.status?.conditions ?? [])],
    collisionCount: d.status?.collisionCount,
  };
  const now = formatTime(nowMs);
  if (available >= specReplicas(d) - maxUnavailable(d)) {
    cond.setCondition(
      status,
      cond.newDeploymentCondition(cond.DeploymentAvailable, 'True', cond.MinimumReplicasAvailable, 'Deployment has minimum availability.', now),
    );
  } else {
    cond.setCondition(
      status,
      cond.newDeploymentCondition(cond.DeploymentAvailable, 'False', cond.MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', now),
    );
  }
  return compactStatus(status);
}

/** Drops zero counters and undefined fields (Go omitempty), keeping the API's field order. */
export function compactStatus(s: DeploymentStatus): DeploymentStatus {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) {
    if (v === undefined) continue;
    if (v === 0 && k !== 'collisionCount') continue;
    if (k === 'conditions' && (v as unknown[]).length === 0) continue;
    out[k] = v;
  }
  return out as DeploymentStatus;
}

/**
 * syncRolloutStatus without the write: the new status including the Progressing condition
 * (NewReplicaSetAvailable, ReplicaSetUpdated or ProgressDeadlineExceeded) and any ReplicaFailure.
 */
export function computeRolloutStatus(
  allRSs: readonly ReplicaSet[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
  nowMs: number,
): DeploymentStatus {
  const status = calculateStatus(allRSs, newRS, d, nowMs);
  if (!hasProgressDeadline(d)) cond.removeCondition(status, cond.DeploymentProgressing);
  const current = cond.getCondition(d.status, cond.DeploymentProgressing);
  const isComplete =
    (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && current?.reason === cond.NewRSAvailableReason;
  if (hasProgressDeadline(d) && !isComplete) setProgressing(status, current, newRS, d, nowMs);
  const failure = replicaFailure(allRSs, newRS);
  if (failure) cond.setCondition(status, failure);
  else cond.removeCondition(status, cond.DeploymentReplicaFailure);
  return compactStatus(status);
}

function setProgressing(
  status: DeploymentStatus,
  current: ReturnType<typeof cond.getCondition>,
  newRS: ReplicaSet | undefined,
  d: Deployment,
  nowMs: number,
): void {
  const now = formatTime(nowMs);
  const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
  if (deploymentComplete(d, status)) {
    const msg = `${subject} has successfully progressed.`;
    cond.setCondition(status, cond.newDeploymentCondition(cond.DeploymentProgressing, 'True', cond.NewRSAvailableReason, msg, now));
  } else if (deploymentProgressing(d, status)) {
    const c = cond.newDeploymentCondition(cond.DeploymentProgressing, 'True', cond.ReplicaSetUpdatedReason, `${subject} is progressing.`, now);
    if (current) {
      if (current.status === 'True') c.lastTransitionTime = current.lastTransitionTime;
      cond.removeCondition(status, cond.DeploymentProgressing);
    }
    cond.setCondition(status, c);
  } else if (deploymentTimedOut(d, status, nowMs)) {
    const msg = `${subject} has timed out progressing.`;
    cond.setCondition(status, cond.newDeploymentCondition(cond.DeploymentProgressing, 'False', cond.TimedOutReason, msg, now));
  }
}

/** getReplicaFailures: the ReplicaFailure condition of the new ReplicaSet, else of any ReplicaSet. */
function replicaFailure(allRSs: readonly ReplicaSet[], newRS: ReplicaSet | undefined) {
  const ordered = newRS ? [newRS, ...allRSs.filter((rs) => rs !== newRS)] : allRSs;
  for (const rs of ordered) {
    const c = rs.status?.conditions?.find((x) => x.type === cond.DeploymentReplicaFailure);
    if (c) {
      return { type: c.type, status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message };
    }
  }
  return undefined;
}

/**
 * requeueStuckDeployment: milliseconds until the deadline of a rollout that is neither complete nor timed
 * out (−1 when there is nothing to time, 0 when less than a second remains). The controller re-checks one
 * second after that, when DeploymentTimedOut's strict comparison holds.
 * Examples (deadline 60 s, last update 18:49:00): now 18:49:30 → 30 s; 18:49:59 → 1 s; 18:50:00 → 0.
 */
export function requeueStuckDeployment(d: Deployment, newStatus: DeploymentStatus, nowMs: number): number {
  const current = cond.getCondition(d.status, cond.DeploymentProgressing);
  if (!hasProgressDeadline(d) || !current) return -1;
  if (deploymentComplete(d, newStatus) || current.reason === cond.TimedOutReason) return -1;
  const last = current.lastUpdateTime ? parseTime(current.lastUpdateTime) : 0;
  const after = last + d.spec.progressDeadlineSeconds! * 1000 - nowMs;
  return after < 1000 ? 0 : after;
}
