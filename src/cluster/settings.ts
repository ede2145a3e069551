/**
 * Cluster-level simulation settings and the pod-template annotations that override them per workload.
 */

/** Creation-to-Ready time of a pod (Go duration), e.g. "5s". */
export const ReadyAfterAnnotation = 'sim.chartroom.dev/ready-after';
/** How long a deleted pod stays Terminating (Go duration, capped by its grace period). */
export const TerminateAfterAnnotation = 'sim.chartroom.dev/terminate-after';
/** A fault to simulate: `ErrImagePull`, `CrashLoopBackOff` or `NotReady`. */
export const FailAnnotation = 'sim.chartroom.dev/fail';

/** The faults a pod can be given. */
export type PodFault = 'ErrImagePull' | 'CrashLoopBackOff' | 'NotReady';

/** Settings of one simulated cluster. */
export interface SimulationSettings {
  /** Default creation-to-Ready time in ms (default 5000). */
  readyAfterMs: number;
  /** Default Terminating duration in ms (default 2000), capped by the grace period. */
  terminateAfterMs: number;
  /** Image patterns (`*` wildcards) whose pulls fail, e.g. "nginx:broken*". */
  failingImages: string[];
  /** Names of the simulated nodes. */
  nodes: string[];
}

/** The defaults: pods Ready 5 s after creation, 2 s of Terminating, three nodes. */
export const DEFAULT_SETTINGS: SimulationSettings = {
  readyAfterMs: 5000,
  terminateAfterMs: 2000,
  failingImages: [],
  nodes: ['node-1', 'node-2', 'node-3'],
};

/** True when `image` matches `pattern`, where `*` matches any run of characters. */
export function imageMatches(pattern: string, image: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`);
  return re.test(image);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
