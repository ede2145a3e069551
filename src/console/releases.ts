/**
 * Helm releases in the simulated cluster, through the release API (`/api/sim/clusters/<c>/releases`):
 * install a chart version from the repository, upgrade it (another version, edited values), roll it back,
 * and read `helm list` / `helm history` as tables. Charts travel as the archive the repository serves,
 * exactly the bytes `helm install` would download. Values are YAML (JSON is YAML too) plus `--set`-family
 * flag values, which the server parses and merges as Helm does.
 */
import { archiveUrl, getJson, request, type ChartVersion, type Settings } from './api.js';
import { withValuesHeredoc } from './commands.js';
import { FORM_VALUES_NAME } from './values-yaml.js';
import { type ValueFlags, valueFlagsText } from './value-flags.js';

/** A release revision as the API returns it (Helm's JSON field names). */
export interface ReleaseView {
  name: string;
  namespace: string;
  version: number;
  info: { status: string; last_deployed: string; description: string };
  chart: { metadata: { name: string; version: string; appVersion?: string } };
  config: Record<string, unknown>;
}

/** What an install or upgrade sends. */
export interface ReleaseChange {
  cluster: string;
  namespace: string;
  name: string;
  repo: string;
  chart: ChartVersion;
  /** YAML of the user values ('' for none). */
  values: string;
  /** `--set`, `--set-string`, `--set-json`, `--set-literal` flag values, one per flag. */
  flags: ValueFlags;
}

const releasesPath = (cluster: string): string => `/api/sim/clusters/${encodeURIComponent(cluster)}/releases`;
const releasePath = (cluster: string, namespace: string, name: string): string =>
  `${releasesPath(cluster)}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;

/** `helm list -n <namespace>`: the releases of a namespace. Throws ApiError. */
export async function listReleases(settings: Settings, cluster: string, namespace: string): Promise<ReleaseView[]> {
  return (await getJson<{ releases: ReleaseView[] }>(settings, `${releasesPath(cluster)}?namespace=${encodeURIComponent(namespace)}`)).releases;
}

/** `helm history`: the last 256 revisions (Helm's default --max), oldest first. Throws ApiError. */
export async function releaseHistory(settings: Settings, cluster: string, namespace: string, name: string): Promise<ReleaseView[]> {
  return (await getJson<{ releases: ReleaseView[] }>(settings, `${releasePath(cluster, namespace, name)}/history?max=256`)).releases;
}

/** Installs (`upgrade` false) or upgrades a release with a chart version of the repository. Throws ApiError. */
export async function changeRelease(settings: Settings, change: ReleaseChange, upgrade: boolean): Promise<ReleaseView> {
  const response = await fetch(archiveUrl(settings, change.repo, change.chart), { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`downloading ${change.chart.name}-${change.chart.version}.tgz answered ${response.status}`);
  const archive = base64(new Uint8Array(await response.arrayBuffer()));
  const body = {
    name: change.name,
    namespace: change.namespace,
    chart: { archive },
    values: { files: change.values.trim() ? [{ name: FORM_VALUES_NAME, text: change.values }] : [], ...change.flags },
  };
  const path = upgrade ? `${releasePath(change.cluster, change.namespace, change.name)}/upgrade` : releasesPath(change.cluster);
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  return (await getJson<{ release: ReleaseView }>(settings, path, init)).release;
}

/** `helm rollback <name> <revision>`. Throws ApiError. */
export async function rollbackRelease(settings: Settings, cluster: string, namespace: string, name: string, revision: number): Promise<void> {
  await request(settings, `${releasePath(cluster, namespace, name)}/rollback`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ revision }),
  });
}

/** The command line that does the same as an install or upgrade (typed values as a heredoc on stdin). */
export function releaseCommand(change: ReleaseChange, upgrade: boolean, alias: string): string {
  const cluster = change.cluster === 'default' ? '' : ` --cluster ${change.cluster}`;
  const line = `chartroom helm ${upgrade ? 'upgrade' : 'install'} ${change.name} ${alias}/${change.chart.name} --version ${change.chart.version} -n ${change.namespace}${valueFlagsText(change.flags)}${cluster}`;
  return withValuesHeredoc(line, change.values);
}

function base64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
