/**
 * Repository paths (tenants) for the console when --depth ≥ 1 or --depth-dynamic: the list the server
 * gives (`GET /api/chartroom/tenants`, only those the user may pull), and which tenant a release's chart
 * came from — remembered when the page installs or upgrades it, else looked up among the tenants — so a
 * release of a chart kept in a tenant can be upgraded from the page.
 */
import { getJson, type Settings, tenantPrefix } from './api.js';

/** True when chart paths carry a tenant (so the page must ask which one). */
export function hasTenants(settings: Settings): boolean {
  return settings.depth > 0 || settings.depthDynamic;
}

/** The tenants holding charts that this user may pull, sorted. Throws ApiError (401 without credentials). */
export async function listTenants(settings: Settings): Promise<string[]> {
  return (await getJson<{ tenants: string[] }>(settings, '/api/chartroom/tenants')).tenants;
}

const STORE_KEY = 'chartroom.release-repos';
const key = (cluster: string, namespace: string, name: string): string => `${cluster}\n${namespace}\n${name}`;

/** Remembers (in this browser) the tenant the release's chart was installed or upgraded from. */
export function rememberReleaseRepo(cluster: string, namespace: string, name: string, repo: string): void {
  const stored = JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}') as Record<string, string>;
  stored[key(cluster, namespace, name)] = repo;
  localStorage.setItem(STORE_KEY, JSON.stringify(stored));
}

/**
 * The tenant to offer for upgrading a release of chart `chart`: the one remembered for it, else the first
 * tenant (of those the user may pull) that has a chart of that name, else ''.
 */
export async function releaseRepo(settings: Settings, release: { cluster: string; namespace: string; name: string }, chart: string, tenants: string[]): Promise<string> {
  const stored = JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}') as Record<string, string>;
  const remembered = stored[key(release.cluster, release.namespace, release.name)];
  if (remembered !== undefined) return remembered;
  for (const tenant of tenants) {
    try {
      await getJson(settings, `/api/${tenantPrefix(tenant)}charts/${encodeURIComponent(chart)}`, { method: 'GET' });
      return tenant;
    } catch {
      // Not in this tenant: try the next.
    }
  }
  return '';
}

/** The `helm repo add` name the page's commands use for a tenant: its last segment, or `chartroom`. */
export function repoAlias(repo: string): string {
  return repo.split('/').filter((s) => s !== '').pop() ?? 'chartroom';
}
