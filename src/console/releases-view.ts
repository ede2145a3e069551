/**
 * The releases panel of the cluster page: `helm list` of the namespace; for the chosen release its
 * `helm history` with a Rollback button per older revision, and an upgrade form (chart version from the
 * repository, values editor). Every action is logged with its `chartroom helm` command. The list is
 * re-read when the stream shows a change to a release's storage Secret (`sh.helm.release.v1.*`).
 */
import { getJson, type ChartVersion, type Settings, tenantPrefix } from './api.js';
import { h, replaceChildren, toast } from './dom.js';
import { changeRelease, listReleases, releaseCommand, releaseHistory, type ReleaseView, rollbackRelease } from './releases.js';

/** The panel; `refresh()` re-reads the releases. */
export interface ReleasesPanel {
  element: HTMLElement;
  refresh: () => void;
}

/** Builds the panel for one cluster and namespace; `log` receives the equivalent commands. */
export function releasesPanel(settings: Settings, cluster: string, namespace: string, log: (command: string) => void): ReleasesPanel {
  const list = h('tbody');
  const detail = h('div', { id: 'release-detail' });
  let chosen = '';
  let pending: Promise<void> | undefined;
  const suffix = `-n ${namespace}${cluster === 'default' ? '' : ` --cluster ${cluster}`}`;
  const show = async (name: string): Promise<void> => {
    chosen = name;
    const history = await releaseHistory(settings, cluster, namespace, name);
    replaceChildren(detail, historyTable(history, async (revision) => {
      try {
        await rollbackRelease(settings, cluster, namespace, name, revision);
        log(`chartroom helm rollback ${name} ${revision} ${suffix}`);
      } catch (err) {
        toast(`Rollback refused: ${(err as Error).message}`, true);
      }
      refresh();
    }), await upgradeForm(settings, cluster, history.at(-1) as ReleaseView, log, refresh));
  };
  const load = async (): Promise<void> => {
    const releases = await listReleases(settings, cluster, namespace);
    replaceChildren(list, ...releases.map((r) => {
      const open = h('button', { type: 'button', 'aria-label': `Show release ${r.name}` }, r.name);
      open.addEventListener('click', () => void show(r.name));
      return h('tr', { 'data-release': r.name }, h('td', {}, open), h('td', {}, String(r.version)), h('td', {}, r.info.status),
        h('td', {}, `${r.chart.metadata.name}-${r.chart.metadata.version}`), h('td', {}, r.chart.metadata.appVersion ?? ''));
    }));
    if (chosen && releases.some((r) => r.name === chosen)) await show(chosen);
    else replaceChildren(detail, releases.length === 0 ? h('p', { class: 'meta' }, 'No releases; install one from a chart\'s page.') : null);
  };
  function refresh(): void {
    pending ??= load().catch((err: Error) => toast(`Could not list releases: ${err.message}`, true)).finally(() => (pending = undefined));
  }
  const element = h('section', { class: 'actions', 'aria-label': 'Releases' },
    h('h2', {}, 'Releases'),
    h('table', { id: 'releases' }, h('thead', {}, h('tr', {}, ...['NAME', 'REVISION', 'STATUS', 'CHART', 'APP VERSION'].map((c) => h('th', { scope: 'col' }, c)))), list),
    detail);
  refresh();
  return { element, refresh };
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

async function upgradeForm(settings: Settings, cluster: string, current: ReleaseView, log: (command: string) => void, done: () => void): Promise<HTMLElement> {
  const name = current.chart.metadata.name;
  let versions: ChartVersion[] = [];
  try {
    versions = await getJson<ChartVersion[]>(settings, `/api/${tenantPrefix('')}charts/${encodeURIComponent(name)}`);
  } catch {
    return h('p', { class: 'meta' }, `Chart ${name} is not in this repository: no upgrade from here.`);
  }
  const version = h('select', { id: 'upgrade-version' }, ...versions.map((v) => h('option', { value: v.version, selected: v.version === current.chart.metadata.version }, v.version)));
  const values = h('textarea', { id: 'upgrade-values', rows: 6, spellcheck: false });
  values.value = Object.keys(current.config ?? {}).length > 0 ? `${JSON.stringify(current.config, null, 2)}\n` : '';
  const form = h('form', { 'aria-label': `Upgrade ${current.name}` },
    h('h3', {}, `Upgrade ${current.name}`),
    h('label', { for: 'upgrade-version' }, 'Chart version', version),
    h('label', { for: 'upgrade-values' }, 'Values (YAML)', values),
    h('button', { type: 'submit' }, 'Upgrade'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chart = versions.find((v) => v.version === version.value) as ChartVersion;
    const change = { cluster, namespace: current.namespace, name: current.name, repo: '', chart, values: values.value };
    changeRelease(settings, change, true)
      .then(() => log(releaseCommand(change, true, 'chartroom')))
      .catch((err: Error) => toast(`Upgrade refused: ${err.message}`, true))
      .finally(done);
  });
  return form;
}
