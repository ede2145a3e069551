/**
 * The cluster as the console knows it: every object of one cluster, kept current from the SSE stream
 * (`/api/sim/clusters/<c>/stream`), with the server-side Table row each event carries (the cells
 * `kubectl get` prints at that moment). Pure data: no DOM, no fetch, so it is tested in Node.
 *
 * Workloads are drawn from ownership, as the controllers link them: a Deployment owns ReplicaSets, a
 * ReplicaSet, StatefulSet or DaemonSet owns pods (metadata.ownerReferences[].uid).
 */

/** The parts of a Kubernetes object the console reads. */
export interface KubeObject {
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
    ownerReferences?: { uid: string; kind: string; name: string }[];
  };
  spec?: Record<string, unknown> & { template?: { spec?: { containers?: { image?: string }[] } }; containers?: { image?: string }[] };
  status?: Record<string, unknown> & { conditions?: Condition[] };
  [key: string]: unknown;
}

/** A status condition (Progressing, Available, ...). */
export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/** One stream event, as the server writes it in `data:`. */
export interface StreamEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
  row?: { cells: unknown[] };
}

/** An object with its latest Table row. */
export interface Entry {
  object: KubeObject;
  cells: string[];
}

/** The colour class of a pod tile. */
export type PodState = 'pending' | 'creating' | 'notready' | 'ready' | 'terminating' | 'failing' | 'done';

/** The words a tile shows for each state (state is never told by colour alone). */
export const POD_STATE_LABELS: Record<PodState, string> = {
  pending: 'Pending',
  creating: 'ContainerCreating',
  notready: 'Running, not ready',
  ready: 'Ready',
  terminating: 'Terminating',
  failing: 'Failing',
  done: 'Completed',
};

/** A pod and what its tile shows. */
export interface PodView {
  entry: Entry;
  state: PodState;
  /** kubectl's STATUS cell (Running, ImagePullBackOff, Terminating, ...). */
  status: string;
  images: string;
}

/** A ReplicaSet with its pods, or for StatefulSets and DaemonSets the workload's pods of one revision. */
export interface PodGroup {
  entry: Entry;
  /** The revision number ('' when unknown). */
  revision: string;
  /** StatefulSets and DaemonSets: the ControllerRevision's name. */
  revisionName?: string;
  pods: PodView[];
}

/** A Deployment, StatefulSet or DaemonSet, its pod groups (newest first) and its conditions. */
export interface WorkloadView {
  entry: Entry;
  groups: PodGroup[];
  conditions: Condition[];
}

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];
const REVISION = 'deployment.kubernetes.io/revision';
const REVISION_HASH = 'controller-revision-hash';

/** Every object of a cluster, by `kind/namespace/name`, with the highest resourceVersion seen. */
export class ClusterModel {
  readonly entries = new Map<string, Entry>();
  resourceVersion = 0;

  /** Applies one stream event (ADDED and MODIFIED replace, DELETED removes). */
  apply(event: StreamEvent): void {
    const key = keyOf(event.object);
    const rv = Number(event.object.metadata.resourceVersion ?? 0);
    if (rv > this.resourceVersion) this.resourceVersion = rv;
    if (event.type === 'DELETED') this.entries.delete(key);
    else this.entries.set(key, { object: event.object, cells: (event.row?.cells ?? []).map((c) => String(c ?? '')) });
  }

  /** Objects of one kind, in one namespace when given, sorted by name. */
  list(kind: string, namespace?: string): Entry[] {
    return [...this.entries.values()]
      .filter((e) => e.object.kind === kind && (namespace === undefined || e.object.metadata.namespace === namespace))
      .sort((a, b) => a.object.metadata.name.localeCompare(b.object.metadata.name));
  }

  /** Namespace names (from Namespace objects, and any namespace an object sits in). */
  namespaces(): string[] {
    const names = new Set<string>();
    for (const { object } of this.entries.values()) {
      if (object.kind === 'Namespace') names.add(object.metadata.name);
      else if (object.metadata.namespace) names.add(object.metadata.namespace);
    }
    return [...names].sort();
  }

