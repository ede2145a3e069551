/**
 * Proportional scaling maths (deployment_util.go GetProportion / getReplicaSetFraction), used when a
 * Deployment's replicas change during a rollout or while paused.
 */
import type { Deployment, ReplicaSet } from '../../types.js';
import { getNonNegativeInt32FromAnnotation, MaxReplicasAnnotation } from './annotations.js';
import { maxSurge, specReplicas } from './fenceposts.js';

/** Go's math.Round: halves round away from zero (2.5 → 3, −2.5 → −3). */
export function roundHalfAwayFromZero(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/**
 * getReplicaSetFraction: how many replicas `rs` gains (or loses, negative) when the Deployment is resized:
 * round(rs.spec × (replicas + maxSurge) / max-replicas annotation) − rs.spec; −rs.spec when replicas is 0;
 * the annotation falls back to status.replicas when missing or 0, and the result is 0 if that is 0 too.
 * Examples (maxUnavailable 1): replicas 120, surge 10, rs 50, annotation "110" → 9;
 * replicas 10, rs 6, annotation "12" → −1; replicas 120, status 100, rs 50, no annotation → 10.
 */
export function getReplicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  if (specReplicas(d) === 0) return -specReplicas(rs);
  const deploymentMaxReplicas = specReplicas(d) + maxSurge(d);
  const annotation = getNonNegativeInt32FromAnnotation(rs, MaxReplicasAnnotation);
  let before = annotation.value;
  if (!annotation.valid || before === 0) {
    before = d.status?.replicas ?? 0;
    if (before === 0) return 0;
  }
  const newSize = (specReplicas(rs) * deploymentMaxReplicas) / before;
  return roundHalfAwayFromZero(newSize) - specReplicas(rs);
}

/**
 * GetProportion: the share of `toAdd` for `rs`, given `added` already handed out: 0 for an empty
 * ReplicaSet or when nothing remains; otherwise the fraction, clamped to the remainder (min when growing,
 * max when shrinking).
 */
export function getProportion(rs: ReplicaSet | undefined, d: Deployment, toAdd: number, added: number): number {
  if (!rs || specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = getReplicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}
