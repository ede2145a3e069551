/**
 * The simulated scheduler: binds each unscheduled pod to the node running the fewest active pods (ties by
 * node order) and records `Scheduled` ("Successfully assigned default/x to node-1").
 */
import type { WatchEvent } from '../../store.js';
import { cloneObject } from '../../store.js';
import { formatTime } from '../../time.js';
import type { Pod } from '../../types.js';
import { type Controller, type ControllerContext, keyOf, splitKey } from '../controller.js';

/** Binds pods to nodes. */
export class Scheduler implements Controller {
  readonly name = 'default-scheduler';
  private readonly load = new Map<string, number>();
  private readonly placed = new Map<string, string>();

  constructor(private readonly ctx: ControllerContext) {}

  /** Unscheduled pods; deletions free their node's slot. */
  keysFor(event: WatchEvent): string[] {
    const pod = event.object as Pod;
    if (pod.kind !== 'Pod') return [];
    if (event.type === 'DELETED') {
      const node = this.placed.get(pod.metadata.uid!);
      if (node) this.load.set(node, (this.load.get(node) ?? 1) - 1);
      this.placed.delete(pod.metadata.uid!);
      return [];
    }
    return !pod.spec.nodeName && !pod.metadata.deletionTimestamp ? [keyOf(pod.metadata.namespace, pod.metadata.name)] : [];
  }

  /** Binds one pod. */
  sync(key: string): void {
    const [namespace, name] = splitKey(key);
    const pod = this.ctx.store.get<Pod>('Pod', namespace, name);
    const nodes = this.ctx.settings.nodes;
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp || nodes.length === 0) return;
    const pinned = pinnedNode(pod);
    if (pinned !== undefined && !nodes.includes(pinned)) return;
    const node = pinned ?? nodes.reduce((best, n) => ((this.load.get(n) ?? 0) < (this.load.get(best) ?? 0) ? n : best), nodes[0]!);
    this.load.set(node, (this.load.get(node) ?? 0) + 1);
    this.placed.set(pod.metadata.uid!, node);
    const bound = cloneObject(pod) as Pod;
    delete bound.metadata.resourceVersion;
    bound.spec.nodeName = node;
    const scheduled = { type: 'PodScheduled', status: 'True' as const, lastProbeTime: null, lastTransitionTime: formatTime(this.ctx.clock.now()) };
    bound.status = { ...(bound.status ?? {}), conditions: [scheduled] };
    this.ctx.store.update(bound);
    this.ctx.recorder.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${node}`);
  }
}

/** A node named by required node affinity on metadata.name (how DaemonSet pods are pinned), if any. */
function pinnedNode(pod: Pod): string | undefined {
  const affinity = pod.spec.affinity as
    | { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchFields?: { key: string; values: string[] }[] }[] } } }
    | undefined;
  const terms = affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    const field = term.matchFields?.find((f) => f.key === 'metadata.name');
    if (field) return field.values[0];
  }
  return undefined;
}
