/**
 * The kinds the simulator knows: API group/version, plural resource and scope. Unknown kinds are stored
 * as namespaced objects under a guessed plural and are never reconciled.
 */

/** What the API server knows about one kind. */
export interface KindInfo {
  kind: string;
  apiVersion: string;
  /** Plural resource name, e.g. "deployments". */
  resource: string;
  /** The API group, "" for core. */
  group: string;
  namespaced: boolean;
  /** Whether metadata.generation is maintained (kinds with a spec and a status subresource). */
  hasGeneration: boolean;
}

const KNOWN: KindInfo[] = [
  { kind: 'Namespace', apiVersion: 'v1', resource: 'namespaces', group: '', namespaced: false, hasGeneration: false },
  { kind: 'Node', apiVersion: 'v1', resource: 'nodes', group: '', namespaced: false, hasGeneration: false },
  { kind: 'Pod', apiVersion: 'v1', resource: 'pods', group: '', namespaced: true, hasGeneration: false },
  { kind: 'Service', apiVersion: 'v1', resource: 'services', group: '', namespaced: true, hasGeneration: false },
  { kind: 'Endpoints', apiVersion: 'v1', resource: 'endpoints', group: '', namespaced: true, hasGeneration: false },
  { kind: 'ConfigMap', apiVersion: 'v1', resource: 'configmaps', group: '', namespaced: true, hasGeneration: false },
  { kind: 'Secret', apiVersion: 'v1', resource: 'secrets', group: '', namespaced: true, hasGeneration: false },
  { kind: 'Event', apiVersion: 'v1', resource: 'events', group: '', namespaced: true, hasGeneration: false },
  { kind: 'Deployment', apiVersion: 'apps/v1', resource: 'deployments', group: 'apps', namespaced: true, hasGeneration: true },
  { kind: 'ReplicaSet', apiVersion: 'apps/v1', resource: 'replicasets', group: 'apps', namespaced: true, hasGeneration: true },
  { kind: 'DaemonSet', apiVersion: 'apps/v1', resource: 'daemonsets', group: 'apps', namespaced: true, hasGeneration: true },
  { kind: 'StatefulSet', apiVersion: 'apps/v1', resource: 'statefulsets', group: 'apps', namespaced: true, hasGeneration: true },
  {
    kind: 'ControllerRevision',
    apiVersion: 'apps/v1',
    resource: 'controllerrevisions',
    group: 'apps',
    namespaced: true,
    hasGeneration: false,
  },
];

const BY_KIND = new Map(KNOWN.map((k) => [k.kind, k]));

/** Information about `kind`; for an unknown kind, a namespaced guess with plural `<lowercase kind>s`. */
export function kindInfo(kind: string, apiVersion = 'v1'): KindInfo {
  const known = BY_KIND.get(kind);
  if (known) return known;
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';
  return { kind, apiVersion, resource: `${kind.toLowerCase()}s`, group, namespaced: true, hasGeneration: false };
}

/** Whether `kind` is one the simulator knows (and may reconcile). */
export function isKnownKind(kind: string): boolean {
  return BY_KIND.has(kind);
}

/**
 * Whether the simulator serves `kind` at `apiVersion` (Deployment at apps/v1, not at v1): the objects
 * kubectl can map through discovery. Helm releases may still store other kinds (see kindInfo).
 */
export function isServedKind(kind: string, apiVersion: string): boolean {
  return BY_KIND.get(kind)?.apiVersion === apiVersion;
}

/** The name used in API error messages: "deployments.apps", "pods". */
export function qualifiedResource(info: KindInfo): string {
  return info.group === '' ? info.resource : `${info.resource}.${info.group}`;
}
