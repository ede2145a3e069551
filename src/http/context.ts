import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Authorizer } from '../auth/authorizer.js';
import type { ClusterRegistry } from '../cluster/index.js';
import type { ServerConfig } from '../config/settings.js';
import type { ChartRepository } from '../repo/repository.js';
import type { Metrics } from './metrics.js';
import type { RouteMatch, RouteName } from './router.js';

/** What the HTTP layer is built from. */
export interface AppDeps {
  config: ServerConfig;
  repository: ChartRepository;
  metrics?: Metrics;
  /** The simulated clusters behind `/api/sim/`; without it those routes answer 404. */
  clusters?: ClusterRegistry;
  /** Access control (src/auth); without it every route is open, as ChartMuseum without auth flags. */
  authorizer?: Authorizer;
}

/** One matched request, as a route handler sees it. */
export interface RouteContext {
  request: FastifyRequest;
  reply: FastifyReply;
  match: RouteMatch;
  /** The tenant's storage folder ('' at depth 0), already validated. */
  folder: string;
  deps: AppDeps;
}

export type RouteHandler = (context: RouteContext) => Promise<unknown>;
export type RouteTable = Record<RouteName, RouteHandler>;
