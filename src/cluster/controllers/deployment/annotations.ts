/**
 * ReplicaSet annotations the Deployment controller maintains (deployment_util.go): revision,
 * revision-history, desired-replicas, max-replicas, and the copy of the Deployment's own annotations.
 * Setters mutate the (cloned) ReplicaSet they are given and report whether anything changed.
 */
import type { Deployment, ReplicaSet } from '../../types.js';
import { maxSurge, specReplicas } from './fenceposts.js';

/** The revision of a ReplicaSet, copied onto its Deployment. */
export const RevisionAnnotation = 'deployment.kubernetes.io/revision';
/** Earlier revisions a reused ReplicaSet served, comma separated. */
export const RevisionHistoryAnnotation = 'deployment.kubernetes.io/revision-history';
/** Deployment spec.replicas when the ReplicaSet was last scaled. */
export const DesiredReplicasAnnotation = 'deployment.kubernetes.io/desired-replicas';
/** spec.replicas + maxSurge when the ReplicaSet was last scaled: the proportional scaling base. */
export const MaxReplicasAnnotation = 'deployment.kubernetes.io/max-replicas';
/** The deprecated controller-side rollback request. */
export const DeprecatedRollbackTo = 'deprecated.deployment.rollback.to';
/** kubectl's client-side apply record. */
export const LastAppliedConfigAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';
/** The user's reason for a revision, shown as CHANGE-CAUSE. */
export const ChangeCauseAnnotation = 'kubernetes.io/change-cause';
/** Limit on the length of revision-history (maxRevHistoryLengthInChars). */
export const MaxRevHistoryLengthInChars = 2000;

/** Annotations never copied from a Deployment to its ReplicaSets (annotationsToSkip). */
export const annotationsToSkip: ReadonlySet<string> = new Set([
  LastAppliedConfigAnnotation,
  RevisionAnnotation,
  RevisionHistoryAnnotation,
  DesiredReplicasAnnotation,
  MaxReplicasAnnotation,
  DeprecatedRollbackTo,
]);

/** Result of reading a non-negative int32 annotation. */
export interface AnnotationInt {
  value: number;
  valid: boolean;
  error?: string;
}

/**
 * getNonNegativeInt32FromAnnotation: absent → {0, invalid}; "13" → {13, valid}; "-1" or "x" → error
 * containing "invalid syntax"; "2147483648" → error containing "out of range".
 */
export function getNonNegativeInt32FromAnnotation(rs: ReplicaSet, key: string): AnnotationInt {
  const text = rs.metadata.annotations?.[key];
  if (text === undefined) return { value: 0, valid: false };
  if (!/^\d+$/.test(text)) return { value: 0, valid: false, error: `strconv.ParseUint: parsing "${text}": invalid syntax` };
  const n = Number(text);
  if (n > 4294967295) return { value: 0, valid: false, error: `strconv.ParseUint: parsing "${text}": value out of range` };
  if (n > 2147483647) return { value: 0, valid: false, error: `value ${n} is out of range (higher than 2147483647)` };
  return { value: n, valid: true };
}

/** The revision of an object: 0 when absent, NaN when unparsable. Example: "3" → 3. */
export function revisionOf(obj: { metadata: { annotations?: Record<string, string> } }): number {
  const text = obj.metadata.annotations?.[RevisionAnnotation];
  if (text === undefined || text === '') return 0;
  return /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
}

/** MaxRevision: the highest parsable revision among `replicaSets` (0 when none). */
export function maxRevision(replicaSets: readonly ReplicaSet[]): number {
  let max = 0;
  for (const rs of replicaSets) {
    const v = revisionOf(rs);
    if (!Number.isNaN(v) && v > max) max = v;
  }
  return max;
}

/** Copies the Deployment's annotations (except annotationsToSkip) onto `rs`; never removes any. */
export function copyDeploymentAnnotationsToReplicaSet(d: Deployment, rs: ReplicaSet): boolean {
  const target = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (annotationsToSkip.has(k) || target[k] === v) continue;
    target[k] = v;
    changed = true;
  }
  return changed;
}

/**
 * SetNewReplicaSetAnnotations: copies Deployment annotations, raises the revision to `newRevision` when the
 * current one is smaller (moving a previous revision into revision-history, trimmed from the front to
 * `limitChars`), and for a ReplicaSet about to be created (`exists` false) sets desired/max-replicas.
 * Example (limit 5): revisions 11, 12, 13 in turn → revision "13", history "11,12"; then 14 → "12,13".
 */
export function setNewReplicaSetAnnotations(
  d: Deployment,
  rs: ReplicaSet,
  newRevision: string,
  exists: boolean,
  limitChars = MaxRevHistoryLengthInChars,
): boolean {
  let changed = copyDeploymentAnnotationsToReplicaSet(d, rs);
  const annotations = (rs.metadata.annotations ??= {});
  const oldRevision = annotations[RevisionAnnotation];
  const hadRevision = oldRevision !== undefined;
  let oldRevisionInt = 0;
  if (oldRevision !== undefined && oldRevision !== '') {
    if (!/^[+-]?\d+$/.test(oldRevision)) return false;
    oldRevisionInt = Number(oldRevision);
  }
  const newRevisionInt = Number(newRevision);
  if (oldRevisionInt < newRevisionInt) {
    annotations[RevisionAnnotation] = newRevision;
    changed = true;
    if (hadRevision) appendRevisionHistory(annotations, oldRevision, limitChars);
  }
  if (!exists && setReplicasAnnotations(rs, specReplicas(d), specReplicas(d) + maxSurge(d))) changed = true;
  return changed;
}

function appendRevisionHistory(annotations: Record<string, string>, oldRevision: string, limitChars: number): void {
  const history = annotations[RevisionHistoryAnnotation] ?? '';
  if (history === '') {
    annotations[RevisionHistoryAnnotation] = oldRevision;
    return;
  }
  const parts = history.split(',');
  let totalLen = history.length + oldRevision.length + 1;
  let start = 0;
  while (totalLen > limitChars && start < parts.length) {
    totalLen -= parts[start]!.length + 1;
    start++;
  }
  if (totalLen <= limitChars) annotations[RevisionHistoryAnnotation] = [...parts.slice(start), oldRevision].join(',');
}

/** SetReplicasAnnotations: writes desired-replicas and max-replicas; true if either changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const annotations = (rs.metadata.annotations ??= {});
  let changed = false;
  if (annotations[DesiredReplicasAnnotation] !== String(desired)) {
    annotations[DesiredReplicasAnnotation] = String(desired);
    changed = true;
  }
  if (annotations[MaxReplicasAnnotation] !== String(max)) {
    annotations[MaxReplicasAnnotation] = String(max);
    changed = true;
  }
  return changed;
}

/** ReplicasAnnotationsNeedUpdate: true unless desired-replicas and max-replicas already hold these values. */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const annotations = rs.metadata.annotations;
  if (!annotations) return true;
  return annotations[DesiredReplicasAnnotation] !== String(desired) || annotations[MaxReplicasAnnotation] !== String(max);
}

/**
 * IsSaturated: the ReplicaSet has spec, desired-replicas annotation and available replicas all equal to
 * the Deployment's replicas. Example: annotation "1", spec 1, available 1, deployment 1 → true.
 */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = rs.metadata.annotations?.[DesiredReplicasAnnotation];
  if (desired === undefined || !/^[+-]?\d+$/.test(desired)) return false;
  const replicas = specReplicas(d);
  return specReplicas(rs) === replicas && Number(desired) === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}
