/**
 * `kubectl describe` for Deployment, ReplicaSet, Pod, DaemonSet, StatefulSet and Service: pure functions
 * from the object and what kubectl fetches alongside it (its ReplicaSets, pods, endpoints, events) to
 * kubectl's text, line for line as kubectl 1.32's describers write it (k8s.io/kubectl/pkg/describe at
 * v0.32, the version the project's kubectl reference targets; later kubectl adds lines noted below).
 */
import { humanDuration } from '../../../cluster/index.js';
import { writeContainers, writePodTemplate, writeTolerations, writeVolumes } from './pod-template.js';
import { formatSelector, LEVEL_0, LEVEL_1, PrefixWriter, rfc1123z, writeAnnotations, writeLabels } from './prefix-writer.js';

/** What a describer may need besides the object. */
export interface Related {
  /** Cluster time (epoch ms) for ages. */
  nowMs: number;
  /** Events about the object. */
  events: any[];
  /** Deployment: its old ReplicaSets and its new one. */
  oldReplicaSets?: any[];
  newReplicaSet?: any;
  /** Workloads: pods it controls. */
  pods?: any[];
  /** Service: its Endpoints object. */
  endpoints?: any;
}

function header(w: PrefixWriter, obj: any): void {
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
}

/** `kubectl describe deployment`. */
export function describeDeployment(d: any, related: Related): string {
  const w = new PrefixWriter();
  header(w, d);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  writeLabels(w, 'Labels', d.metadata.labels);
  writeAnnotations(w, 'Annotations', d.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatSelector(d.spec.selector).replace('<none>', '')}\n`);
  const s = d.status ?? {};
  w.write(LEVEL_0, `Replicas:\t${d.spec.replicas} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`);
  w.write(LEVEL_0, `StrategyType:\t${d.spec.strategy?.type}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  const ru = d.spec.strategy?.rollingUpdate;
  if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable} max unavailable, ${ru.maxSurge} max surge\n`);
  writePodTemplate(w, d.spec.template);
  writeConditions(w, s.conditions);
  const olds = related.oldReplicaSets ?? [];
  const news = related.newReplicaSet ? [related.newReplicaSet] : [];
  if (olds.length > 0 || news.length > 0) {
    w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetList(olds)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetList(news)}\n`);
  }
  writeEvents(w, related);
  return w.text();
}

function replicaSetList(sets: any[]): string {
  return sets.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas} replicas created)`).join(', ') || '<none>';
}

function writeConditions(w: PrefixWriter, conditions: any[] | undefined): void {
  if (!conditions?.length) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

/** `Pods Status:` counts of the controller's pods by phase. */
function podsStatus(pods: any[] = []): string {
  const count = (phase: string): number => pods.filter((p) => p.status?.phase === phase).length;
  return `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`;
}

function controlledBy(obj: any): string | undefined {
  const ref = (obj.metadata.ownerReferences ?? []).find((r: any) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : undefined;
}

/** `kubectl describe replicaset`. */
export function describeReplicaSet(rs: any, related: Related): string {
  const w = new PrefixWriter();
  header(w, rs);
  w.write(LEVEL_0, `Selector:\t${formatSelector(rs.spec.selector)}\n`);
  writeLabels(w, 'Labels', rs.metadata.labels);
  writeAnnotations(w, 'Annotations', rs.metadata.annotations);
  const owner = controlledBy(rs);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(related.pods)}\n`);
  writePodTemplate(w, rs.spec.template);
  writeConditions(w, rs.status?.conditions);
  writeEvents(w, related);
  return w.text();
}

/** `kubectl describe daemonset`. */
export function describeDaemonSet(ds: any, related: Related): string {
  const w = new PrefixWriter();
  // kubectl 1.32 prints no Namespace line for a DaemonSet (1.34 adds one).
  w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`);
  const s = ds.status ?? {};
  w.write(LEVEL_0, `Selector:\t${formatSelector(ds.spec.selector).replace('<none>', '')}\n`);
  const nodeSelector = ds.spec.template?.spec?.nodeSelector ?? {};
  w.write(LEVEL_0, `Node-Selector:\t${Object.keys(nodeSelector).sort().map((k) => `${k}=${nodeSelector[k]}`).join(',') || '<none>'}\n`);
  writeLabels(w, 'Labels', ds.metadata.labels);
  writeAnnotations(w, 'Annotations', ds.metadata.annotations);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${s.desiredNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${s.currentNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${s.updatedNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${s.numberAvailable ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${s.numberMisscheduled ?? 0}\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(related.pods)}\n`);
  writePodTemplate(w, ds.spec.template);
  writeEvents(w, related);
  return w.text();
}

