/**
 * The release routes of the simulator API (`<c>` a cluster, `<ns>` a namespace):
 *
 *   GET    /api/sim/clusters/<c>/releases?namespace=&states=&filter=&selector=&byDate=&reverse=&max=&offset=
 *   POST   /api/sim/clusters/<c>/releases                          install (JSON body, see release-routes.ts)
 *   GET    /api/sim/clusters/<c>/releases/<ns>/<name>?revision=N   one revision (status)
 *   GET    /api/sim/clusters/<c>/releases/<ns>/<name>/history?max=N
 *   GET    /api/sim/clusters/<c>/releases/<ns>/<name>/values?revision=N&all=true
 *   POST   /api/sim/clusters/<c>/releases/<ns>/<name>/upgrade      upgrade (JSON body)
 *   POST   /api/sim/clusters/<c>/releases/<ns>/<name>/rollback     {"revision":N,...}
 *   POST   /api/sim/clusters/<c>/releases/<ns>/<name>/test         run the test hooks: {release, error?}
 *   DELETE /api/sim/clusters/<c>/releases/<ns>/<name>?keepHistory=&disableHooks=&ignoreNotFound=&wait=&timeout=
 */
import { SIM_PREFIX } from './sim-router.js';

/** The names of the release routes. */
export type ReleaseRouteName =
  | 'releaseList' | 'releaseInstall' | 'releaseStatus' | 'releaseHistory' | 'releaseValues' | 'releaseUpgrade' | 'releaseRollback'
  | 'releaseUninstall' | 'releaseTest';

/** A matched release request. */
export interface ReleaseRouteMatch {
  route: ReleaseRouteName;
  cluster: string;
  namespace: string;
  name: string;
}

const ACTIONS: Record<string, ReleaseRouteName> = {
  'GET ': 'releaseStatus',
  'GET history': 'releaseHistory',
  'GET values': 'releaseValues',
  'POST upgrade': 'releaseUpgrade',
  'POST rollback': 'releaseRollback',
  'POST test': 'releaseTest',
  'DELETE ': 'releaseUninstall',
};

/** Matches a path (context path and query removed); undefined when it is not a release route. */
export function matchReleaseRoute(method: string, path: string): ReleaseRouteMatch | undefined {
  if (!path.startsWith(SIM_PREFIX)) return undefined;
  let segments: string[];
  try {
    segments = path.slice(SIM_PREFIX.length).split('/').map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
  const [clusters, cluster, releases, namespace, name, ...action] = segments;
  if (clusters !== 'clusters' || !cluster || releases !== 'releases' || segments.some((s) => s === '')) return undefined;
  if (namespace === undefined) {
    if (method === 'GET') return { route: 'releaseList', cluster, namespace: '', name: '' };
    return method === 'POST' ? { route: 'releaseInstall', cluster, namespace: '', name: '' } : undefined;
  }
  if (name === undefined) return undefined;
  const route = ACTIONS[`${method} ${action.join('/')}`];
  return route ? { route, cluster, namespace, name } : undefined;
}
