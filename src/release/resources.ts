/**
 * What Helm's kube client does with a release's manifest (pkg/kube/client.go, pkg/action/validate.go):
 * build objects from the manifest text, stamp ownership metadata, refuse objects owned by something
 * else, create, update with a three-way merge (creating what is new and deleting what the new manifest
 * dropped unless `helm.sh/resource-policy: keep`), and delete in uninstall order.
 */
import { type Cluster, ClusterError, kindInfo, type KubeObject, parseManifests } from '../cluster/index.js';
import { INSTALL_ORDER, splitManifests } from '../helm/render/index.js';
import { ResourceError } from './errors.js';
import { threeWayMergePatch } from './three-way.js';

/** `app.kubernetes.io/managed-by`, set to `Helm` on every object of a release. */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
/** `meta.helm.sh/release-name`. */
export const RELEASE_NAME_ANNOTATION = 'meta.helm.sh/release-name';
/** `meta.helm.sh/release-namespace`. */
export const RELEASE_NAMESPACE_ANNOTATION = 'meta.helm.sh/release-namespace';
/** `helm.sh/resource-policy`; the value `keep` spares an object from deletion. */
export const RESOURCE_POLICY_ANNOTATION = 'helm.sh/resource-policy';
/** The resource policy value that keeps an object. */
export const KEEP_POLICY = 'keep';

/** Parses manifest text into objects, namespaced kinds defaulting to `namespace`. Throws ResourceError. */
export function buildResources(manifest: string, namespace: string): KubeObject[] {
  let objects: KubeObject[];
  try {
    objects = parseManifests(splitManifests(manifest).join('\n---\n'));
  } catch (e) {
    throw new ResourceError(`unable to build kubernetes objects from release manifest: ${(e as Error).message}`);
  }
  return objects.map((o) => (kindInfo(o.kind, o.apiVersion).namespaced && !o.metadata.namespace
    ? { ...o, metadata: { ...o.metadata, namespace } } : o));
}

/** setMetadataVisitor(force): the managed-by label and the release annotations, overwriting. */
export function withOwnership(obj: KubeObject, releaseName: string, releaseNamespace: string): KubeObject {
  return {
    ...obj,
    metadata: {
      ...obj.metadata,
      labels: { ...(obj.metadata.labels ?? {}), [MANAGED_BY_LABEL]: 'Helm' },
      annotations: { ...(obj.metadata.annotations ?? {}), [RELEASE_NAME_ANNOTATION]: releaseName, [RELEASE_NAMESPACE_ANNOTATION]: releaseNamespace },
    },
  };
}

/** `Deployment "web" in namespace "default"` (resourceString). */
export function describeResource(obj: KubeObject): string {
  return `${obj.kind} ${JSON.stringify(obj.metadata.name)} in namespace ${JSON.stringify(obj.metadata.namespace ?? '')}`;
}

function requireValue(map: Record<string, string> | undefined, key: string, value: string): string | undefined {
  const actual = map?.[key];
  if (actual === undefined) return `missing key ${JSON.stringify(key)}: must be set to ${JSON.stringify(value)}`;
  if (actual !== value) return `key ${JSON.stringify(key)} must equal ${JSON.stringify(value)}: current value is ${JSON.stringify(actual)}`;
  return undefined;
}

/** checkOwnership: undefined when the live object belongs to this release, else Helm's message. */
export function ownershipProblem(live: KubeObject, releaseName: string, releaseNamespace: string): string | undefined {
  const problems = [
    ['label', requireValue(live.metadata.labels, MANAGED_BY_LABEL, 'Helm')],
    ['annotation', requireValue(live.metadata.annotations, RELEASE_NAME_ANNOTATION, releaseName)],
    ['annotation', requireValue(live.metadata.annotations, RELEASE_NAMESPACE_ANNOTATION, releaseNamespace)],
  ].filter(([, p]) => p !== undefined);
  if (problems.length === 0) return undefined;
  return ['invalid ownership metadata', ...problems.map(([what, p]) => `${what} validation error: ${p}`)].join('; ');
}

/**
 * existingResourceConflict: the objects that already exist and belong to this release (to adopt).
 * Throws ResourceError `<Kind> "x" in namespace "y" exists and cannot be imported into the current release: …`.
 */
export function existingResources(cluster: Cluster, objects: KubeObject[], releaseName: string, releaseNamespace: string): KubeObject[] {
  const adopt: KubeObject[] = [];
  for (const obj of objects) {
    const live = cluster.get(obj.kind, obj.metadata.namespace, obj.metadata.name);
    if (!live) continue;
    const problem = ownershipProblem(live, releaseName, releaseNamespace);
    if (problem) throw new ResourceError(`${describeResource(obj)} exists and cannot be imported into the current release: ${problem}`);
    adopt.push(obj);
  }
  return adopt;
}

