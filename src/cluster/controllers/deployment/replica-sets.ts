/**
 * Finding, ordering and counting a Deployment's ReplicaSets (deployment_util.go and controller_utils.go):
 * EqualIgnoreHash, FindNewReplicaSet, FindOldReplicaSets, the sort orders, and the status sums.
 */
import { parseTime } from '../../time.js';
import type { PodTemplateSpec, ReplicaSet } from '../../types.js';
import { revisionOf } from './annotations.js';
import { specReplicas } from './fenceposts.js';

/** The label that ties a ReplicaSet and its pods to one pod template (DefaultDeploymentUniqueLabelKey). */
export const DefaultDeploymentUniqueLabelKey = 'pod-template-hash';

/**
 * EqualIgnoreHash: templates are semantically equal once the pod-template-hash label is removed from both.
 * Semantic equality treats an empty map or list like a missing one, as apimachinery's does.
 */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return semanticEqual(withoutHash(a), withoutHash(b));
}

function withoutHash(t: PodTemplateSpec): PodTemplateSpec {
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[DefaultDeploymentUniqueLabelKey];
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
}

/** Deep equality of JSON values where {}, [], null and undefined are interchangeable. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => semanticEqual(v, b[i]));
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
    for (const k of keys) if (!semanticEqual(ao[k], bo[k])) return false;
    return true;
  }
  return a === b;
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return v !== null && typeof v === 'object' && Object.keys(v).length === 0;
}

/** ReplicaSetsByCreationTimestamp: older first; equal timestamps (whole seconds) by name. */
export function compareByCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = creationMs(a);
  const tb = creationMs(b);
  if (ta !== tb) return ta - tb;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** ReplicaSetsByRevision: lower revision first; equal or unparsable revisions fall back to creation order. */
export function compareByRevision(a: ReplicaSet, b: ReplicaSet): number {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  if (Number.isNaN(ra) || Number.isNaN(rb) || ra === rb) return compareByCreation(a, b);
  return ra - rb;
}

/** ReplicaSetsBySizeNewer: larger first; equal sizes newer first (used when scaling up). */
export function compareBySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  if (specReplicas(a) === specReplicas(b)) return compareByCreation(b, a);
  return specReplicas(b) - specReplicas(a);
}

/** ReplicaSetsBySizeOlder: larger first; equal sizes older first (used when scaling down). */
export function compareBySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  if (specReplicas(a) === specReplicas(b)) return compareByCreation(a, b);
  return specReplicas(b) - specReplicas(a);
}

function creationMs(rs: ReplicaSet): number {
  return rs.metadata.creationTimestamp ? parseTime(rs.metadata.creationTimestamp) : 0;
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template EqualIgnoreHash the Deployment's, if any. */
export function findNewReplicaSet(template: PodTemplateSpec, rsList: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...rsList].sort(compareByCreation).find((rs) => equalIgnoreHash(rs.spec.template, template));
}

/**
 * FindOldReplicaSets: every ReplicaSet but the new one, oldest first, and the subset with spec.replicas ≠ 0
 * ("required"). Returns [old, required].
 */
export function findOldReplicaSets(template: PodTemplateSpec, rsList: readonly ReplicaSet[]): [ReplicaSet[], ReplicaSet[]] {
  const newRS = findNewReplicaSet(template, rsList);
  const old = [...rsList].sort(compareByCreation).filter((rs) => rs.metadata.uid !== newRS?.metadata.uid);
  return [old, old.filter((rs) => specReplicas(rs) !== 0)];
}

/** FilterActiveReplicaSets: the ReplicaSets with spec.replicas > 0. */
export function filterActive(replicaSets: readonly (ReplicaSet | undefined)[]): ReplicaSet[] {
  return replicaSets.filter((rs): rs is ReplicaSet => !!rs && specReplicas(rs) > 0);
}

/** GetActualReplicaCountForReplicaSets: Σ status.replicas. */
export function sumStatusReplicas(replicaSets: readonly (ReplicaSet | undefined)[]): number {
  return replicaSets.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0);
}

/** GetReadyReplicaCountForReplicaSets: Σ status.readyReplicas. */
export function sumReadyReplicas(replicaSets: readonly (ReplicaSet | undefined)[]): number {
  return replicaSets.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0);
}

/** GetAvailableReplicaCountForReplicaSets: Σ status.availableReplicas. */
export function sumAvailableReplicas(replicaSets: readonly (ReplicaSet | undefined)[]): number {
  return replicaSets.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0);
}

/**
 * GetTerminatingReplicaCountForReplicaSets: Σ status.terminatingReplicas, where a never-observed
 * ReplicaSet without the field counts 0 and an observed one without it makes the total unknown (undefined).
 */
export function sumTerminatingReplicas(replicaSets: readonly (ReplicaSet | undefined)[]): number | undefined {
  let total = 0;
  for (const rs of replicaSets) {
    if (!rs) continue;
    const terminating = rs.status?.terminatingReplicas;
    if (terminating === undefined) {
      if ((rs.status?.observedGeneration ?? 0) === 0) continue;
      return undefined;
    }
    total += terminating;
  }
  return total;
}

/**
 * FindActiveOrLatest: the only active ReplicaSet; if none is active, the new one (else the newest old one);
 * undefined when several are active.
 */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => compareByCreation(b, a));
  const active = filterActive([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}
