/**
 * The DaemonSet controller (pkg/controller/daemon): one pod per eligible node, revisions as
 * ControllerRevisions (`<ds>-<hash>`), RollingUpdate (maxUnavailable or maxSurge, both rounded up) or
 * OnDelete, events `SuccessfulCreate` / `SuccessfulDelete` ("Created pod: x", "Deleted pod: x").
 */
import { deleteObject } from '../../deletion.js';
import { defaultPodSpec } from '../../defaults.js';
import { computeHash } from '../../hash.js';
import { matches, fromSelectorMap } from '../../selector.js';
import { cloneObject, sameJson, type WatchEvent } from '../../store.js';
import type { IntOrString, KubeObject, Pod, PodTemplateSpec } from '../../types.js';
import { type Controller, type ControllerContext, controllerRefOf, keyOf, splitKey } from '../controller.js';
import { isPodActive, isPodAvailable, isPodReady } from '../replicaset/pod-ranking.js';
import { type ControllerRevision, controllerRef, createRevision, listRevisions, maxRevisionNumber, renumberRevision, templatePatch, truncateHistory } from '../history.js';
import { ControllerRevisionHashLabel, daemonFenceposts, type DaemonPlan, type NodePods, planManage, planRollingUpdate, planSurgeUpdate, PodTemplateGenerationLabel } from './daemon-update.js';

/** apps/v1 DaemonSet (partial). */
export interface DaemonSet extends KubeObject {
  spec: {
    selector: { matchLabels?: Record<string, string> };
    template: PodTemplateSpec;
    updateStrategy?: { type?: 'RollingUpdate' | 'OnDelete'; rollingUpdate?: { maxUnavailable?: IntOrString; maxSurge?: IntOrString } };
    minReadySeconds?: number;
    revisionHistoryLimit?: number;
  };
  status?: Record<string, unknown> & { collisionCount?: number };
}

/** Reconciles DaemonSets into one pod per node. */
export class DaemonSetController implements Controller {
  readonly name = 'daemonset-controller';

  constructor(private readonly ctx: ControllerContext) {}

  /** DaemonSet changes, changes of their pods, and node changes (for every DaemonSet). */
  keysFor(event: WatchEvent): string[] {
    const obj = event.object;
    if (obj.kind === 'DaemonSet') return [keyOf(obj.metadata.namespace, obj.metadata.name)];
    if (obj.kind === 'Node') return this.ctx.store.list('DaemonSet').map((d) => keyOf(d.metadata.namespace, d.metadata.name));
    const ref = obj.kind === 'Pod' ? controllerRefOf(obj) : undefined;
    return ref?.kind === 'DaemonSet' ? [keyOf(obj.metadata.namespace, ref.name)] : [];
  }

