/**
 * A simulated Kubernetes cluster: an object store, the controllers, and the clock that drives them. Every
 * write (by a user or by a controller) becomes a watch event; each controller turns events into work-queue
 * keys; the cluster runs the queue to a fixpoint after every user write and after every batch of timers
 * that falls due. With a virtual clock, time moves only through `advance`.
 *
 * This is the entry point the HTTP layer wraps; nothing here knows about HTTP.
 */
import { admitCreate, admitUpdate } from './admission.js';
import { mergeForApply, withLastApplied } from './apply.js';
import { bootstrapCluster } from './bootstrap.js';
import { type Clock, createVirtualClock, type VirtualClock } from './clock.js';
import type { Controller, ControllerContext } from './controllers/controller.js';
import { DaemonSetController } from './controllers/daemonset/daemonset-controller.js';
import { DeploymentController } from './controllers/deployment/deployment-controller.js';
import { EndpointsController } from './controllers/endpoints-controller.js';
import { NamespaceController } from './controllers/namespace-controller.js';
import { GarbageCollector } from './controllers/garbage-collector.js';
import { Kubelet } from './controllers/kubelet/kubelet.js';
import { Scheduler } from './controllers/kubelet/scheduler.js';
import { StatefulSetController } from './controllers/statefulset/statefulset-controller.js';
import { ReplicaSetController } from './controllers/replicaset/replicaset-controller.js';
import { type DeleteOptions, deleteObject } from './deletion.js';
import { BadRequestError, ForbiddenError, NotFoundError } from './errors.js';
import { createEventSink } from './events.js';
import { matchesFields, parseFieldSelector } from './field-selector.js';
import { applyMergePatch } from './patch/merge-patch.js';
import { applyStrategicMergePatch } from './patch/strategic-merge.js';
import { applyJsonPatch, type JsonPatchOperation } from './patch/json-patch.js';
import { kindInfo, qualifiedResource } from './kinds.js';
import { createRandom, type Random } from './random.js';
import { TimerQueue, WorkQueue } from './scheduling.js';
import { parseSelector } from './selector.js';
import { DEFAULT_SETTINGS, type SimulationSettings } from './settings.js';
import { ObjectStore, type WatchEvent } from './store.js';
import type { KubeEvent, KubeObject } from './types.js';
import { compileWatchFilter, type WatchFilter } from './watch-filter.js';
import type { ApplyResult, Cluster, ClusterOptions, EventFilter, ListQuery, PatchType } from './cluster-api.js';

export type { ApplyResult, Cluster, ClusterOptions, EventFilter, ListQuery, PatchType } from './cluster-api.js';

interface WorkItem {
  controller: Controller;
  key: string;
}

/** The most syncs one settle may run before the cluster reports a livelock. */
const MAX_SYNCS_PER_SETTLE = 1_000_000;

/** Creates a cluster; see the file comment. */
export function createCluster(options: ClusterOptions = {}): Cluster {
  return new SimulatedCluster(options);
}

function patchObject(kind: string, current: KubeObject, patch: Record<string, unknown> | JsonPatchOperation[], type: PatchType): KubeObject {
  if (type === 'json') {
    if (!Array.isArray(patch)) throw new BadRequestError('a JSON patch must be a list of operations');
    return applyJsonPatch(current, patch) as KubeObject;
  }
  if (Array.isArray(patch)) throw new BadRequestError(`a ${type} patch must be an object`);
  return (type === 'strategic' ? applyStrategicMergePatch(kind, current, patch) : applyMergePatch(current, patch)) as KubeObject;
}

class SimulatedCluster implements Cluster {
  readonly name: string;
  readonly clock: Clock;
  readonly settings: SimulationSettings;
  private readonly random: Random;
  private readonly store: ObjectStore;
  private readonly controllers: Controller[];
  private readonly queue = new WorkQueue<WorkItem>((i) => `${i.controller.name}\u0000${i.key}`);
  private readonly timers = new TimerQueue();

