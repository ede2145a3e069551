/**
 * `kubectl set image`: replaces container images by container name (`*` = every container) in a pod
 * template (Deployment, ReplicaSet, DaemonSet, StatefulSet) or a Pod, as one user write.
 */
import { type Cluster, InvalidError, type KubeObject } from '../../cluster/index.js';

interface Container {
  name: string;
  image?: string;
}

interface PodSpecLike {
  containers?: Container[];
  initContainers?: Container[];
}

/**
 * Sets the images; returns whether anything changed and the stored object. Throws InvalidError
 * (`unable to find container named "x"`) or the cluster's errors from the write.
 */
export function setImages(cluster: Cluster, obj: KubeObject, images: Record<string, string>): { changed: boolean; object: KubeObject } {
  const spec = obj.spec as { template?: { spec?: PodSpecLike } } & PodSpecLike;
  const podSpec: PodSpecLike = obj.kind === 'Pod' ? spec : spec?.template?.spec ?? {};
  const containers = structuredClone(podSpec.containers ?? []);
  const initContainers = structuredClone(podSpec.initContainers ?? []);
  let changed = false;
  for (const [containerName, image] of Object.entries(images)) {
    const targets = [...initContainers, ...containers].filter((c) => containerName === '*' || c.name === containerName);
    if (targets.length === 0) throw new InvalidError(`unable to find container named "${containerName}"`);
    for (const c of targets) {
      if (c.image !== image) changed = true;
      c.image = image;
    }
  }
  if (!changed) return { changed, object: obj };
  const patched: PodSpecLike = { containers, ...(podSpec.initContainers ? { initContainers } : {}) };
  const patch = obj.kind === 'Pod' ? { spec: patched } : { spec: { template: { spec: patched } } };
  const object = cluster.patch(obj.kind, obj.metadata.namespace, obj.metadata.name, patch, 'merge');
  return { changed, object };
}
