/**
 * The `scale` subresource of Deployments, ReplicaSets and StatefulSets (autoscaling/v1 Scale), which
 * `kubectl scale` reads and patches.
 */
import type { Cluster } from './cluster.js';
import { BadRequestError } from './errors.js';
import type { KubeObject, LabelSelector } from './types.js';
import { formatSelector } from './views/rows.js';

/** autoscaling/v1 Scale. */
export interface Scale {
  kind: 'Scale';
  apiVersion: 'autoscaling/v1';
  metadata: { name: string; namespace?: string; uid?: string; resourceVersion?: string; creationTimestamp?: string };
  spec: { replicas: number };
  status: { replicas: number; selector?: string };
}

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet']);

/** The Scale view of a scalable object. Throws BadRequestError for other kinds. */
export function scaleOf(obj: KubeObject): Scale {
  if (!SCALABLE.has(obj.kind)) throw new BadRequestError(`${obj.kind} has no scale subresource`);
  const spec = obj.spec as { replicas?: number; selector?: LabelSelector };
  const status = (obj.status ?? {}) as { replicas?: number };
  const { name, namespace, uid, resourceVersion, creationTimestamp } = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: spec.replicas ?? 1 },
    status: { replicas: status.replicas ?? 0, selector: formatSelector(spec.selector) },
  };
}

/** `kubectl scale --replicas=N`: sets spec.replicas and returns the new Scale. Throws NotFoundError, BadRequestError. */
export function scaleObject(cluster: Cluster, kind: string, namespace: string, name: string, replicas: number): Scale {
  if (!Number.isInteger(replicas) || replicas < 0) throw new BadRequestError(`invalid replicas ${replicas}: must be a non-negative integer`);
  if (!SCALABLE.has(kind)) throw new BadRequestError(`${kind} has no scale subresource`);
  return scaleOf(cluster.patch(kind, namespace, name, { spec: { replicas } }));
}
