/**
 * Deployment conditions (deployment_util.go): types, reasons and the helpers that set them. Reasons and
 * messages are spelled exactly as Kubernetes spells them.
 */
import type { DeploymentStatus, WorkloadCondition } from '../../types.js';

/** Condition types. */
export const DeploymentAvailable = 'Available';
export const DeploymentProgressing = 'Progressing';
export const DeploymentReplicaFailure = 'ReplicaFailure';

/** Progressing reasons. */
export const NewReplicaSetReason = 'NewReplicaSetCreated';
export const FoundNewRSReason = 'FoundNewReplicaSet';
export const ReplicaSetUpdatedReason = 'ReplicaSetUpdated';
export const NewRSAvailableReason = 'NewReplicaSetAvailable';
export const TimedOutReason = 'ProgressDeadlineExceeded';
export const FailedRSCreateReason = 'ReplicaSetCreateError';
export const PausedDeployReason = 'DeploymentPaused';
export const ResumedDeployReason = 'DeploymentResumed';

/** Available reasons. */
export const MinimumReplicasAvailable = 'MinimumReplicasAvailable';
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
