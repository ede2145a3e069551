/**
 * RollingUpdate arithmetic of kubernetes/kubernetes:pkg/controller/deployment/util/deployment_util.go:
 * ResolveFenceposts, MaxUnavailable, MinAvailable, MaxSurge and NewRSNewReplicas. Pure functions.
 */
import type { Deployment, IntOrString, ReplicaSet } from '../../types.js';

/** Thrown for an IntOrString that is neither an int nor "<int>%". */
export class IntOrPercentError extends Error {
  override readonly name = 'IntOrPercentError';
}

/**
 * intstr.GetScaledValueFromIntOrPercent: an int is returned as is; "p%" is p*total/100 rounded up or down.
 * Examples: ("25%", 3, up) → 1; ("25%", 3, down) → 0; (2, 10, _) → 2; ("oops", 10, _) → IntOrPercentError.
 */
export function getScaledValueFromIntOrPercent(value: IntOrString, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  if (!value.endsWith('%')) {
    throw new IntOrPercentError('invalid value for IntOrString: invalid type: string is not a percentage');
  }
  const digits = value.slice(0, -1);
  if (!/^[+-]?\d+$/.test(digits)) {
    throw new IntOrPercentError(`invalid value for IntOrString: invalid value "${value}": invalid syntax`);
  }
  const scaled = (Number(digits) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/**
 * ResolveFenceposts: maxSurge rounds percentages up, maxUnavailable rounds down, undefined counts as 0, and
 * if both come out 0, unavailable becomes 1.
 * Examples: ("25%","25%",3) → [1,0]; ("25%","25%",10) → [3,2]; ("39%","39%",10) → [4,3];
 * ("0%","0%",0) → [0,1]; (undefined, undefined, 10) → [0,1]. Throws IntOrPercentError.
 */
export function resolveFenceposts(
  maxSurge: IntOrString | undefined,
  maxUnavailable: IntOrString | undefined,
  desired: number,
): [surge: number, unavailable: number] {
  const surge = getScaledValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  let unavailable = getScaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

/** True for the RollingUpdate strategy (the default when the type is missing). */
export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** spec.replicas with the apps/v1 default of 1. */
export function specReplicas(obj: { spec: { replicas?: number } }): number {
  return obj.spec.replicas ?? 1;
}

function fenceposts(d: Deployment): [number, number] {
  const ru = d.spec.strategy?.rollingUpdate;
  return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, specReplicas(d));
}

/**
 * MaxUnavailable: 0 unless RollingUpdate with replicas > 0; else the resolved value capped at replicas.
 * Examples (maxSurge 1): 10 replicas, 5 → 5; 5 replicas, 10 → 5; 10 replicas "50%" → 5; Recreate → 0.
 */
export function maxUnavailable(d: Deployment): number {
  if (!isRollingUpdate(d) || specReplicas(d) === 0) return 0;
  return Math.min(fenceposts(d)[1], specReplicas(d));
}

/** MinAvailable: replicas − MaxUnavailable for RollingUpdate, else 0. Example: 10 replicas, "60%" → 4. */
export function minAvailable(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  return specReplicas(d) - maxUnavailable(d);
}

/** MaxSurge: the resolved surge for RollingUpdate (not capped), else 0. Example: 10 replicas 25% → 3. */
export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  return fenceposts(d)[0];
}

/** Sum of spec.replicas over the given ReplicaSets (GetReplicaCountForReplicaSets). */
export function sumSpecReplicas(replicaSets: readonly (ReplicaSet | undefined)[]): number {
  return replicaSets.reduce((n, rs) => n + (rs ? specReplicas(rs) : 0), 0);
}

/**
 * NewRSNewReplicas: how many replicas the new ReplicaSet may have now. Recreate → spec.replicas.
 * RollingUpdate → new.spec + min(replicas + maxSurge − Σspec(all), replicas − new.spec), or new.spec when
 * Σspec already reaches replicas + maxSurge. `allRSs` must include `newRS` if it is to be counted.
 * Examples (maxUnavailable 1, one other RS of 5, new RS not in the list): replicas 1, new 5, surge 1 → 5;
 * replicas 6, new 2, surge 10 → 6; Recreate replicas 3 → 3.
 */
export function newRSNewReplicas(d: Deployment, allRSs: readonly ReplicaSet[], newRS: ReplicaSet): number {
  if (!isRollingUpdate(d)) return specReplicas(d);
  const maxTotal = specReplicas(d) + maxSurge(d);
  const current = sumSpecReplicas(allRSs);
  if (current >= maxTotal) return specReplicas(newRS);
  const scaleUp = Math.min(maxTotal - current, specReplicas(d) - specReplicas(newRS));
  return specReplicas(newRS) + scaleUp;
}