  constructor(options: ClusterOptions) {
    this.name = options.name ?? 'default';
    this.clock = options.clock ?? createVirtualClock();
    this.settings = { ...DEFAULT_SETTINGS, ...options.settings };
    this.random = createRandom(options.seed ?? this.name);
    this.store = new ObjectStore({ clock: this.clock, random: this.random, logLimit: options.watchLogLimit });
    const sink = createEventSink(this.store, this.clock);
    const ctx = (name: string): ControllerContext => ({
      store: this.store,
      clock: this.clock,
      random: this.random,
      settings: this.settings,
      recorder: sink.recorder(name),
      requeueAfter: (key, delayMs) => this.requeueAfter(name, key, delayMs),
    });
    this.controllers = [
      new DeploymentController(ctx('deployment-controller')),
      new ReplicaSetController(ctx('replicaset-controller')),
      new DaemonSetController(ctx('daemonset-controller')),
      new StatefulSetController(ctx('statefulset-controller')),
      new Scheduler(ctx('default-scheduler')),
      new Kubelet(ctx('kubelet')),
      new EndpointsController(ctx('endpoint-controller')),
      new GarbageCollector(ctx('garbage-collector')),
      new NamespaceController(ctx('namespace-controller')),
    ];
    this.store.subscribe((event) => this.dispatch(event));
    bootstrapCluster(this.store, this.settings.nodes, this.clock.now());
    this.settle();
  }

  apply(obj: KubeObject): ApplyResult {
    const info = kindInfo(obj.kind, obj.apiVersion);
    const namespace = info.namespaced ? (obj.metadata.namespace ?? 'default') : undefined;
    const current = obj.metadata.name ? this.store.get(obj.kind, namespace, obj.metadata.name) : undefined;
    if (!current) return { action: 'created', object: this.create(withLastApplied(obj)) };
    const before = current.metadata.resourceVersion;
    const merged = mergeForApply({ ...obj, metadata: { ...obj.metadata, namespace } }, current);
    const object = this.replace({ ...merged, metadata: { ...merged.metadata, resourceVersion: undefined } });
    return { action: object.metadata.resourceVersion === before ? 'unchanged' : 'configured', object };
  }

  create(obj: KubeObject): KubeObject {
    const info = kindInfo(obj.kind, obj.apiVersion);
    const namespace = info.namespaced ? (obj.metadata.namespace ?? 'default') : undefined;
    const ns = namespace === undefined ? undefined : this.store.get('Namespace', undefined, namespace);
    if (namespace !== undefined && !ns) throw new NotFoundError('namespaces', namespace);
    if (ns?.metadata.deletionTimestamp) {
      const resource = qualifiedResource(info);
      throw new ForbiddenError(`${resource} "${obj.metadata.name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`);
    }
    const admitted = admitCreate({ ...obj, metadata: { ...obj.metadata, namespace } }, this.store, this.random);
    const created = this.store.create(admitted);
    this.settle();
    return this.store.get(created.kind, namespace, created.metadata.name) ?? created;
  }

  replace(obj: KubeObject): KubeObject {
    const info = kindInfo(obj.kind, obj.apiVersion);
    const namespace = info.namespaced ? (obj.metadata.namespace ?? 'default') : undefined;
    const current = this.store.mustGet(obj.kind, namespace, obj.metadata.name);
    const updated = this.store.update(admitUpdate({ ...obj, metadata: { ...obj.metadata, namespace } }, current));
    this.settle();
    return this.store.get(updated.kind, namespace, updated.metadata.name) ?? updated;
  }

  patch(kind: string, namespace: string | undefined, name: string, patch: Record<string, unknown> | JsonPatchOperation[], type: PatchType = 'merge'): KubeObject {
    const ns = kindInfo(kind).namespaced ? (namespace ?? 'default') : undefined;
    const current = this.store.mustGet(kind, ns, name);
    const patched = patchObject(kind, current, patch, type);
    return this.replace({ ...patched, kind: current.kind, apiVersion: current.apiVersion, metadata: { ...patched.metadata, name, namespace: ns, resourceVersion: undefined } });
  }

