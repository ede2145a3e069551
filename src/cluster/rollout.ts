/**
 * The client-side halves of `kubectl rollout history` and `kubectl rollout undo` for Deployments
 * (kubernetes/kubectl pkg/polymorphichelpers/history.go and rollback.go), over the simulated cluster.
 * Rollback is client-side in modern kubectl: it copies the chosen ReplicaSet's template (hash label
 * removed) and annotations into the Deployment; the controller then reuses that ReplicaSet (§1.6).
 */
import type { Cluster } from './cluster.js';
import { annotationsToSkip, ChangeCauseAnnotation, RevisionAnnotation } from './controllers/deployment/annotations.js';
import { DefaultDeploymentUniqueLabelKey, equalIgnoreHash } from './controllers/deployment/replica-sets.js';
import { ClusterError } from './errors.js';
import { type ControllerRevision, revisionTemplate } from './controllers/history.js';
import { sameJson } from './store.js';
import type { Deployment, KubeObject, PodTemplateSpec, ReplicaSet } from './types.js';

/** An error kubectl prints as `error: <message>`. */
export class RolloutError extends ClusterError {
  override readonly name = 'RolloutError';
  constructor(message: string) {
    super(message, 'BadRequest', 400);
  }
}

/** One revision of a Deployment's history. */
export interface HistoryEntry {
  revision: number;
  /** kubernetes.io/change-cause of the revision's ReplicaSet, or "<none>". */
  changeCause: string;
  template: PodTemplateSpec;
}

/** The ReplicaSets a Deployment controls. */
export function replicaSetsOf(cluster: Cluster, d: Deployment): ReplicaSet[] {
  return cluster
    .list<ReplicaSet>('ReplicaSet', { namespace: d.metadata.namespace })
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
}

/** ViewHistory: one entry per revision found on the ReplicaSets, sorted by revision. */
export function deploymentHistory(replicaSets: readonly ReplicaSet[]): HistoryEntry[] {
  const byRevision = new Map<number, HistoryEntry>();
  for (const rs of replicaSets) {
    const revision = revisionNumber(rs);
    if (revision === undefined) continue;
    const changeCause = rs.metadata.annotations?.[ChangeCauseAnnotation] || '<none>';
    byRevision.set(revision, { revision, changeCause, template: rs.spec.template });
  }
  return [...byRevision.values()].sort((a, b) => a.revision - b.revision);
}

/**
 * The REVISION/CHANGE-CAUSE table as kubectl's tabwriter prints it (two spaces of padding), or
 * "No rollout history found." when there is none.
 */
export function formatHistory(entries: readonly HistoryEntry[]): string {
  if (entries.length === 0) return 'No rollout history found.';
  const width = Math.max('REVISION'.length, ...entries.map((e) => String(e.revision).length)) + 2;
  const lines = [['REVISION', 'CHANGE-CAUSE'], ...entries.map((e) => [String(e.revision), e.changeCause])];
  return lines.map(([r, c]) => `${r!.padEnd(width)}${c}\n`).join('');
}

/** The outcome of an undo: the message kubectl prints after `deployment.apps/<name> `, and the new Deployment. */
export interface RollbackPlan {
  message: string;
  deployment?: Deployment;
}

/**
 * DeploymentRollbacker.Rollback without the write: finds revision `toRevision` (0 = the previous one) and
 * returns the Deployment to store, or a "skipped rollback" message. Throws RolloutError with kubectl's
 * messages: `unable to find specified revision N in history`, `no rollout history found for deployment "x"`,
 * `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`.
 */
