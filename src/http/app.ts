import { randomUUID, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import multipart from '@fastify/multipart';
import { ConfigError } from '../config/load.js';
import { tenantFolder } from '../repo/tenant-path.js';
import { installAuditLog } from './audit.js';
import { checkAccess, checkSimAccess } from './auth.js';
import type { AppDeps, RouteTable } from './context.js';
import { handleClientError } from './client-errors.js';
import { MULTIPART_LIMITS } from './multipart-limits.js';
import { installBodyReadTimeout } from './read-timeout.js';
import { handleError, HttpError } from './errors.js';
import { matchRoute, type RouteMatch } from './router.js';
import { serveConsoleAsset, isConsoleAssetPath } from './console/console-route.js';
import { dispatchSim } from './sim/sim-routes.js';
import { RenderBudget } from './sim/render-budget.js';
import type { ReleaseRouteOptions } from './sim/release-routes.js';
import { matchReleaseRoute } from './sim/release-router.js';
import { isSimPath, matchSimRoute } from './sim/sim-router.js';
import { endStreams } from './sim/watch-stream.js';
import { deleteVersion, getChart, getTemplates, getValues, getVersion, listCharts, uploadChart, uploadProvenance } from './routes/api-routes.js';
import { serveChartFile, serveIndex } from './routes/repo-routes.js';
import { health, info, metrics, welcome } from './routes/server-routes.js';
import { isTenantsRequest, listTenants, TENANTS_PATH } from './routes/tenant-routes.js';

const CONNECTIONS_CHECKING_INTERVAL_MS = 1000;

const ROUTES: RouteTable = {
  welcome, health, info, metrics,
  index: serveIndex, download: serveChartFile,
  listCharts, getChart, getVersion, getTemplates, getValues,
  upload: uploadChart, uploadProv: uploadProvenance, deleteVersion,
};

/** Route template per route, for the metrics `url` label. */
const METRIC_URLS: Record<string, string> = {
  welcome: '/', health: '/health', info: '/info', metrics: '/metrics',
  index: '/:repo/index.yaml', download: '/:repo/charts/:filename',
  listCharts: '/api/:repo/charts', getChart: '/api/:repo/charts/:name', getVersion: '/api/:repo/charts/:name/:version',
  getTemplates: '/api/:repo/charts/:name/:version/templates', getValues: '/api/:repo/charts/:name/:version/values',
  upload: '/api/:repo/charts', uploadProv: '/api/:repo/prov', deleteVersion: '/api/:repo/charts/:name/:version',
};

declare module 'fastify' {
  interface FastifyRequest {
    routeMatch?: RouteMatch;
  }
}

/**
 * Builds the Fastify app (it never listens: the CLI does that, tests use `inject`). One catch-all route
 * hands every request to ChartMuseum's matcher (router.ts), so `--depth`, `--depth-dynamic` and
 * `--context-path` behave exactly as ChartMuseum's; the handlers live in routes/.
 */
export async function buildApp(deps: AppDeps, options: FastifyServerOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: false,
    // Requests are logged once, in our own format, by the onResponse hook below.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.maxUploadSize,
    requestTimeout: config.readTimeout * 1000,
    connectionTimeout: config.writeTimeout * 1000,
    // Node checks request timeouts every 30 s by default, so a slow client could hold a connection for
    // --read-timeout plus 30 s; checking every second keeps the limit close to what was configured.
    http: { connectionsCheckingInterval: CONNECTIONS_CHECKING_INTERVAL_MS },
    clientErrorHandler: handleClientError,
    // A path with invalid percent-encoding never reaches the router: answer in ChartMuseum's shape.
    frameworkErrors: (error, _request, reply) => {
      void (reply as FastifyReply).code(400).type('application/json; charset=utf-8').send({ error: `malformed URL: ${error.message}` });
    },
    routerOptions: { ignoreDuplicateSlashes: false, maxParamLength: 1024 },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && incoming.length > 0 && incoming.length <= 200 ? incoming : randomUUID();
    },
    ...tlsOptions(config),
    ...options,
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: config.maxUploadSize }, (_req, body, done) => done(null, body));
  await app.register(multipart, {
    limits: { fileSize: config.maxUploadSize, ...MULTIPART_LIMITS },
  });
  app.setErrorHandler(handleError);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > config.maxUploadSize) throw new HttpError(413, 'request too large');
  });
  installBodyReadTimeout(app, config.readTimeout * 1000);
  installLogging(app, deps);
  installAuditLog(app);
  // Server-sent watch streams never end by themselves: end them so that close() does not wait on them.
  app.addHook('preClose', async () => endStreams(app));
  // Each client may spend two render timeouts a minute rendering charts (see render-budget.ts).
  const simOptions: ReleaseRouteOptions = { renderTimeoutMs: config.simRenderTimeout, renderBudget: new RenderBudget(2 * config.simRenderTimeout) };
  app.route({
    method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    url: '/*',
    exposeHeadRoute: false,
    handler: (request, reply) => dispatch(request, reply, deps, simOptions),
  });
  return app;
}

