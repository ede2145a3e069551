/**
 * The simulator's route table. It owns `/api/sim/clusters…` and `/api/sim/openapi.json` only (see
 * isSimPath), so with `--depth` ≥ 1 a tenant named `sim` keeps all its ChartMuseum routes; only a
 * repository path that begins `sim/clusters` is the simulator's (documented in the README). `<c>` is a cluster name, `<r>` a resource type in any spelling kubectl accepts
 * ("deploy", "deployments", "Deployment"), `<ns>` a namespace or `-` for cluster-scoped objects:
 *
 *   GET    /api/sim/openapi.json                               the OpenAPI 3 document of these routes
 *   GET    /api/sim/clusters                                   cluster names
 *   GET    /api/sim/clusters/<c>/stream?resourceVersion=       SSE of every change (watch-stream.ts)
 *   GET    /api/sim/clusters/<c>/clock                         {"now":"<RFC 3339>","virtual":bool}
 *   POST   /api/sim/clusters/<c>/create                        YAML or JSON: kubectl create -f
 *   POST   /api/sim/clusters/<c>/apply                         YAML or JSON, one or many documents
 *   POST   /api/sim/clusters/<c>/advance                       {"ms":5000} (virtual clock only)
 *   GET    /api/sim/clusters/<c>/<r>?namespace=&labelSelector= list, with kubectl's Table
 *   GET    /api/sim/clusters/<c>/<r>?watch=true&resourceVersion=  SSE of that type's changes
 *   GET    /api/sim/clusters/<c>/<r>/<ns>/<name>               one object
 *   PATCH  /api/sim/clusters/<c>/<r>/<ns>/<name>               merge, strategic, JSON or apply patch by Content-Type (else 415)
 *   DELETE /api/sim/clusters/<c>/<r>/<ns>/<name>?gracePeriodSeconds=
 *   POST   /api/sim/clusters/<c>/<r>/<ns>/<name>/scale         {"replicas":N}
 *   POST   /api/sim/clusters/<c>/<r>/<ns>/<name>/set-image     {"images":{"<container>|*":"<image>"}}
 *   GET    /api/sim/clusters/<c>/<r>/<ns>/<name>/rollout/history
 *   GET    /api/sim/clusters/<c>/<r>/<ns>/<name>/rollout/status
 *   POST   /api/sim/clusters/<c>/<r>/<ns>/<name>/rollout/undo  {"toRevision":N}
 *   POST   /api/sim/clusters/<c>/<r>/<ns>/<name>/rollout/restart
 *   POST   /api/sim/clusters/<c>/<r>/<ns>/<name>/traffic       {"requests":N} (Services)
 */

/** The names of the simulator's routes. */
export type SimRouteName =
  | 'openapi' | 'clusters' | 'stream' | 'clock' | 'apply' | 'create' | 'advance' | 'list' | 'get' | 'patch' | 'delete'
  | 'scale' | 'setImage' | 'history' | 'status' | 'undo' | 'restart' | 'traffic';

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
  'POST rollout/restart': 'restart',
  'POST traffic': 'traffic',
};

/** The OpenAPI document's path. */
export const SIM_OPENAPI_PATH = '/api/sim/openapi.json';

/**
 * Whether a path belongs to the simulator: `/api/sim/clusters`, anything below it, or the OpenAPI
 * document. Every other `/api/sim/...` path is left to ChartMuseum's routes (a tenant named `sim`).
 */
export function isSimPath(path: string): boolean {
  return path === SIM_OPENAPI_PATH || path === '/api/sim/clusters' || path.startsWith('/api/sim/clusters/');
}

/**
 * Matches a path (context path and query string removed) against the table above. Undefined when the
 * path is not a simulator route (the caller answers 404). Segments are URL-decoded; an undecodable one
 * matches nothing.
 */
export function matchSimRoute(method: string, path: string): SimRouteMatch | undefined {
  if (!isSimPath(path)) return undefined;
  const empty = { cluster: '', resource: '', name: '' };
  if (path === SIM_OPENAPI_PATH) return method === 'GET' ? { route: 'openapi', ...empty } : undefined;
  const segments = decodeAll(path.slice(SIM_PREFIX.length).split('/'));
  if (!segments || segments[0] !== 'clusters' || segments.some((s) => s === '')) return undefined;
  if (segments.length === 1) return method === 'GET' ? { route: 'clusters', ...empty } : undefined;
  const [, cluster, resource, namespace, name, ...action] = segments as [string, string, string?, string?, string?, ...string[]];
  if (resource === undefined) return undefined;
  if (namespace === undefined) {
    if (method === 'POST' && (resource === 'apply' || resource === 'advance' || resource === 'create')) return { route: resource, cluster, resource: '', name: '' };
    if (method === 'GET' && (resource === 'stream' || resource === 'clock')) return { route: resource, cluster, resource: '', name: '' };
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
