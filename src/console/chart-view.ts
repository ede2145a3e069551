/**
 * A chart's page: its versions, the commands to use it (each with a copy button), and the files of the
 * chosen version read from its archive in the browser (README rendered, Chart.yaml, values.yaml,
 * templates). Only `GET` requests: the same rights as `helm pull`.
 */
import { archiveUrl, getJson, type ChartVersion, type Settings, tenantPrefix } from './api.js';
import { copyButton, h, replaceChildren } from './dom.js';
import { probeAuth, withCredentials } from './credentials.js';
import { renderMarkdown } from './markdown.js';
import { chartIcon, formatTime } from './repo-view.js';
import { changeRelease, releaseCommand } from './releases.js';
import { readTgz } from './tar.js';
import { rememberReleaseRepo, repoAlias } from './tenants.js';
import { valueFlagFields } from './value-flag-fields.js';
import { explainValuesError } from './values-yaml.js';
import { readKept, restoreKept, trackEdits } from './kept-input.js';

/** Which chart: tenant path, name and (optional) version. */
export interface ChartState {
  repo: string;
  name: string;
  version: string;
}

/** Draws the chart page into `main`. */
export async function showChart(main: HTMLElement, settings: Settings, state: ChartState, navigate: (hash: string) => void): Promise<void> {
  const versions = await getJson<ChartVersion[]>(settings, `/api/${tenantPrefix(state.repo)}charts/${encodeURIComponent(state.name)}`);
  const chart = versions.find((v) => v.version === state.version) ?? (versions[0] as ChartVersion);
  const picker = h('select', { id: 'version' }, ...versions.map((v) => h('option', { value: v.version, selected: v.version === chart.version }, v.version)));
  picker.addEventListener('change', () => navigate(`#/chart?repo=${encodeURIComponent(state.repo)}&name=${encodeURIComponent(state.name)}&version=${encodeURIComponent(picker.value)}`));
  const files = h('section', { id: 'chart-files', 'aria-label': 'Chart files' }, h('p', { class: 'meta' }, 'Reading the archive…'));
  const auth = await probeAuth(settings.contextPath, `/${tenantPrefix(state.repo)}index.yaml`);
  // Another version of the same chart redraws the page: what was typed into the install form meanwhile stays.
  const formKey = `${state.repo}\n${state.name}`;
  const kept = readKept(main, formKey);
  const form = settings.simulator ? trackEdits(installForm(settings, state.repo, chart, navigate), formKey) : null;
  replaceChildren(main,
    h('p', {}, h('a', { href: `#/charts?repo=${encodeURIComponent(state.repo)}` }, '← All charts')),
    h('div', { class: 'card' }, chartIcon(chart), h('div', {},
      h('h1', {}, chart.name),
      h('p', {}, chart.description ?? ''),
      h('p', { class: 'meta' }, chart.appVersion ? `app ${chart.appVersion} · ` : '', chart.created ? `created ${formatTime(chart.created)}` : '',
        chart.home ? ' · ' : '', chart.home && /^https?:/.test(chart.home) ? h('a', { href: chart.home, rel: 'noopener noreferrer' }, 'home') : ''),
      h('label', { for: 'version' }, 'Version', picker))),
    h('h2', {}, 'Use it'),
    ...withCredentials(commands(settings, state.repo, chart), auth).map(commandLine),
    form,
    files);
  if (form) restoreKept(form, kept);
  try {
    const response = await fetch(archiveUrl(settings, state.repo, chart), { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`download answered ${response.status}`);
    replaceChildren(files, fileTabs(await readTgz(await response.arrayBuffer()), chart.name));
  } catch (err) {
    replaceChildren(files, h('p', { class: 'warn' }, `Could not read the archive: ${(err as Error).message}`));
  }
}

/** The commands that install this version with Helm and with chartroom's own client. */
export function commands(settings: Settings, repo: string, chart: ChartVersion): string[] {
  const repoUrl = `${settings.baseUrl}/${tenantPrefix(repo)}`.replace(/\/$/, '');
  const alias = repoAlias(repo);
  const install = `install my-${chart.name} ${alias}/${chart.name} --version ${chart.version}`;
  return [
    `helm repo add ${alias} ${repoUrl}\nhelm repo update\nhelm ${install}`,
    `chartroom helm repo add ${alias} ${repoUrl}\nchartroom helm ${install} --server ${settings.baseUrl}`,
  ];
}

function commandLine(text: string): HTMLElement {
  return h('div', { class: 'cmd' }, h('pre', {}, h('code', {}, text)), copyButton(text));
}

function fileTabs(archive: Map<string, Uint8Array>, name: string): HTMLElement {
  const decoder = new TextDecoder();
  const read = (path: string): string | undefined => {
    const bytes = archive.get(`${name}/${path}`);
    return bytes ? decoder.decode(bytes) : undefined;
  };
  const readme = [...archive.keys()].find((p) => p.toLowerCase() === `${name}/readme.md`.toLowerCase());
  const templates = [...archive.keys()].filter((p) => p.startsWith(`${name}/templates/`)).sort();
  const panels: [string, () => Node][] = [
    ['README', () => (readme ? h('div', { class: 'readme' }, renderMarkdown(decoder.decode(archive.get(readme)))) : h('p', {}, 'This chart has no README.'))],
    ['Chart.yaml', () => h('pre', {}, h('code', {}, read('Chart.yaml') ?? ''))],
    ['values.yaml', () => h('pre', {}, h('code', {}, read('values.yaml') ?? '# no values.yaml'))],
    ['Templates', () => h('div', {}, ...templates.flatMap((p) => [h('h3', {}, p.slice(name.length + 1)), h('pre', {}, h('code', {}, decoder.decode(archive.get(p))))]))],
  ];
  const panel = h('div', { role: 'tabpanel', id: 'file-panel', tabindex: '0' });
  const tabs = panels.map(([label], index) => h('button', { type: 'button', role: 'tab', id: `tab-${index}`, 'aria-controls': 'file-panel' }, label));
  const select = (index: number): void => {
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
    });
    panel.setAttribute('aria-labelledby', `tab-${index}`);
    replaceChildren(panel, (panels[index] as [string, () => Node])[1]());
  };
  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => select(index));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      const next = (index + step + tabs.length) % tabs.length;
      select(next);
      tabs[next]?.focus();
    });
  });
  select(0);
  return h('div', {}, h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Chart files' }, ...tabs), panel);
}