async function dispatch(request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply, deps: AppDeps, simOptions: ReleaseRouteOptions): Promise<unknown> {
  const { config } = deps;
  const rawPath = request.url.split('?')[0] as string;
  const path = stripContextPath(rawPath, config.contextPath);
  if (path === undefined) return notFound(reply);
  if (isConsoleAssetPath(request.method, path)) return serveConsoleAsset(request, reply, path);
  if (request.method === 'OPTIONS' && config.corsAllowOrigin && path.startsWith('/api/')) return preflight(reply, config.corsAllowOrigin, isSimPath(path));
  // The simulator owns /api/sim/clusters… and /api/sim/openapi.json only, so a tenant named `sim`
  // (--depth ≥ 1) keeps /api/sim/charts…; only a repository path starting `sim/clusters` is shadowed.
  if (deps.clusters && !config.disableApi && isSimPath(path)) {
    if (config.corsAllowOrigin) reply.header('access-control-allow-origin', config.corsAllowOrigin);
    // Release routes first: dispatchSim answers them before the other simulator routes, so they must be
    // authorised the same way (a path like …/releases matches no other simulator route).
    const simMatch = matchReleaseRoute(request.method, path) ?? matchSimRoute(request.method, path);
    if (simMatch && !(await checkSimAccess(request, reply, simMatch.cluster, deps.authorizer, deps.clusters.has(simMatch.cluster)))) return reply;
    if (await dispatchSim(request, reply, path, deps.clusters, simOptions)) return reply;
  }
  if (isTenantsRequest(request.method, path, deps)) return listTenants(request, reply, deps);
  const match = matchRoute(request.method, path, config);
  if (!match) return notFound(reply);
  request.routeMatch = match;
  if (match.isApi && config.corsAllowOrigin) reply.header('access-control-allow-origin', config.corsAllowOrigin);
  const folder = tenantFolder(match.repo);
  if (!(await checkAccess(request, reply, match, deps.authorizer))) return reply;
  return ROUTES[match.route]({ request, reply, match, folder, deps });
}

/** Removes `--context-path` from the front of a path; undefined if the path lies outside it. */
function stripContextPath(path: string, contextPath: string): string | undefined {
  if (!contextPath) return path;
  if (path === contextPath) return '/';
  return path.startsWith(`${contextPath}/`) ? path.slice(contextPath.length) : undefined;
}

function notFound(reply: import('fastify').FastifyReply): unknown {
  return reply.code(404).type('application/json; charset=utf-8').send({ error: 'not found' });
}

/** CORS preflight; the simulator's routes also take PATCH (the web console patches objects). */
function preflight(reply: import('fastify').FastifyReply, origin: string, sim: boolean): unknown {
  return reply
    .code(204)
    .header('access-control-allow-origin', origin)
    .header('access-control-allow-methods', sim ? 'GET, HEAD, POST, PATCH, DELETE, OPTIONS' : 'GET, HEAD, POST, DELETE, OPTIONS')
    .header('access-control-allow-headers', 'Authorization, Content-Type, X-Request-Id')
    .header('access-control-max-age', '600')
    .send();
}

function installLogging(app: FastifyInstance, deps: AppDeps): void {
  app.addHook('onResponse', async (request, reply) => {
    const match = request.routeMatch;
    const seconds = reply.elapsedTime / 1000;
    deps.metrics?.observe({
      code: reply.statusCode,
      method: request.method,
      handler: match?.route ?? (request.simRoute ? `sim.${request.simRoute}` : request.consoleAsset ? 'console' : request.tenantListing ? 'listTenants' : 'notFound'),
      host: String(request.headers.host ?? ''),
      url: match ? metricUrl(match.route, deps.config) : request.simRoute ? '/api/sim/*' : request.consoleAsset ? '/console/:file' : request.tenantListing ? TENANTS_PATH : '',
      seconds,
      requestBytes: Number(request.headers['content-length'] ?? 0),
      responseBytes: Number(reply.getHeader('content-length') ?? 0),
    });
    if (match?.route === 'health' && !deps.config.logHealth) return;
    request.log.info(
      { method: request.method, path: request.url, status: reply.statusCode, latencyMs: Math.round(reply.elapsedTime * 10) / 10, clientIp: request.ip },
      'request served',
    );
  });
}

/** The route template for the metrics `url` label; single-tenant servers have no `:repo` segment. */
function metricUrl(route: string, config: AppDeps['config']): string {
  const template = METRIC_URLS[route] ?? '';
  return config.depth === 0 && !config.depthDynamic ? template.replace('/:repo', '') : template;
}

/** The HTTPS options of `--tls-*`; throws ConfigError naming the flag when a file is unreadable or they do not fit. */
function tlsOptions(config: AppDeps['config']): Partial<FastifyServerOptions> {
  if (!config.tlsCert) return {};
  const https = {
    connectionsCheckingInterval: CONNECTIONS_CHECKING_INTERVAL_MS,
    cert: readTlsFile('--tls-cert', config.tlsCert),
    key: readTlsFile('--tls-key', config.tlsKey),
    ...(config.tlsCaCert ? { ca: readTlsFile('--tls-ca-cert', config.tlsCaCert), requestCert: true, rejectUnauthorized: true } : {}),
  };
  if (config.tlsCaCert) checkCertificate('--tls-ca-cert', config.tlsCaCert, https.ca as Buffer);
  try {
    createSecureContext(https);
  } catch (err) {
    throw new ConfigError(`cannot use --tls-cert ${config.tlsCert} with --tls-key ${config.tlsKey}${config.tlsCaCert ? ` and --tls-ca-cert ${config.tlsCaCert}` : ''}: ${(err as Error).message}`);
  }
  return { https } as Partial<FastifyServerOptions>;
}

/** Node takes any bytes as a CA list (and then verifies no client); refuse a file with no certificate. */
function checkCertificate(flag: string, path: string, pem: Buffer): void {
  try {
    new X509Certificate(pem);
  } catch (err) {
    throw new ConfigError(`${flag} ${path} holds no PEM certificate: ${(err as Error).message}`);
  }
}

function readTlsFile(flag: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new ConfigError(`cannot read ${flag} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