export function planRollback(d: Deployment, replicaSets: readonly ReplicaSet[], toRevision = 0): RollbackPlan {
  if (toRevision < 0) throw new RolloutError(`unable to find specified revision ${toRevision} in history`);
  const target = findRevision(d, replicaSets, toRevision);
  if (d.spec.paused) throw new RolloutError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  if (equalIgnoreHash(target.spec.template, d.spec.template)) {
    return { message: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  const template = structuredClone(target.spec.template);
  if (template.metadata?.labels) delete template.metadata.labels[DefaultDeploymentUniqueLabelKey];
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (annotationsToSkip.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(target.metadata.annotations ?? {})) if (!annotationsToSkip.has(k)) annotations[k] = v;
  const next = structuredClone(d);
  next.spec.template = template;
  next.metadata.annotations = annotations;
  return { message: 'rolled back', deployment: next };
}

/** Runs `kubectl rollout undo deployment/name [--to-revision=N]` against the cluster; returns the message. */
export function rollbackDeployment(cluster: Cluster, namespace: string, name: string, toRevision = 0): string {
  const d = cluster.get<Deployment>('Deployment', namespace, name);
  if (!d) throw new RolloutError(`deployments.apps "${name}" not found`);
  const plan = planRollback(d, replicaSetsOf(cluster, d), toRevision);
  if (plan.deployment) cluster.replace(plan.deployment);
  return plan.message;
}

function findRevision(d: Deployment, replicaSets: readonly ReplicaSet[], toRevision: number): ReplicaSet {
  let latest: [number, ReplicaSet] | undefined;
  let previous: [number, ReplicaSet] | undefined;
  for (const rs of replicaSets) {
    const v = revisionNumber(rs);
    if (v === undefined) continue;
    if (toRevision !== 0) {
      if (v === toRevision) return rs;
      continue;
    }
    if (!latest || latest[0] < v) {
      previous = latest;
      latest = [v, rs];
    } else if (!previous || previous[0] < v) previous = [v, rs];
  }
  if (toRevision > 0) throw new RolloutError(`unable to find specified revision ${toRevision} in history`);
  if (!previous) throw new RolloutError(`no rollout history found for deployment "${d.metadata.name}"`);
  return previous[1];
}

/** deploymentutil.Revision: 0 when the annotation is missing, undefined when it does not parse. */
function revisionNumber(rs: ReplicaSet): number | undefined {
  const text = rs.metadata.annotations?.[RevisionAnnotation];
  if (text === undefined) return 0;
  return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

/** History of a DaemonSet or StatefulSet from its ControllerRevisions, sorted by revision. */
export function revisionHistory(cluster: Cluster, owner: KubeObject): HistoryEntry[] {
  return controllerRevisions(cluster, owner).map((cr) => ({
    revision: cr.revision,
    changeCause: cr.metadata.annotations?.[ChangeCauseAnnotation] || '<none>',
    template: revisionTemplate(cr),
  }));
}

/**
 * `kubectl rollout undo daemonset|statefulset/name [--to-revision=N]`: restores the template recorded in
 * revision N (0 = the one before the latest). Returns "rolled back" or the skipped message; throws
 * RolloutError `unable to find specified revision N in history`.
 */
export function rollbackWithRevisions(cluster: Cluster, kind: 'DaemonSet' | 'StatefulSet', namespace: string, name: string, toRevision = 0): string {
  const owner = cluster.get(kind, namespace, name);
  if (!owner) throw new RolloutError(`${kind === 'DaemonSet' ? 'daemonsets' : 'statefulsets'}.apps "${name}" not found`);
  const history = controllerRevisions(cluster, owner);
  const target = toRevision === 0 ? (history.length > 1 ? history[history.length - 2] : undefined) : history.find((cr) => cr.revision === toRevision);
  if (!target) throw new RolloutError(`unable to find specified revision ${toRevision} in history`);
  const spec = owner.spec as { template: PodTemplateSpec };
  if (sameJson(revisionTemplate(target), spec.template)) return `skipped rollback (current template already matches revision ${toRevision})`;
  cluster.replace({ ...structuredClone(owner), spec: { ...structuredClone(spec), template: revisionTemplate(target) } });
  return 'rolled back';
}

function controllerRevisions(cluster: Cluster, owner: KubeObject): ControllerRevision[] {
  return cluster
    .list<ControllerRevision>('ControllerRevision', { namespace: owner.metadata.namespace })
    .filter((cr) => cr.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid))
    .sort((a, b) => a.revision - b.revision);
}