/** Installs this version into a simulated cluster, then shows that cluster's page. */
function installForm(settings: Settings, repo: string, chart: ChartVersion, navigate: (hash: string) => void): HTMLElement {
  const name = h('input', { id: 'install-name', value: `my-${chart.name}`, autocomplete: 'off', required: true });
  const cluster = h('input', { id: 'install-cluster', value: 'default', autocomplete: 'off', required: true });
  const namespace = h('input', { id: 'install-namespace', value: 'default', autocomplete: 'off', required: true });
  const values = h('textarea', { id: 'install-values', rows: 4, spellcheck: false, placeholder: 'replicaCount: 3' });
  const flags = valueFlagFields('install');
  const error = h('p', { id: 'install-error', class: 'warn', role: 'alert' });
  const form = h('form', { class: 'install', 'aria-label': 'Install into a simulated cluster' },
    h('h2', {}, 'Install into a simulated cluster'),
    h('div', { class: 'bar' },
      h('label', { for: 'install-name' }, 'Release name', name),
      h('label', { for: 'install-cluster' }, 'Cluster', cluster),
      h('label', { for: 'install-namespace' }, 'Namespace', namespace)),
    h('label', { for: 'install-values' }, 'Values (YAML), on top of the chart\'s values.yaml', values),
    h('div', { class: 'bar' }, ...flags.elements),
    error,
    h('p', {}, h('button', { type: 'submit', class: 'primary' }, 'Install')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const change = { cluster: cluster.value, namespace: namespace.value, name: name.value, repo, chart, values: values.value, flags: flags.read() };
    changeRelease(settings, change, false).then(() => {
      rememberReleaseRepo(change.cluster, change.namespace, change.name, repo);
      sessionStorage.setItem('chartroom.command', releaseCommand(change, false, repoAlias(repo)));
      navigate(`#/cluster?cluster=${encodeURIComponent(change.cluster)}&namespace=${encodeURIComponent(change.namespace)}`);
    }, (err: Error) => {
      error.textContent = `Install refused: ${explainValuesError(err.message, change.values)}`;
    });
  });
  return form;
}
