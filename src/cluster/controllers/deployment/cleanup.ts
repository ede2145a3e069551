/**
 * revisionHistoryLimit cleanup (sync.go cleanupDeployment) and the Recreate wait (recreate.go
 * oldPodsRunning), as pure functions.
 */
import type { Deployment, Pod, ReplicaSet } from '../../types.js';
import { specReplicas } from './fenceposts.js';
import { MaxInt32 } from './progress.js';
import { compareByRevision, sumStatusReplicas } from './replica-sets.js';

/** HasRevisionHistoryLimit: revisionHistoryLimit is set and not MaxInt32. */
export function hasRevisionHistoryLimit(d: Deployment): boolean {
  const limit = d.spec.revisionHistoryLimit;
  return limit !== undefined && limit !== null && limit !== MaxInt32;
}

/**
 * The old ReplicaSets cleanupDeployment deletes: of the old ReplicaSets not being deleted, sorted by
 * revision (missing = 0, ties by creation), the first len − limit, skipping (not replacing) those with
 * spec or status replicas, an unobserved generation, or a deletionTimestamp.
 * Example: revisions 3, 1, 4, 2 (creation order), all scaled to 0, limit 2 → delete revisions 1 and 2.
 */
export function replicaSetsToCleanUp(d: Deployment, oldRSs: readonly ReplicaSet[]): ReplicaSet[] {
  if (!hasRevisionHistoryLimit(d)) return [];
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - d.spec.revisionHistoryLimit!;
  if (diff <= 0) return [];
  return cleanable
    .sort(compareByRevision)
    .slice(0, diff)
    .filter(
      (rs) =>
        (rs.status?.replicas ?? 0) === 0 &&
        specReplicas(rs) === 0 &&
        (rs.metadata.generation ?? 0) <= (rs.status?.observedGeneration ?? 0),
    );
}

/**
 * oldPodsRunning: an old ReplicaSet still reports replicas, or a pod of a ReplicaSet other than the new one
 * is not Failed or Succeeded (Pending, Running, Unknown and terminating pods all count).
 * `podsByRS` maps ReplicaSet uid → its pods.
 */
export function oldPodsRunning(
  newRS: ReplicaSet | undefined,
  oldRSs: readonly ReplicaSet[],
  podsByRS: ReadonlyMap<string, readonly Pod[]>,
): boolean {
  if (sumStatusReplicas(oldRSs) > 0) return true;
  for (const [uid, pods] of podsByRS) {
    if (newRS && newRS.metadata.uid === uid) continue;
    for (const pod of pods) {
      const phase = pod.status?.phase;
      if (phase !== 'Failed' && phase !== 'Succeeded') return true;
    }
  }
  return false;
}
