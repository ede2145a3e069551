/**
 * The template function `lookup` against the simulated cluster (pkg/engine/lookup_func.go): with a
 * name, the object or an empty map; without one, a `<Kind>List` of the objects (every namespace when
 * the namespace is ""). Objects come back as Go values with int64 numbers, as Helm's unstructured
 * objects do.
 */
import { type Cluster, kindInfo } from '../cluster/index.js';
import { fromPlain } from '../gotemplate/convert.js';
import type { GoValue } from '../gotemplate/index.js';
import type { LookupFunc } from '../helm/render/index.js';

const toGo = (v: unknown): Map<string, GoValue> => fromPlain(JSON.parse(JSON.stringify(v)) as unknown, { numbers: 'int64' }) as Map<string, GoValue>;

/** A `lookup` that reads `cluster`. */
export function clusterLookup(cluster: Cluster): LookupFunc {
  return (apiVersion, kind, namespace, name) => {
    const namespaced = kindInfo(kind, apiVersion).namespaced;
    if (name !== '') {
      const obj = cluster.get(kind, namespaced ? namespace : undefined, name);
      return obj && (!namespaced || namespace !== '') ? toGo(obj) : new Map();
    }
    const items = cluster.list(kind, { namespace: namespaced && namespace !== '' ? namespace : undefined });
    return toGo({ apiVersion, kind: `${kind}List`, metadata: { resourceVersion: cluster.resourceVersion() }, items });
  };
}
