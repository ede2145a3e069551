/**
 * `GET /api/chartroom/tenants`: the repository paths (tenants) that hold charts and that the caller may
 * pull, for the web console's repository picker. Chartroom's own route, not ChartMuseum's (which has no
 * listing): no ChartMuseum route ends in `tenants` at any --depth, so it shadows no tenant path.
 *
 *   200 {"tenants":["class/alice","class/bob"],"truncated":false}
 *
 * Access is the one reading charts needs, tenant by tenant: with --auth-anonymous-get (or no auth) every
 * tenant is listed; a users-file user sees the tenants their pull grants cover (none is an empty list, not a
 * 403); wrong or missing credentials answer ChartMuseum's 401 (or 429 when throttled), as reading a chart would.
 */
import type { Authorizer, Decision } from '../../auth/authorizer.js';
import { DEFAULT_NAMESPACE } from '../../auth/authorizer.js';
import { isApiToken } from '../../auth/api-tokens.js';
import { parseAuthorization } from '../../auth/credentials.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../context.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** True for the tenant listing, for the metrics' handler label. */
    tenantListing?: boolean;
  }
}

/** The route's path (under --context-path). */
export const TENANTS_PATH = '/api/chartroom/tenants';

/** True if the request is for the tenant listing (GET only; --disable-api turns it off with the rest of /api). */
export function isTenantsRequest(method: string, path: string, deps: AppDeps): boolean {
  return method === 'GET' && path === TENANTS_PATH && !deps.config.disableApi;
}

/** Answers the listing, or the refusal when the caller may pull from none of them. */
export async function listTenants(request: FastifyRequest, reply: FastifyReply, deps: AppDeps): Promise<unknown> {
  const { config, repository, authorizer } = deps;
  request.tenantListing = true;
  if (config.corsAllowOrigin) reply.header('access-control-allow-origin', config.corsAllowOrigin);
  const listing = await repository.listTenants(config.depth, config.depthDynamic);
  const pullable = authorizer ? await filterPullable(request, authorizer, listing.tenants) : listing.tenants;
  if (!Array.isArray(pullable)) {
    if (pullable.challenge) reply.header('www-authenticate', pullable.challenge);
    if (pullable.retryAfterSeconds) reply.header('retry-after', String(pullable.retryAfterSeconds));
    return reply.code(pullable.status).type('application/json; charset=utf-8').send({ error: pullable.error });
  }
  return reply.type('application/json; charset=utf-8').send({ tenants: pullable, truncated: listing.truncated });
}

type Refusal = Extract<Decision, { allowed: false }>;

/**
 * The tenants the caller may pull, or the refusal to send when they may pull none because their
 * credentials are missing or wrong. Stops at the first 401 of basic or token credentials (they are wrong
 * everywhere, and each try counts towards the login throttle); a JWT's 401 only means that tenant is not
 * in its claims, so the others are still asked.
 */
async function filterPullable(request: FastifyRequest, authorizer: Authorizer, tenants: string[]): Promise<string[] | Refusal> {
  const header = typeof request.headers.authorization === 'string' ? request.headers.authorization : undefined;
  const credentials = parseAuthorization(header);
  const isJwt = credentials?.scheme === 'bearer' && !isApiToken(credentials.token);
  const ask = (namespace: string, anyUser = false): Promise<Decision> =>
    authorizer.authorize({ authorization: header, action: 'pull', namespace, clientAddress: request.ip, anyUser });
  const allowed: string[] = [];
  let refusal: Refusal | undefined;
  for (const tenant of tenants) {
    const decision = await ask(tenant || DEFAULT_NAMESPACE);
    request.principal ??= decision.principal;
    if (decision.allowed) {
      allowed.push(tenant);
      continue;
    }
    refusal ??= decision;
    if (decision.status === 429 || (decision.status === 401 && !isJwt)) break;
  }
  if (allowed.length > 0) return allowed;
  if (tenants.length === 0) {
    // Nothing to filter: whoever may see the welcome page may learn that the list is empty.
    const decision = await ask(DEFAULT_NAMESPACE, true);
    request.principal ??= decision.principal;
    return decision.allowed ? [] : decision;
  }
  return refusal && refusal.status !== 403 ? refusal : [];
}