/** `kubectl describe statefulset`. */
export function describeStatefulSet(sts: any, related: Related): string {
  const w = new PrefixWriter();
  header(w, sts);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Selector:\t${formatSelector(sts.spec.selector).replace('<none>', '')}\n`);
  writeLabels(w, 'Labels', sts.metadata.labels);
  writeAnnotations(w, 'Annotations', sts.metadata.annotations);
  // Service Name, Pod Management Policy and the PVC retention policy are later kubectl's (1.33+) lines.
  w.write(LEVEL_0, `Replicas:\t${sts.spec.replicas} desired | ${sts.status?.replicas ?? 0} total\n`);
  w.write(LEVEL_0, `Update Strategy:\t${sts.spec.updateStrategy?.type}\n`);
  const ru = sts.spec.updateStrategy?.rollingUpdate;
  if (ru && ru.partition !== undefined) {
    w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
  }
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(related.pods)}\n`);
  writePodTemplate(w, sts.spec.template);
  w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
  writeEvents(w, related);
  return w.text();
}

/** `kubectl describe pod`. */
export function describePod(pod: any, related: Related): string {
  const w = new PrefixWriter();
  header(w, pod);
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  if (spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  writeLabels(w, 'Labels', pod.metadata.labels);
  writeAnnotations(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${humanDuration(related.nowMs - Date.parse(pod.metadata.deletionTimestamp))})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
  if (status.podIPs?.length) {
    w.write(LEVEL_0, 'IPs:\n');
    for (const ip of status.podIPs) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  } else w.write(LEVEL_0, 'IPs:\t<none>\n');
  const owner = controlledBy(pod);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  if (spec.initContainers?.length) writeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses ?? [], '');
  writeContainers(w, 'Containers', spec.containers ?? [], status.containerStatuses ?? [], '');
  if (status.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  writeVolumes(w, spec.volumes ?? [], '');
  w.write(LEVEL_0, `QoS Class:\t${status.qosClass ?? 'BestEffort'}\n`);
  writeLabels(w, 'Node-Selectors', spec.nodeSelector);
  writeTolerations(w, 'Tolerations', spec.tolerations);
  writeEvents(w, related);
  return w.text();
}

/** `kubectl describe service` (Endpoints: the ready addresses of the port, three at most). */
export function describeService(svc: any, related: Related): string {
  const w = new PrefixWriter();
  header(w, svc);
  writeLabels(w, 'Labels', svc.metadata.labels);
  writeAnnotations(w, 'Annotations', svc.metadata.annotations);
  const selector = svc.spec.selector ?? {};
  w.write(LEVEL_0, `Selector:\t${Object.keys(selector).sort().map((k) => `${k}=${selector[k]}`).join(',')}\n`);
  w.write(LEVEL_0, `Type:\t${svc.spec.type ?? ''}\n`);
  if (svc.spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${svc.spec.ipFamilyPolicy}\n`);
  w.write(LEVEL_0, `IP Families:\t${(svc.spec.ipFamilies ?? []).join(',') || '<none>'}\n`);
  w.write(LEVEL_0, `IP:\t${svc.spec.clusterIP ?? ''}\n`);
  w.write(LEVEL_0, `IPs:\t${(svc.spec.clusterIPs ?? []).join(',') || '<none>'}\n`);
  for (const p of svc.spec.ports ?? []) {
    const name = p.name || '<unset>';
    const protocol = p.protocol ?? 'TCP';
    w.write(LEVEL_0, `Port:\t${name}\t${p.port}/${protocol}\n`);
    w.write(LEVEL_0, `TargetPort:\t${p.targetPort ?? p.port}/${protocol}\n`);
    if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${p.nodePort}/${protocol}\n`);
    w.write(LEVEL_0, `Endpoints:\t${formatEndpoints(related.endpoints, p.name ?? '')}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${svc.spec.sessionAffinity ?? 'None'}\n`);
  if (svc.spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${svc.spec.externalTrafficPolicy}\n`);
  if (svc.spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${svc.spec.internalTrafficPolicy}\n`);
  writeEvents(w, related);
  return w.text();
}

function formatEndpoints(endpoints: any, portName: string): string {
  const list: string[] = [];
  for (const subset of endpoints?.subsets ?? []) {
    const port = (subset.ports ?? []).find((p: any) => (p.name ?? '') === portName);
    if (!port) continue;
    for (const a of subset.addresses ?? []) list.push(`${a.ip}:${port.port}`);
  }
  if (list.length === 0) return '<none>';
  return list.length > 3 ? `${list.slice(0, 3).join(',')} + ${list.length - 3} more...` : list.join(',');
}

/** The `Events:` table (its own tabwriter flush), oldest last-seen first; `Events:  <none>` when empty. */
function writeEvents(w: PrefixWriter, related: Related): void {
  if (related.events.length === 0) return w.write(LEVEL_0, 'Events:\t<none>\n');
  w.flush();
  const since = (t: string | undefined): string => (t ? humanDuration(related.nowMs - Date.parse(t)) : '<unknown>');
  const events = [...related.events].sort((a, b) => Date.parse(a.lastTimestamp ?? 0) - Date.parse(b.lastTimestamp ?? 0));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of events) {
    const first = e.eventTime ? since(e.eventTime) : since(e.firstTimestamp);
    const age = e.count > 1 ? `${since(e.lastTimestamp)} (x${e.count} over ${first})` : first;
    const source = e.source?.component || e.reportingComponent || '';
    // kubectl 1.32 prints the message alone (later versions prefix the involved object's fieldPath).
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${age}\t${source}\t${String(e.message ?? '').trim()}\n`);
  }
}
