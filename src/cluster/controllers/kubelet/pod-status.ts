/**
 * Renders a pod's status from its runtime state, in the shape the kubelet reports (conditions,
 * containerStatuses with waiting/running/terminated states, IPs). Pure.
 */
import { fnv32a } from '../../hash.js';
import { formatGoDuration, formatTime } from '../../time.js';
import type { Pod, PodCondition } from '../../types.js';
import type { ContainerStage, RuntimeState } from './timeline.js';

/** Where and when the pod runs, in epoch ms. */
export interface Placement {
  boundAt: number;
  hostIP: string;
  podIP: string;
}

/** The pod phase for a stage: Pending until a container has started, then Running. */
export function phaseOf(state: RuntimeState): 'Pending' | 'Running' {
  const pending: ContainerStage[] = ['ContainerCreating', 'CreateContainerConfigError', 'ErrImagePull', 'ImagePullBackOff'];
  return pending.includes(state.stage) ? 'Pending' : 'Running';
}

/** The full status of `pod` in `state`. */
export function renderPodStatus(pod: Pod, state: RuntimeState, at: Placement): NonNullable<Pod['status']> {
  const t = (ms: number): string => formatTime(at.boundAt + ms);
  const ready = state.stage === 'Ready';
  const sandboxReady = state.stage !== 'ContainerCreating';
  const names = pod.spec.containers.map((c) => c.name);
  const notReady = { reason: 'ContainersNotReady', message: `containers with unready status: [${names.join(' ')}]` };
  const readySince = ready ? t(state.since) : t(0);
  const conditions: PodCondition[] = [
    { type: 'PodReadyToStartContainers', status: sandboxReady ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: t(0) },
    { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: t(0) },
    { type: 'Ready', status: ready ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: readySince, ...(ready ? {} : notReady) },
    { type: 'ContainersReady', status: ready ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: readySince, ...(ready ? {} : notReady) },
    { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: t(0) },
  ];
  return {
    phase: phaseOf(state),
    conditions,
    hostIP: at.hostIP,
    hostIPs: [{ ip: at.hostIP }],
    ...(sandboxReady ? { podIP: at.podIP, podIPs: [{ ip: at.podIP }] } : {}),
    startTime: t(0),
    containerStatuses: pod.spec.containers.map((c) => containerStatus(pod, c.name, c.image ?? '', state, t)),
    qosClass: 'BestEffort',
  };
}

function containerStatus(pod: Pod, name: string, image: string, state: RuntimeState, t: (ms: number) => string): Record<string, unknown> {
  const pulled = phaseOf(state) === 'Running';
  const id = (run: number): string => `containerd://${containerId(pod.metadata.uid ?? '', name, run)}`;
  const lastState = state.lastRun && state.stage !== 'Error'
    ? { terminated: { exitCode: 1, reason: 'Error', startedAt: t(state.lastRun.startedAt), finishedAt: t(state.lastRun.finishedAt), containerID: id(state.restartCount) } }
    : {};
  return {
    name,
    state: containerState(pod, name, image, state, t, id),
    lastState,
    ready: state.stage === 'Ready',
    restartCount: state.restartCount,
    image,
    imageID: pulled ? `${image}@sha256:${containerId(image, 'image', 0)}` : '',
    ...(pulled ? { containerID: id(state.restartCount) } : {}),
    started: state.stage === 'Running' || state.stage === 'Ready',
  };
}

function containerState(pod: Pod, name: string, image: string, state: RuntimeState, t: (ms: number) => string, id: (run: number) => string): Record<string, unknown> {
  switch (state.stage) {
    case 'ContainerCreating':
      return { waiting: { reason: 'ContainerCreating' } };
    case 'CreateContainerConfigError':
      return { waiting: { reason: 'CreateContainerConfigError', message: state.message } };
    case 'ErrImagePull':
      return { waiting: { reason: 'ErrImagePull', message: `failed to pull and unpack image "${image}": not found` } };
    case 'ImagePullBackOff':
      return { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` } };
    case 'CrashLoopBackOff': {
      const message = `back-off ${formatGoDuration(state.backoffMs!)} restarting failed container=${name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
      return { waiting: { reason: 'CrashLoopBackOff', message } };
    }
    case 'Error':
      return { terminated: { exitCode: 1, reason: 'Error', startedAt: t(state.startedAt!), finishedAt: t(state.since), containerID: id(state.restartCount) } };
    default:
      return { running: { startedAt: t(state.startedAt!) } };
  }
}

const encoder = new TextEncoder();

/**
 * Ids already computed: a pod's status is rendered at every stage change, always with the same ids. The
 * cache is emptied when full, so it stays small however long the process runs.
 */
const idCache = new Map<string, string>();
const ID_CACHE_LIMIT = 4096;

/** A deterministic 64-hex-digit id for a container run. */
function containerId(seed: string, name: string, run: number): string {
  const key = `${seed}/${name}/${run}`;
  const cached = idCache.get(key);
  if (cached !== undefined) return cached;
  const bytes = encoder.encode(key);
  let out = '';
  for (let i = 0; out.length < 64; i++) out += fnv32a(bytes, 0x811c9dc5 ^ i).toString(16).padStart(8, '0');
  if (idCache.size >= ID_CACHE_LIMIT) idCache.clear();
  idCache.set(key, out.slice(0, 64));
  return out.slice(0, 64);
}
