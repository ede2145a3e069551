/**
 * Deleting objects the way the API server does: pods are deleted gracefully (deletionTimestamp =
 * now + grace period, removed later by the kubelet) unless the grace period is 0; objects with finalizers
 * get a deletionTimestamp; everything else goes at once. Dependents are left to the garbage collector.
 */
import type { Clock } from './clock.js';
import { ForbiddenError } from './errors.js';
import type { ObjectStore } from './store.js';
import { cloneObject } from './store.js';
import { formatTime } from './time.js';
import type { KubeObject, Pod } from './types.js';

/** DeleteOptions the simulator honours. */
export interface DeleteOptions {
  /** Seconds of grace; 0 with force deletes a pod at once. Default: the pod's terminationGracePeriodSeconds. */
  gracePeriodSeconds?: number;
  /** Background (default) and Foreground delete dependents; Orphan releases them. */
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
}

/**
 * Deletes `kind` namespace/name. Returns the object as last stored (with deletionTimestamp when the
 * deletion is graceful). Throws NotFoundError if absent.
 */
export function deleteObject(
  store: ObjectStore,
  clock: Clock,
  kind: string,
  namespace: string | undefined,
  name: string,
  options: DeleteOptions = {},
): KubeObject {
  const current = store.mustGet(kind, namespace, name);
  if (options.propagationPolicy === 'Orphan') orphanDependents(store, current);
  if (kind === 'Pod') return deletePod(store, clock, current as Pod, options.gracePeriodSeconds);
  if (kind === 'Namespace') return deleteNamespace(store, clock, current);
  if ((current.metadata.finalizers ?? []).length > 0) {
    if (current.metadata.deletionTimestamp) return current;
    const marked = cloneObject(current);
    marked.metadata.deletionTimestamp = formatTime(clock.now());
    marked.metadata.deletionGracePeriodSeconds = 0;
    return store.update(marked);
  }
  return store.remove(kind, namespace, name);
}

/** The namespaces a real cluster refuses to delete. */
const UNDELETABLE_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

function deleteNamespace(store: ObjectStore, clock: Clock, ns: KubeObject): KubeObject {
  if (UNDELETABLE_NAMESPACES.has(ns.metadata.name)) {
    throw new ForbiddenError(`namespaces "${ns.metadata.name}" is forbidden: this namespace may not be deleted`);
  }
  if (ns.metadata.deletionTimestamp) return ns;
  const marked = cloneObject(ns);
  marked.metadata.deletionTimestamp = formatTime(clock.now());
  marked.metadata.deletionGracePeriodSeconds = 0;
  marked.status = { phase: 'Terminating' };
  return store.update(marked);
}

function deletePod(store: ObjectStore, clock: Clock, pod: Pod, gracePeriodSeconds: number | undefined): KubeObject {
  const grace = gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  if (grace === 0 || terminal || !pod.spec.nodeName) return store.remove('Pod', pod.metadata.namespace, pod.metadata.name);
  const currentGrace = pod.metadata.deletionGracePeriodSeconds;
  if (pod.metadata.deletionTimestamp && currentGrace !== undefined && currentGrace <= grace) return pod;
  const marked = cloneObject(pod);
  marked.metadata.deletionTimestamp = formatTime(clock.now() + grace * 1000);
  marked.metadata.deletionGracePeriodSeconds = grace;
  return store.update(marked);
}

function orphanDependents(store: ObjectStore, owner: KubeObject): void {
  for (const dep of store.dependents(owner.metadata.uid!)) {
    const copy = cloneObject(dep);
    copy.metadata.ownerReferences = (copy.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
    if (copy.metadata.ownerReferences.length === 0) delete copy.metadata.ownerReferences;
    store.update(copy);
  }
}
