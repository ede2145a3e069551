/**
 * The simulated life of a pod's containers as a pure function of time since the pod was bound:
 *
 *   0 ─ ContainerCreating ─ readyAfter/2 ─ Running, not ready ─ readyAfter ─ Ready
 *
 * Faults replace the end of that line:
 * - ErrImagePull: from readyAfter/2, each pull fails (`ErrImagePull`, 1 s) and is retried after a back-off
 *   (`ImagePullBackOff`) of 10 s, doubling up to 5 min, like the kubelet's image back-off;
 * - CrashLoopBackOff: the container runs until readyAfter, exits (`Error`, 1 s), waits the same back-off
 *   (`CrashLoopBackOff`), runs again for readyAfter/2, and so on, restartCount counting the restarts;
 * - NotReady: the container runs but never passes its readiness probe.
 */
import type { PodFault } from '../../settings.js';

/** What the containers are doing. */
export type ContainerStage =
  | 'ContainerCreating'
  | 'CreateContainerConfigError'
  | 'Running'
  | 'Ready'
  | 'ErrImagePull'
  | 'ImagePullBackOff'
  | 'Error'
  | 'CrashLoopBackOff';

/** The pod's runtime state at one instant (times are ms since bind). */
export interface RuntimeState {
  stage: ContainerStage;
  /** When the current stage began. */
  since: number;
  restartCount: number;
  /** When the current (or last) container run started, if any. */
  startedAt?: number;
  /** The back-off of the current wait, for messages ("back-off 20s restarting ..."). */
  backoffMs?: number;
  /** The last finished run, for lastState.terminated. */
  lastRun?: { startedAt: number; finishedAt: number };
  /** When the stage next changes; undefined when it never does. */
  nextChangeAt?: number;
  /** The waiting message, for CreateContainerConfigError. */
  message?: string;
}

/** The kubelet's container back-off: 10 s doubling, at most 5 min. Example: attempt 0 → 10 s, 5 → 300 s. */
export function backoffMs(attempt: number): number {
  return Math.min(10_000 * 2 ** Math.min(attempt, 10), 300_000);
}

/** How long a failure stage (`ErrImagePull`, `Error`) shows before the back-off stage. */
export const FAILURE_SHOWN_MS = 1000;

/**
 * The state at `elapsed` ms after bind for a pod that becomes Ready `readyAfterMs` after bind.
 * Examples (readyAfter 5000, no fault): 0 → ContainerCreating (next 2500); 2500 → Running (next 5000);
 * 5000 → Ready. With ErrImagePull: 2500 → ErrImagePull; 3500 → ImagePullBackOff (next 13500).
 */
export function runtimeStateAt(elapsed: number, readyAfterMs: number, fault?: PodFault): RuntimeState {
  const startAt = Math.floor(readyAfterMs / 2);
  if (elapsed < startAt) return { stage: 'ContainerCreating', since: 0, restartCount: 0, nextChangeAt: startAt };
  if (fault === 'ErrImagePull') return pullLoopAt(elapsed, startAt);
  if (fault === 'CrashLoopBackOff') return crashLoopAt(elapsed, startAt, readyAfterMs - startAt);
  if (fault === 'NotReady' || elapsed < readyAfterMs) {
    const next = fault === 'NotReady' ? undefined : readyAfterMs;
    return { stage: 'Running', since: startAt, restartCount: 0, startedAt: startAt, nextChangeAt: next };
  }
  return { stage: 'Ready', since: readyAfterMs, restartCount: 0, startedAt: startAt };
}

/** Finds the cycle containing `elapsed`, where cycle k lasts `activeMs + backoffMs(k)` from `start`. */
function locateCycle(elapsed: number, start: number, activeMs: number): { k: number; cycleStart: number } {
  let k = 0;
  let cycleStart = start;
  while (elapsed >= cycleStart + activeMs + backoffMs(k)) {
    cycleStart += activeMs + backoffMs(k);
    k++;
    if (backoffMs(k) === 300_000) {
      const period = activeMs + 300_000;
      const skip = Math.floor((elapsed - cycleStart) / period);
      cycleStart += skip * period;
      k += skip;
      break;
    }
  }
  return { k, cycleStart };
}

function pullLoopAt(elapsed: number, startAt: number): RuntimeState {
  const { cycleStart, k } = locateCycle(elapsed, startAt, FAILURE_SHOWN_MS);
  const failEnd = cycleStart + FAILURE_SHOWN_MS;
  if (elapsed < failEnd) return { stage: 'ErrImagePull', since: cycleStart, restartCount: 0, nextChangeAt: failEnd };
  return { stage: 'ImagePullBackOff', since: failEnd, restartCount: 0, backoffMs: backoffMs(k), nextChangeAt: failEnd + backoffMs(k) };
}

function crashLoopAt(elapsed: number, startAt: number, runMs: number): RuntimeState {
  const { cycleStart, k } = locateCycle(elapsed, startAt, runMs + FAILURE_SHOWN_MS);
  const crashAt = cycleStart + runMs;
  const lastRun = k > 0 ? { startedAt: cycleStart - FAILURE_SHOWN_MS - backoffMs(k - 1) - runMs, finishedAt: cycleStart - FAILURE_SHOWN_MS - backoffMs(k - 1) } : undefined;
  if (elapsed < crashAt) return { stage: 'Running', since: cycleStart, restartCount: k, startedAt: cycleStart, lastRun, nextChangeAt: crashAt };
  const thisRun = { startedAt: cycleStart, finishedAt: crashAt };
  const waitStart = crashAt + FAILURE_SHOWN_MS;
  if (elapsed < waitStart) return { stage: 'Error', since: crashAt, restartCount: k, startedAt: cycleStart, lastRun, nextChangeAt: waitStart };
  return { stage: 'CrashLoopBackOff', since: waitStart, restartCount: k, lastRun: thisRun, backoffMs: backoffMs(k), nextChangeAt: waitStart + backoffMs(k) };
}
