/**
 * Admission defaulting, as the API server's defaulters apply it (kubernetes/kubernetes:pkg/apis/apps/v1
 * and core/v1 defaults.go), so stored objects look like the ones a real cluster returns and controllers
 * copy *defaulted* pod templates verbatim. Every function mutates and returns its argument.
 */
import type { Container, KubeObject, PodSpec, PodTemplateSpec } from './types.js';

type Json = Record<string, unknown>;

/** Defaults any known kind in place; unknown kinds are returned unchanged. */
export function applyDefaults<T extends KubeObject>(obj: T): T {
  const spec = (obj.spec ?? {}) as Json;
  switch (obj.kind) {
    case 'Deployment':
      defaultDeploymentSpec(spec);
      break;
    case 'ReplicaSet':
      spec.replicas ??= 1;
      defaultTemplate(spec.template as PodTemplateSpec | undefined);
      break;
    case 'DaemonSet':
      defaultDaemonSetSpec(spec);
      break;
    case 'StatefulSet':
      defaultStatefulSetSpec(spec);
      break;
    case 'Pod':
      defaultPodSpec(spec as unknown as PodSpec);
      spec.enableServiceLinks ??= true;
      break;
    case 'Service':
      defaultServiceSpec(spec);
      break;
    default:
      return obj;
  }
  (obj as KubeObject).spec = spec;
  return obj;
}

function defaultDeploymentSpec(spec: Json): void {
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {}) as Json;
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {}) as Json;
    ru.maxUnavailable ??= '25%';
    ru.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultTemplate(spec.template as PodTemplateSpec | undefined);
}

function defaultDaemonSetSpec(spec: Json): void {
  const strategy = (spec.updateStrategy ??= {}) as Json;
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {}) as Json;
    ru.maxUnavailable ??= 1;
    ru.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultTemplate(spec.template as PodTemplateSpec | undefined);
}

function defaultStatefulSetSpec(spec: Json): void {
  spec.replicas ??= 1;
  spec.podManagementPolicy ??= 'OrderedReady';
  const strategy = (spec.updateStrategy ??= {}) as Json;
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {}) as Json;
    ru.partition ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  spec.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: 'Retain', whenScaled: 'Retain' };
  defaultTemplate(spec.template as PodTemplateSpec | undefined);
}

/** Defaults a pod template's spec (the template metadata is left as written). */
export function defaultTemplate(template: PodTemplateSpec | undefined): void {
  if (!template) return;
  template.metadata ??= {};
  // Go clients send the zero time as `creationTimestamp: null` (e.g. in rollout undo's JSON patch).
  if (template.metadata.creationTimestamp === null) delete template.metadata.creationTimestamp;
  template.spec ??= { containers: [] };
  defaultPodSpec(template.spec);
}

/** core/v1 SetDefaults_PodSpec and SetDefaults_Container, for the fields kubectl shows. */
export function defaultPodSpec(spec: PodSpec): void {
  spec.containers ??= [];
  for (const c of spec.containers) defaultContainer(c);
  for (const c of (spec.initContainers as Container[] | undefined) ?? []) defaultContainer(c);
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
}

function defaultContainer(c: Container): void {
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
  c.resources ??= {};
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.imagePullPolicy ??= pullPolicyFor(c.image);
}

/** `Always` for `:latest` or an untagged image, else `IfNotPresent` (SetDefaults_Container). */
export function pullPolicyFor(image: string | undefined): string {
  if (!image) return 'IfNotPresent';
  const withoutDigest = image.split('@')[0]!;
  const lastSegment = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : '';
  if (image.includes('@')) return 'IfNotPresent';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultServiceSpec(spec: Json): void {
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  spec.internalTrafficPolicy ??= 'Cluster';
  for (const p of (spec.ports as Json[] | undefined) ?? []) {
    p.protocol ??= 'TCP';
    p.targetPort ??= p.port;
  }
}
