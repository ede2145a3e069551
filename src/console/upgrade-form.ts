/**
 * The upgrade form of the releases panel: the repository path the chart comes from (when charts live in
 * tenants, prefilled with the one the release came from), the chart version, the values (YAML) and
 * `--set` / `--set-string` lines. A refused upgrade keeps its message (Helm's text, such as `failed
 * parsing --set data: …`) under the form until the next try; a done one is logged with its command.
 */
import { getJson, type ChartVersion, type Settings, tenantPrefix } from './api.js';
import { h, replaceChildren, toast } from './dom.js';
import { changeRelease, releaseCommand, type ReleaseChange, type ReleaseView } from './releases.js';
import { hasTenants, listTenants, releaseRepo, rememberReleaseRepo, repoAlias } from './tenants.js';
import { valueFlagFields } from './value-flag-fields.js';
import { explainValuesError, toYaml } from './values-yaml.js';

/** Builds the form for the latest revision `current` of a release in `cluster`; `done` runs after an upgrade. */
export async function upgradeForm(settings: Settings, cluster: string, current: ReleaseView, log: (command: string) => void, done: () => void): Promise<HTMLElement> {
  const chartName = current.chart.metadata.name;
  const tenants = hasTenants(settings) ? await listTenants(settings).catch(() => [] as string[]) : [];
  const where = { cluster, namespace: current.namespace, name: current.name };
  const repo = h('input', { id: 'upgrade-repo', list: 'upgrade-repos', autocomplete: 'off', placeholder: 'org/team' });
  repo.value = hasTenants(settings) ? await releaseRepo(settings, where, chartName, tenants) : '';
  const values = h('textarea', { id: 'upgrade-values', rows: 6, spellcheck: false });
  values.value = toYaml(current.config ?? {});
  const flags = valueFlagFields('upgrade');
  const error = h('p', { id: 'upgrade-error', class: 'warn', role: 'alert' });
  const submit = h('button', { type: 'submit' }, 'Upgrade');
  const versions = versionPicker(settings, current.chart.metadata, () => repo.value, error);
  const load = async (): Promise<void> => {
    submit.disabled = !(await versions.load());
  };
  repo.addEventListener('change', () => void load());
  await load();
  if (!hasTenants(settings) && submit.disabled) return h('p', { class: 'meta' }, `Chart ${chartName} is not in this repository: no upgrade from here.`);
  const form = h('form', { 'aria-label': `Upgrade ${current.name}` },
    h('h3', {}, `Upgrade ${current.name}`),
    hasTenants(settings) ? h('label', { for: 'upgrade-repo' }, 'Repository path', repo, h('datalist', { id: 'upgrade-repos' }, ...tenants.map((t) => h('option', { value: t })))) : null,
    h('label', { for: 'upgrade-version' }, 'Chart version', versions.select),
    h('label', { for: 'upgrade-values' }, 'Values (YAML)', values),
    ...flags.elements,
    error,
    submit);
  // Edited fields mark the form, so the panel keeps it (and what was typed) across redraws until it is sent.
  const edited = (): void => void (form.dataset.dirty = 'true');
  form.addEventListener('input', edited);
  form.addEventListener('change', edited);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chart = versions.chosen();
    if (chart) void upgrade(settings, { ...where, repo: repo.value, chart, values: values.value, flags: flags.read() }, error, log, () => {
      delete form.dataset.dirty;
      done();
    });
  });
  return form;
}

/** The chart-version select; `load()` fills it from the repository `repo()` names and says whether it found any. */
function versionPicker(settings: Settings, chart: { name: string; version: string }, repo: () => string, error: HTMLElement): { select: HTMLSelectElement; load: () => Promise<boolean>; chosen: () => ChartVersion | undefined } {
  const select = h('select', { id: 'upgrade-version' });
  let versions: ChartVersion[] = [];
  const load = async (): Promise<boolean> => {
    try {
      versions = await getJson<ChartVersion[]>(settings, `/api/${tenantPrefix(repo())}charts/${encodeURIComponent(chart.name)}`);
      error.textContent = '';
    } catch {
      versions = [];
      error.textContent = `Chart ${chart.name} is not in repository ${repo() || '/'}: choose the repository it came from.`;
    }
    replaceChildren(select, ...versions.map((v) => h('option', { value: v.version, selected: v.version === chart.version }, v.version)));
    return versions.length > 0;
  };
  return { select, load, chosen: () => versions.find((v) => v.version === select.value) };
}

/** Sends the upgrade; a refusal is shown in `error` and not redrawn (nothing changed), so it stays beside what the user typed. */
async function upgrade(settings: Settings, change: ReleaseChange, error: HTMLElement, log: (command: string) => void, done: () => void): Promise<void> {
  try {
    await changeRelease(settings, change, true);
  } catch (err) {
    error.textContent = `Upgrade refused: ${explainValuesError((err as Error).message, change.values)}`;
    return;
  }
  error.textContent = '';
  rememberReleaseRepo(change.cluster, change.namespace, change.name, change.repo);
  log(releaseCommand(change, true, repoAlias(change.repo)));
  done();
}
