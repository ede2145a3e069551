/**
 * ChartMuseum's route table and its path matcher, as a pure function. The repository path (`<r>`: zero or
 * more tenant segments, fixed by `--depth` or inferred per request with `--depth-dynamic`) sits before
 * `index.yaml`/`charts/` and right after `/api` on API routes:
 *
 *   GET      /                                   welcome page
 *   GET      /health  /info  /metrics            server routes (never tenant-scoped)
 *   GET|HEAD <r>/index.yaml                      the index
 *   GET|HEAD <r>/charts/<file>                   a .tgz or .tgz.prov
 *   GET      /api<r>/charts                      all charts (offset, limit)
 *   GET|HEAD /api<r>/charts/<name>               one chart's versions
 *   GET|HEAD /api<r>/charts/<name>/<version>     one version (exact, constraint or `latest`)
 *   GET      /api<r>/charts/<name>/<version>/templates
 *   GET      /api<r>/charts/<name>/<version>/values
 *   POST     /api<r>/charts                      upload (raw body or multipart)
 *   POST     /api<r>/prov                        upload a provenance file
 *   DELETE   /api<r>/charts/<name>/<version>     delete a version
 *
 * A path counts as an API route only if it starts with `/api/` and does not end in `.yaml`, `.tgz` or
 * `.prov`, so a tenant named `api` still serves its index and charts.
 */

export type RouteName =
  | 'welcome' | 'health' | 'info' | 'metrics'
  | 'index' | 'download'
  | 'listCharts' | 'getChart' | 'getVersion' | 'getTemplates' | 'getValues'
  | 'upload' | 'uploadProv' | 'deleteVersion';

/** Which permission a route needs: pull (read), push (write), or none. */
export type RouteAction = 'pull' | 'push' | 'none';

export interface RouteMatch {
  route: RouteName;
  action: RouteAction;
  /** Decoded tenant segments (empty at depth 0). */
  repo: string[];
  params: { file?: string; name?: string; version?: string };
  /** True for the `/api...` routes (for CORS and `--disable-api`). */
  isApi: boolean;
}

export interface RouterOptions {
  depth: number;
  depthDynamic: boolean;
  disableApi: boolean;
  disableDelete: boolean;
  enableMetrics: boolean;
}

/** A path the matcher refuses outright: undecodable or with an encoded slash (400, not 404). */
export class BadPathError extends Error {
  override name = 'BadPathError';
}

interface Template {
  route: RouteName;
  methods: readonly string[];
  action: RouteAction;
  api: boolean;
  /** Segments after the repo path; `:x` captures one segment. */
  suffix: readonly string[];
}

const GET_HEAD = ['GET', 'HEAD'] as const;

const TEMPLATES: readonly Template[] = [
  { route: 'index', methods: GET_HEAD, action: 'pull', api: false, suffix: ['index.yaml'] },
  { route: 'download', methods: GET_HEAD, action: 'pull', api: false, suffix: ['charts', ':file'] },
  { route: 'listCharts', methods: ['GET'], action: 'pull', api: true, suffix: ['charts'] },
  { route: 'upload', methods: ['POST'], action: 'push', api: true, suffix: ['charts'] },
  { route: 'uploadProv', methods: ['POST'], action: 'push', api: true, suffix: ['prov'] },
  { route: 'getChart', methods: GET_HEAD, action: 'pull', api: true, suffix: ['charts', ':name'] },
  { route: 'getVersion', methods: GET_HEAD, action: 'pull', api: true, suffix: ['charts', ':name', ':version'] },
  { route: 'deleteVersion', methods: ['DELETE'], action: 'push', api: true, suffix: ['charts', ':name', ':version'] },
  { route: 'getTemplates', methods: ['GET'], action: 'pull', api: true, suffix: ['charts', ':name', ':version', 'templates'] },
  { route: 'getValues', methods: ['GET'], action: 'pull', api: true, suffix: ['charts', ':name', ':version', 'values'] },
];

/**
 * Matches a method and a path (already stripped of the context path and query string) against the route
 * table. Returns undefined when nothing matches (404 `not found`). Throws `BadPathError` for a path that
 * cannot be decoded or hides a `/` inside a segment.
 */
export function matchRoute(method: string, path: string, options: RouterOptions): RouteMatch | undefined {
  if (path === '/' || path === '') return method === 'GET' ? server('welcome', 'pull') : undefined;
  if (method === 'GET' && path === '/health') return server('health', 'none');
  if (method === 'GET' && path === '/info') return server('info', 'none');
  if (method === 'GET' && path === '/metrics' && options.enableMetrics) return server('metrics', 'none');
  if (!path.startsWith('/')) return undefined;
  const segments = path.slice(1).split('/').map(decodeSegment);
  const isApi = path.startsWith('/api/') && !/\.(yaml|tgz|prov)$/.test(path);
  if (isApi && options.disableApi) return undefined;
  const rest = isApi ? segments.slice(1) : segments;
  for (const template of TEMPLATES) {
    if (template.api !== isApi || !template.methods.includes(method)) continue;
    if (template.route === 'deleteVersion' && options.disableDelete) continue;
    const depth = options.depthDynamic ? rest.length - template.suffix.length : options.depth;
    if (depth < 0 || rest.length !== depth + template.suffix.length) continue;
    const params = bindSuffix(template.suffix, rest.slice(depth));
    if (params) return { route: template.route, action: template.action, repo: rest.slice(0, depth), params, isApi };
  }
  return undefined;
}

function bindSuffix(suffix: readonly string[], segments: readonly string[]): RouteMatch['params'] | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < suffix.length; i += 1) {
    const expected = suffix[i] as string;
    const actual = segments[i] as string;
    if (expected.startsWith(':')) {
      if (actual === '') return undefined;
      params[expected.slice(1)] = actual;
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
}

function decodeSegment(segment: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    throw new BadPathError(`malformed URL path segment: ${JSON.stringify(segment)}`);
  }
  if (decoded.includes('/') || decoded.includes('\\')) {
    throw new BadPathError(`encoded slash in URL path segment: ${JSON.stringify(segment)}`);
  }
  return decoded;
}

function server(route: RouteName, action: RouteAction): RouteMatch {
  return { route, action, repo: [], params: {}, isApi: false };
}
