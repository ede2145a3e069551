/**
 * Field selectors (`fieldSelector=metadata.name=x`): `=`, `==` and `!=` terms joined by commas, over the
 * fields the API server supports per kind. kubectl and Helm use metadata.name/namespace for every kind,
 * describe uses involvedObject.* on events.
 */
import { BadRequestError } from './errors.js';
import type { KubeObject } from './types.js';

/** One compiled term. */
export interface FieldRequirement {
  field: string;
  value: string;
  equals: boolean;
}

const COMMON = ['metadata.name', 'metadata.namespace'];
const BY_KIND: Record<string, string[]> = {
  Event: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  Pod: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  Secret: ['type'],
  Namespace: ['status.phase'],
  Node: ['spec.unschedulable'],
  ReplicaSet: ['status.replicas'],
};

/** Parses a field selector for `kind`. Throws BadRequestError (`field label not supported: x`). */
export function parseFieldSelector(kind: string, text: string): FieldRequirement[] {
  if (text.trim() === '') return [];
  const allowed = new Set([...COMMON, ...(BY_KIND[kind] ?? [])]);
  return text.split(',').map((term) => {
    const m = /^\s*([A-Za-z0-9_.]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(term);
    if (!m) throw new BadRequestError(`invalid selector: '${text}'; can't understand '${term}'`);
    if (!allowed.has(m[1]!)) throw new BadRequestError(`field label not supported: ${m[1]}`);
    return { field: m[1]!, value: m[3]!, equals: m[2] !== '!=' };
  });
}

/** True when `obj` satisfies every requirement. */
export function matchesFields(requirements: readonly FieldRequirement[], obj: KubeObject): boolean {
  return requirements.every((r) => (fieldValue(obj, r.field) === r.value) === r.equals);
}

function fieldValue(obj: KubeObject, path: string): string {
  if (path === 'source') return String((obj.source as { component?: string } | undefined)?.component ?? '');
  let value: unknown = obj;
  for (const part of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  if (path === 'metadata.namespace' && value === undefined) return '';
  return value === undefined || value === null ? '' : String(value);
}
