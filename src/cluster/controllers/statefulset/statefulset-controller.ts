/**
 * The StatefulSet controller (pkg/controller/statefulset/stateful_set_control.go, without the
 * MaxUnavailableStatefulSet gate, which is off by default): pods `<set>-<ordinal>`, OrderedReady or
 * Parallel management, RollingUpdate from the highest ordinal down to the partition one pod at a time, or
 * OnDelete; revisions as ControllerRevisions with status.currentRevision and status.updateRevision.
 * Events: "create Pod web-0 in StatefulSet web successful" (SuccessfulCreate), "delete Pod ..." (SuccessfulDelete).
 */
import { deleteObject } from '../../deletion.js';
import { defaultPodSpec } from '../../defaults.js';
import { canonicalJson, fnv32a, safeEncodeString } from '../../hash.js';
import { cloneObject, sameJson, type WatchEvent } from '../../store.js';
import { parseTime } from '../../time.js';
import type { IntOrString, KubeObject, LabelSelector, Pod, PodTemplateSpec } from '../../types.js';
import { getScaledValueFromIntOrPercent } from '../deployment/fenceposts.js';
import { type Controller, type ControllerContext, controllerRefOf, keyOf, splitKey } from '../controller.js';
import { type ControllerRevision, controllerRef, createRevision, listRevisions, maxRevisionNumber, renumberRevision, revisionTemplate, templatePatch, truncateHistory } from '../history.js';
import { isPodAvailable, isPodReady } from '../replicaset/pod-ranking.js';

/** Pod label: the name of the revision the pod was made from. */
export const StatefulSetRevisionLabel = 'controller-revision-hash';
/** Pod label: the pod's own name. */
export const StatefulSetPodNameLabel = 'statefulset.kubernetes.io/pod-name';
/** Pod label: the pod's ordinal. */
export const PodIndexLabel = 'apps.kubernetes.io/pod-index';
/** Revision label: the hash of the revision data. */
export const ControllerRevisionHashLabel = 'controller.kubernetes.io/hash';

/** apps/v1 StatefulSet (partial). */
export interface StatefulSet extends KubeObject {
  spec: {
    replicas?: number;
    selector: LabelSelector;
    template: PodTemplateSpec;
    serviceName?: string;
    podManagementPolicy?: 'OrderedReady' | 'Parallel';
    updateStrategy?: { type?: 'RollingUpdate' | 'OnDelete'; rollingUpdate?: { partition?: number; maxUnavailable?: IntOrString } };
    minReadySeconds?: number;
    revisionHistoryLimit?: number;
    ordinals?: { start?: number };
  };
  status?: Record<string, unknown> & { currentRevision?: string; updateRevision?: string; collisionCount?: number };
}

/** Reconciles StatefulSets into ordinal pods. */
export class StatefulSetController implements Controller {
  readonly name = 'statefulset-controller';

  constructor(private readonly ctx: ControllerContext) {}

  /** StatefulSet changes and changes of their pods. */
  keysFor(event: WatchEvent): string[] {
    const obj = event.object;
    if (obj.kind === 'StatefulSet') return [keyOf(obj.metadata.namespace, obj.metadata.name)];
    const ref = obj.kind === 'Pod' ? controllerRefOf(obj) : undefined;
    return ref?.kind === 'StatefulSet' ? [keyOf(obj.metadata.namespace, ref.name)] : [];
  }

  /** updateStatefulSet for "namespace/name", then its status. */
  sync(key: string): void {
    const [namespace, name] = splitKey(key);
    const set = this.ctx.store.get<StatefulSet>('StatefulSet', namespace, name);
    if (!set || set.metadata.deletionTimestamp) return;
    const [current, update] = this.getRevisions(set);
    this.updatePods(set, current, update);
    this.updateStatus(set, current, update);
  }

  /** getStatefulSetRevisions: the current revision (from status) and the update revision (the template). */
  private getRevisions(set: StatefulSet): [ControllerRevision, ControllerRevision] {
    const revisions = listRevisions(this.ctx.store, set);
    const data = templatePatch(set.spec.template);
    const equal = revisions.filter((cr) => sameJson(cr.data, data));
    const next = maxRevisionNumber(revisions) + 1;
    let update: ControllerRevision;
    if (equal.length > 0 && equal[equal.length - 1] === revisions[revisions.length - 1]) update = equal[equal.length - 1]!;
    else if (equal.length > 0) update = renumberRevision(this.ctx.store, equal[equal.length - 1]!, next);
    else {
      const hash = hashRevision(data, set.status?.collisionCount);
      const labels = { ...(set.spec.template.metadata?.labels ?? {}), [ControllerRevisionHashLabel]: hash };
      update = createRevision(this.ctx.store, set, `${set.metadata.name}-${hash}`, labels, data, next, set.metadata.annotations);
    }
    const current = revisions.find((cr) => cr.metadata.name === set.status?.currentRevision) ?? update;
    return [current, update];
  }

