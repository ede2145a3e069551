/**
 * The cluster page: pick a cluster and namespace; each Deployment, StatefulSet and DaemonSet with its
 * kubectl counters, its Progressing/Available conditions, its ReplicaSets (newest revision first) and one
 * tile per pod; then the namespace's events; below all, the text `kubectl get pods` and `helm history`
 * print now. Everything follows the cluster's SSE stream, redrawn at most once per animation frame, so a
 * rollout plays out as the simulator runs it.
 */
import { eventAge } from './age.js';
import { getJson, type Settings } from './api.js';
import { clockBar } from './clock-controls.js';
import { ClusterModel, POD_STATE_LABELS, type PodGroup, type PodState, type PodView, type StreamEvent, type WorkloadView } from './cluster-model.js';
import { h, replaceChildren, toast } from './dom.js';
import { Timeline } from './timeline.js';
import { timelineChart } from './timeline-view.js';
import { podsTextPane } from './pods-text.js';
import { releasesPanel } from './releases-view.js';
import { workloadActions } from './workload-actions.js';

/** Which cluster and namespace the page shows (kept in the URL hash). */
export interface ClusterState {
  cluster: string;
  namespace: string;
}

/** Draws the cluster page into `main`; returns a function that closes its stream and timers. */
export async function showCluster(main: HTMLElement, settings: Settings, state: ClusterState, navigate: (hash: string) => void): Promise<() => void> {
  const { clusters } = await getJson<{ clusters: string[] }>(settings, '/api/sim/clusters');
  const cluster = clusters.includes(state.cluster) ? state.cluster : (clusters[0] ?? 'default');
  const model = new ClusterModel();
  const timeline = new Timeline();
  const clusterPick = h('select', { id: 'cluster' }, ...clusters.map((c) => h('option', { value: c, selected: c === cluster }, c)));
  const nsPick = h('select', { id: 'namespace' }, h('option', { value: state.namespace }, state.namespace));
  const go = (): string => `#/cluster?cluster=${encodeURIComponent(clusterPick.value)}&namespace=${encodeURIComponent(nsPick.value)}`;
  clusterPick.addEventListener('change', () => navigate(go()));
  nsPick.addEventListener('change', () => navigate(go()));
  const actions = workloadActions(settings, cluster, state.namespace, model);
  const podsText = podsTextPane(settings, cluster, state.namespace);
  let frame = 0;
  // When the clock moves (here or elsewhere), the AGE columns move with it.
  const clock = await clockBar(settings, cluster, actions.log, () => (frame ||= requestAnimationFrame(redraw)));
  const releases = releasesPanel(settings, cluster, state.namespace, actions.log);
  // A command the chart page ran just before coming here (an install) heads the log.
  const handedOver = sessionStorage.getItem('chartroom.command');
  sessionStorage.removeItem('chartroom.command');
  if (handedOver) actions.log(handedOver);
  const view = h('div', { id: 'workloads', 'data-rv': '0' });
  replaceChildren(main,
    h('h1', {}, 'Cluster'),
    h('div', { class: 'bar' }, h('label', { for: 'cluster' }, 'Cluster', clusterPick), h('label', { for: 'namespace' }, 'Namespace', nsPick)),
    clock.element,
    h('div', { class: 'cluster-grid' }, h('div', {}, legend(), view), h('div', { class: 'side' }, releases.element, actions.element)),
    // What the command-line tools print now, side by side under everything: their lines are too wide for the side pane.
    h('div', { class: 'tool-text' }, podsText.element, releases.historyText));
  function redraw(): void {
    frame = 0;
    syncNamespaces(nsPick, model.namespaces(), state.namespace);
    timeline.record(model, state.namespace);
    drawWorkloads(view, model, timeline, state.namespace, clock.now());
    actions.sync();
    podsText.refresh();
    clock.refresh();
  }
  const closeStream = follow(settings, cluster, model, (event) => {
    timeline.see(event.object);
    const { kind, metadata } = event.object;
    if (kind === 'Secret' && metadata.namespace === state.namespace && metadata.name.startsWith('sh.helm.release.v1.')) releases.refresh();
    frame ||= requestAnimationFrame(redraw);
  });
  return () => {
    closeStream();
    clock.stop();
    if (frame) cancelAnimationFrame(frame);
  };
}

/** Opens the cluster's stream; a stream the server closed for good (410 Expired) restarts from scratch. */
function follow(settings: Settings, cluster: string, model: ClusterModel, changed: (event: StreamEvent) => void): () => void {
  let source: EventSource | undefined;
  let closed = false;
  const open = (): void => {
    source = new EventSource(`${settings.contextPath}/api/sim/clusters/${encodeURIComponent(cluster)}/stream`);
    for (const type of ['ADDED', 'MODIFIED', 'DELETED']) {
      source.addEventListener(type, (event) => {
        const change = JSON.parse((event as MessageEvent<string>).data) as StreamEvent;
        model.apply(change);
        changed(change);
      });
    }
    source.addEventListener('error', () => {
      if (closed || source?.readyState !== EventSource.CLOSED) return;
      toast('The cluster stream closed; reconnecting.', true);
      model.entries.clear();
      setTimeout(() => closed || open(), 1000);
    });
  };
  open();
  return () => {
    closed = true;
    source?.close();
  };
}

function syncNamespaces(select: HTMLSelectElement, names: string[], current: string): void {
  const wanted = names.includes(current) ? names : [...names, current].sort();
  if ([...select.options].map((o) => o.value).join() === wanted.join()) return;
  replaceChildren(select, ...wanted.map((n) => h('option', { value: n, selected: n === current }, n)));
}