  /** The workloads of a namespace, each with its pod groups and pods. */
  workloads(namespace: string): WorkloadView[] {
    const pods = this.list('Pod', namespace);
    return WORKLOAD_KINDS.flatMap((kind) => this.list(kind, namespace)).map((entry) => {
      const groups = entry.object.kind === 'Deployment'
        ? this.list('ReplicaSet', namespace).filter((rs) => isOwnedBy(rs, entry)).map((rs) => group(rs, pods, rs.object.metadata.annotations?.[REVISION] ?? ''))
        : this.revisionGroups(entry, pods);
      groups.sort((a, b) => Number(b.revision) - Number(a.revision));
      return { entry, groups, conditions: entry.object.status?.conditions ?? [] };
    });
  }

  /**
   * A StatefulSet's or DaemonSet's pods split by the revision they run: the pod label
   * `controller-revision-hash` names a ControllerRevision (`db-7b665f577b` for StatefulSets, the bare
   * hash for DaemonSets), whose `revision` number orders the groups; `revisionName` is that name.
   */
  private revisionGroups(owner: Entry, pods: Entry[]): PodGroup[] {
    const mine = pods.filter((p) => isOwnedBy(p, owner));
    const revisions = this.list('ControllerRevision', owner.object.metadata.namespace);
    const byLabel = new Map<string, Entry[]>();
    for (const pod of mine) {
      const label = pod.object.metadata.labels?.[REVISION_HASH] ?? '';
      byLabel.set(label, [...(byLabel.get(label) ?? []), pod]);
    }
    if (byLabel.size === 0) byLabel.set('', []);
    return [...byLabel].map(([label, members]) => {
      const name = label.startsWith(`${owner.object.metadata.name}-`) ? label : `${owner.object.metadata.name}-${label}`;
      const revision = revisions.find((r) => r.object.metadata.name === name)?.object.revision;
      return { entry: owner, revision: revision === undefined ? '' : String(revision), revisionName: label ? name : undefined, pods: members.map(podView) };
    });
  }

  /** The namespace's Events, oldest first. */
  events(namespace: string): KubeObject[] {
    return this.list('Event', namespace)
      .map((e) => e.object)
      .sort((a, b) => Number(a.metadata.resourceVersion ?? 0) - Number(b.metadata.resourceVersion ?? 0));
  }
}

function keyOf(object: KubeObject): string {
  return `${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

function isOwnedBy(child: Entry, owner: Entry): boolean {
  const uid = owner.object.metadata.uid;
  return uid !== undefined && (child.object.metadata.ownerReferences ?? []).some((r) => r.uid === uid);
}

function group(owner: Entry, pods: Entry[], revision: string): PodGroup {
  return { entry: owner, revision, pods: pods.filter((p) => isOwnedBy(p, owner)).map(podView) };
}

function podView(entry: Entry): PodView {
  const containers = (entry.object.spec?.containers ?? []) as { image?: string }[];
  const status = entry.cells[2] ?? '';
  return { entry, state: podState(entry.cells[1] ?? '', status), status, images: containers.map((c) => c.image ?? '').join(', ') };
}

/**
 * A pod's tile state from kubectl's READY ("1/2") and STATUS cells: Pending, ContainerCreating and
 * Terminating are themselves; Running is `ready` when every container is ready, else `notready`;
 * Completed is `done`; every other reason (CrashLoopBackOff, ImagePullBackOff, Error, ...) is `failing`.
 */
export function podState(ready: string, status: string): PodState {
  if (status === 'Terminating') return 'terminating';
  if (status === 'Pending') return 'pending';
  if (status === 'ContainerCreating' || status === 'PodInitializing') return 'creating';
  if (status === 'Completed' || status === 'Succeeded') return 'done';
  if (status === 'Running') {
    const [up, all] = ready.split('/').map(Number);
    return up !== undefined && up === all ? 'ready' : 'notready';
  }
  if (status === 'NotReady') return 'notready';
  return 'failing';
}
