/**
 * ControllerRevisions for DaemonSets and StatefulSets (pkg/controller/history and the controllers'
 * getPatch): each revision stores `{"spec":{"template":{..., "$patch":"replace"}}}` and a revision number;
 * history beyond revisionHistoryLimit is truncated oldest first, never deleting a live revision.
 */
import { cloneObject, type ObjectStore } from '../store.js';
import type { KubeObject, OwnerReference, PodTemplateSpec } from '../types.js';
import { controllerRefOf } from './controller.js';

/** apps/v1 ControllerRevision. */
export interface ControllerRevision extends KubeObject {
  data: { spec: { template: PodTemplateSpec & { $patch?: string } } };
  revision: number;
}

/** getPatch: the revision data for a pod template. */
export function templatePatch(template: PodTemplateSpec): ControllerRevision['data'] {
  return { spec: { template: { ...cloneObject(template), $patch: 'replace' } } };
}

/** ApplyRevision's effect on the template: the pod template a revision records. */
export function revisionTemplate(cr: ControllerRevision): PodTemplateSpec {
  const { $patch: _p, ...template } = cloneObject(cr.data.spec.template);
  return template;
}

/** The ControllerRevisions controlled by `owner`, sorted by revision, then name. */
export function listRevisions(store: ObjectStore, owner: KubeObject): ControllerRevision[] {
  return store
    .dependents<ControllerRevision>(owner.metadata.uid!, 'ControllerRevision')
    .filter((cr) => controllerRefOf(cr)?.uid === owner.metadata.uid)
    .sort((a, b) => a.revision - b.revision || (a.metadata.name < b.metadata.name ? -1 : 1));
}

/** The highest revision number among `revisions` (0 when none). */
export function maxRevisionNumber(revisions: readonly ControllerRevision[]): number {
  return revisions.reduce((m, cr) => Math.max(m, cr.revision), 0);
}

/** A controller owner reference to a workload object. */
export function controllerRef(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** Stores a new revision. */
export function createRevision(
  store: ObjectStore,
  owner: KubeObject,
  name: string,
  labels: Record<string, string>,
  data: ControllerRevision['data'],
  revision: number,
  annotations?: Record<string, string>,
): ControllerRevision {
  const cr: ControllerRevision = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: { name, namespace: owner.metadata.namespace, labels, ...(annotations && Object.keys(annotations).length ? { annotations } : {}), ownerReferences: [controllerRef(owner)] },
    data,
    revision,
  };
  return store.create(cr);
}

/** Raises a revision's number (a rollback to an earlier template). */
export function renumberRevision(store: ObjectStore, cr: ControllerRevision, revision: number): ControllerRevision {
  const copy = cloneObject(cr);
  delete copy.metadata.resourceVersion;
  copy.revision = revision;
  return store.update(copy);
}

/** Deletes the oldest non-live revisions beyond `limit`. */
export function truncateHistory(store: ObjectStore, revisions: readonly ControllerRevision[], live: ReadonlySet<string>, limit: number): void {
  const nonLive = revisions.filter((cr) => !live.has(cr.metadata.name));
  const excess = nonLive.length - limit;
  for (const cr of nonLive.slice(0, Math.max(0, excess))) store.remove('ControllerRevision', cr.metadata.namespace, cr.metadata.name);
}
