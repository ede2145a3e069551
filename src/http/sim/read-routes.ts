/**
 * Read-only simulator routes: cluster names, lists with kubectl's server-side Table, one object, and the
 * rollout views (history text and status line) kubectl prints.
 */
import {
  daemonSetRolloutStatus,
  type Deployment,
  deploymentHistory,
  deploymentRolloutStatus,
  formatHistory,
  type HistoryEntry,
  NotFoundError,
  qualifiedResource,
  replicaSetsOf,
  revisionHistory,
  RolloutError,
  type RolloutStatus,
  statefulSetRolloutStatus,
  toTable,
} from '../../cluster/index.js';
import { clusterOf, kindOf, queryOf, type SimContext } from './sim-context.js';

/** GET /api/sim/clusters: `{"clusters":["default",...]}`. */
export function listClusters({ clusters }: SimContext): unknown {
  return { clusters: clusters.names() };
}

/** GET .../<c>/clock: the cluster's time and whether it is virtual (moved only by advance). */
export function clockRoute(context: SimContext): unknown {
  const cluster = clusterOf(context);
  return { now: new Date(cluster.now()).toISOString(), virtual: cluster.clock.kind === 'virtual' };
}

/**
 * GET .../<r>?namespace=&labelSelector=&fieldSelector=: a v1 List of the objects (all namespaces when
 * `namespace` is absent) and `table`, the meta.k8s.io/v1 Table of the same rows without objects.
 */
export function listObjects(context: SimContext): unknown {
  const cluster = clusterOf(context);
  const info = kindOf(context.match);
  const q = queryOf(context.request);
  const items = cluster.list(info.kind, {
    namespace: info.namespaced ? q.namespace || undefined : undefined,
    labelSelector: q.labelSelector || undefined,
    fieldSelector: q.fieldSelector || undefined,
  });
  const resourceVersion = cluster.resourceVersion();
  const table = toTable(info.kind, items, { nowMs: cluster.now(), resourceVersion, includeObject: 'None' });
  return { kind: 'List', apiVersion: 'v1', metadata: { resourceVersion }, items, table };
}

/** GET .../<r>/<ns>/<name>: the object. Throws NotFoundError. */
export function getObject(context: SimContext): unknown {
  const info = kindOf(context.match);
  const { namespace, name } = context.match;
  const obj = clusterOf(context).get(info.kind, namespace, name);
  if (!obj) throw new NotFoundError(qualifiedResource(info), name);
  return obj;
}

/**
 * GET .../<r>/<ns>/<name>/rollout/history[?revision=N]: `{"entries":[...],"text":"REVISION  CHANGE-CAUSE\n..."}`
 * for Deployments, DaemonSets and StatefulSets. Throws NotFoundError, RolloutError (other kinds, unknown revision).
 */
export function rolloutHistory(context: SimContext): unknown {
  const entries = historyOf(context);
  const revision = Number(queryOf(context.request).revision ?? 0);
  if (revision > 0) {
    const entry = entries.find((e) => e.revision === revision);
    if (!entry) throw new RolloutError('unable to find the specified revision');
    return { entries: [entry], text: '' };
  }
  return { entries, text: formatHistory(entries) };
}

function historyOf(context: SimContext): HistoryEntry[] {
  const cluster = clusterOf(context);
  const obj = getObject(context) as Deployment;
  if (obj.kind === 'Deployment') return deploymentHistory(replicaSetsOf(cluster, obj));
  if (obj.kind === 'DaemonSet' || obj.kind === 'StatefulSet') return revisionHistory(cluster, obj);
  throw new RolloutError(`no history viewer has been implemented for "${obj.kind}"`);
}

/** GET .../<r>/<ns>/<name>/rollout/status: one `RolloutStatus` line for the object as it is now. */
export function rolloutStatus(context: SimContext): RolloutStatus {
  const obj = getObject(context) as Deployment;
  if (obj.kind === 'Deployment') return deploymentRolloutStatus(obj);
  if (obj.kind === 'DaemonSet') return daemonSetRolloutStatus(obj);
  if (obj.kind === 'StatefulSet') return statefulSetRolloutStatus(obj);
  throw new RolloutError(`no status viewer has been implemented for "${obj.kind}"`);
}
