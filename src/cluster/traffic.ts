/**
 * Simulated traffic through a Service, as kube-proxy spreads it: every request goes to one of the ready
 * endpoint addresses, chosen uniformly at random (iptables mode); with no ready address it fails
 * (connection refused). Enough to show a canary split by replica ratio, a blue/green selector switch, and
 * zero failed requests while a well-configured rolling update keeps pods ready.
 */
import type { Cluster } from './cluster.js';
import { NotFoundError } from './errors.js';
import { createRandom } from './random.js';
import type { KubeObject, Pod } from './types.js';

/** Requests answered by one pod. */
export interface PodTally {
  pod: string;
  /** The pod's `version` label, else its first container's image. */
  version: string;
  requests: number;
}

/** The outcome of `sendTraffic`. */
export interface TrafficReport {
  service: string;
  requests: number;
  failed: number;
  /** Per pod, in pod-name order. */
  pods: PodTally[];
  /** Per version, in version order. */
  versions: { version: string; requests: number }[];
}

interface EndpointAddress {
  ip: string;
  targetRef?: { kind: string; name: string; namespace?: string };
}

/**
 * Sends `requests` requests to Service `namespace/name` at the current simulated time. The choice of pods
 * is seeded by the Service name and the cluster's resourceVersion, so a repeated run gives the same
 * answer. Throws NotFoundError (`services "x" not found`) when the Service does not exist.
 */
export function sendTraffic(cluster: Cluster, namespace: string, name: string, requests: number): TrafficReport {
  if (!cluster.get('Service', namespace, name)) throw new NotFoundError('services', name);
  const addresses = readyAddresses(cluster.get('Endpoints', namespace, name));
  const random = createRandom(`${namespace}/${name}@${cluster.resourceVersion()}`);
  const counts = new Map<string, number>();
  let failed = 0;
  for (let i = 0; i < requests; i++) {
    if (addresses.length === 0) {
      failed++;
      continue;
    }
    const pick = addresses[random.int(addresses.length)]!;
    const pod = pick.targetRef?.name ?? pick.ip;
    counts.set(pod, (counts.get(pod) ?? 0) + 1);
  }
  const pods = [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([pod, n]) => ({ pod, version: versionOf(cluster.get<Pod>('Pod', namespace, pod)), requests: n }));
  const versions = new Map<string, number>();
  for (const p of pods) versions.set(p.version, (versions.get(p.version) ?? 0) + p.requests);
  return {
    service: name,
    requests,
    failed,
    pods,
    versions: [...versions.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([version, n]) => ({ version, requests: n })),
  };
}

function readyAddresses(endpoints: KubeObject | undefined): EndpointAddress[] {
  const subsets = (endpoints?.subsets as { addresses?: EndpointAddress[] }[] | undefined) ?? [];
  return subsets.flatMap((s) => s.addresses ?? []);
}

function versionOf(pod: Pod | undefined): string {
  return pod?.metadata.labels?.version ?? pod?.spec.containers[0]?.image ?? 'unknown';
}
