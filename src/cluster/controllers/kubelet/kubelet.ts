/**
 * The simulated kubelets of all nodes: drive each bound pod through its timeline (timeline.ts), write its
 * status when the stage changes, and finish graceful deletions after `terminate-after` (capped by the
 * grace period). Per-pod timing and faults come from pod annotations, else from the cluster settings.
 */
import { imageMatches, FailAnnotation, type PodFault, ReadyAfterAnnotation, TerminateAfterAnnotation } from '../../settings.js';
import type { WatchEvent } from '../../store.js';
import { sameJson } from '../../store.js';
import { formatGoDuration, parseDuration } from '../../time.js';
import { fnv32a } from '../../hash.js';
import type { Pod } from '../../types.js';
import { type Controller, type ControllerContext, keyOf, splitKey } from '../controller.js';
import { renderPodStatus } from './pod-status.js';
import { type ContainerStage, type RuntimeState, runtimeStateAt } from './timeline.js';
import { findMissingConfig, type MissingConfig } from './config-refs.js';

interface PodRun {
  boundAt: number;
  readyAfterMs: number;
  fault?: PodFault;
  hostIP: string;
  podIP: string;
  lastStage?: ContainerStage;
  deletedAt?: number;
  /** How many times the containers have been started (for the `Pulled` event). */
  starts?: number;
  /** Set once the pod's ConfigMaps and Secrets were all found. */
  configReady?: boolean;
  /** Set when the start had to wait for a ConfigMap or Secret. */
  wasBlocked?: boolean;
}

/** How often a pod blocked on a missing ConfigMap or Secret is retried. */
const CONFIG_RETRY_MS = 10_000;

/** Runs the pods bound to the simulated nodes. */
export class Kubelet implements Controller {
  readonly name = 'kubelet';
  private readonly runs = new Map<string, PodRun>();
  private readonly podsPerNode = new Map<string, number>();

  constructor(private readonly ctx: ControllerContext) {}

  /** Every change of a bound pod. */
  keysFor(event: WatchEvent): string[] {
    const obj = event.object;
    if (obj.kind !== 'Pod') return [];
    if (event.type === 'DELETED') this.runs.delete(obj.metadata.uid!);
    return (obj as Pod).spec.nodeName && event.type !== 'DELETED' ? [keyOf(obj.metadata.namespace, obj.metadata.name)] : [];
  }

  /** Brings one pod's status up to the current time. */
  sync(key: string): void {
    const [namespace, name] = splitKey(key);
    const pod = this.ctx.store.get<Pod>('Pod', namespace, name);
    if (!pod?.spec.nodeName) return;
    const run = this.runFor(pod);
    if (pod.metadata.deletionTimestamp) return this.terminate(pod, run, key);
    const now = this.ctx.clock.now();
    const startAt = Math.floor(run.readyAfterMs / 2);
    if (!run.configReady && now - run.boundAt >= startAt) {
      const missing = findMissingConfig(pod, (kind, ref) => this.configKeys(kind, pod.metadata.namespace, ref));
      if (missing) return this.blockOnConfig(pod, run, missing, key, now - startAt);
      // After a wait for configuration, containers start now: the rest of the timeline runs from here.
      if (run.wasBlocked) run.boundAt = now - startAt;
      run.configReady = true;
    }
    const state = runtimeStateAt(now - run.boundAt, run.readyAfterMs, run.fault);
    if (state.stage !== run.lastStage) this.recordStageEvents(pod, state.stage, run, state.backoffMs);
    run.lastStage = state.stage;
    const status = renderPodStatus(pod, state, run);
    if (!sameJson(status, pod.status)) {
      this.ctx.store.updateStatus('Pod', pod.metadata.namespace, pod.metadata.name, status);
    }
    if (state.nextChangeAt !== undefined) this.ctx.requeueAfter(key, run.boundAt + state.nextChangeAt - now);
  }

  /**
   * Holds the containers before their start while a ConfigMap or Secret is missing, retrying every 10 s
   * (the pod worker's back-off). The timeline resumes from the start when the object appears.
   */
  private blockOnConfig(pod: Pod, run: PodRun, missing: MissingConfig, key: string, shiftedBoundAt: number): void {
    run.boundAt = shiftedBoundAt;
    run.wasBlocked = true;
    const startAt = Math.floor(run.readyAfterMs / 2);
    const state: RuntimeState =
      missing.via === 'env'
        ? { stage: 'CreateContainerConfigError', since: startAt, restartCount: 0, message: missing.message }
        : { stage: 'ContainerCreating', since: 0, restartCount: 0 };
    if (missing.via === 'env') this.event(pod, 'Warning', 'Failed', `Error: ${missing.message}`);
    else this.event(pod, 'Warning', 'FailedMount', missing.message);
    run.lastStage = state.stage;
    const status = renderPodStatus(pod, state, run);
    if (!sameJson(status, pod.status)) this.ctx.store.updateStatus('Pod', pod.metadata.namespace, pod.metadata.name, status);
    this.ctx.requeueAfter(key, CONFIG_RETRY_MS);
  }

