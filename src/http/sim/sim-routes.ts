/**
 * The simulator API's dispatcher: matches `/api/sim/...` (see sim-router.ts for the table) and runs the
 * handler against the server's cluster registry. Errors propagate to the app's error handler, which
 * answers cluster errors with a Kubernetes Status.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ClusterRegistry } from '../../cluster/index.js';
import { dispatchReleases, type ReleaseRouteOptions } from './release-routes.js';
import type { ReleaseRouteName } from './release-router.js';
import { clockRoute, getObject, listClusters, listObjects, rolloutHistory, rolloutStatus } from './read-routes.js';
import type { SimHandler } from './sim-context.js';
import { matchSimRoute, type SimRouteName } from './sim-router.js';
import { openApiRoute } from './openapi.js';
import { isWatchRequest, watchCluster, watchResource } from './watch-stream.js';
import {
  advanceRoute,
  applyRoute,
  createRoute,
  deleteRoute,
  patchRoute,
  restartRoute,
  scaleRoute,
  setImageRoute,
  trafficRoute,
  undoRoute,
} from './write-routes.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The simulator route that is answering this request (for metrics and logs). */
    simRoute?: SimRouteName | ReleaseRouteName;
  }
}

/** Handlers that answer with a stream of their own (they hijack the reply) return STREAMING. */
const STREAMING = Symbol('streaming');

const HANDLERS: Record<SimRouteName, SimHandler> = {
  openapi: openApiRoute,
  clusters: listClusters,
  stream: (context) => (watchCluster(context), STREAMING),
  clock: clockRoute,
  apply: applyRoute,
  create: createRoute,
  advance: advanceRoute,
  list: (context) => (isWatchRequest(context) ? (watchResource(context), STREAMING) : listObjects(context)),
  get: getObject,
  patch: patchRoute,
  delete: deleteRoute,
  scale: scaleRoute,
  setImage: setImageRoute,
  history: rolloutHistory,
  status: rolloutStatus,
  undo: undoRoute,
  restart: restartRoute,
  traffic: trafficRoute,
};

/**
 * Answers a simulator request (release routes first, see release-router.ts), setting
 * `request.simRoute`, and returns true, or returns false (sending
 * nothing) when `path` is not a simulator route. Throws the handlers' errors (ClusterError and subclasses).
 */
export async function dispatchSim(request: FastifyRequest, reply: FastifyReply, path: string, clusters: ClusterRegistry, options: ReleaseRouteOptions = {}): Promise<boolean> {
  if (await dispatchReleases(request, reply, path, clusters, options)) return true;
  const match = matchSimRoute(request.method, path);
  if (!match) return false;
  request.simRoute = match.route;
  const body = HANDLERS[match.route]({ request, reply, match, clusters });
  if (body === STREAMING) return true;
  await reply.code(200).type('application/json; charset=utf-8').send(body);
  return true;
}
