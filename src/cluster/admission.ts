/**
 * What the API server does to a user's object before storing it: defaulting, the few validations learners
 * run into, immutable fields, ClusterIP allocation, and keeping the stored status on updates (status is a
 * subresource: a user write never changes it).
 */
import { getScaledValueFromIntOrPercent, IntOrPercentError } from './controllers/deployment/fenceposts.js';
import { applyDefaults } from './defaults.js';
import { InvalidError } from './errors.js';
import { kindInfo } from './kinds.js';
import type { Random } from './random.js';
import { fromLabelSelector, matches } from './selector.js';
import { type ObjectStore, sameJson } from './store.js';
import type { Deployment, KubeObject, LabelSelector, PodTemplateSpec, Service } from './types.js';

/** Prepares a user's object for `store.create`: defaults, validation, allocated fields. Throws InvalidError. */
export function admitCreate(obj: KubeObject, store: ObjectStore, random: Random): KubeObject {
  const out = applyDefaults(structuredClone(obj));
  validate(out);
  if (hasStatusSubresource(out.kind)) delete out.status;
  if (out.kind === 'Service') allocateServiceFields(out as Service, store, random);
  if (out.kind === 'Pod') admitPod(out);
  return out;
}

/**
 * Prepares a user's replacement of `current`: defaults, validation, immutable fields kept or rejected,
 * server-owned metadata and status carried over. Throws InvalidError.
 */
export function admitUpdate(obj: KubeObject, current: KubeObject): KubeObject {
  const out = applyDefaults(structuredClone(obj));
  validate(out);
  const spec = out.spec as Record<string, unknown> | undefined;
  const currentSpec = current.spec as Record<string, unknown> | undefined;
  if (['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet'].includes(out.kind) && spec && currentSpec) {
    if (!sameJson(spec.selector, currentSpec.selector)) {
      throw invalid(out, `spec.selector: Invalid value: ${JSON.stringify(spec.selector)}: field is immutable`);
    }
  }
  if (out.kind === 'Service' && spec && currentSpec) {
    for (const field of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy']) spec[field] ??= currentSpec[field];
  }
  if (hasStatusSubresource(out.kind) && current.status !== undefined) out.status = current.status;
  out.metadata = { ...out.metadata, uid: current.metadata.uid, resourceVersion: out.metadata.resourceVersion };
  if (current.metadata.ownerReferences && !out.metadata.ownerReferences) out.metadata.ownerReferences = current.metadata.ownerReferences;
  return out;
}

/** What the pod strategy and the ServiceAccount and Priority admission plugins add to a new pod. */
function admitPod(pod: KubeObject): void {
  const spec = pod.spec as Record<string, unknown>;
  spec.serviceAccountName ??= 'default';
  spec.serviceAccount ??= spec.serviceAccountName;
  spec.priority ??= 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  pod.status = { phase: 'Pending', qosClass: 'BestEffort' };
}

function hasStatusSubresource(kind: string): boolean {
  return ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Pod', 'Service', 'Node', 'Namespace'].includes(kind);
}

function validate(obj: KubeObject): void {
  if (!obj.metadata?.name && !obj.metadata?.generateName) throw invalid(obj, 'metadata.name: Required value: name or generateName is required');
  const spec = obj.spec as { selector?: LabelSelector; template?: PodTemplateSpec } | undefined;
  if (['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet'].includes(obj.kind)) {
    if (!spec?.selector) throw invalid(obj, 'spec.selector: Required value');
    const labels = spec.template?.metadata?.labels;
    if (!matches(fromLabelSelector(spec.selector), labels)) {
      throw invalid(obj, `spec.template.metadata.labels: Invalid value: ${JSON.stringify(labels ?? {})}: \`selector\` does not match template \`labels\``);
    }
  }
  if (obj.kind === 'Deployment') validateDeploymentStrategy(obj as Deployment);
}

function validateDeploymentStrategy(d: Deployment): void {
  const ru = d.spec.strategy?.rollingUpdate;
  if (d.spec.strategy?.type !== 'RollingUpdate' || !ru) return;
  try {
    const surge = getScaledValueFromIntOrPercent(ru.maxSurge ?? 0, 100, true);
    const unavailable = getScaledValueFromIntOrPercent(ru.maxUnavailable ?? 0, 100, true);
    if (surge === 0 && unavailable === 0) {
      throw invalid(d, 'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0');
    }
    if (unavailable > 100 && typeof ru.maxUnavailable === 'string') {
      throw invalid(d, `spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "${ru.maxUnavailable}": must not be greater than 100%`);
    }
  } catch (err) {
    if (err instanceof IntOrPercentError) throw invalid(d, `spec.strategy.rollingUpdate: Invalid value: ${err.message}`);
    throw err;
  }
  const pds = d.spec.progressDeadlineSeconds;
  if (pds !== undefined && pds <= (d.spec.minReadySeconds ?? 0)) {
    throw invalid(d, `spec.progressDeadlineSeconds: Invalid value: ${pds}: must be greater than minReadySeconds`);
  }
}

function invalid(obj: KubeObject, detail: string): InvalidError {
  const info = kindInfo(obj.kind, obj.apiVersion);
  const group = info.group ? `.${info.group}` : '';
  return new InvalidError(`${obj.kind}${group} "${obj.metadata?.name ?? ''}" is invalid: ${detail}`);
}

function allocateServiceFields(svc: Service, store: ObjectStore, random: Random): void {
  const spec = svc.spec as Record<string, unknown>;
  if (spec.clusterIP === undefined || spec.clusterIP === '') {
    const taken = new Set(store.list<Service>('Service').map((s) => s.spec.clusterIP));
    let ip: string;
    do ip = `10.${96 + random.int(16)}.${random.int(256)}.${1 + random.int(254)}`;
    while (taken.has(ip) || ip === '10.96.0.1');
    spec.clusterIP = ip;
  }
  if (spec.clusterIP !== 'None') spec.clusterIPs ??= [spec.clusterIP];
  spec.ipFamilies ??= ['IPv4'];
  spec.ipFamilyPolicy ??= 'SingleStack';
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    for (const p of svc.spec.ports ?? []) p.nodePort ??= 30000 + random.int(2768);
    spec.externalTrafficPolicy ??= 'Cluster';
  }
  svc.status = { loadBalancer: {} };
}
