/**
 * The RollingUpdate decisions of pkg/controller/deployment/rolling.go, as pure planners: each returns the
 * ReplicaSet sizes to write, in order, and the controller writes them (one event per size change).
 */
import type { Deployment, ReplicaSet } from '../../types.js';
import { maxUnavailable, newRSNewReplicas, specReplicas, sumSpecReplicas } from './fenceposts.js';
import { compareByCreation, sumAvailableReplicas } from './replica-sets.js';

/** One planned write: ReplicaSet `name` from `from` to `to` replicas. */
export interface ScaleStep {
  name: string;
  from: number;
  to: number;
}

/**
 * reconcileNewReplicaSet: the size the new ReplicaSet should be scaled to now, or undefined for no change.
 * new.spec == replicas → none; new.spec > replicas → replicas; else NewRSNewReplicas.
 * Examples (maxUnavailable 0, replicas 10): surge 2, old 10, new 0 → 2; surge 2, old 5, new 0 → 7;
 * surge 2, old 10, new 2 → none; surge 2, old 2, new 11 → 10.
 */
export function reconcileNewReplicaSet(d: Deployment, allRSs: readonly ReplicaSet[], newRS: ReplicaSet): number | undefined {
  const replicas = specReplicas(d);
  if (specReplicas(newRS) === replicas) return undefined;
  if (specReplicas(newRS) > replicas) return replicas;
  const target = newRSNewReplicas(d, allRSs, newRS);
  return target === specReplicas(newRS) ? undefined : target;
}

/**
 * reconcileOldReplicaSets: maxScaledDown = Σspec(all) − minAvailable − (new.spec − new.available); if
 * positive, first cleanupUnhealthyReplicas within that budget, then scaleDownOldReplicaSetsForRollingUpdate.
 * Example (replicas 10, surge 0, maxUnavailable 2, old 10 with 9 available): old 10→9 (cleanup), 9→8.
 */
export function reconcileOldReplicaSets(
  d: Deployment,
  allRSs: readonly ReplicaSet[],
  oldRSs: readonly ReplicaSet[],
  newRS: ReplicaSet,
): ScaleStep[] {
  if (sumSpecReplicas(oldRSs) === 0) return [];
  const minAvailable = specReplicas(d) - maxUnavailable(d);
  const newRSUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = sumSpecReplicas(allRSs) - minAvailable - newRSUnavailable;
  if (maxScaledDown <= 0) return [];
  const cleanup = cleanupUnhealthyReplicas(oldRSs, maxScaledDown);
  const scaleDown = scaleDownOldReplicaSetsForRollingUpdate(d, [...cleanup.oldRSs, newRS], cleanup.oldRSs);
  return [...cleanup.steps, ...scaleDown];
}

/**
 * cleanupUnhealthyReplicas: oldest first, shrink each old ReplicaSet by its unavailable replicas
 * (spec − available), within `maxCleanupCount` in total. Returns the steps and the resized ReplicaSets.
 * Examples (old spec 10, available 8): budget 1 → 1 cleaned; budget 3 → 2; budget 0 → 0.
 */
export function cleanupUnhealthyReplicas(
  oldRSs: readonly ReplicaSet[],
  maxCleanupCount: number,
): { steps: ScaleStep[]; cleaned: number; oldRSs: ReplicaSet[] } {
  const sorted = [...oldRSs].sort(compareByCreation);
  const steps: ScaleStep[] = [];
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (total >= maxCleanupCount) break;
    const rs = sorted[i]!;
    const spec = specReplicas(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (spec === 0 || spec === available) continue;
    const count = Math.min(maxCleanupCount - total, spec - available);
    steps.push({ name: rs.metadata.name, from: spec, to: spec - count });
    sorted[i] = withReplicas(rs, spec - count);
    total += count;
  }
  return { steps, cleaned: total, oldRSs: sorted };
}

/**
 * scaleDownOldReplicaSetsForRollingUpdate: while Σavailable(all) exceeds minAvailable, shrink old
 * ReplicaSets oldest first by up to that excess.
 * Examples (replicas 10, surge 0): maxUnavailable 0 (→1), 10 available → old 10→9; maxUnavailable 2,
 * 10 available → 10→8; 8 available → none.
 */
export function scaleDownOldReplicaSetsForRollingUpdate(
  d: Deployment,
  allRSs: readonly ReplicaSet[],
  oldRSs: readonly ReplicaSet[],
): ScaleStep[] {
  const minAvailable = specReplicas(d) - maxUnavailable(d);
  const available = sumAvailableReplicas(allRSs);
  if (available <= minAvailable) return [];
  const budget = available - minAvailable;
  const steps: ScaleStep[] = [];
  let total = 0;
  for (const rs of [...oldRSs].sort(compareByCreation)) {
    if (total >= budget) break;
    const spec = specReplicas(rs);
    if (spec === 0) continue;
    const count = Math.min(spec, budget - total);
    steps.push({ name: rs.metadata.name, from: spec, to: spec - count });
    total += count;
  }
  return steps;
}

/** A copy of `rs` with spec.replicas set to `replicas`. */
export function withReplicas(rs: ReplicaSet, replicas: number): ReplicaSet {
  return { ...rs, spec: { ...rs.spec, replicas } };
}
