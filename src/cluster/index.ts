/**
 * The simulated Kubernetes cluster: what the HTTP layer and the CLI import. Everything else under
 * `cluster/` is internal.
 *
 * ```ts
 * const cluster = createCluster({ clock: createVirtualClock(), seed: 'class-1' });
 * cluster.apply(deploymentManifest);          // controllers run to a fixpoint
 * cluster.advance(5_000);                     // every timer due in 5 s fires in order
 * cluster.list('ReplicaSet', { labelSelector: 'app=vweb' });
 * cluster.events({ involvedKind: 'Deployment', involvedName: 'vweb' });
 * cluster.watch(resourceVersion, { kind: 'Pod' });   // replay, or subscribe() for live changes
 * toTable('Pod', cluster.list('Pod'), { nowMs: cluster.now(), resourceVersion: cluster.resourceVersion() });
 * ```
 *
 * What is simulated (see ../../shared/reference/k8s-rollout.md): the Deployment controller (rolling,
 * Recreate, proportional scaling, pause, revisions and history, progress deadline and conditions), the
 * ReplicaSet controller (deletion ranking, adoption and release), DaemonSet and StatefulSet controllers with
 * ControllerRevisions, a scheduler, a kubelet per node (pod timeline and faults from the
 * `sim.chartroom.dev/*` annotations, failing image patterns, missing ConfigMaps and Secrets), Endpoints,
 * garbage collection, namespace deletion, events (aggregated, 1 h TTL), and kubectl's views (Tables,
 * rollout status, history, undo).
 */
export { type ApplyResult, type Cluster, type ClusterOptions, createCluster, type EventFilter, type ListQuery, type PatchType } from './cluster.js';
export {
  type Clock,
  createRealClock,
  createVirtualClock,
  DEFAULT_VIRTUAL_EPOCH_MS,
  type RealClock,
  type VirtualClock,
  type WallClock,
} from './clock.js';
export type { DeleteOptions } from './deletion.js';
export {
  AlreadyExistsError,
  BadRequestError,
  ClusterError,
  ConflictError,
  ExpiredError,
  ForbiddenError,
  InvalidError,
  NotFoundError,
} from './errors.js';
export { type FieldRequirement, matchesFields, parseFieldSelector } from './field-selector.js';
export { type ClusterRegistry, createClusterRegistry, type RegistryOptions } from './registry.js';
export { isKnownKind, isServedKind, kindInfo, type KindInfo, qualifiedResource } from './kinds.js';
export { parseManifests } from './manifests.js';
export { resolveKind } from './resource-names.js';
export { applyMergePatch } from './patch/merge-patch.js';
export { applyStrategicMergePatch } from './patch/strategic-merge.js';
export { applyJsonPatch, type JsonPatchOperation, parsePointer } from './patch/json-patch.js';
export { matches, parseSelector, type Selector } from './selector.js';
export {
  DEFAULT_SETTINGS,
  FailAnnotation,
  type PodFault,
  ReadyAfterAnnotation,
  type SimulationSettings,
  TerminateAfterAnnotation,
} from './settings.js';
export type { WatchEvent } from './store.js';
export { compileWatchFilter, type WatchEventFilter, type WatchFilter } from './watch-filter.js';
export {
  deploymentHistory,
  formatHistory,
  type HistoryEntry,
  planRollback,
  replicaSetsOf,
  revisionHistory,
  rollbackDeployment,
  rollbackWithRevisions,
  type RollbackPlan,
  RolloutError,
} from './rollout.js';
export { type Scale, scaleObject, scaleOf } from './scale.js';
export { type PodTally, sendTraffic, type TrafficReport } from './traffic.js';
export type * from './types.js';
export { ageSince, humanDuration } from './views/human-duration.js';
export { podCells } from './views/pod-view.js';
export { daemonSetRolloutStatus, deploymentRolloutStatus, type RolloutStatus, statefulSetRolloutStatus } from './views/rollout-status.js';
export { columnsFor, type TableColumnDefinition } from './views/columns.js';
export { type Cell, formatLabels, formatSelector, rowCells } from './views/rows.js';
export { type Table, type TableOptions, type TableRow, toTable } from './views/table.js';
