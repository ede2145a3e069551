/**
 * Which lists merge by key in a strategic merge patch (the `patchMergeKey`/`patchStrategy` tags of
 * kubernetes/api core/v1, apps/v1 and meta/v1 types, as listed in k8s-api-facade.md §3.10). Every other
 * list is replaced wholesale.
 */

/** How a list field merges. */
export interface ListMeta {
  /** Items are matched by this field; absent for a primitive list merged as a set. */
  mergeKey?: string;
}

const POD_SPEC_LISTS: Record<string, ListMeta> = {
  containers: { mergeKey: 'name' },
  initContainers: { mergeKey: 'name' },
  ephemeralContainers: { mergeKey: 'name' },
  volumes: { mergeKey: 'name' },
  imagePullSecrets: { mergeKey: 'name' },
  hostAliases: { mergeKey: 'ip' },
  topologySpreadConstraints: { mergeKey: 'topologyKey' },
  schedulingGates: { mergeKey: 'name' },
  resourceClaims: { mergeKey: 'name' },
};

const CONTAINER_LISTS: Record<string, ListMeta> = {
  ports: { mergeKey: 'containerPort' },
  env: { mergeKey: 'name' },
  volumeMounts: { mergeKey: 'mountPath' },
  volumeDevices: { mergeKey: 'devicePath' },
};

/**
 * The merge behaviour of the list at `path` (field names from the object root) in an object of `kind`,
 * or undefined when the list is atomic.
 * Examples: (Deployment, spec.template.spec.containers) → key name; (Service, spec.ports) → key port;
 * (Pod, spec.containers.ports) → key containerPort; (any, metadata.finalizers) → set merge.
 */
export function listMeta(kind: string, path: readonly string[]): ListMeta | undefined {
  const field = path[path.length - 1]!;
  const parent = path.slice(0, -1).join('.');
  if (parent === 'metadata' && field === 'ownerReferences') return { mergeKey: 'uid' };
  if (parent === 'metadata' && field === 'finalizers') return {};
  if (field === 'conditions' && path[path.length - 2] === 'status') return { mergeKey: 'type' };
  if (kind === 'Service' && parent === 'spec' && field === 'ports') return { mergeKey: 'port' };
  if (kind === 'ServiceAccount' && path.join('.') === 'secrets') return { mergeKey: 'name' };
  if (parent === 'status' && (field === 'podIPs' || field === 'hostIPs')) return { mergeKey: 'ip' };
  if (isPodSpecPath(kind, path.slice(0, -1))) return POD_SPEC_LISTS[field];
  // List items add no path segment: a container's ports are at <pod spec>.containers.ports.
  const containerList = path[path.length - 2];
  if (containerList && ['containers', 'initContainers', 'ephemeralContainers'].includes(containerList) && isPodSpecPath(kind, path.slice(0, -2))) {
    return CONTAINER_LISTS[field];
  }
  return undefined;
}

/** True when `path` (without list indices) is the pod spec of an object of `kind`. */
export function isPodSpecPath(kind: string, path: readonly string[]): boolean {
  const p = path.join('.');
  if (kind === 'Pod') return p === 'spec';
  return p === 'spec.template.spec' || p === 'spec.jobTemplate.spec.template.spec';
}
