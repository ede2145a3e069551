/**
 * `kubectl apply` of a whole body (see cluster/manifests.ts for what it may hold). Like kubectl, one bad
 * object does not stop the others.
 */
import { type Cluster, ClusterError, isServedKind, kindInfo, type KubeObject, parseManifests } from '../../cluster/index.js';
import { BadBodyError, displayName, statusOf } from './sim-context.js';

/** The outcome for one object: kubectl prints `<name> <action>` or the error. */
export type ApplyOutcome =
  | { name: string; action: 'created' | 'configured' | 'unchanged'; object: KubeObject }
  | { name: string; error: Record<string, unknown>; noKindMatch?: NoKindMatch };

/** For an object of a kind the simulator does not serve: what kubectl's "resource mapping not found" names. */
export interface NoKindMatch {
  name: string;
  /** metadata.namespace as written ("" when absent). */
  namespace: string;
  kind: string;
  version: string;
}

/**
 * 404 for an object whose kind (at its apiVersion) the simulator does not serve, in the API machinery's
 * words: `no matches for kind "Widget" in version "v1"`.
 */
export class NoKindMatchError extends ClusterError {
  override readonly name = 'NoKindMatchError';
  constructor(kind: string, version: string) {
    super(`no matches for kind "${kind}" in version "${version}"`, 'NotFound', 404);
  }
}

/**
 * Applies (or, with `mode` create, creates: AlreadyExists when present) every object in `text`, in order, putting namespaced objects without a namespace into
 * `namespace`. An object of a kind the simulator does not serve (see isServedKind) is refused with
 * NoKindMatchError's Status and `noKindMatch`, as kubectl refuses it before sending. Throws BadRequestError when the text does not parse, BadBodyError when it holds no
 * objects; cluster errors are reported per object.
 */
export function applyManifests(cluster: Cluster, text: string, namespace: string, mode: 'apply' | 'create' = 'apply'): ApplyOutcome[] {
  const objects = parseManifests(text);
  if (objects.length === 0) throw new BadBodyError(`no objects passed to ${mode}`);
  return objects.map((obj) => applyOne(cluster, obj, namespace, mode));
}

function applyOne(cluster: Cluster, obj: KubeObject, namespace: string, mode: 'apply' | 'create'): ApplyOutcome {
  const name = displayName(obj);
  if (!isServedKind(obj.kind, obj.apiVersion)) {
    const noKindMatch = { name: obj.metadata.name, namespace: obj.metadata.namespace ?? '', kind: obj.kind, version: obj.apiVersion };
    return { name, error: statusOf(new NoKindMatchError(obj.kind, obj.apiVersion)), noKindMatch };
  }
  try {
    const info = kindInfo(obj.kind, obj.apiVersion);
    const withNamespace = info.namespaced && !obj.metadata.namespace ? { ...obj, metadata: { ...obj.metadata, namespace } } : obj;
    if (mode === 'create') return { name, action: 'created', object: cluster.create(withNamespace) };
    const result = cluster.apply(withNamespace);
    return { name, action: result.action, object: result.object };
  } catch (err) {
    if (err instanceof ClusterError) return { name, error: statusOf(err) };
    throw err;
  }
}