  /** One pass of updateStatefulSet: replicas in order, then condemned pods, then the rolling update. */
  private updatePods(set: StatefulSet, current: ControllerRevision, update: ControllerRevision): void {
    const start = set.spec.ordinals?.start ?? 0;
    const count = set.spec.replicas ?? 1;
    const pods = this.pods(set);
    const monotonic = (set.spec.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';
    const replicas: (Pod | undefined)[] = [];
    for (let ord = start; ord < start + count; ord++) replicas.push(pods.get(ord));
    if (!this.syncReplicas(set, replicas, start, monotonic, current, update)) return;
    const condemned = [...pods.entries()].filter(([ord]) => ord < start || ord >= start + count).sort(([a], [b]) => b - a);
    if (!this.deleteCondemned(set, condemned.map(([, pod]) => pod), monotonic)) return;
    if (isRolling(set)) this.rollingUpdate(set, replicas as Pod[], update);
  }

  /**
   * Creates missing ordinals (below the partition at the current revision, else at the update revision);
   * with OrderedReady stops after a creation or at the first unhealthy pod. False means "stop this sync".
   */
  private syncReplicas(set: StatefulSet, replicas: (Pod | undefined)[], start: number, monotonic: boolean, current: ControllerRevision, update: ControllerRevision): boolean {
    const partition = set.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
    for (let i = 0; i < replicas.length; i++) {
      const pod = replicas[i];
      if (!pod) {
        const ordinal = start + i;
        const revision = isRolling(set) && ordinal < start + partition ? current : update;
        replicas[i] = this.createPod(set, statefulPod(set, revisionTemplate(revision), revision.metadata.name, ordinal));
        if (monotonic) return false;
        continue;
      }
      if (monotonic && !this.isHealthy(set, pod)) return false;
    }
    return true;
  }

  /** Deletes pods beyond the replica count, highest ordinal first; OrderedReady one at a time. */
  private deleteCondemned(set: StatefulSet, condemned: Pod[], monotonic: boolean): boolean {
    for (const pod of condemned) {
      if (!pod.metadata.deletionTimestamp) this.deletePod(set, pod);
      if (monotonic) return false;
    }
    return true;
  }

  /**
   * RollingUpdate. Without maxUnavailable: from the highest ordinal down to the partition, delete the first
   * pod not at the update revision, or stop at the first unhealthy one. With maxUnavailable (the
   * MaxUnavailableStatefulSet gate; the field is only honoured when set): count unhealthy pods, and if
   * fewer than maxUnavailable, delete up to the difference of out-of-date pods, highest ordinal first.
   */
  private rollingUpdate(set: StatefulSet, replicas: Pod[], update: ControllerRevision): void {
    const rollingUpdate = set.spec.updateStrategy?.rollingUpdate;
    const partition = rollingUpdate?.partition ?? 0;
    const outdated = (pod: Pod): boolean => pod.metadata.labels?.[StatefulSetRevisionLabel] !== update.metadata.name && !pod.metadata.deletionTimestamp;
    if (rollingUpdate?.maxUnavailable !== undefined) {
      const max = statefulSetMaxUnavailable(rollingUpdate.maxUnavailable, replicas.length);
      const unavailable = replicas.filter((p) => !this.isHealthy(set, p)).length;
      let budget = max - unavailable;
      for (let i = replicas.length - 1; i >= Math.max(0, partition) && budget > 0; i--) {
        if (!outdated(replicas[i]!)) continue;
        this.deletePod(set, replicas[i]!);
        budget--;
      }
      return;
    }
    for (let i = replicas.length - 1; i >= Math.max(0, partition); i--) {
      const pod = replicas[i]!;
      if (outdated(pod)) {
        this.deletePod(set, pod);
        return;
      }
      if (!this.isHealthy(set, pod)) return;
    }
  }

  /** Running and Ready, available for minReadySeconds, and not terminating. */
  private isHealthy(set: StatefulSet, pod: Pod): boolean {
    return !pod.metadata.deletionTimestamp && pod.status?.phase === 'Running' && isPodAvailable(pod, set.spec.minReadySeconds ?? 0, this.ctx.clock.now());
  }

  private pods(set: StatefulSet): Map<number, Pod> {
    const out = new Map<number, Pod>();
    for (const pod of this.ctx.store.dependents<Pod>(set.metadata.uid!, 'Pod')) {
      if (controllerRefOf(pod)?.uid !== set.metadata.uid) continue;
      const ordinal = ordinalOf(set.metadata.name, pod.metadata.name);
      if (ordinal !== undefined) out.set(ordinal, pod);
    }
    return out;
  }

  private createPod(set: StatefulSet, pod: Pod): Pod {
    const existing = this.ctx.store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name);
    if (existing) return existing;
    const created = this.ctx.store.create(pod);
    this.ctx.recorder.event(set, 'Normal', 'SuccessfulCreate', `create Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`);
    return created;
  }

