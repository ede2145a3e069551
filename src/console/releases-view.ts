/**
 * The releases panel of the cluster page: `helm list` of the namespace; for the chosen release its
 * `helm history` with a Rollback button per older revision, the same history as the text `chartroom helm
 * history` prints now, and an upgrade form (upgrade-form.ts). Every action is logged with its `chartroom helm` command. The list is
 * re-read when the stream shows a change to a release's storage Secret (`sh.helm.release.v1.*`).
 */
import type { Settings } from './api.js';
import { h, replaceChildren, toast } from './dom.js';
import { helmHistoryText } from './helm-history-text.js';
import { listReleases, releaseHistory, type ReleaseView, rollbackRelease } from './releases.js';
import { upgradeForm } from './upgrade-form.js';

/** The panel, and apart from it the `helm history` text of the chosen release (too wide for a side pane); `refresh()` re-reads both. */
export interface ReleasesPanel {
  element: HTMLElement;
  historyText: HTMLElement;
  refresh: () => void;
}

/** Builds the panel for one cluster and namespace; `log` receives the equivalent commands. */
export function releasesPanel(settings: Settings, cluster: string, namespace: string, log: (command: string) => void): ReleasesPanel {
  const list = h('tbody');
  // The history and the upgrade form have a slot each: a redraw replaces the history, and the form only
  // when another release is shown or a new revision came while the user had typed nothing, so neither
  // typed text nor focus is lost to a change elsewhere in the namespace.
  const historySlot = h('div');
  const formSlot = h('div');
  const detail = h('div', { id: 'release-detail' }, historySlot, formSlot);
  const historyText = h('section', { class: 'actions', 'aria-label': 'helm history' });
  let chosen = '';
  let form: { name: string; revision: number } | undefined;
  let pending: Promise<void> | undefined;
  const suffix = `-n ${namespace}${cluster === 'default' ? '' : ` --cluster ${cluster}`}`;
  const show = async (name: string): Promise<void> => {
    chosen = name;
    const history = await releaseHistory(settings, cluster, namespace, name);
    const latest = history.at(-1) as ReleaseView;
    const focused = document.activeElement;
    const refocus = historySlot.contains(focused) ? focused?.getAttribute('aria-label') : null;
    replaceChildren(historySlot, historyTable(history, async (revision) => {
      try {
        await rollbackRelease(settings, cluster, namespace, name, revision);
        log(`chartroom helm rollback ${name} ${revision} ${suffix}`);
      } catch (err) {
        toast(`Rollback refused: ${(err as Error).message}`, true);
      }
      refresh();
    }));
    if (refocus) (historySlot.querySelector(`[aria-label="${CSS.escape(refocus)}"]`) as HTMLElement | null)?.focus();
    const edited = Boolean((formSlot.firstElementChild as HTMLElement | null)?.dataset.dirty);
    if (form?.name !== name || (form.revision !== latest.version && !edited)) {
      const hadFocus = formSlot.contains(document.activeElement);
      replaceChildren(formSlot, await upgradeForm(settings, cluster, latest, log, refresh));
      form = { name, revision: latest.version };
      // A keyboard user who just upgraded stays on the form's button.
      if (hadFocus) (formSlot.querySelector('button[type=submit]') as HTMLElement | null)?.focus();
    }
    drawHistoryText(historyText, history, name, suffix);
  };
  const load = async (): Promise<void> => {
    const releases = await listReleases(settings, cluster, namespace);
    replaceChildren(list, ...releases.map((r) => {
      const open = h('button', { type: 'button', 'aria-label': `Show release ${r.name}` }, r.name);
      open.addEventListener('click', () => void show(r.name));
      return h('tr', { 'data-release': r.name }, h('td', {}, open), h('td', {}, String(r.version)), h('td', {}, r.info.status),
        h('td', {}, `${r.chart.metadata.name}-${r.chart.metadata.version}`), h('td', {}, r.chart.metadata.appVersion ?? ''));
    }));
    // The first release is shown until the user picks another, so its history is on screen at once.
    if (!releases.some((r) => r.name === chosen)) chosen = releases[0]?.name ?? '';
    if (chosen) await show(chosen);
    else {
      form = undefined;
      replaceChildren(formSlot);
      replaceChildren(historySlot, releases.length === 0 ? h('p', { class: 'meta' }, 'No releases; install one from a chart\'s page.') : null);
      replaceChildren(historyText);
    }
  };
  function refresh(): void {
    pending ??= load().catch((err: Error) => toast(`Could not list releases: ${err.message}`, true)).finally(() => (pending = undefined));
  }
  const element = h('section', { class: 'actions', 'aria-label': 'Releases' },
    h('h2', {}, 'Releases'),
    h('table', { id: 'releases' }, h('thead', {}, h('tr', {}, ...['NAME', 'REVISION', 'STATUS', 'CHART', 'APP VERSION'].map((c) => h('th', { scope: 'col' }, c)))), list),
    detail);
  refresh();
  return { element, historyText, refresh };
}

function historyTable(history: ReleaseView[], rollback: (revision: number) => Promise<void>): HTMLElement {
  const latest = history.at(-1)?.version ?? 0;
  return h('table', { id: 'release-history', 'aria-label': 'Release history' },
    h('thead', {}, h('tr', {}, ...['REVISION', 'STATUS', 'CHART', 'DESCRIPTION', ''].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...history.map((r) => {
      const button = h('button', { type: 'button', 'aria-label': `Roll back to revision ${r.version}` }, 'Roll back');
      button.addEventListener('click', () => void rollback(r.version));
      return h('tr', { 'data-revision': String(r.version) }, h('td', {}, String(r.version)), h('td', {}, r.info.status),
        h('td', {}, `${r.chart.metadata.name}-${r.chart.metadata.version}`), h('td', {}, r.info.description), h('td', {}, r.version === latest ? '' : button));
    })));
}

/** Draws `helm history` as text into `pane`, under the command that prints it (`suffix`: its `-n` and `--cluster` flags). */
function drawHistoryText(pane: HTMLElement, history: ReleaseView[], name: string, suffix: string): void {
  const command = `chartroom helm history ${name} ${suffix}`;
  replaceChildren(pane,
    h('h2', {}, h('code', {}, command)),
    h('pre', { id: 'helm-history', tabindex: '0', 'aria-label': `Output of ${command}` }, helmHistoryText(history)));
}
