/**
 * Proportional scaling (sync.go `scale`): what to do with a Deployment's ReplicaSets when spec.replicas
 * changes during a rollout or while paused. Pure planner; the controller performs the writes.
 */
import type { Deployment, ReplicaSet } from '../../types.js';
import { isSaturated } from './annotations.js';
import { isRollingUpdate, maxSurge, specReplicas, sumSpecReplicas } from './fenceposts.js';
import { getProportion } from './proportion.js';
import { compareBySizeNewer, compareBySizeOlder, filterActive, findActiveOrLatest } from './replica-sets.js';

/**
 * One planned write. `refreshAnnotations` steps are written even when the size is unchanged (to refresh
 * desired-replicas/max-replicas), as scaleReplicaSet does; the others are skipped when the size is equal,
 * as scaleReplicaSetAndRecordEvent does.
 */
export interface ProportionalStep {
  name: string;
  from: number;
  to: number;
  refreshAnnotations: boolean;
}

/**
 * Plans `scale`:
 * 1. a single active (or, with none active, the newest) ReplicaSet goes straight to spec.replicas;
 * 2. a saturated new ReplicaSet sends every active old one to 0;
 * 3. RollingUpdate: replicas + maxSurge − Σspec(active) is shared out by getProportion, largest first
 *    (ties: newer first when growing, older first when shrinking); the leftover goes to the first.
 * Example (surge 3→6, replicas 10→50, new 5 and old 8 annotated max 13): old 8→34, new 5→22.
 */
export function planScale(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ProportionalStep[] {
  const replicas = specReplicas(d);
  const single = findActiveOrLatest(newRS, oldRSs);
  if (single) {
    if (specReplicas(single) === replicas) return [];
    return [{ name: single.metadata.name, from: specReplicas(single), to: replicas, refreshAnnotations: false }];
  }
  if (isSaturated(d, newRS)) {
    return filterActive(oldRSs).map((rs) => ({ name: rs.metadata.name, from: specReplicas(rs), to: 0, refreshAnnotations: false }));
  }
  if (!isRollingUpdate(d)) return [];
  return planProportional(d, filterActive([...oldRSs, newRS]));
}

function planProportional(d: Deployment, active: ReplicaSet[]): ProportionalStep[] {
  const replicas = specReplicas(d);
  const allowed = replicas > 0 ? replicas + maxSurge(d) : 0;
  const toAdd = allowed - sumSpecReplicas(active);
  if (toAdd > 0) active.sort(compareBySizeNewer);
  else if (toAdd < 0) active.sort(compareBySizeOlder);
  let added = 0;
  const sizes = active.map((rs) => {
    if (toAdd === 0) return specReplicas(rs);
    const proportion = getProportion(rs, d, toAdd, added);
    added += proportion;
    return specReplicas(rs) + proportion;
  });
  if (toAdd !== 0 && sizes.length > 0) sizes[0] = Math.max(0, sizes[0]! + toAdd - added);
  return active.map((rs, i) => ({ name: rs.metadata.name, from: specReplicas(rs), to: sizes[i]!, refreshAnnotations: true }));
}