  get<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    return this.store.get<T>(kind, kindInfo(kind).namespaced ? (namespace ?? 'default') : undefined, name);
  }

  list<T extends KubeObject = KubeObject>(kind: string, query: ListQuery = {}): T[] {
    const selector = typeof query.labelSelector === 'string' ? parseSelector(query.labelSelector) : query.labelSelector;
    const fields = parseFieldSelector(kind, query.fieldSelector ?? '');
    const items = this.store.list<T>(kind, { namespace: query.namespace, selector });
    return fields.length === 0 ? items : items.filter((obj) => matchesFields(fields, obj));
  }

  delete(kind: string, namespace: string | undefined, name: string, options?: DeleteOptions): KubeObject {
    const ns = kindInfo(kind).namespaced ? (namespace ?? 'default') : undefined;
    const result = deleteObject(this.store, this.clock, kind, ns, name, options);
    this.settle();
    return result;
  }

  advance(ms: number): void {
    if (this.clock.kind !== 'virtual') throw new BadRequestError('time can only be advanced on a virtual clock');
    if (!(ms >= 0)) throw new BadRequestError(`cannot advance by ${ms} ms`);
    const target = this.clock.now() + ms;
    const clock = this.clock as VirtualClock;
    for (let at = this.timers.nextAt(); at !== undefined && at <= target; at = this.timers.nextAt()) {
      clock.setTime(Math.max(at, clock.now()));
      this.fireEarliestTimers();
    }
    clock.setTime(target);
    this.rearm();
  }

  runDueTimers(): void {
    for (let at = this.timers.nextAt(); at !== undefined && at <= this.clock.now(); at = this.timers.nextAt()) {
      this.fireEarliestTimers();
    }
    this.rearm();
  }

  now(): number {
    return this.clock.now();
  }

  events(filter: EventFilter = {}): KubeEvent[] {
    return this.store
      .list<KubeEvent>('Event', { namespace: filter.namespace })
      .filter((e) => (filter.involvedKind === undefined || e.involvedObject.kind === filter.involvedKind) && (filter.involvedName === undefined || e.involvedObject.name === filter.involvedName))
      .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion));
  }

  watch(fromResourceVersion: string, filter?: WatchFilter): WatchEvent[] {
    const keep = compileWatchFilter(filter);
    const events =
      fromResourceVersion === '' || fromResourceVersion === '0'
        ? (filter?.kind ? [filter.kind] : this.store.kinds()).flatMap((kind) => this.store.list(kind).map((object) => ({ type: 'ADDED' as const, object })))
        : this.store.eventsSince(fromResourceVersion);
    return events.map(keep).filter((e): e is WatchEvent => e !== undefined);
  }

  subscribe(listener: (event: WatchEvent) => void, filter?: WatchFilter): () => void {
    const keep = compileWatchFilter(filter);
    return this.store.subscribe((event) => {
      const kept = keep(event);
      if (kept) listener(kept);
    });
  }

  resourceVersion(): string {
    return this.store.resourceVersion();
  }

  setFailingImages(patterns: string[]): void {
    this.settings.failingImages = [...patterns];
  }

  dispose(): void {
    this.clock.wakeAt(undefined, () => undefined);
  }

  private dispatch(event: WatchEvent): void {
    for (const controller of this.controllers) {
      for (const key of controller.keysFor(event)) this.queue.add({ controller, key });
    }
  }

  private requeueAfter(controllerName: string, key: string, delayMs: number): void {
    const controller = this.controllers.find((c) => c.name === controllerName)!;
    if (delayMs <= 0) return this.queue.add({ controller, key });
    const at = this.clock.now() + delayMs;
    this.timers.schedule(at, `${controllerName}\u0000${key}`, () => this.queue.add({ controller, key }));
  }

  private fireEarliestTimers(): void {
    for (const fire of this.timers.takeEarliest()) fire();
    this.settle();
  }

  /** Runs queued syncs until none is left. Throws Error if they never settle (a controller bug). */
  private settle(): void {
    let syncs = 0;
    for (let item = this.queue.take(); item; item = this.queue.take()) {
      if (++syncs > MAX_SYNCS_PER_SETTLE) throw new Error('simulated controllers did not settle');
      item.controller.sync(item.key);
    }
    this.rearm();
  }

  private rearm(): void {
    this.clock.wakeAt(this.timers.nextAt(), () => this.runDueTimers());
  }
}
