/**
 * The pod parts of `kubectl describe`: the `Pod Template:` section of workloads and the containers,
 * volumes and tolerations of a pod, in kubectl's order and words.
 */
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter, rfc1123z, writeAnnotations, writeLabels } from './prefix-writer.js';

/** `Pod Template:` with labels, annotations, containers, volumes, node selectors and tolerations. */
export function writePodTemplate(w: PrefixWriter, template: any): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  writeLabels(w, '  Labels', template?.metadata?.labels);
  if (Object.keys(template?.metadata?.annotations ?? {}).length > 0) writeAnnotations(w, '  Annotations', template.metadata.annotations);
  const spec = template?.spec ?? {};
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers?.length) writeContainers(w, 'Init Containers', spec.initContainers, undefined, '  ');
  writeContainers(w, 'Containers', spec.containers ?? [], undefined, '  ');
  writeVolumes(w, spec.volumes ?? [], '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  writeLabels(w, '  Node-Selectors', spec.nodeSelector);
  writeTolerations(w, '  Tolerations', spec.tolerations);
}

/** Containers with, for a pod (`statuses` given), their state, readiness and restarts. */
export function writeContainers(w: PrefixWriter, label: string, containers: any[], statuses: any[] | undefined, space: string): void {
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    const status = statuses?.find((s) => s.name === c.name);
    w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(LEVEL_2, `Image:\t${c.image}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
    writePorts(w, c.ports ?? []);
    writeCommand(w, 'Command', c.command);
    writeCommand(w, 'Args', c.args);
    if (status) writeContainerState(w, status);
    writeResources(w, c.resources);
    for (const [title, probe] of [['Liveness', c.livenessProbe], ['Readiness', c.readinessProbe], ['Startup', c.startupProbe]] as const) {
      if (probe) w.write(LEVEL_2, `${title}:\t${describeProbe(probe)}\n`);
    }
    if (c.envFrom?.length) writeEnvFrom(w, c.envFrom);
    writeEnvironment(w, c.env ?? []);
    writeMounts(w, c.volumeMounts ?? []);
  }
}

function writePorts(w: PrefixWriter, ports: any[]): void {
  const named = (p: any, port: number): string => `${port}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`;
  const container = ports.map((p) => named(p, p.containerPort)).join(', ');
  const host = ports.map((p) => named(p, p.hostPort ?? 0)).join(', ');
  w.write(LEVEL_2, container.includes(',') ? `Ports:\t${container}\n` : `Port:\t${container || '<none>'}\n`);
  w.write(LEVEL_2, host.includes(',') ? `Host Ports:\t${host}\n` : `Host Port:\t${host || '<none>'}\n`);
}

function writeCommand(w: PrefixWriter, title: string, words: string[] | undefined): void {
  if (!words?.length) return;
  w.write(LEVEL_2, `${title}:\n`);
  for (const word of words) for (const line of word.split('\n')) w.write(LEVEL_3, `${line}\n`);
}

function writeContainerState(w: PrefixWriter, status: any): void {
  writeState(w, 'State', status.state ?? {});
  if (status.lastState?.terminated) writeState(w, 'Last State', status.lastState);
  w.write(LEVEL_2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
}

function writeState(w: PrefixWriter, name: string, state: any): void {
  if (state.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if (t.signal > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting?.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  }
}

function writeResources(w: PrefixWriter, resources: any): void {
  for (const [title, list] of [['Limits', resources?.limits], ['Requests', resources?.requests]] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length > 0) w.write(LEVEL_2, `${title}:\n`);
    for (const n of names) w.write(LEVEL_3, `${n}:\t${list[n]}\n`);
  }
}

/** kubectl's one-line probe: `http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3`. */
function describeProbe(probe: any): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 1}s period=${probe.periodSeconds ?? 10}s #success=${probe.successThreshold ?? 1}#failure=${probe.failureThreshold ?? 3}`.replace('#failure', ' #failure');
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const g = probe.httpGet;
    const port = g.port === undefined ? '' : String(g.port);
    return `http-get ${String(g.scheme ?? 'HTTP').toLowerCase()}://${g.host ?? ''}${port ? `:${port}` : ''}${g.path ?? ''} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${probe.tcpSocket.port} ${attrs}`;
  return `unknown ${attrs}`;
}

function writeEnvFrom(w: PrefixWriter, sources: any[]): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of sources) {
    const [from, ref] = e.configMapRef ? ['ConfigMap', e.configMapRef] : ['Secret', e.secretRef ?? {}];
    w.write(LEVEL_3, `${ref.name}\t${from}${e.prefix ? ` with prefix '${e.prefix}'` : ''}\tOptional: ${ref.optional === true}\n`);
  }
}

function writeEnvironment(w: PrefixWriter, env: any[]): void {
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    if (e.valueFrom?.configMapKeyRef) {
      const ref = e.valueFrom.configMapKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${ref.key}' of config map '${ref.name}'>\tOptional: ${ref.optional === true}\n`);
    } else if (e.valueFrom?.secretKeyRef) {
      const ref = e.valueFrom.secretKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${ref.key}' in secret '${ref.name}'>\tOptional: ${ref.optional === true}\n`);
    } else {
      String(e.value ?? '').split('\n').forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
    }
  }
}

function writeMounts(w: PrefixWriter, mounts: any[]): void {
  w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
  const sorted = [...mounts].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  for (const m of sorted) {
    const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])];
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
}

/** `Volumes:` with the kinds the simulator's pods use (emptyDir, configMap, secret, others by name). */
export function writeVolumes(w: PrefixWriter, volumes: any[], space: string): void {
  if (volumes.length === 0) return w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`);
    if (v.emptyDir) {
      const limit = v.emptyDir.sizeLimit ?? '<unset>';
      w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${limit}\n`);
    } else if (v.configMap) {
      w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name}\n    Optional:\t${v.configMap.optional === true}\n`);
    } else if (v.secret) {
      w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName}\n    Optional:\t${v.secret.optional === true}\n`);
    } else {
      w.write(LEVEL_2, `<unknown>\n`);
    }
  }
}

/** `Tolerations:` sorted by key: `key=value:Effect op=Exists for 300s`. */
export function writeTolerations(w: PrefixWriter, title: string, tolerations: any[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!tolerations?.length) return w.write(LEVEL_0, '<none>\n');
  const sorted = [...tolerations].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  sorted.forEach((t, i) => {
    let line = i === 0 ? '' : '\t';
    line += t.key ?? '';
    if (t.value) line += `=${t.value}`;
    if (t.effect) line += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) line += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) line += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${line}\n`);
  });
}
