/**
 * The Deployment controller's writes (sync.go): finding or creating the new ReplicaSet with its revision,
 * scaling a ReplicaSet with its `ScalingReplicaSet` event, history cleanup and status updates.
 */
import { computeHash } from '../../hash.js';
import { cloneObject, sameJson } from '../../store.js';
import { formatTime, parseTime } from '../../time.js';
import type { Deployment, OwnerReference, ReplicaSet } from '../../types.js';
import type { ControllerContext } from '../controller.js';
import { maxRevision, replicasAnnotationsNeedUpdate, RevisionAnnotation, setNewReplicaSetAnnotations, setReplicasAnnotations } from './annotations.js';
import { replicaSetsToCleanUp } from './cleanup.js';
import * as cond from './conditions.js';
import { maxSurge, newRSNewReplicas, specReplicas } from './fenceposts.js';
import { calculateStatus, computeRolloutStatus, hasProgressDeadline, requeueStuckDeployment } from './progress.js';
import { DefaultDeploymentUniqueLabelKey, equalIgnoreHash, findNewReplicaSet, findOldReplicaSets } from './replica-sets.js';

/** Thrown when the new ReplicaSet's name is taken by a different template; the sync is retried. */
export class HashCollisionError extends Error {
  override readonly name = 'HashCollisionError';
}

/** The Deployment controller's write operations over one context. */
export class DeploymentWrites {
  constructor(private readonly ctx: ControllerContext) {}

  /**
   * getAllReplicaSetsAndSyncRevision: the new ReplicaSet (created when `create` and missing) with its
   * annotations synced, and the old ones (oldest first). Mutates `d` (revision annotation, conditions).
   */
  getAllReplicaSetsAndSyncRevision(d: Deployment, rsList: ReplicaSet[], create: boolean): [ReplicaSet | undefined, ReplicaSet[]] {
    const [oldRSs] = findOldReplicaSets(d.spec.template, rsList);
    const newRS = this.getNewReplicaSet(d, rsList, oldRSs, create);
    return [newRS, oldRSs];
  }

