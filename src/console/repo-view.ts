/**
 * The repository page: the charts of one tenant (picked from the list of repositories the user may pull,
 * or typed as a path, when --depth > 0), each with its icon,
 * description, latest version, appVersion, created time and version count; a filter over name,
 * description and keywords; upload by drag and drop (or a file picker) and delete of a version. The
 * server decides who may push: a refused upload or delete shows its message.
 */
import { ApiError, getJson, request, type ChartVersion, type Settings, tenantPrefix } from './api.js';
import { h, replaceChildren, toast } from './dom.js';
import { hasTenants, listTenants } from './tenants.js';

/** Where the page is: the tenant path and the filter text (both kept in the URL hash). */
export interface RepoState {
  repo: string;
  filter: string;
}

/**
 * Draws the repository page into `main`; `navigate` changes the hash-held state. When the server keeps
 * charts at a fixed depth and no repository of that depth is chosen, nothing is asked of the root: a
 * single repository opens at once, else the page asks to pick one (and uploads wait for one).
 */
export async function showRepository(main: HTMLElement, settings: Settings, state: RepoState, navigate: (hash: string) => void): Promise<void> {
  const list = h('ul', { class: 'cards', id: 'charts', 'aria-label': 'Charts' });
  const count = h('p', { class: 'meta', id: 'chart-count', 'aria-live': 'polite' });
  const filter = h('input', { type: 'search', id: 'filter', value: state.filter, placeholder: 'name, description or keyword', autocomplete: 'off' });
  const needsRepo = hasTenants(settings) && !settings.depthDynamic && state.repo.split('/').filter((s) => s !== '').length !== settings.depth;
  let charts: ChartVersion[][] = [];
  const draw = (): void => drawCards(list, count, settings, state.repo, charts, filter.value, () => void reload());
  filter.addEventListener('input', draw);
  let tenants = hasTenants(settings) ? await tenantList(settings, state.repo) : null;
  if (needsRepo && tenants?.names.length === 1) return navigate(`#/charts?repo=${encodeURIComponent(tenants.names[0] as string)}`);
  const reload = async (uploaded = false): Promise<void> => {
    if (tenants && uploaded) {
      // A new repository (the first upload into it) joins the list of repositories.
      const fresh = await tenantList(settings, state.repo);
      tenants.element.replaceWith(fresh.element);
      tenants = fresh;
    }
    if (needsRepo) {
      count.textContent = `Pick a repository above, or type its path (${settings.depth} segment${settings.depth === 1 ? '' : 's'}, like ${EXAMPLE_PATHS[settings.depth] ?? 'org/team'}), to see its charts.`;
      return;
    }
    try {
      charts = Object.values(await getJson<Record<string, ChartVersion[]>>(settings, `/api/${tenantPrefix(state.repo)}charts`));
    } catch (err) {
      charts = [];
      toast(`Could not list charts: ${(err as Error).message}`, true);
    }
    draw();
  };
  replaceChildren(main,
    h('h1', {}, 'Charts', state.repo ? ` in ${state.repo}` : ''),
    tenants?.element,
    h('div', { class: 'bar' },
      hasTenants(settings) ? tenantPicker(state, navigate) : null,
      h('label', { for: 'filter' }, 'Search charts', filter)),
    uploadZone(settings, needsRepo ? undefined : state.repo, reload),
    count,
    list);
  await reload();
}

const EXAMPLE_PATHS: Record<number, string> = { 1: 'team', 2: 'org/team', 3: 'org/team/app' };

/**
 * The repositories holding charts that this user may pull, each a link that opens it (the current one
 * marked); a refusal or failure says why instead, and the path field below still works.
 */
async function tenantList(settings: Settings, current: string): Promise<{ element: HTMLElement; names: string[] }> {
  let tenants: string[];
  try {
    tenants = await listTenants(settings);
  } catch (err) {
    return { names: [], element: h('p', { class: 'meta', id: 'tenant-list' }, `Could not list the repositories: ${(err as Error).message}`) };
  }
  if (tenants.length === 0) return { names: [], element: h('p', { class: 'meta', id: 'tenant-list' }, 'No repository holds a chart yet: type a path below and upload one.') };
  return {
    names: tenants,
    element: h('nav', { 'aria-label': 'Repositories', id: 'tenant-list' },
      h('h2', {}, 'Repositories'),
      h('ul', { class: 'tenants' }, ...tenants.map((t) =>
        h('li', { 'data-tenant': t }, h('a', { href: `#/charts?repo=${encodeURIComponent(t)}`, 'aria-current': t === current ? 'page' : undefined }, t || '/'))))),
  };
}

function tenantPicker(state: RepoState, navigate: (hash: string) => void): HTMLElement {
  const input = h('input', { id: 'tenant', value: state.repo, placeholder: 'org/team', list: 'recent-repos' });
  const recent = JSON.parse(localStorage.getItem('chartroom.repos') ?? '[]') as string[];
  const form = h('form', { class: 'bar', 'aria-label': 'Repository' },
    h('label', { for: 'tenant' }, 'Repository path', input),
    h('datalist', { id: 'recent-repos' }, ...recent.map((r) => h('option', { value: r }))),
    h('button', { type: 'submit' }, 'Open'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const repo = input.value.trim().replace(/^\/+|\/+$/g, '');
    localStorage.setItem('chartroom.repos', JSON.stringify([repo, ...recent.filter((r) => r !== repo)].slice(0, 10)));
    navigate(`#/charts?repo=${encodeURIComponent(repo)}`);
  });
  return form;
}

