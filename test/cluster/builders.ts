/**
 * Builders mirroring the helpers of kubernetes/kubernetes pkg/controller/deployment tests: newDeployment
 * (RollingUpdate, maxSurge and maxUnavailable int 0 unless given), rs, newRSWithStatus, newRSWithAvailable.
 */
import type { Deployment, IntOrString, Pod, PodTemplateSpec, ReplicaSet } from '../../src/cluster/types.js';

/** 2017-02-15T18:49:00Z, the time base of progress_test.go. */
export const BASE = Date.UTC(2017, 1, 15, 18, 49, 0);

/** RFC 3339 of BASE + seconds. */
export function at(seconds: number): string {
  return new Date(BASE + seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** The pod template of the test Deployments: one container "nginx", labels {name: "foo", type: "production"}. */
export function template(labels: Record<string, string> = { name: 'foo', type: 'production' }, image = 'nginx'): PodTemplateSpec {
  return { metadata: { labels }, spec: { containers: [{ name: 'nginx', image }] } };
}

/** newDeployment(name, replicas, revisionHistoryLimit, maxSurge, maxUnavailable). */
export function newDeployment(
  name: string,
  replicas: number,
  opts: { revisionHistoryLimit?: number; maxSurge?: IntOrString; maxUnavailable?: IntOrString; strategy?: 'Recreate' } = {},
): Deployment {
  const strategy =
    opts.strategy === 'Recreate'
      ? { type: 'Recreate' as const }
      : { type: 'RollingUpdate' as const, rollingUpdate: { maxSurge: opts.maxSurge ?? 0, maxUnavailable: opts.maxUnavailable ?? 0 } };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, generation: 1, annotations: {} },
    spec: {
      replicas,
      selector: { matchLabels: { name: 'foo', type: 'production' } },
      template: template(),
      strategy,
      ...(opts.revisionHistoryLimit !== undefined ? { revisionHistoryLimit: opts.revisionHistoryLimit } : {}),
    },
    status: {},
  };
}

/** rs(name, specReplicas, creation offset in seconds): empty status, the test template. */
export function rs(name: string, replicas: number, createdAtSeconds = 0, tmpl: PodTemplateSpec = template()): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: at(createdAtSeconds), annotations: {} },
    spec: { replicas, selector: { matchLabels: { name: 'foo', type: 'production' } }, template: structuredClone(tmpl) },
    status: { replicas: 0 },
  };
}

/** newRSWithStatus(name, spec, statusReplicas). */
export function rsWithStatus(name: string, spec: number, statusReplicas: number, createdAtSeconds = 0): ReplicaSet {
  const r = rs(name, spec, createdAtSeconds);
  r.status = { replicas: statusReplicas };
  return r;
}

/** newRSWithAvailable(name, spec, statusReplicas, available). */
export function rsWithAvailable(name: string, spec: number, statusReplicas: number, available: number, createdAtSeconds = 0): ReplicaSet {
  const r = rs(name, spec, createdAtSeconds);
  r.status = { replicas: statusReplicas, availableReplicas: available, readyReplicas: available };
  return r;
}

/** A pod with a phase (or none). */
export function podWithPhase(name: string, phase?: NonNullable<Pod['status']>['phase']): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}` },
    spec: { containers: [{ name: 'c' }] },
    status: phase ? { phase } : {},
  };
}
