/**
 * The upgrade form of the releases panel: the repository path the chart comes from (when charts live in
 * tenants, prefilled with the one the release came from), the chart version, the values (YAML) and
 * `--set` / `--set-string` lines. A refused upgrade keeps its message (Helm's text, such as `failed
 * parsing --set data: …`) under the form until the next try; a done one is logged with its command.
 */
import { getJson, type ChartVersion, type Settings, tenantPrefix } from './api.js';
import { h, replaceChildren, toast } from './dom.js';
import { changeRelease, releaseCommand, type ReleaseView } from './releases.js';
import { hasTenants, listTenants, releaseRepo, rememberReleaseRepo, repoAlias } from './tenants.js';
import { valueFlagFields } from './value-flag-fields.js';

/** Builds the form for the latest revision `current` of a release in `cluster`; `done` runs after an upgrade. */
export async function upgradeForm(settings: Settings, cluster: string, current: ReleaseView, log: (command: string) => void, done: () => void): Promise<HTMLElement> {
  const chartName = current.chart.metadata.name;
  const tenants = hasTenants(settings) ? await listTenants(settings).catch(() => [] as string[]) : [];
  const where = { cluster, namespace: current.namespace, name: current.name };
  const repo = h('input', { id: 'upgrade-repo', list: 'upgrade-repos', autocomplete: 'off', placeholder: 'org/team' });
  repo.value = hasTenants(settings) ? await releaseRepo(settings, where, chartName, tenants) : '';
  const version = h('select', { id: 'upgrade-version' });
  const values = h('textarea', { id: 'upgrade-values', rows: 6, spellcheck: false });
  values.value = Object.keys(current.config ?? {}).length > 0 ? `${JSON.stringify(current.config, null, 2)}\n` : '';
  const flags = valueFlagFields('upgrade');
  const error = h('p', { id: 'upgrade-error', class: 'warn', role: 'alert' });
  const submit = h('button', { type: 'submit' }, 'Upgrade');
  let versions: ChartVersion[] = [];
  const loadVersions = async (): Promise<void> => {
    try {
      versions = await getJson<ChartVersion[]>(settings, `/api/${tenantPrefix(repo.value)}charts/${encodeURIComponent(chartName)}`);
      error.textContent = '';
    } catch {
      versions = [];
      error.textContent = `Chart ${chartName} is not in repository ${repo.value || '/'}: choose the repository it came from.`;
    }
    replaceChildren(version, ...versions.map((v) => h('option', { value: v.version, selected: v.version === current.chart.metadata.version }, v.version)));
    submit.disabled = versions.length === 0;
  };
  repo.addEventListener('change', () => void loadVersions());
  await loadVersions();
  if (!hasTenants(settings) && versions.length === 0) return h('p', { class: 'meta' }, `Chart ${chartName} is not in this repository: no upgrade from here.`);
  const form = h('form', { 'aria-label': `Upgrade ${current.name}` },
    h('h3', {}, `Upgrade ${current.name}`),
    hasTenants(settings) ? h('label', { for: 'upgrade-repo' }, 'Repository path', repo, h('datalist', { id: 'upgrade-repos' }, ...tenants.map((t) => h('option', { value: t })))) : null,
    h('label', { for: 'upgrade-version' }, 'Chart version', version),
    h('label', { for: 'upgrade-values' }, 'Values (YAML)', values),
    ...flags.elements,
    error,
    submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chart = versions.find((v) => v.version === version.value);
    if (!chart) return;
    const change = { ...where, repo: repo.value, chart, values: values.value, flags: flags.read() };
    changeRelease(settings, change, true)
      .then(() => {
        error.textContent = '';
        rememberReleaseRepo(cluster, current.namespace, current.name, change.repo);
        log(releaseCommand(change, true, repoAlias(change.repo)));
        done();
      }, (err: Error) => {
        // Not redrawn (nothing changed), so the message stays beside what the user typed.
        error.textContent = `Upgrade refused: ${err.message}`;
        toast(`Upgrade refused: ${err.message}`, true);
      });
  });
  return form;
}
