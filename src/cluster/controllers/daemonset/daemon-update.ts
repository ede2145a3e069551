/**
 * DaemonSet update decisions (pkg/controller/daemon/update.go and daemon_controller.go), as pure functions
 * over the pods of each node: which old pods to delete and on which nodes to create a new pod.
 */
import { getScaledValueFromIntOrPercent } from '../deployment/fenceposts.js';
import type { IntOrString, Pod } from '../../types.js';

/** The label carrying the template hash on DaemonSet pods and revisions. */
export const ControllerRevisionHashLabel = 'controller-revision-hash';
/** The legacy label carrying the DaemonSet generation a pod was made from. */
export const PodTemplateGenerationLabel = 'pod-template-generation';

/** The daemon pods of one node that should run the DaemonSet (terminating pods included). */
export interface NodePods {
  node: string;
  pods: Pod[];
}

/** What to do: pods to delete, nodes to create a pod on. */
export interface DaemonPlan {
  deletePods: string[];
  createOnNodes: string[];
}

/**
 * The DaemonSet fenceposts: both percentages round **up**; if both come out 0 with nodes to run on,
 * maxUnavailable becomes 1. Examples: (1, 0, 3) → [0, 1]; ("10%", 0, 3) → [0, 1]; (0, "50%", 3) → [2, 0].
 */
export function daemonFenceposts(maxUnavailable: IntOrString | undefined, maxSurge: IntOrString | undefined, desired: number): [surge: number, unavailable: number] {
  let unavailable = getScaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, true);
  const surge = getScaledValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  if (desired > 0 && unavailable === 0 && surge === 0) unavailable = 1;
  return [surge, unavailable];
}

/** findUpdatedPodsOnNode: the node's one new and one old pod (ignoring terminating ones); undefined if more. */
export function findUpdatedPodsOnNode(pods: readonly Pod[], hash: string): { newPod?: Pod; oldPod?: Pod } | undefined {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    if (pod.metadata.labels?.[ControllerRevisionHashLabel] === hash) {
      if (newPod) return undefined;
      newPod = pod;
    } else {
      if (oldPod) return undefined;
      oldPod = pod;
    }
  }
  return { newPod, oldPod };
}

/**
 * rollingUpdate with maxSurge 0: nodes with no pod, with both an old and a new pod, or with an unavailable
 * new pod count as unavailable; unavailable old pods are always replaced; available old pods are deleted
 * while fewer than maxUnavailable nodes are unavailable. Nodes are taken in the given order.
 * Example: 3 nodes with available old pods, maxUnavailable 1 → delete the first node's pod.
 */
export function planRollingUpdate(nodes: readonly NodePods[], hash: string, maxUnavailable: number, isAvailable: (p: Pod) => boolean): DaemonPlan {
  let numUnavailable = 0;
  const allowed: string[] = [];
  const candidates: string[] = [];
  for (const { pods } of nodes) {
    const found = findUpdatedPodsOnNode(pods, hash);
    if (!found) {
      numUnavailable++;
      continue;
    }
    const { newPod, oldPod } = found;
    if ((!oldPod && !newPod) || (oldPod && newPod)) numUnavailable++;
    else if (newPod) {
      if (!isAvailable(newPod)) numUnavailable++;
    } else if (oldPod && !isAvailable(oldPod)) allowed.push(oldPod.metadata.name);
    else if (oldPod && numUnavailable < maxUnavailable) candidates.push(oldPod.metadata.name);
  }
  const remaining = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
  return { deletePods: [...allowed, ...candidates.slice(0, remaining)], createOnNodes: [] };
}

/**
 * rollingUpdate with maxSurge > 0: a node whose old pod is unavailable gets a new pod at once; up to
 * maxSurge nodes with available old pods get a new pod beside it; when a node's new pod is available its
 * old pod is deleted; a node whose new pod is not yet available counts toward the surge.
 */
export function planSurgeUpdate(nodes: readonly NodePods[], hash: string, maxSurge: number, isAvailable: (p: Pod) => boolean): DaemonPlan {
  const deletePods: string[] = [];
  const allowedNew: string[] = [];
  const candidateNew: string[] = [];
  let numSurge = 0;
  for (const { node, pods } of nodes) {
    const found = findUpdatedPodsOnNode(pods, hash);
    if (!found) {
      numSurge++;
      continue;
    }
    const { newPod, oldPod } = found;
    if (!oldPod) continue;
    if (!newPod) {
      if (!isAvailable(oldPod)) allowedNew.push(node);
      else if (numSurge < maxSurge) candidateNew.push(node);
    } else if (!isAvailable(newPod)) numSurge++;
    else deletePods.push(oldPod.metadata.name);
  }
  const remaining = Math.min(Math.max(0, maxSurge - numSurge), candidateNew.length);
  return { deletePods, createOnNodes: [...allowedNew, ...candidateNew.slice(0, remaining)] };
}

/**
 * The manage loop for nodes that should run the DaemonSet: create where no pod exists (a terminating pod
 * still blocks), and delete duplicates (all but the oldest without surge; with surge keep the oldest new
 * pod, and the oldest old pod only while it is ready and the new one is not yet available).
 */
export function planManage(nodes: readonly NodePods[], hash: string, surge: boolean, isAvailable: (p: Pod) => boolean): DaemonPlan {
  const plan: DaemonPlan = { deletePods: [], createOnNodes: [] };
  for (const { node, pods } of nodes) {
    if (pods.length === 0) {
      plan.createOnNodes.push(node);
      continue;
    }
    const running = pods.filter((p) => !p.metadata.deletionTimestamp).sort(byCreation);
    if (!surge) {
      plan.deletePods.push(...running.slice(1).map((p) => p.metadata.name));
      continue;
    }
    const newest = running.filter((p) => p.metadata.labels?.[ControllerRevisionHashLabel] === hash);
    const olds = running.filter((p) => p.metadata.labels?.[ControllerRevisionHashLabel] !== hash);
    plan.deletePods.push(...newest.slice(1).map((p) => p.metadata.name), ...olds.slice(1).map((p) => p.metadata.name));
    const [oldestNew, oldestOld] = [newest[0], olds[0]];
    if (oldestNew && oldestOld && (!isReady(oldestOld) || isAvailable(oldestNew))) plan.deletePods.push(oldestOld.metadata.name);
  }
  return plan;
}

function isReady(p: Pod): boolean {
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function byCreation(a: Pod, b: Pod): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : 1;
}
