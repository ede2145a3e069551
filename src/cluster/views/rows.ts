/**
 * Server-side Table cells per kind (printers.go printPod, printDeployment, printReplicaSet, ...), always
 * generated wide, as the API server does; the client hides priority-1 columns unless `-o wide`.
 */
import type { Container, Deployment, KubeEvent, KubeObject, LabelSelector, Pod, ReplicaSet, Service } from '../types.js';
import { ageSince } from './human-duration.js';
import { podCells } from './pod-view.js';

/** A table cell: a JSON string or number, printed with Go's %v. */
export type Cell = string | number;

type Row = (obj: KubeObject, now: number) => Cell[];

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const age = (obj: KubeObject, now: number): string => ageSince(obj.metadata.creationTimestamp, now);
const spec = (obj: KubeObject): Record<string, unknown> => (obj.spec ?? {}) as Record<string, unknown>;
const status = (obj: KubeObject): Record<string, unknown> => (obj.status ?? {}) as Record<string, unknown>;

/** labels.FormatLabels: "k=v,k2=v2" sorted by key, "<none>" when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key. */
export function formatSelector(selector: LabelSelector | undefined): string {
  if (!selector) return '<none>';
  const parts: [string, string][] = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => [k, `${k}=${v}`]);
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    const text = { In: `${e.key} in (${values})`, NotIn: `${e.key} notin (${values})`, Exists: e.key, DoesNotExist: `!${e.key}` }[e.operator];
    parts.push([e.key, text]);
  }
  return parts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, t]) => t).join(',');
}

/** layoutContainerCells: names and images joined by commas. */
function containerCells(obj: KubeObject): [string, string] {
  const containers = ((spec(obj).template as { spec?: { containers?: Container[] } } | undefined)?.spec?.containers ?? []) as Container[];
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image ?? '').join(',')];
}

const ROWS: Record<string, Row> = {
  Pod: (obj, now) => {
    const pod = obj as Pod;
    const { ready, status: st, restarts } = podCells(pod, now);
    const ip = (pod.status?.podIPs as { ip: string }[] | undefined)?.[0]?.ip || '<none>';
    const gates = (pod.spec.readinessGates as { conditionType: string }[] | undefined) ?? [];
    const trueGates = gates.filter((g) => pod.status?.conditions?.some((c) => c.type === g.conditionType && c.status === 'True')).length;
    const nominated = (pod.status?.nominatedNodeName as string | undefined) || '<none>';
    return [pod.metadata.name, ready, st, restarts, age(pod, now), ip, pod.spec.nodeName || '<none>', nominated, gates.length ? `${trueGates}/${gates.length}` : '<none>'];
  },
  Deployment: (obj, now) => {
    const d = obj as Deployment;
    const s = d.status ?? {};
    return [d.metadata.name, `${s.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`, s.updatedReplicas ?? 0, s.availableReplicas ?? 0, age(d, now), ...containerCells(d), formatSelector(d.spec.selector)];
  },
  ReplicaSet: (obj, now) => {
    const rs = obj as ReplicaSet;
    const s = rs.status ?? { replicas: 0 };
    return [rs.metadata.name, rs.spec.replicas ?? 1, s.replicas ?? 0, s.readyReplicas ?? 0, age(rs, now), ...containerCells(rs), formatSelector(rs.spec.selector)];
  },
  DaemonSet: (obj, now) => {
    const s = status(obj);
    const nodeSelector = (spec(obj).template as { spec?: { nodeSelector?: Record<string, string> } }).spec?.nodeSelector;
    const counts = [s.desiredNumberScheduled, s.currentNumberScheduled, s.numberReady, s.updatedNumberScheduled, s.numberAvailable].map(num);
    return [obj.metadata.name, ...counts, formatLabels(nodeSelector), age(obj, now), ...containerCells(obj), formatSelector(spec(obj).selector as LabelSelector)];
  },
  StatefulSet: (obj, now) => [obj.metadata.name, `${num(status(obj).readyReplicas)}/${num(spec(obj).replicas ?? 1)}`, age(obj, now), ...containerCells(obj)],
  Service: (obj, now) => {
    const svc = obj as Service;
    const ports = (svc.spec.ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
    const clusterIPs = svc.spec.clusterIPs as string[] | undefined;
    return [svc.metadata.name, svc.spec.type ?? 'ClusterIP', clusterIPs?.[0] ?? '<none>', externalIP(svc), ports || '<none>', age(svc, now), formatLabels(svc.spec.selector)];
  },
  Endpoints: (obj, now) => [obj.metadata.name, formatEndpoints(obj), age(obj, now)],
  Namespace: (obj, now) => [obj.metadata.name, String(status(obj).phase ?? ''), age(obj, now)],
  ConfigMap: (obj, now) => [obj.metadata.name, Object.keys(obj.data ?? {}).length + Object.keys(obj.binaryData ?? {}).length, age(obj, now)],
  Secret: (obj, now) => [obj.metadata.name, String(obj.type ?? 'Opaque'), Object.keys(obj.data ?? {}).length, age(obj, now)],
  Node: (obj, now) => nodeCells(obj, now),
  Event: (obj, now) => eventCells(obj as KubeEvent, now),
  ControllerRevision: (obj, now) => {
    const owner = obj.metadata.ownerReferences?.find((r) => r.controller);
    const controller = owner ? `${owner.kind.toLowerCase()}.${owner.apiVersion.split('/')[0]}/${owner.name}` : '<none>';
    return [obj.metadata.name, controller, num(obj.revision), age(obj, now)];
  },
};

/** The cells of `obj`'s row; unknown kinds get name and age. */
export function rowCells(obj: KubeObject, nowMs: number): Cell[] {
  const row = ROWS[obj.kind];
  return row ? row(obj, nowMs) : [obj.metadata.name, age(obj, nowMs)];
}

function externalIP(svc: Service): string {
  const external = (svc.spec.externalIPs as string[] | undefined) ?? [];
  if (svc.spec.type === 'ExternalName') return String(svc.spec.externalName ?? '<none>');
  if (svc.spec.type === 'LoadBalancer') {
    const ingress = ((svc.status as { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } } | undefined)?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '');
    const all = [...ingress, ...external];
    return all.length > 0 ? all.join(',') : '<pending>';
  }
  return external.length > 0 ? external.join(',') : '<none>';
}

