/**
 * Deployment conditions (deployment_util.go): types, reasons and the helpers that set them. Reasons and
 * messages are spelled exactly as Kubernetes spells them.
 */
import type { DeploymentStatus, WorkloadCondition } from '../../types.js';

/** Condition type: the Deployment has minimum availability. */
export const DeploymentAvailable = 'Available';
/** Condition type: the rollout is progressing, complete, paused or stuck. */
export const DeploymentProgressing = 'Progressing';
/** Condition type: a ReplicaSet failed to create pods (copied from the ReplicaSet). */
export const DeploymentReplicaFailure = 'ReplicaFailure';

/** Progressing reason: a new ReplicaSet was created ("Created new replica set \"x\""). */
export const NewReplicaSetReason = 'NewReplicaSetCreated';
/** Progressing reason: an existing new ReplicaSet was found ("Found new replica set \"x\""). */
export const FoundNewRSReason = 'FoundNewReplicaSet';
/** Progressing reason: progress was observed ("ReplicaSet \"x\" is progressing."). */
export const ReplicaSetUpdatedReason = 'ReplicaSetUpdated';
/** Progressing reason: the rollout completed ("ReplicaSet \"x\" has successfully progressed."). */
export const NewRSAvailableReason = 'NewReplicaSetAvailable';
/** Progressing reason (False): no progress within progressDeadlineSeconds. */
export const TimedOutReason = 'ProgressDeadlineExceeded';
/** Progressing reason (False): the new ReplicaSet could not be created. */
export const FailedRSCreateReason = 'ReplicaSetCreateError';
/** Progressing reason (Unknown): "Deployment is paused". */
export const PausedDeployReason = 'DeploymentPaused';
/** Progressing reason (Unknown): "Deployment is resumed". */
export const ResumedDeployReason = 'DeploymentResumed';

/** Available reason (True): "Deployment has minimum availability.". */
export const MinimumReplicasAvailable = 'MinimumReplicasAvailable';
/** Available reason (False): "Deployment does not have minimum availability.". */
export const MinimumReplicasUnavailable = 'MinimumReplicasUnavailable';

/** NewDeploymentCondition: both times set to `now` (an RFC 3339 timestamp). */
export function newDeploymentCondition(
  type: string,
  status: WorkloadCondition['status'],
  reason: string,
  message: string,
  now: string,
): WorkloadCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/** GetDeploymentCondition: the condition of `type`, if present. */
export function getCondition(status: DeploymentStatus | undefined, type: string): WorkloadCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * SetDeploymentCondition: no-op when status and reason are unchanged; keeps lastTransitionTime when only
 * the reason changed; the new condition goes to the end of the list.
 */
export function setCondition(status: DeploymentStatus, condition: WorkloadCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = { ...condition };
  if (current && current.status === condition.status) next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
}

/** RemoveDeploymentCondition: drops the condition of `type`. */
export function removeCondition(status: DeploymentStatus, type: string): void {
  if (!status.conditions) return;
  status.conditions = status.conditions.filter((c) => c.type !== type);
}
