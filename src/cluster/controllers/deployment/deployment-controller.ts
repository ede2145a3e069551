/**
 * The Deployment controller (pkg/controller/deployment): syncDeployment's decision order, then one phase
 * of rolloutRolling, rolloutRecreate or sync (scaling/paused) per call. Writes go through DeploymentWrites.
 */
import { ConflictError } from '../../errors.js';
import { fromLabelSelector, isEmptyLabelSelector, matches } from '../../selector.js';
import type { WatchEvent } from '../../store.js';
import { cloneObject } from '../../store.js';
import { formatTime } from '../../time.js';
import type { Deployment, Pod, ReplicaSet } from '../../types.js';
import { type Controller, type ControllerContext, controllerRefOf, keyOf, splitKey } from '../controller.js';
import { DesiredReplicasAnnotation, getNonNegativeInt32FromAnnotation } from './annotations.js';
import { oldPodsRunning } from './cleanup.js';
import * as cond from './conditions.js';
import { IntOrPercentError, specReplicas } from './fenceposts.js';
import { deploymentComplete, hasProgressDeadline } from './progress.js';
import { filterActive } from './replica-sets.js';
import { reconcileNewReplicaSet, reconcileOldReplicaSets } from './rolling.js';
import { planScale } from './scale.js';
import { DeploymentWrites, HashCollisionError, ownerRefTo } from './writes.js';

/** Reconciles Deployments into ReplicaSets. */
export class DeploymentController implements Controller {
  readonly name = 'deployment-controller';
  private readonly writes: DeploymentWrites;

  constructor(private readonly ctx: ControllerContext) {
    this.writes = new DeploymentWrites(ctx);
  }

  /** Deployments change; ReplicaSets change (their owner); pods of Recreate Deployments are deleted. */
  keysFor(event: WatchEvent): string[] {
    const obj = event.object;
    if (obj.kind === 'Deployment') return [keyOf(obj.metadata.namespace, obj.metadata.name)];
    if (obj.kind === 'ReplicaSet') return this.deploymentKeysForReplicaSet(obj as ReplicaSet);
    if (obj.kind === 'Pod' && event.type === 'DELETED') return this.recreateKeysForPod(obj as Pod);
    return [];
  }

  private deploymentKeysForReplicaSet(rs: ReplicaSet): string[] {
    const ref = controllerRefOf(rs);
    if (ref) return ref.kind === 'Deployment' ? [keyOf(rs.metadata.namespace, ref.name)] : [];
    return this.ctx.store
      .list<Deployment>('Deployment', { namespace: rs.metadata.namespace })
      .filter((d) => matches(fromLabelSelector(d.spec.selector), rs.metadata.labels))
      .map((d) => keyOf(d.metadata.namespace, d.metadata.name));
  }

  private recreateKeysForPod(pod: Pod): string[] {
    const rsRef = controllerRefOf(pod);
    if (rsRef?.kind !== 'ReplicaSet') return [];
    const rs = this.ctx.store.get<ReplicaSet>('ReplicaSet', pod.metadata.namespace, rsRef.name);
    const dRef = rs && controllerRefOf(rs);
    if (dRef?.kind !== 'Deployment') return [];
    const d = this.ctx.store.get<Deployment>('Deployment', pod.metadata.namespace, dRef.name);
    return d?.spec.strategy?.type === 'Recreate' ? [keyOf(d.metadata.namespace, d.metadata.name)] : [];
  }

  /** syncDeployment for "namespace/name". */
  sync(key: string): void {
    const [namespace, name] = splitKey(key);
    const stored = this.ctx.store.get<Deployment>('Deployment', namespace, name);
    if (!stored) return;
    const d = cloneObject(stored);
    try {
      this.syncDeployment(d);
    } catch (err) {
      // A collision bumped collisionCount; a conflict means this sync wrote from a stale list (as the real
      // controller does after isScalingEvent bumps a revision): both retry at once. An invalid fencepost
      // waits for the user.
      if (err instanceof HashCollisionError || err instanceof ConflictError) this.ctx.requeueAfter(key, 0);
      else if (!(err instanceof IntOrPercentError)) throw err;
    }
  }

