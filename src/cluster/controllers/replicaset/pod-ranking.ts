/**
 * Which pods a ReplicaSet deletes first when it shrinks: controller_utils.go ActivePodsWithRanks with the
 * LogarithmicScaleDown and PodDeletionCost features on (their defaults). Pure.
 */
import { parseTime } from '../../time.js';
import type { Pod } from '../../types.js';

/** Pod annotation: lower cost is deleted first. */
export const PodDeletionCostAnnotation = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** The Ready condition's lastTransitionTime in ms, when the pod is ready. */
export function podReadyTime(pod: Pod): number | undefined {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True');
  return c?.lastTransitionTime ? parseTime(c.lastTransitionTime) : undefined;
}

/**
 * IsPodAvailable: ready, and with minReadySeconds > 0 ready since strictly more than that long.
 * Example: ready at 00:00:05, minReadySeconds 10 → available after 00:00:15, not at it.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds === 0) return true;
  const since = podReadyTime(pod);
  return since !== undefined && since + minReadySeconds * 1000 < nowMs;
}

/** IsPodActive: not Succeeded, not Failed, and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

/**
 * Sorts `pods` so that the ones to delete first come first: unscheduled, then Pending < Unknown < Running,
 * not ready, lower deletion cost, more active related pods on the same node, ready for less time
 * (log2 buckets), more restarts, newer (log2 buckets), with uid as the final tie-break.
 * `related` are all pods of the owning controller's ReplicaSets (for the per-node rank).
 */
export function rankPodsForDeletion(pods: readonly Pod[], related: readonly Pod[], nowMs: number): Pod[] {
  const perNode = new Map<string, number>();
  for (const p of related) if (isPodActive(p)) perNode.set(p.spec.nodeName ?? '', (perNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
  const rank = (p: Pod): number => perNode.get(p.spec.nodeName ?? '') ?? 0;
  return [...pods].sort((a, b) => compareForDeletion(a, b, rank, nowMs));
}

function compareForDeletion(a: Pod, b: Pod, rank: (p: Pod) => number, nowMs: number): number {
  const na = a.spec.nodeName ?? '';
  const nb = b.spec.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  const pa = PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa - pb;
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? 1 : -1;
  const ca = deletionCost(a);
  const cb = deletionCost(b);
  if (ca !== cb) return ca - cb;
  if (rank(a) !== rank(b)) return rank(b) - rank(a);
  if (isPodReady(a) && isPodReady(b)) {
    const ra = podReadyTime(a);
    const rb = podReadyTime(b);
    if (ra !== rb) return compareLogAge(ra, rb, a, b, nowMs);
  }
  const restarts = maxRestarts(b) - maxRestarts(a);
  if (restarts !== 0) return restarts;
  const ta = a.metadata.creationTimestamp ? parseTime(a.metadata.creationTimestamp) : undefined;
  const tb = b.metadata.creationTimestamp ? parseTime(b.metadata.creationTimestamp) : undefined;
  if (ta !== tb) return compareLogAge(ta, tb, a, b, nowMs);
  return 0;
}

/** Newer (or zero) first, comparing floor(log2(age in ns)); equal buckets fall back to uid order. */
function compareLogAge(ta: number | undefined, tb: number | undefined, a: Pod, b: Pod, nowMs: number): number {
  if (ta === undefined || tb === undefined) return ta === undefined ? -1 : 1;
  const diff = logRank(nowMs - ta) - logRank(nowMs - tb);
  if (diff !== 0) return diff;
  const ua = a.metadata.uid ?? '';
  const ub = b.metadata.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

function logRank(ageMs: number): number {
  return ageMs > 0 ? Math.floor(Math.log2(ageMs * 1e6)) : -1;
}

function deletionCost(pod: Pod): number {
  const v = Number(pod.metadata.annotations?.[PodDeletionCostAnnotation] ?? 0);
  return Number.isInteger(v) ? v : 0;
}

function maxRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => Number(c.restartCount ?? 0)));
}