function drawCards(list: HTMLElement, count: HTMLElement, settings: Settings, repo: string, charts: ChartVersion[][], text: string, reload: () => void): void {
  const needle = text.trim().toLowerCase();
  const shown = charts.filter((versions) => matches(versions[0], needle));
  count.textContent = `${shown.length} of ${charts.length} chart${charts.length === 1 ? '' : 's'}`;
  replaceChildren(list, ...shown.map((versions) => card(settings, repo, versions, reload)));
}

function matches(latest: ChartVersion | undefined, needle: string): boolean {
  if (!latest || needle === '') return Boolean(latest);
  return [latest.name, latest.description ?? '', ...(latest.keywords ?? [])].some((s) => s.toLowerCase().includes(needle));
}

function card(settings: Settings, repo: string, versions: ChartVersion[], reload: () => void): HTMLElement {
  const latest = versions[0] as ChartVersion;
  const href = `#/chart?repo=${encodeURIComponent(repo)}&name=${encodeURIComponent(latest.name)}`;
  const remove = h('button', { class: 'danger', type: 'button', 'aria-label': `Delete ${latest.name} ${latest.version}` }, 'Delete');
  remove.addEventListener('click', () => void deleteVersion(settings, repo, latest, reload));
  return h('li', { class: 'card', 'data-chart': latest.name },
    chartIcon(latest),
    h('div', {},
      h('h2', {}, h('a', { href }, latest.name)),
      h('p', {}, latest.description ?? ''),
      h('p', { class: 'meta' },
        `version ${latest.version}`, latest.appVersion ? ` · app ${latest.appVersion}` : '',
        ` · ${versions.length} version${versions.length === 1 ? '' : 's'}`,
        latest.created ? ` · created ${formatTime(latest.created)}` : ''),
      settings.disableDelete ? null : remove));
}

/** The chart's icon (http(s) URLs only), or its initial when it has none. */
export function chartIcon(chart: ChartVersion): HTMLElement {
  if (chart.icon && /^https?:\/\//.test(chart.icon)) return h('img', { src: chart.icon, alt: '', loading: 'lazy', referrerpolicy: 'no-referrer' });
  return h('span', { class: 'icon', 'aria-hidden': 'true' }, chart.name.slice(0, 1).toUpperCase());
}

/** An ISO time as the reader's locale shows it, with the ISO text as tooltip. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

async function deleteVersion(settings: Settings, repo: string, chart: ChartVersion, reload: () => void): Promise<void> {
  if (!confirm(`Delete ${chart.name} ${chart.version}?`)) return;
  try {
    await request(settings, `/api/${tenantPrefix(repo)}charts/${encodeURIComponent(chart.name)}/${encodeURIComponent(chart.version)}`, { method: 'DELETE' });
    toast(`Deleted ${chart.name} ${chart.version}`);
  } catch (err) {
    toast(`Delete refused: ${(err as Error).message}`, true);
  }
  reload();
}

/** The drop zone and its status line; `repo` undefined: no repository chosen yet, so an upload is refused here. */
function uploadZone(settings: Settings, repo: string | undefined, reload: (uploaded: boolean) => Promise<void>): HTMLElement {
  const picker = h('input', { type: 'file', id: 'upload-file', accept: '.tgz,.prov', multiple: true });
  const status = h('p', { id: 'upload-status', role: 'status' });
  const zone = h('div', { class: 'drop', id: 'drop-zone' },
    h('label', { for: 'upload-file' }, 'Drop chart archives (.tgz) here, or choose files to upload', picker), status);
  const upload = async (files: FileList | null): Promise<void> => {
    const lines: [string, boolean][] = [];
    if (repo === undefined) lines.push(['Pick a repository above or type its path, then upload into it.', true]);
    else for (const file of [...(files ?? [])]) lines.push(await uploadFile(settings, repo, file));
    replaceChildren(status, ...lines.map(([text, isError]) => h('span', { class: isError ? 'warn' : '' }, text, h('br'))));
    await reload(lines.some(([, isError]) => !isError));
  };
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    void upload(event.dataTransfer?.files ?? null);
  });
  picker.addEventListener('change', () => void upload(picker.files));
  return zone;
}

/** Uploads one archive (or .prov); returns the line to show and whether it is an error. */
async function uploadFile(settings: Settings, repo: string, file: File): Promise<[string, boolean]> {
  const path = file.name.endsWith('.prov') ? 'prov' : 'charts';
  try {
    await request(settings, `/api/${tenantPrefix(repo)}${path}`, { method: 'POST', body: file });
    return [`Uploaded ${file.name}${repo ? ` to ${repo}` : ''}.`, false];
  } catch (err) {
    const status = err instanceof ApiError ? ` (${err.status})` : '';
    return [`Upload of ${file.name} refused${status}: ${(err as Error).message}`, true];
  }
}