  private configKeys(kind: 'ConfigMap' | 'Secret', namespace: string | undefined, name: string): string[] | undefined {
    const obj = this.ctx.store.get(kind, namespace, name);
    return obj ? [...Object.keys(obj.data ?? {}), ...Object.keys(obj.binaryData ?? {}), ...Object.keys(obj.stringData ?? {})] : undefined;
  }

  private terminate(pod: Pod, run: PodRun, key: string): void {
    const now = this.ctx.clock.now();
    if (run.deletedAt === undefined) {
      run.deletedAt = now;
      for (const c of pod.spec.containers) this.event(pod, 'Normal', 'Killing', `Stopping container ${c.name}`, c.name);
    }
    const grace = (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
    const annotated = pod.metadata.annotations?.[TerminateAfterAnnotation];
    const removeAt = run.deletedAt + Math.min(durationOr(annotated, this.ctx.settings.terminateAfterMs), grace);
    if (now >= removeAt) this.ctx.store.remove('Pod', pod.metadata.namespace, pod.metadata.name);
    else this.ctx.requeueAfter(key, removeAt - now);
  }

  private runFor(pod: Pod): PodRun {
    let run = this.runs.get(pod.metadata.uid!);
    if (run) return run;
    const annotations = pod.metadata.annotations ?? {};
    const nodeIndex = Math.max(0, this.ctx.settings.nodes.indexOf(pod.spec.nodeName!));
    const n = this.podsPerNode.get(pod.spec.nodeName!) ?? 0;
    this.podsPerNode.set(pod.spec.nodeName!, n + 1);
    run = {
      boundAt: this.ctx.clock.now(),
      readyAfterMs: durationOr(annotations[ReadyAfterAnnotation], this.ctx.settings.readyAfterMs),
      fault: this.faultOf(pod),
      hostIP: nodeIP(nodeIndex),
      podIP: `10.244.${nodeIndex * 16 + Math.floor(n / 254)}.${(n % 254) + 1}`,
    };
    this.runs.set(pod.metadata.uid!, run);
    return run;
  }

  private faultOf(pod: Pod): PodFault | undefined {
    const annotated = pod.metadata.annotations?.[FailAnnotation];
    if (annotated === 'ErrImagePull' || annotated === 'CrashLoopBackOff' || annotated === 'NotReady') return annotated;
    const images = pod.spec.containers.map((c) => c.image ?? '');
    if (this.ctx.settings.failingImages.some((p) => images.some((i) => imageMatches(p, i)))) return 'ErrImagePull';
    return undefined;
  }

  /** The kubelet's events for entering `stage` (kuberuntime_container.go, images/image_manager.go). */
  private recordStageEvents(pod: Pod, stage: ContainerStage, run: PodRun, backoff?: number): void {
    for (const c of pod.spec.containers) {
      const image = c.image ?? '';
      if (stage === 'Running') {
        this.recordPulled(pod, c.name, image, String(c.imagePullPolicy ?? 'IfNotPresent'), run);
        this.event(pod, 'Normal', 'Created', `Created container: ${c.name}`, c.name);
        this.event(pod, 'Normal', 'Started', `Started container ${c.name}`, c.name);
      } else if (stage === 'ErrImagePull') {
        this.event(pod, 'Normal', 'Pulling', `Pulling image "${image}"`, c.name);
        this.event(pod, 'Warning', 'Failed', `Failed to pull image "${image}": not found`, c.name);
        this.event(pod, 'Warning', 'Failed', 'Error: ErrImagePull', c.name);
      } else if (stage === 'ImagePullBackOff') {
        this.event(pod, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, c.name);
        this.event(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', c.name);
      } else if (stage === 'CrashLoopBackOff' && backoff !== undefined) {
        const podRef = `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
        this.event(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podRef}`, c.name);
      }
    }
  }

  /**
   * `Pulled`: an IfNotPresent image (or any restart) is "already present on machine"; an Always image is
   * pulled during ContainerCreating, reported with that time and a made-up but stable image size.
   */
  private recordPulled(pod: Pod, name: string, image: string, policy: string, run: PodRun): void {
    if (policy !== 'Always' || (run.starts ?? 0) > 0) {
      this.event(pod, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, name);
    } else {
      const took = formatGoDuration(Math.floor(run.readyAfterMs / 2));
      const size = 10_000_000 + (fnv32a(new TextEncoder().encode(image)) % 90_000_000);
      this.event(pod, 'Normal', 'Pulling', `Pulling image "${image}"`, name);
      this.event(pod, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${size} bytes.`, name);
    }
    run.starts = (run.starts ?? 0) + (name === pod.spec.containers.at(-1)?.name ? 1 : 0);
  }

  private event(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string, container?: string): void {
    this.ctx.recorder.event(pod, type, reason, message, pod.spec.nodeName, container ? `spec.containers{${container}}` : undefined);
  }
}

/** The InternalIP of the i-th simulated node. */
export function nodeIP(index: number): string {
  return `172.18.0.${index + 2}`;
}

function durationOr(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  try {
    return parseDuration(text);
  } catch {
    return fallback;
  }
}