  /** syncDaemonSet for "namespace/name". */
  sync(key: string): void {
    const [namespace, name] = splitKey(key);
    const ds = this.ctx.store.get<DaemonSet>('DaemonSet', namespace, name);
    if (!ds || ds.metadata.deletionTimestamp) return;
    const [cur, old] = this.constructHistory(ds);
    const hash = cur.metadata.labels![ControllerRevisionHashLabel]!;
    const isAvailable = (p: Pod): boolean => isPodAvailable(p, ds.spec.minReadySeconds ?? 0, this.ctx.clock.now());
    const nodes = this.nodePods(ds);
    const strategy = ds.spec.updateStrategy;
    const [surge, unavailable] = daemonFenceposts(strategy?.rollingUpdate?.maxUnavailable, strategy?.rollingUpdate?.maxSurge, nodes.length);
    const rolling = (strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
    const managed = this.execute(ds, hash, planManage(nodes, hash, rolling && surge > 0, isAvailable));
    if (!managed && rolling) {
      const fresh = this.nodePods(ds);
      const plan = surge > 0 ? planSurgeUpdate(fresh, hash, surge, isAvailable) : planRollingUpdate(fresh, hash, unavailable, isAvailable);
      this.execute(ds, hash, plan);
    }
    this.cleanupHistory(ds, [cur, ...old]);
    this.updateStatus(ds, hash);
  }

  /** The eligible nodes (nodeSelector) with the DaemonSet's pods on each, in node-name order. */
  private nodePods(ds: DaemonSet): NodePods[] {
    const pods = this.ctx.store.dependents<Pod>(ds.metadata.uid!, 'Pod').filter((p) => controllerRefOf(p)?.uid === ds.metadata.uid);
    const selector = ds.spec.template.spec.nodeSelector as Record<string, string> | undefined;
    return this.ctx.store
      .list('Node')
      .filter((n) => !selector || matches(fromSelectorMap(selector), n.metadata.labels))
      .map((n) => ({ node: n.metadata.name, pods: pods.filter((p) => targetNode(p) === n.metadata.name && isPodActiveOrTerminating(p)) }));
  }

  private execute(ds: DaemonSet, hash: string, plan: DaemonPlan): boolean {
    for (const name of plan.deletePods) {
      deleteObject(this.ctx.store, this.ctx.clock, 'Pod', ds.metadata.namespace, name);
      this.ctx.recorder.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
    }
    for (const node of plan.createOnNodes) {
      const pod = this.ctx.store.create(daemonPod(ds, hash, node));
      this.ctx.recorder.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
    }
    return plan.deletePods.length + plan.createOnNodes.length > 0;
  }

  /** constructHistory: the revision matching the template (created or renumbered) and the others. */
  private constructHistory(ds: DaemonSet): [ControllerRevision, ControllerRevision[]] {
    const revisions = listRevisions(this.ctx.store, ds);
    const data = templatePatch(ds.spec.template);
    const current = revisions.filter((cr) => sameJson(cr.data, data));
    const old = revisions.filter((cr) => !current.includes(cr));
    const next = maxRevisionNumber(old) + 1;
    if (current.length === 0) {
      const hash = computeHash(ds.spec.template, ds.status?.collisionCount);
      const labels = { ...(ds.spec.template.metadata?.labels ?? {}), [ControllerRevisionHashLabel]: hash };
      return [createRevision(this.ctx.store, ds, `${ds.metadata.name}-${hash}`, labels, data, next, ds.metadata.annotations), old];
    }
    const cur = current[current.length - 1]!;
    return [cur.revision < next ? renumberRevision(this.ctx.store, cur, next) : cur, old];
  }

  private cleanupHistory(ds: DaemonSet, revisions: ControllerRevision[]): void {
    const pods = this.ctx.store.dependents<Pod>(ds.metadata.uid!, 'Pod');
    const liveHashes = new Set(pods.map((p) => p.metadata.labels?.[ControllerRevisionHashLabel]));
    const live = new Set(revisions.filter((cr) => liveHashes.has(cr.metadata.labels?.[ControllerRevisionHashLabel])).map((cr) => cr.metadata.name));
    live.add(revisions[0]!.metadata.name);
    truncateHistory(this.ctx.store, listRevisions(this.ctx.store, ds), live, ds.spec.revisionHistoryLimit ?? 10);
  }

  /** updateDaemonSetStatus: the per-node counts of the oldest pod on each eligible node. */
  private updateStatus(ds: DaemonSet, hash: string): void {
    const now = this.ctx.clock.now();
    const counts = { current: 0, ready: 0, available: 0, updated: 0 };
    const nodes = this.nodePods(ds);
    for (const { pods } of nodes) {
      if (pods.length === 0) continue;
      counts.current++;
      const pod = [...pods].sort((a, b) => ((a.metadata.creationTimestamp ?? '') < (b.metadata.creationTimestamp ?? '') ? -1 : 1))[0]!;
      if (isPodReady(pod)) {
        counts.ready++;
        if (isPodAvailable(pod, ds.spec.minReadySeconds ?? 0, now)) counts.available++;
      }
      if (pod.metadata.labels?.[ControllerRevisionHashLabel] === hash) counts.updated++;
    }
    const status = {
      currentNumberScheduled: counts.current,
      numberMisscheduled: 0,
      desiredNumberScheduled: nodes.length,
      numberReady: counts.ready,
      observedGeneration: ds.metadata.generation,
      ...(counts.updated ? { updatedNumberScheduled: counts.updated } : {}),
      ...(counts.available ? { numberAvailable: counts.available } : {}),
      ...(nodes.length - counts.available ? { numberUnavailable: nodes.length - counts.available } : {}),
      ...(ds.status?.collisionCount !== undefined ? { collisionCount: ds.status.collisionCount } : {}),
    };
    if (!sameJson(status, ds.status ?? {})) {
      this.ctx.store.updateStatus('DaemonSet', ds.metadata.namespace, ds.metadata.name, status);
    }
  }
}

/** The node a daemon pod is bound or pinned to. */
export function targetNode(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName;
  const terms = (pod.spec.affinity as NodeAffinity | undefined)?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return terms?.[0]?.matchFields?.find((f) => f.key === 'metadata.name')?.values[0];
}

function isPodActiveOrTerminating(p: Pod): boolean {
  return isPodActive(p) || (!!p.metadata.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded');
}

interface NodeAffinity {
  nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchFields?: { key: string; values: string[] }[] }[] } };
}

/** A daemon pod pinned to `node` by node affinity, with the revision hash and template generation labels. */
export function daemonPod(ds: DaemonSet, hash: string, node: string): Pod {
  const template = cloneObject(ds.spec.template);
  defaultPodSpec(template.spec);
  const affinity = {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
      },
    },
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: '',
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}), [ControllerRevisionHashLabel]: hash, [PodTemplateGenerationLabel]: String(ds.metadata.generation ?? 1) },
      ...(template.metadata?.annotations ? { annotations: template.metadata.annotations } : {}),
      ownerReferences: [controllerRef(ds)],
    },
    spec: { ...template.spec, affinity, serviceAccountName: 'default', serviceAccount: 'default', enableServiceLinks: true, priority: 0 },
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  };
}