const keyOf = (o: KubeObject): string => `${o.apiVersion}/${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/** Creates every object in order. Throws ResourceError wrapping the cluster's error. */
export function createResources(cluster: Cluster, objects: KubeObject[]): void {
  for (const obj of objects) {
    try {
      cluster.create(obj);
    } catch (e) {
      if (e instanceof ClusterError) throw new ResourceError(e.message);
      throw e;
    }
  }
}

/** What an update did, for `--cleanup-on-fail` and the wait. */
export interface UpdateResult {
  created: KubeObject[];
  updated: KubeObject[];
  deleted: KubeObject[];
}

/**
 * Client.Update: creates target objects that do not exist, patches existing ones with the three-way
 * merge (against their `original` manifest when there is one, else the live object), then deletes
 * original objects the target dropped unless they are marked keep. Throws ResourceError
 * (`failed to create resource: …`, update errors joined with ` && `).
 */
export function updateResources(cluster: Cluster, original: KubeObject[], target: KubeObject[]): UpdateResult {
  const result: UpdateResult = { created: [], updated: [], deleted: [] };
  const errors: string[] = [];
  const originals = new Map(original.map((o) => [keyOf(o), o]));
  for (const obj of target) {
    const live = cluster.get(obj.kind, obj.metadata.namespace, obj.metadata.name);
    if (!live) {
      result.created.push(obj);
      try {
        cluster.create(obj);
      } catch (e) {
        if (e instanceof ClusterError) throw new ResourceError(`failed to create resource: ${e.message}`);
        throw e;
      }
      continue;
    }
    const base = originals.get(keyOf(obj)) ?? live;
    const patch = threeWayMergePatch(obj.kind, base as Record<string, unknown>, obj as Record<string, unknown>, live as Record<string, unknown>);
    if (Object.keys(patch).length > 0) {
      try {
        cluster.patch(obj.kind, obj.metadata.namespace, obj.metadata.name, patch, 'strategic');
      } catch (e) {
        if (!(e instanceof ClusterError)) throw e;
        errors.push(`cannot patch ${JSON.stringify(obj.metadata.name)} with kind ${obj.kind}: ${e.message}`);
      }
    }
    result.updated.push(obj);
  }
  if (errors.length > 0) throw new ResourceError(errors.join(' && '));
  const targets = new Set(target.map(keyOf));
  for (const obj of original) {
    if (targets.has(keyOf(obj))) continue;
    const live = cluster.get(obj.kind, obj.metadata.namespace, obj.metadata.name);
    if (!live || live.metadata.annotations?.[RESOURCE_POLICY_ANNOTATION] === KEEP_POLICY) continue;
    cluster.delete(obj.kind, obj.metadata.namespace, obj.metadata.name);
    result.deleted.push(obj);
  }
  return result;
}

/** Helm's UninstallOrder (pkg/releaseutil/kind_sorter.go); unknown kinds go last, alphabetically. */
export const UNINSTALL_ORDER: readonly string[] = [
  'APIService', 'Ingress', 'IngressClass', 'Service', 'CronJob', 'Job', 'StatefulSet', 'HorizontalPodAutoscaler',
  'Deployment', 'ReplicaSet', 'ReplicationController', 'Pod', 'DaemonSet', 'RoleBindingList', 'RoleBinding', 'RoleList',
  'Role', 'ClusterRoleBindingList', 'ClusterRoleBinding', 'ClusterRoleList', 'ClusterRole', 'CustomResourceDefinition',
  'PersistentVolumeClaim', 'PersistentVolume', 'StorageClass', 'ConfigMap', 'SecretList', 'Secret', 'ServiceAccount',
  'PodDisruptionBudget', 'PodSecurityPolicy', 'LimitRange', 'ResourceQuota', 'NetworkPolicy', 'Namespace', 'PriorityClass',
];

/** A stable sort of objects by UninstallOrder. */
function sortForUninstall(objects: KubeObject[]): KubeObject[] {
  const rank = (k: string): number => UNINSTALL_ORDER.indexOf(k);
  return objects.map((o, i) => ({ o, i })).sort((a, b) => {
    const ra = rank(a.o.kind);
    const rb = rank(b.o.kind);
    if (ra < 0 && rb < 0) return a.o.kind === b.o.kind ? a.i - b.i : a.o.kind < b.o.kind ? -1 : 1;
    if (ra < 0 || rb < 0) return ra < 0 ? 1 : -1;
    return ra - rb || a.i - b.i;
  }).map(({ o }) => o);
}

/**
 * Uninstall's deleteRelease: objects whose manifest says `helm.sh/resource-policy: keep` are kept and
 * reported as `[Kind] name` lines; the rest are deleted in uninstall order (missing ones skipped).
 */
export function deleteReleaseResources(cluster: Cluster, manifest: string, namespace: string): { deleted: KubeObject[]; kept: string } {
  const objects = sortForUninstall(buildResources(manifest, namespace));
  const isKept = (o: KubeObject): boolean => o.metadata.annotations?.[RESOURCE_POLICY_ANNOTATION] === KEEP_POLICY;
  const kept = objects.filter(isKept).map((o) => `[${o.kind}] ${o.metadata.name}\n`).join('');
  const doomed = objects.filter((o) => !isKept(o));
  const deleted: KubeObject[] = [];
  for (const obj of doomed) {
    if (!cluster.get(obj.kind, obj.metadata.namespace, obj.metadata.name)) continue;
    cluster.delete(obj.kind, obj.metadata.namespace, obj.metadata.name);
    deleted.push(obj);
  }
  return { deleted, kept };
}