/** formatEndpoints: up to three "ip:port" entries, then " + N more...". */
export function formatEndpoints(obj: KubeObject): string {
  const subsets = (obj.subsets as { addresses?: { ip: string }[]; ports?: { port: number }[] }[] | undefined) ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    const entries = ports.length === 0 ? addresses.map((a) => a.ip) : ports.flatMap((p) => addresses.map((a) => `${a.ip}:${p.port}`));
    count += entries.length;
    for (const e of entries) if (list.length < 3) list.push(e);
  }
  return count > 3 ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

function nodeCells(obj: KubeObject, now: number): Cell[] {
  const s = status(obj) as { conditions?: { type: string; status: string }[]; addresses?: { type: string; address: string }[]; nodeInfo?: Record<string, string> };
  const ready = s.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  const states = [ready ? 'Ready' : 'NotReady', ...(spec(obj).unschedulable ? ['SchedulingDisabled'] : [])];
  const roles = Object.keys(obj.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .sort();
  const address = (type: string) => s.addresses?.find((a) => a.type === type)?.address ?? '<none>';
  const info = s.nodeInfo ?? {};
  return [obj.metadata.name, states.join(','), roles.join(',') || '<none>', age(obj, now), info.kubeletVersion ?? '', address('InternalIP'), address('ExternalIP'), info.osImage ?? '<unknown>', info.kernelVersion ?? '<unknown>', info.containerRuntimeVersion ?? '<unknown>'];
}

function eventCells(e: KubeEvent, now: number): Cell[] {
  const first = ageSince(e.firstTimestamp, now);
  const last = e.lastTimestamp ? ageSince(e.lastTimestamp, now) : first;
  const count = e.count || 1;
  const lastSeen = count > 1 ? `${last} (x${count} over ${first})` : last;
  const target = e.involvedObject.name ? `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}` : e.involvedObject.kind.toLowerCase();
  const source = e.source.host ? `${e.source.component}, ${e.source.host}` : e.source.component;
  return [lastSeen, e.type, e.reason, target, String((e.involvedObject as { fieldPath?: string }).fieldPath ?? ''), source, e.message.trim(), first, count, e.metadata.name];
}