  private deletePod(set: StatefulSet, pod: Pod): void {
    deleteObject(this.ctx.store, this.ctx.clock, 'Pod', pod.metadata.namespace, pod.metadata.name);
    this.ctx.recorder.event(set, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`);
  }

  /** Status counts, completeRollingUpdate, and history truncation keeping live revisions. */
  private updateStatus(set: StatefulSet, current: ControllerRevision, update: ControllerRevision): void {
    const now = this.ctx.clock.now();
    const pods = [...this.pods(set).values()];
    const created = pods.filter((p) => !!p.status?.phase);
    const live = created.filter((p) => !p.metadata.deletionTimestamp);
    const ready = pods.filter((p) => p.status?.phase === 'Running' && isPodReady(p));
    const s = {
      replicas: created.length,
      readyReplicas: ready.length,
      currentReplicas: live.filter((p) => p.metadata.labels?.[StatefulSetRevisionLabel] === current.metadata.name).length,
      updatedReplicas: live.filter((p) => p.metadata.labels?.[StatefulSetRevisionLabel] === update.metadata.name).length,
      availableReplicas: ready.filter((p) => isPodAvailable(p, set.spec.minReadySeconds ?? 0, now)).length,
      currentRevision: current.metadata.name,
      updateRevision: update.metadata.name,
    };
    if (isRolling(set) && s.updatedReplicas === s.replicas && s.readyReplicas === s.replicas) {
      s.currentReplicas = s.updatedReplicas;
      s.currentRevision = s.updateRevision;
    }
    const status = compactStatus({ observedGeneration: set.metadata.generation, ...s, collisionCount: set.status?.collisionCount ?? 0 });
    if (!sameJson(status, set.status ?? {})) {
      this.ctx.store.updateStatus('StatefulSet', set.metadata.namespace, set.metadata.name, status);
    }
    this.requeueForAvailability(set, ready, now);
    const liveNames = new Set([s.currentRevision, s.updateRevision, ...pods.map((p) => p.metadata.labels?.[StatefulSetRevisionLabel] ?? '')]);
    truncateHistory(this.ctx.store, listRevisions(this.ctx.store, set), liveNames, set.spec.revisionHistoryLimit ?? 10);
  }

  /** Ready pods become available minReadySeconds later: look again at the first such moment. */
  private requeueForAvailability(set: StatefulSet, ready: Pod[], now: number): void {
    const minReady = set.spec.minReadySeconds ?? 0;
    if (minReady === 0) return;
    const waits = ready.filter((p) => !isPodAvailable(p, minReady, now)).map((p) => readySince(p) + minReady * 1000 + 1 - now);
    if (waits.length > 0) this.ctx.requeueAfter(keyOf(set.metadata.namespace, set.metadata.name), Math.max(1, Math.min(...waits)));
  }
}

function readySince(pod: Pod): number {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready');
  return c?.lastTransitionTime ? parseTime(c.lastTransitionTime) : 0;
}

/**
 * getStatefulSetMaxUnavailable: an int, or a percentage of replicas rounded **down**, at least 1.
 * Examples (5 replicas): 2 → 2; "50%" → 2; "10%" → 1; 0 → 1.
 */
export function statefulSetMaxUnavailable(value: IntOrString, replicas: number): number {
  return Math.max(1, getScaledValueFromIntOrPercent(value, replicas, false));
}

function isRolling(set: StatefulSet): boolean {
  return (set.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

function compactStatus(s: Record<string, unknown>): Record<string, unknown> {
  const keep = new Set(['replicas', 'availableReplicas', 'collisionCount']);
  return Object.fromEntries(Object.entries(s).filter(([k, v]) => v !== undefined && (v !== 0 || keep.has(k))));
}

/** The ordinal of `<set>-<n>`, if the pod name has that shape. */
export function ordinalOf(setName: string, podName: string): number | undefined {
  if (!podName.startsWith(`${setName}-`)) return undefined;
  const tail = podName.slice(setName.length + 1);
  return /^\d+$/.test(tail) ? Number(tail) : undefined;
}

/** HashControllerRevision: FNV-32a of the revision data (and collision count), safe-encoded. */
export function hashRevision(data: unknown, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(canonicalJson(data)));
  if (collisionCount) {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(bytes, h);
  }
  return safeEncodeString(String(h));
}

/** newStatefulSetPod: `<set>-<ordinal>` with identity labels, hostname and subdomain. */
export function statefulPod(set: StatefulSet, template: PodTemplateSpec, revisionName: string, ordinal: number): Pod {
  const t = cloneObject(template);
  defaultPodSpec(t.spec);
  const name = `${set.metadata.name}-${ordinal}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: set.metadata.namespace,
      labels: { ...(t.metadata?.labels ?? {}), [StatefulSetRevisionLabel]: revisionName, [StatefulSetPodNameLabel]: name, [PodIndexLabel]: String(ordinal) },
      ...(t.metadata?.annotations ? { annotations: t.metadata.annotations } : {}),
      ownerReferences: [controllerRef(set)],
    },
    spec: { ...t.spec, hostname: name, ...(set.spec.serviceName ? { subdomain: set.spec.serviceName } : {}), serviceAccountName: 'default', serviceAccount: 'default', enableServiceLinks: true, priority: 0 },
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  };
}
