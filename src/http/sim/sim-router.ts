/**
 * The simulator's route table, matched before ChartMuseum's (ChartMuseum never serves a repository called
 * `sim` at depth 0, so nothing is shadowed there; with `--depth` ≥ 1 a tenant named `sim` loses its API
 * routes to these). `<c>` is a cluster name, `<r>` a resource type in any spelling kubectl accepts
 * ("deploy", "deployments", "Deployment"), `<ns>` a namespace or `-` for cluster-scoped objects:
 *
 *   GET    /api/sim/clusters                                   cluster names
 *   POST   /api/sim/clusters/<c>/apply                         YAML or JSON, one or many documents
 *   POST   /api/sim/clusters/<c>/advance                       {"ms":5000} (virtual clock only)
 *   GET    /api/sim/clusters/<c>/<r>?namespace=&labelSelector= list, with kubectl's Table
 *   GET    /api/sim/clusters/<c>/<r>/<ns>/<name>               one object
 *   PATCH  /api/sim/clusters/<c>/<r>/<ns>/<name>               merge, strategic or JSON patch by Content-Type
 *   DELETE /api/sim/clusters/<c>/<r>/<ns>/<name>?gracePeriodSeconds=
 *   POST   /api/sim/clusters/<c>/<r>/<ns>/<name>/scale         {"replicas":N}
 *   POST   /api/sim/clusters/<c>/<r>/<ns>/<name>/set-image     {"images":{"<container>|*":"<image>"}}
 *   GET    /api/sim/clusters/<c>/<r>/<ns>/<name>/rollout/history
 *   GET    /api/sim/clusters/<c>/<r>/<ns>/<name>/rollout/status
 *   POST   /api/sim/clusters/<c>/<r>/<ns>/<name>/rollout/undo  {"toRevision":N}
 */

/** The names of the simulator's routes. */
export type SimRouteName =
  | 'clusters' | 'apply' | 'advance' | 'list' | 'get' | 'patch' | 'delete'
  | 'scale' | 'setImage' | 'history' | 'status' | 'undo';

/** A matched simulator request. */
export interface SimRouteMatch {
  route: SimRouteName;
  cluster: string;
  resource: string;
  /** Undefined for `-` (cluster-scoped). */
  namespace?: string;
  name: string;
}

/** The path prefix every simulator route starts with. */
export const SIM_PREFIX = '/api/sim/';

const OBJECT_ROUTES: Record<string, SimRouteName> = {
  'GET ': 'get',
  'PATCH ': 'patch',
  'DELETE ': 'delete',
  'POST scale': 'scale',
  'POST set-image': 'setImage',
  'GET rollout/history': 'history',
  'GET rollout/status': 'status',
  'POST rollout/undo': 'undo',
};

/**
 * Matches a path (context path and query string removed) against the table above. Undefined when the
 * path is not a simulator route (the caller answers 404). Segments are URL-decoded; an undecodable one
 * matches nothing.
 */
export function matchSimRoute(method: string, path: string): SimRouteMatch | undefined {
  if (!path.startsWith(SIM_PREFIX)) return undefined;
  const segments = decodeAll(path.slice(SIM_PREFIX.length).split('/'));
  if (!segments || segments[0] !== 'clusters' || segments.some((s) => s === '')) return undefined;
  const empty = { cluster: '', resource: '', name: '' };
  if (segments.length === 1) return method === 'GET' ? { route: 'clusters', ...empty } : undefined;
  const [, cluster, resource, namespace, name, ...action] = segments as [string, string, string?, string?, string?, ...string[]];
  if (resource === undefined) return undefined;
  if (namespace === undefined) {
    if (method === 'POST' && (resource === 'apply' || resource === 'advance')) return { route: resource, cluster, resource: '', name: '' };
    return method === 'GET' ? { route: 'list', cluster, resource, name: '' } : undefined;
  }
  if (name === undefined) return undefined;
  const route = OBJECT_ROUTES[`${method} ${action.join('/')}`];
  if (!route) return undefined;
  return { route, cluster, resource, name, ...(namespace === '-' ? {} : { namespace }) };
}

function decodeAll(segments: string[]): string[] | undefined {
  try {
    return segments.map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}
