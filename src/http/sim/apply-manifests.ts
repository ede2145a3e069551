/**
 * `kubectl apply` of a whole body: YAML (one or many `---` documents) or JSON, where a `List` (any kind
 * ending in "List" with `items`) counts as its items. Like kubectl, one bad object does not stop the others.
 */
import YAML from 'yaml';
import { type Cluster, ClusterError, kindInfo, type KubeObject } from '../../cluster/index.js';
import { BadBodyError, displayName, statusOf } from './sim-context.js';

/** The outcome for one object: kubectl prints `<name> <action>` or the error. */
export type ApplyOutcome =
  | { name: string; action: 'created' | 'configured' | 'unchanged'; object: KubeObject }
  | { name: string; error: Record<string, unknown> };

/**
 * Applies every object in `text`, in order, putting namespaced objects without a namespace into
 * `namespace`. Throws BadBodyError when the text does not parse or holds no objects; cluster errors are
 * reported per object.
 */
export function applyManifests(cluster: Cluster, text: string, namespace: string): ApplyOutcome[] {
  const objects = parseManifests(text);
  if (objects.length === 0) throw new BadBodyError('no objects passed to apply');
  return objects.map((obj) => applyOne(cluster, obj, namespace));
}

function applyOne(cluster: Cluster, obj: KubeObject, namespace: string): ApplyOutcome {
  const name = displayName(obj);
  try {
    const info = kindInfo(obj.kind, obj.apiVersion);
    const withNamespace = info.namespaced && !obj.metadata.namespace ? { ...obj, metadata: { ...obj.metadata, namespace } } : obj;
    const result = cluster.apply(withNamespace);
    return { name, action: result.action, object: result.object };
  } catch (err) {
    if (err instanceof ClusterError) return { name, error: statusOf(err) };
    throw err;
  }
}

/** The objects in a YAML or JSON body, Lists flattened, empty documents skipped. Throws BadBodyError. */
export function parseManifests(text: string): KubeObject[] {
  const docs = YAML.parseAllDocuments(text);
  const out: KubeObject[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if (doc.errors.length > 0) throw new BadBodyError(`error parsing manifest: ${doc.errors[0]!.message}`);
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    out.push(...flatten(value));
  }
  return out;
}

function flatten(value: unknown): KubeObject[] {
  if (typeof value !== 'object' || Array.isArray(value)) throw new BadBodyError('each document must be an object');
  const obj = value as Partial<KubeObject> & { items?: unknown[] };
  if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items)) return obj.items.flatMap(flatten);
  if (typeof obj.kind !== 'string' || typeof obj.apiVersion !== 'string') throw new BadBodyError("Object 'Kind' is missing in manifest");
  if (!obj.metadata || typeof obj.metadata.name !== 'string') throw new BadBodyError(`${obj.kind} without metadata.name`);
  return [obj as KubeObject];
}