  private syncDeployment(d: Deployment): void {
    if (isEmptyLabelSelector(d.spec.selector)) {
      this.writes.event(d, 'This deployment is selecting all pods. A non-empty selector is required.', 'SelectingAll', 'Warning');
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        d.status = { ...(d.status ?? {}), observedGeneration: d.metadata.generation };
        this.writes.updateDeployment(d);
      }
      return;
    }
    const rsList = this.getReplicaSetsForDeployment(d);
    if (d.metadata.deletionTimestamp) return this.syncStatusOnly(d, rsList);
    this.checkPausedConditions(d);
    if (d.spec.paused) return this.syncScaling(d, rsList);
    // The deprecated `deprecated.deployment.rollback.to` path is not simulated: kubectl rolls back client-side.
    if (this.isScalingEvent(d, rsList)) return this.syncScaling(d, rsList);
    if (d.spec.strategy?.type === 'Recreate') return this.rolloutRecreate(d, rsList);
    return this.rolloutRolling(d, rsList);
  }

  /** getReplicaSetsForDeployment: owned ReplicaSets, adopting matching orphans. */
  private getReplicaSetsForDeployment(d: Deployment): ReplicaSet[] {
    const selector = fromLabelSelector(d.spec.selector);
    const out: ReplicaSet[] = [];
    for (const rs of this.ctx.store.list<ReplicaSet>('ReplicaSet', { namespace: d.metadata.namespace })) {
      const ref = controllerRefOf(rs);
      if (ref?.uid === d.metadata.uid) out.push(rs);
      else if (!ref && !rs.metadata.deletionTimestamp && matches(selector, rs.metadata.labels)) {
        const adopted = cloneObject(rs);
        adopted.metadata.ownerReferences = [...(adopted.metadata.ownerReferences ?? []), ownerRefTo(d)];
        out.push(this.ctx.store.update(adopted));
      }
    }
    return out;
  }

  private syncStatusOnly(d: Deployment, rsList: ReplicaSet[]): void {
    const [newRS, oldRSs] = this.writes.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    this.writes.syncDeploymentStatus([...oldRSs, ...(newRS ? [newRS] : [])], newRS, d);
  }

  /** checkPausedConditions: Progressing=Unknown DeploymentPaused / DeploymentResumed. */
  private checkPausedConditions(d: Deployment): void {
    if (!hasProgressDeadline(d)) return;
    const current = cond.getCondition(d.status, cond.DeploymentProgressing);
    if (current?.reason === cond.TimedOutReason) return;
    const pausedCondExists = current?.reason === cond.PausedDeployReason;
    const now = formatTime(this.ctx.clock.now());
    let c;
    if (d.spec.paused && !pausedCondExists) {
      c = cond.newDeploymentCondition(cond.DeploymentProgressing, 'Unknown', cond.PausedDeployReason, 'Deployment is paused', now);
    } else if (!d.spec.paused && pausedCondExists) {
      c = cond.newDeploymentCondition(cond.DeploymentProgressing, 'Unknown', cond.ResumedDeployReason, 'Deployment is resumed', now);
    }
    if (!c) return;
    cond.setCondition((d.status ??= {}), c);
    this.writes.updateDeployment(d);
  }

  /** isScalingEvent: an active ReplicaSet's desired-replicas annotation differs from spec.replicas. */
  private isScalingEvent(d: Deployment, rsList: ReplicaSet[]): boolean {
    const [newRS, oldRSs] = this.writes.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    for (const rs of filterActive([...oldRSs, newRS])) {
      const desired = getNonNegativeInt32FromAnnotation(rs, DesiredReplicasAnnotation);
      if (desired.valid && desired.value !== specReplicas(d)) return true;
    }
    return false;
  }

  /** sync: proportional scaling, cleanup while paused, and a plain status update. */
  private syncScaling(d: Deployment, rsList: ReplicaSet[]): void {
    const [newRS, oldRSs] = this.writes.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    for (const step of planScale(d, newRS, oldRSs)) {
      if (step.refreshAnnotations) this.writes.scale(d, step.name, step.to);
      else this.writes.scaleAndRecordEvent(d, step.name, step.to);
    }
    if (d.spec.paused) this.writes.cleanupDeployment(d, oldRSs);
    this.writes.syncDeploymentStatus([...oldRSs, ...(newRS ? [newRS] : [])], newRS, d);
  }

  /** rolloutRolling: scale the new ReplicaSet up, or else old ones down, or else clean up; then status. */
  private rolloutRolling(d: Deployment, rsList: ReplicaSet[]): void {
    const [newRS, oldRSs] = this.writes.getAllReplicaSetsAndSyncRevision(d, rsList, true);
    if (!newRS) return;
    const allRSs = [...oldRSs, newRS];
    const target = reconcileNewReplicaSet(d, allRSs, newRS);
    if (target !== undefined && this.writes.scaleAndRecordEvent(d, newRS.metadata.name, target)) {
      return this.writes.syncRolloutStatus(allRSs, newRS, d);
    }
    let scaledDown = false;
    for (const step of reconcileOldReplicaSets(d, allRSs, filterActive(oldRSs), newRS)) {
      if (this.writes.scaleAndRecordEvent(d, step.name, step.to)) scaledDown = true;
    }
    if (scaledDown) return this.writes.syncRolloutStatus(allRSs, newRS, d);
    if (deploymentComplete(d, d.status ?? {})) this.writes.cleanupDeployment(d, oldRSs);
    this.writes.syncRolloutStatus(allRSs, newRS, d);
  }

  /** rolloutRecreate: old ReplicaSets to 0, wait for every old pod to be gone, then the new one to replicas. */
  private rolloutRecreate(d: Deployment, rsList: ReplicaSet[]): void {
    let [newRS, oldRSs] = this.writes.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    let allRSs = [...oldRSs, ...(newRS ? [newRS] : [])];
    let scaledDown = false;
    for (const rs of filterActive(oldRSs)) {
      if (this.writes.scaleAndRecordEvent(d, rs.metadata.name, 0)) scaledDown = true;
    }
    if (scaledDown || oldPodsRunning(newRS, oldRSs, this.podsByReplicaSet(rsList))) {
      return this.writes.syncRolloutStatus(allRSs, newRS, d);
    }
    if (!newRS) {
      [newRS, oldRSs] = this.writes.getAllReplicaSetsAndSyncRevision(d, rsList, true);
      allRSs = [...oldRSs, ...(newRS ? [newRS] : [])];
    }
    if (newRS) this.writes.scaleAndRecordEvent(d, newRS.metadata.name, specReplicas(d));
    if (deploymentComplete(d, d.status ?? {})) this.writes.cleanupDeployment(d, oldRSs);
    this.writes.syncRolloutStatus(allRSs, newRS, d);
  }

  /** getPodMapForDeployment: pods grouped by the uid of the ReplicaSet that controls them. */
  private podsByReplicaSet(rsList: ReplicaSet[]): Map<string, Pod[]> {
    const map = new Map<string, Pod[]>();
    for (const rs of rsList) {
      const pods = this.ctx.store.dependents<Pod>(rs.metadata.uid!, 'Pod').filter((p) => controllerRefOf(p)?.uid === rs.metadata.uid);
      map.set(rs.metadata.uid!, pods);
    }
    return map;
  }
}
