/**
 * The ReplicaSet controller (pkg/controller/replicaset): keeps spec.replicas active pods, creating them from
 * the template (`SuccessfulCreate`, "Created pod: x") and deleting the best-ranked ones first
 * (`SuccessfulDelete`, "Deleted pod: x"), and reports status counts.
 */
import { defaultPodSpec } from '../../defaults.js';
import { deleteObject } from '../../deletion.js';
import type { WatchEvent } from '../../store.js';
import { cloneObject, sameJson } from '../../store.js';
import type { Pod, ReplicaSet, ReplicaSetStatus } from '../../types.js';
import { type Controller, type ControllerContext, controllerRefOf, keyOf, splitKey } from '../controller.js';
import { isPodActive, isPodAvailable, isPodReady, podReadyTime, rankPodsForDeletion } from './pod-ranking.js';
import { fromLabelSelector, fromSelectorMap, matches } from '../../selector.js';

/** Reconciles ReplicaSets into pods. */
export class ReplicaSetController implements Controller {
  readonly name = 'replicaset-controller';

  /** ReplicaSets that should look for orphan pods to adopt on their next sync. */
  private readonly adopting = new Set<string>();

  constructor(private readonly ctx: ControllerContext) {}

  /** ReplicaSet changes, changes of pods a ReplicaSet controls, and orphan pods a ReplicaSet selects. */
  keysFor(event: WatchEvent): string[] {
    const obj = event.object;
    if (obj.kind === 'ReplicaSet') {
      if (event.type === 'ADDED') this.adopting.add(keyOf(obj.metadata.namespace, obj.metadata.name));
      return [keyOf(obj.metadata.namespace, obj.metadata.name)];
    }
    if (obj.kind !== 'Pod') return [];
    const refs = [controllerRefOf(obj), event.previous && controllerRefOf(event.previous)];
    const keys = refs.filter((r) => r?.kind === 'ReplicaSet').map((r) => keyOf(obj.metadata.namespace, r!.name));
    if (!controllerRefOf(obj) && event.type !== 'DELETED') {
      for (const rs of this.ctx.store.list<ReplicaSet>('ReplicaSet', { namespace: obj.metadata.namespace })) {
        if (!matches(fromLabelSelector(rs.spec.selector), obj.metadata.labels)) continue;
        const key = keyOf(rs.metadata.namespace, rs.metadata.name);
        this.adopting.add(key);
        keys.push(key);
      }
    }
    return [...new Set(keys)];
  }

  /** syncReplicaSet for "namespace/name". */
  sync(key: string): void {
    const [namespace, name] = splitKey(key);
    const rs = this.ctx.store.get<ReplicaSet>('ReplicaSet', namespace, name);
    if (!rs) return;
    const pods = this.claimPods(rs, this.adopting.delete(key));
    const active = pods.filter(isPodActive);
    if (!rs.metadata.deletionTimestamp) this.manageReplicas(rs, active);
    this.updateStatus(rs, active);
  }

  /**
   * ClaimPods: the pods this ReplicaSet controls, after releasing those whose labels no longer match its
   * selector (the replacement is created at once) and, when asked, adopting matching orphans.
   */
  private claimPods(rs: ReplicaSet, adopt: boolean): Pod[] {
    const selector = fromLabelSelector(rs.spec.selector);
    const owned: Pod[] = [];
    for (const pod of this.ctx.store.dependents<Pod>(rs.metadata.uid!, 'Pod')) {
      if (controllerRefOf(pod)?.uid !== rs.metadata.uid) continue;
      if (matches(selector, pod.metadata.labels) || rs.metadata.deletionTimestamp) owned.push(pod);
      else this.setOwner(pod, undefined);
    }
    if (!adopt || rs.metadata.deletionTimestamp) return owned;
    for (const pod of this.ctx.store.list<Pod>('Pod', { namespace: rs.metadata.namespace, selector })) {
      if (controllerRefOf(pod) || pod.metadata.deletionTimestamp) continue;
      owned.push(this.setOwner(pod, rs));
    }
    return owned;
  }

  /** Adds (or, with no owner, removes) this controller's owner reference on a pod. */
  private setOwner(pod: Pod, rs: ReplicaSet | undefined): Pod {
    const refs = (pod.metadata.ownerReferences ?? []).filter((r) => !r.controller);
    if (rs) refs.push({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid!, controller: true, blockOwnerDeletion: true });
    const metadata = { ...pod.metadata, resourceVersion: undefined, ownerReferences: refs.length > 0 ? refs : undefined };
    return this.ctx.store.update({ ...pod, metadata });
  }

