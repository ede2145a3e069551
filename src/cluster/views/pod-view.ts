/**
 * The READY, STATUS and RESTARTS cells of `kubectl get pod` (printers.go printPod), for pods without init
 * containers: STATUS starts from the phase (or status.reason), a container's waiting or terminated reason
 * wins (walking containers from last to first), `Completed` with a running container becomes `Running`
 * or `NotReady`, and a pod being deleted shows `Terminating`.
 */
import type { Pod } from '../types.js';
import { ageSince } from './human-duration.js';

interface ContainerStatusView {
  ready?: boolean;
  restartCount?: number;
  state?: { waiting?: { reason?: string }; running?: unknown; terminated?: { reason?: string; exitCode?: number; signal?: number } };
  lastState?: { terminated?: { finishedAt?: string } };
}

/** The three cells: READY ("1/1"), STATUS ("Running", "ImagePullBackOff", "Terminating" ...), RESTARTS ("3 (25s ago)"). */
export function podCells(pod: Pod, nowMs: number): { ready: string; status: string; restarts: string } {
  let reason: string = pod.status?.reason ? String(pod.status.reason) : (pod.status?.phase ?? '');
  if (pod.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';
  const statuses = (pod.status?.containerStatuses ?? []) as ContainerStatusView[];
  let restarts = 0;
  let readyContainers = 0;
  let lastRestart: string | undefined;
  let hasRunning = false;
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i]!;
    restarts += c.restartCount ?? 0;
    const finished = c.lastState?.terminated?.finishedAt;
    if (finished && (!lastRestart || lastRestart < finished)) lastRestart = finished;
    const state = c.state ?? {};
    if (state.waiting?.reason) reason = state.waiting.reason;
    else if (state.terminated?.reason) reason = state.terminated.reason;
    else if (state.terminated) reason = state.terminated.signal ? `Signal:${state.terminated.signal}` : `ExitCode:${state.terminated.exitCode ?? 0}`;
    else if (c.ready && state.running) {
      hasRunning = true;
      readyContainers++;
    }
  }
  if (reason === 'Completed' && hasRunning) {
    reason = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
  }
  const phase = pod.status?.phase;
  if (pod.metadata.deletionTimestamp && pod.status?.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  const restartsCell = restarts !== 0 && lastRestart ? `${restarts} (${ageSince(lastRestart, nowMs)} ago)` : String(restarts);
  return { ready: `${readyContainers}/${pod.spec.containers.length}`, status: reason, restarts: restartsCell };
}