  private getNewReplicaSet(d: Deployment, rsList: ReplicaSet[], oldRSs: ReplicaSet[], create: boolean): ReplicaSet | undefined {
    const existing = findNewReplicaSet(d.spec.template, rsList);
    const newRevision = String(maxRevision(oldRSs) + 1);
    if (existing) return this.syncExistingNewReplicaSet(d, existing, newRevision);
    if (!create) return undefined;
    const hash = computeHash(d.spec.template, d.status?.collisionCount);
    const template = cloneObject(d.spec.template);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [DefaultDeploymentUniqueLabelKey]: hash } };
    const selector = cloneObject(d.spec.selector);
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [DefaultDeploymentUniqueLabelKey]: hash };
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: `${d.metadata.name}-${hash}`, namespace: d.metadata.namespace, labels: template.metadata.labels, ownerReferences: [ownerRefTo(d)] },
      spec: { replicas: 0, ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}), selector, template },
      status: { replicas: 0 },
    };
    rs.spec.replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
    setNewReplicaSetAnnotations(d, rs, newRevision, false);
    const created = this.createReplicaSet(d, rs);
    if (!created.alreadyExisted && specReplicas(created.rs) > 0) {
      this.event(d, `Scaled up replica set ${created.rs.metadata.name} to ${specReplicas(created.rs)}`);
    }
    let needsUpdate = setDeploymentRevision(d, newRevision);
    if (!created.alreadyExisted && hasProgressDeadline(d)) {
      const msg = `Created new replica set "${created.rs.metadata.name}"`;
      cond.setCondition((d.status ??= {}), cond.newDeploymentCondition(cond.DeploymentProgressing, 'True', cond.NewReplicaSetReason, msg, this.now()));
      needsUpdate = true;
    }
    if (needsUpdate) this.updateDeployment(d);
    return created.rs;
  }

  private syncExistingNewReplicaSet(d: Deployment, existing: ReplicaSet, newRevision: string): ReplicaSet {
    const rs = cloneObject(existing);
    const annotationsUpdated = setNewReplicaSetAnnotations(d, rs, newRevision, true);
    const minReadySecondsNeedsUpdate = (rs.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0);
    if (annotationsUpdated || minReadySecondsNeedsUpdate) {
      if (d.spec.minReadySeconds) rs.spec.minReadySeconds = d.spec.minReadySeconds;
      else delete rs.spec.minReadySeconds;
      return this.ctx.store.update(rs);
    }
    let needsUpdate = setDeploymentRevision(d, rs.metadata.annotations?.[RevisionAnnotation] ?? '');
    if (hasProgressDeadline(d) && !cond.getCondition(d.status, cond.DeploymentProgressing)) {
      const msg = `Found new replica set "${rs.metadata.name}"`;
      cond.setCondition((d.status ??= {}), cond.newDeploymentCondition(cond.DeploymentProgressing, 'True', cond.FoundNewRSReason, msg, this.now()));
      needsUpdate = true;
    }
    if (needsUpdate) this.updateDeployment(d);
    return existing;
  }

  private createReplicaSet(d: Deployment, rs: ReplicaSet): { rs: ReplicaSet; alreadyExisted: boolean } {
    const taken = this.ctx.store.get<ReplicaSet>('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
    if (!taken) return { rs: this.ctx.store.create(rs), alreadyExisted: false };
    const ours = taken.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid);
    if (ours && equalIgnoreHash(taken.spec.template, d.spec.template)) return { rs: taken, alreadyExisted: true };
    d.status = { ...(d.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 };
    this.updateDeployment(d);
    throw new HashCollisionError('Found a hash collision for deployment - bumping collisionCount to resolve it');
  }

  /** scaleReplicaSetAndRecordEvent: scales unless the size is already `to`; true when scaled. */
  scaleAndRecordEvent(d: Deployment, rsName: string, to: number): boolean {
    const rs = this.ctx.store.get<ReplicaSet>('ReplicaSet', d.metadata.namespace, rsName);
    if (!rs || specReplicas(rs) === to) return false;
    return this.scale(d, rsName, to);
  }

  /** scaleReplicaSet: writes size and replica annotations if either differs; true when the size changed. */
  scale(d: Deployment, rsName: string, to: number): boolean {
    const rs = this.ctx.store.get<ReplicaSet>('ReplicaSet', d.metadata.namespace, rsName);
    if (!rs) return false;
    const from = specReplicas(rs);
    const desired = specReplicas(d);
    const max = desired + maxSurge(d);
    if (from === to && !replicasAnnotationsNeedUpdate(rs, desired, max)) return false;
    const copy = cloneObject(rs);
    copy.spec.replicas = to;
    setReplicasAnnotations(copy, desired, max);
    this.ctx.store.update(copy);
    if (from === to) return false;
    this.event(d, `Scaled ${from < to ? 'up' : 'down'} replica set ${rs.metadata.name} to ${to} from ${from}`);
    return true;
  }

  /** cleanupDeployment: deletes old ReplicaSets beyond revisionHistoryLimit. */
  cleanupDeployment(d: Deployment, oldRSs: ReplicaSet[]): void {
    for (const rs of replicaSetsToCleanUp(d, oldRSs)) {
      this.ctx.store.remove('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
    }
  }

  /** syncRolloutStatus: writes the status with Progressing/Available, or schedules the deadline check. */
  syncRolloutStatus(allRSs: ReplicaSet[], newRS: ReplicaSet | undefined, d: Deployment): void {
    const now = this.ctx.clock.now();
    const status = computeRolloutStatus(allRSs, newRS, d, now);
    if (sameJson(d.status ?? {}, status)) {
      const after = requeueStuckDeployment(d, status, now);
      if (after > 0) this.ctx.requeueAfter(keyOfObj(d), after + 1000);
      else if (after === 0) this.ctx.requeueAfter(keyOfObj(d), this.msUntilTimedOut(d, now));
      return;
    }
    d.status = status;
    this.updateDeployment(d);
  }

  /** syncDeploymentStatus: writes calculateStatus (no progress estimation), if it changed. */
  syncDeploymentStatus(allRSs: ReplicaSet[], newRS: ReplicaSet | undefined, d: Deployment): void {
    const status = calculateStatus(allRSs, newRS, d, this.ctx.clock.now());
    if (sameJson(d.status ?? {}, status)) return;
    d.status = status;
    this.updateDeployment(d);
  }

  /** Writes `d` (spec, metadata and status) and refreshes its resourceVersion. */
  updateDeployment(d: Deployment): void {
    const stored = this.ctx.store.update({ ...d, metadata: { ...d.metadata, resourceVersion: undefined } });
    d.metadata.resourceVersion = stored.metadata.resourceVersion;
  }

  /** The Warning/Normal event helper for the Deployment. */
  event(d: Deployment, message: string, reason = 'ScalingReplicaSet', type: 'Normal' | 'Warning' = 'Normal'): void {
    this.ctx.recorder.event(d, type, reason, message);
  }

  private now(): string {
    return formatTime(this.ctx.clock.now());
  }

  /** The rate-limited retry when less than a second of the deadline is left: the first instant after it. */
  private msUntilTimedOut(d: Deployment, now: number): number {
    const c = cond.getCondition(d.status, cond.DeploymentProgressing);
    const last = c?.lastUpdateTime ? parseTime(c.lastUpdateTime) : now;
    return Math.max(1, last + d.spec.progressDeadlineSeconds! * 1000 + 1 - now);
  }
}

/** SetDeploymentRevision: sets the Deployment's revision annotation; true if it changed. */
export function setDeploymentRevision(d: Deployment, revision: string): boolean {
  const annotations = (d.metadata.annotations ??= {});
  if (annotations[RevisionAnnotation] === revision) return false;
  annotations[RevisionAnnotation] = revision;
  return true;
}

/** metav1.NewControllerRef for a Deployment. */
export function ownerRefTo(d: Deployment): OwnerReference {
  return { apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

function keyOfObj(d: Deployment): string {
  return `${d.metadata.namespace ?? ''}/${d.metadata.name}`;
}
