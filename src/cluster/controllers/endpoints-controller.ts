/**
 * The Endpoints controller: for each Service with a selector, an Endpoints object of the same name whose
 * addresses are the Ready pods (notReadyAddresses the others), skipping terminating and terminal pods and
 * pods without an IP, with the Service ports resolved against each pod's container ports.
 */
import { fromSelectorMap, matches } from '../selector.js';
import type { WatchEvent } from '../store.js';
import type { IntOrString, KubeObject, Pod, Service } from '../types.js';
import { type Controller, type ControllerContext, keyOf, splitKey } from './controller.js';
import { isPodReady } from './replicaset/pod-ranking.js';

interface EndpointPort {
  name?: string;
  port: number;
  protocol: string;
}

/** Maintains Endpoints from Services and pods. */
export class EndpointsController implements Controller {
  readonly name = 'endpoint-controller';

  constructor(private readonly ctx: ControllerContext) {}

  /** Service changes, and pod changes for every Service selecting the pod before or after. */
  keysFor(event: WatchEvent): string[] {
    const obj = event.object;
    if (obj.kind === 'Service') return [keyOf(obj.metadata.namespace, obj.metadata.name)];
    if (obj.kind !== 'Pod') return [];
    const labelSets = [obj.metadata.labels, event.previous?.metadata.labels];
    return this.ctx.store
      .list<Service>('Service', { namespace: obj.metadata.namespace })
      .filter((s) => labelSets.some((l) => matches(fromSelectorMap(s.spec.selector), l)))
      .map((s) => keyOf(s.metadata.namespace, s.metadata.name));
  }

  /** Writes (or deletes) the Endpoints of one Service. */
  sync(key: string): void {
    const [namespace, name] = splitKey(key);
    const svc = this.ctx.store.get<Service>('Service', namespace, name);
    const existing = this.ctx.store.get('Endpoints', namespace, name);
    if (!svc) {
      if (existing) this.ctx.store.remove('Endpoints', namespace, name);
      return;
    }
    if (!svc.spec.selector || Object.keys(svc.spec.selector).length === 0) return;
    const pods = this.ctx.store.list<Pod>('Pod', { namespace, selector: fromSelectorMap(svc.spec.selector) });
    const desired: KubeObject = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name, namespace, ...(svc.metadata.labels ? { labels: svc.metadata.labels } : {}) },
      ...subsetsFor(svc, pods),
    };
    if (!existing) this.ctx.store.create(desired);
    else this.ctx.store.update({ ...desired, metadata: { ...existing.metadata, ...desired.metadata, resourceVersion: undefined } });
  }
}

/** The `subsets` of an Endpoints object: pods grouped by their resolved port list, addresses by IP. */
export function subsetsFor(svc: Service, pods: readonly Pod[]): { subsets?: Record<string, unknown>[] } {
  const groups = new Map<string, { ports: EndpointPort[]; ready: Record<string, unknown>[]; notReady: Record<string, unknown>[] }>();
  for (const pod of pods) {
    const ip = pod.status?.podIP;
    const phase = pod.status?.phase;
    if (!ip || pod.metadata.deletionTimestamp || phase === 'Succeeded' || phase === 'Failed') continue;
    const ports = resolvePorts(svc, pod);
    const key = JSON.stringify(ports);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ports, ready: [], notReady: [] }));
    const address = { ip, nodeName: pod.spec.nodeName, targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid } };
    (isPodReady(pod) ? group.ready : group.notReady).push(address);
  }
  if (groups.size === 0) return {};
  const byIP = (a: Record<string, unknown>, b: Record<string, unknown>): number => (String(a.ip) < String(b.ip) ? -1 : 1);
  const subsets = [...groups.values()].map((g) => ({
    ...(g.ready.length ? { addresses: g.ready.sort(byIP) } : {}),
    ...(g.notReady.length ? { notReadyAddresses: g.notReady.sort(byIP) } : {}),
    ports: g.ports,
  }));
  return { subsets };
}

function resolvePorts(svc: Service, pod: Pod): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const p of svc.spec.ports ?? []) {
    const port = resolveTargetPort(p.targetPort ?? p.port, pod);
    if (port !== undefined) out.push({ ...(p.name ? { name: p.name } : {}), port, protocol: p.protocol ?? 'TCP' });
  }
  return out;
}

function resolveTargetPort(target: IntOrString, pod: Pod): number | undefined {
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec.containers) {
    const found = c.ports?.find((p) => p.name === target);
    if (found) return found.containerPort;
  }
  return undefined;
}