  private manageReplicas(rs: ReplicaSet, active: Pod[]): void {
    const diff = active.length - (rs.spec.replicas ?? 1);
    for (let i = 0; i < -diff; i++) {
      const pod = this.ctx.store.create(podFromTemplate(rs));
      this.ctx.recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
    }
    if (diff <= 0) return;
    const ranked = diff < active.length ? rankPodsForDeletion(active, this.relatedPods(rs), this.ctx.clock.now()) : active;
    for (const pod of ranked.slice(0, diff)) {
      deleteObject(this.ctx.store, this.ctx.clock, 'Pod', pod.metadata.namespace, pod.metadata.name);
      this.ctx.recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
    }
  }

  /** Pods of every ReplicaSet with the same controller (getPodsRankedByRelatedPodsOnSameNode). */
  private relatedPods(rs: ReplicaSet): Pod[] {
    const owner = controllerRefOf(rs);
    if (!owner) return this.ctx.store.dependents<Pod>(rs.metadata.uid!, 'Pod');
    return this.ctx.store
      .dependents<ReplicaSet>(owner.uid, 'ReplicaSet')
      .flatMap((sibling) => this.ctx.store.dependents<Pod>(sibling.metadata.uid!, 'Pod'));
  }

  private updateStatus(rs: ReplicaSet, active: Pod[]): void {
    const now = this.ctx.clock.now();
    const minReady = rs.spec.minReadySeconds ?? 0;
    const templateLabels = fromSelectorMap(rs.spec.template.metadata?.labels);
    const status: ReplicaSetStatus = {
      replicas: active.length,
      fullyLabeledReplicas: active.filter((p) => templateLabels.nothing || matches(templateLabels, p.metadata.labels)).length,
      readyReplicas: active.filter(isPodReady).length,
      availableReplicas: active.filter((p) => isPodAvailable(p, minReady, now)).length,
      observedGeneration: rs.metadata.generation,
      ...(rs.status?.conditions ? { conditions: rs.status.conditions } : {}),
    };
    const compact = compactReplicaSetStatus(status);
    if (!sameJson(compact, rs.status ?? {})) {
      this.ctx.store.updateStatus('ReplicaSet', rs.metadata.namespace, rs.metadata.name, compact);
    }
    this.requeueForAvailability(rs, active, minReady, now);
  }

  /** Ready pods become available minReadySeconds later: look again at the first such moment. */
  private requeueForAvailability(rs: ReplicaSet, active: Pod[], minReady: number, now: number): void {
    if (minReady === 0) return;
    const pending = active
      .filter((p) => isPodReady(p) && !isPodAvailable(p, minReady, now))
      .map((p) => podReadyTime(p)! + minReady * 1000 + 1 - now);
    if (pending.length > 0) this.ctx.requeueAfter(keyOf(rs.metadata.namespace, rs.metadata.name), Math.max(1, Math.min(...pending)));
  }
}

/** ReplicaSet status with Go's omitempty applied (replicas is always present). */
export function compactReplicaSetStatus(s: ReplicaSetStatus): ReplicaSetStatus {
  const out: Record<string, unknown> = { replicas: s.replicas };
  for (const [k, v] of Object.entries(s)) {
    if (k === 'replicas' || v === undefined) continue;
    if (v === 0) continue;
    out[k] = v;
  }
  return out as unknown as ReplicaSetStatus;
}

/** GetPodFromTemplate: a pod named `<rs>-<5 chars>` with the template's labels, annotations and spec. */
export function podFromTemplate(rs: ReplicaSet): Pod {
  const template = cloneObject(rs.spec.template);
  const spec = template.spec;
  defaultPodSpec(spec);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: '',
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace,
      labels: template.metadata?.labels ?? {},
      ...(template.metadata?.annotations ? { annotations: template.metadata.annotations } : {}),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    spec: { ...spec, serviceAccountName: spec.serviceAccountName ?? 'default', serviceAccount: spec.serviceAccountName ?? 'default', enableServiceLinks: true, priority: 0, preemptionPolicy: 'PreemptLowerPriority' },
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  };
}
