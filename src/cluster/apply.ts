/**
 * `kubectl apply` semantics for whole manifests: the manifest is recorded in the
 * `kubectl.kubernetes.io/last-applied-configuration` annotation (sorted-key JSON and a newline, as kubectl
 * writes it), and on re-apply labels and annotations that others added (controllers, `kubectl annotate`)
 * are kept unless the previous manifest had them and the new one dropped them. The rest of the object is
 * replaced by the manifest. TODO(issue 5): a full three-way merge of spec fields.
 */
import { LastAppliedConfigAnnotation } from './controllers/deployment/annotations.js';
import { canonicalJson } from './hash.js';
import type { KubeObject } from './types.js';

/** The manifest with its last-applied-configuration annotation set. */
export function withLastApplied(manifest: KubeObject): KubeObject {
  const recorded = structuredClone(manifest);
  delete recorded.status;
  const annotations = { ...(recorded.metadata.annotations ?? {}) };
  delete annotations[LastAppliedConfigAnnotation];
  recorded.metadata = { ...recorded.metadata, annotations };
  if (Object.keys(annotations).length === 0) delete recorded.metadata.annotations;
  delete recorded.metadata.resourceVersion;
  const out = structuredClone(manifest);
  out.metadata.annotations = { ...(manifest.metadata.annotations ?? {}), [LastAppliedConfigAnnotation]: `${canonicalJson(recorded)}\n` };
  return out;
}

/** The manifest to store when re-applying over `current`: see the file comment. */
export function mergeForApply(manifest: KubeObject, current: KubeObject): KubeObject {
  const previous = lastApplied(current);
  const out = withLastApplied(manifest);
  out.metadata.labels = mergeMap(current.metadata.labels, previous?.metadata.labels, manifest.metadata.labels);
  out.metadata.annotations = mergeMap(current.metadata.annotations, previous?.metadata.annotations, out.metadata.annotations);
  if (!out.metadata.labels) delete out.metadata.labels;
  return out;
}

function lastApplied(obj: KubeObject): KubeObject | undefined {
  const text = obj.metadata.annotations?.[LastAppliedConfigAnnotation];
  if (!text) return undefined;
  try {
    return JSON.parse(text) as KubeObject;
  } catch {
    return undefined;
  }
}

function mergeMap(
  current: Record<string, string> | undefined,
  previous: Record<string, string> | undefined,
  next: Record<string, string> | undefined,
): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(current ?? {})) {
    if (previous && k in previous && !(next && k in next)) continue;
    out[k] = v;
  }
  Object.assign(out, next ?? {});
  return Object.keys(out).length > 0 ? out : undefined;
}