function legend(): HTMLElement {
  const states = Object.entries(POD_STATE_LABELS) as [PodState, string][];
  return h('ul', { class: 'legend', 'aria-label': 'Pod states' }, ...states.map(([state, label]) => h('li', { class: `pod ${state}` }, label)));
}

function drawWorkloads(view: HTMLElement, model: ClusterModel, timeline: Timeline, namespace: string, now: string): void {
  const workloads = model.workloads(namespace);
  const chart = (w: WorkloadView): HTMLElement | null => w.entry.object.kind !== 'Deployment' ? null : timelineChart(w.entry.object.metadata.name, timeline.samples.get(`${namespace}/${w.entry.object.metadata.name}`) ?? []);
  replaceChildren(view,
    ...(workloads.length > 0 ? workloads.map((w) => workload(w, chart(w))) : [h('p', { class: 'meta' }, `No Deployments, StatefulSets or DaemonSets in ${namespace}.`)]),
    eventList(model, namespace, now));
  view.dataset.rv = String(model.resourceVersion);
}

/** The kubectl column names of each kind's counters, and the cells they sit in. */
const COUNTERS: Record<string, [string, number][]> = {
  Deployment: [['READY', 1], ['UP-TO-DATE', 2], ['AVAILABLE', 3]],
  StatefulSet: [['READY', 1]],
  DaemonSet: [['DESIRED', 1], ['CURRENT', 2], ['READY', 3], ['UP-TO-DATE', 4], ['AVAILABLE', 5]],
  ReplicaSet: [['DESIRED', 1], ['CURRENT', 2], ['READY', 3]],
};

function counters(kind: string, cells: string[]): HTMLElement {
  return h('dl', { class: 'counters' }, ...(COUNTERS[kind] ?? []).map(([name, index]) =>
    h('div', { 'data-counter': name }, h('dt', {}, name), h('dd', {}, h('b', {}, cells[index] ?? '')))));
}

function workload(view: WorkloadView, timeline: HTMLElement | null): HTMLElement {
  const { object, cells } = view.entry;
  const id = `${object.kind}/${object.metadata.name}`;
  return h('section', { class: 'workload', 'data-workload': id, 'aria-label': id },
    h('h2', {}, `${object.kind} ${object.metadata.name}`),
    counters(object.kind, cells),
    view.conditions.length > 0
      ? h('ul', { class: 'conditions' }, ...view.conditions.map((c) => h('li', { 'data-condition': c.type }, `${c.type}=${c.status}`, c.reason ? ` (${c.reason})` : '', c.message ? `: ${c.message}` : '')))
      : null,
    ...view.groups.map((g) => podGroup(g, object.kind === 'Deployment')),
    timeline);
}

function podGroup(group: PodGroup, isReplicaSet: boolean): HTMLElement {
  const { object, cells } = group.entry;
  const images = (object.spec?.template?.spec?.containers ?? []).map((c) => c.image ?? '').join(', ');
  const live = group.pods.filter((p) => p.state !== 'terminating').length;
  return h('div', { class: `rs${live === 0 ? ' old' : ''}`, 'data-rs': isReplicaSet ? object.metadata.name : undefined },
    isReplicaSet ? h('h3', {}, `ReplicaSet ${object.metadata.name}`, group.revision ? ` · revision ${group.revision}` : '', images ? ` · ${images}` : '') : null,
    group.revisionName ? h('h3', {}, `Revision ${group.revision || '?'} · ${group.revisionName}`, group.pods[0] ? ` · ${group.pods[0].images}` : '') : null,
    isReplicaSet ? counters('ReplicaSet', cells) : null,
    h('ul', { class: 'pods', 'aria-label': `Pods of ${object.metadata.name}` }, ...group.pods.map(podTile)));
}

function podTile(pod: PodView): HTMLElement {
  const name = pod.entry.object.metadata.name;
  return h('li', { class: `pod ${pod.state}`, 'data-pod': name, 'data-state': pod.state, title: `${name}: ${pod.status}` },
    h('div', { class: 'state' }, POD_STATE_LABELS[pod.state], pod.state === 'failing' ? ` (${pod.status})` : ''),
    h('div', {}, name),
    h('div', { class: 'meta' }, pod.images));
}

/** The namespace's last 50 events, newest first, with kubectl get events' columns (LAST SEEN at cluster time `now`). */
function eventList(model: ClusterModel, namespace: string, now: string): HTMLElement {
  const events = model.events(namespace).slice(-50).reverse();
  const field = (o: Record<string, unknown>, key: string): string => String(o[key] ?? '');
  return h('section', { 'aria-label': 'Events' },
    h('h2', {}, 'Events'),
    h('div', { class: 'events' }, h('table', { id: 'events' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'LAST SEEN'), h('th', { scope: 'col' }, 'TYPE'), h('th', { scope: 'col' }, 'REASON'), h('th', { scope: 'col' }, 'OBJECT'), h('th', { scope: 'col' }, 'MESSAGE'))),
      h('tbody', {}, ...events.map((e) => {
        const involved = (e.involvedObject ?? {}) as Record<string, unknown>;
        return h('tr', { class: field(e, 'type') === 'Warning' ? 'warn' : '' },
          h('td', {}, eventAge(e, now)), h('td', {}, field(e, 'type')), h('td', {}, field(e, 'reason')),
          h('td', {}, `${field(involved, 'kind').toLowerCase()}/${field(involved, 'name')}`), h('td', {}, field(e, 'message')));
      })))));
}
