/**
 * Access control for the matched ChartMuseum routes. Runs after the route matched (so unknown paths stay
 * 404 without credentials, as in ChartMuseum) and before its handler; routes without an action (`/health`,
 * `/info`, `/metrics`) are never checked. The decision itself is src/auth/authorizer.ts; this file only
 * turns it into ChartMuseum's answers: `401 {"error":"unauthorized"}` with `WWW-Authenticate`,
 * `403 {"error":"forbidden: …"}`, `429` with `Retry-After`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_NAMESPACE, type Authorizer, type Decision, type Principal } from '../auth/authorizer.js';
import { parseAuthorization } from '../auth/credentials.js';
import type { RouteMatch } from './router.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who the request was authenticated as (undefined: anonymous, or no auth configured). */
    principal?: Principal;
    /** The user name of basic-auth credentials that were refused, for the audit log. */
    attemptedUser?: string;
  }
}

/** The namespace a route's tenant has in grants and bearer scopes: `a/b`, or `repo` at depth 0. */
export function namespaceOf(match: RouteMatch): string {
  return match.repo.length > 0 ? match.repo.join('/') : DEFAULT_NAMESPACE;
}

/**
 * Checks the request against the authorizer. Resolves true if the handler may run; otherwise the refusal
 * has been sent and the caller returns the reply.
 */
export async function checkAccess(request: FastifyRequest, reply: FastifyReply, match: RouteMatch, authorizer: Authorizer | undefined): Promise<boolean> {
  if (!authorizer || match.action === 'none') return true;
  const decision = await decide(request, authorizer, match.action, namespaceOf(match), match.route === 'welcome');
  if (decision.allowed) return true;
  if (decision.challenge) reply.header('www-authenticate', decision.challenge);
  if (decision.retryAfterSeconds) reply.header('retry-after', String(decision.retryAfterSeconds));
  void reply.code(decision.status).type('application/json; charset=utf-8').send({ error: decision.error });
  return false;
}

/**
 * The same check for the simulator's API (`/api/sim/clusters/<cluster>/…`, not a ChartMuseum route):
 * reads need pull and changes need push on the namespace `sim/<cluster>` (`sim` for the cluster list); a read
 * of a cluster that does not exist yet needs push, as it creates the cluster.
 * Refusals are Kubernetes Status objects, which `chartroom kubectl` prints as kubectl would.
 */
export async function checkSimAccess(request: FastifyRequest, reply: FastifyReply, cluster: string, authorizer: Authorizer | undefined, exists: boolean): Promise<boolean> {
  if (!authorizer) return true;
  // Reading a cluster that does not exist yet creates it: that is a change, so it needs push.
  const reads = (request.method === 'GET' || request.method === 'HEAD') && (exists || cluster === '');
  const action = reads ? 'pull' : 'push';
  const decision = await decide(request, authorizer, action, cluster ? `sim/${encodeURIComponent(cluster)}` : 'sim');
  if (decision.allowed) return true;
  const reason = decision.status === 401 ? 'Unauthorized' : decision.status === 403 ? 'Forbidden' : 'TooManyRequests';
  if (decision.challenge) reply.header('www-authenticate', decision.challenge);
  if (decision.retryAfterSeconds) reply.header('retry-after', String(decision.retryAfterSeconds));
  const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: decision.error, reason, code: decision.status };
  void reply.code(decision.status).type('application/json; charset=utf-8').send(status);
  return false;
}

async function decide(request: FastifyRequest, authorizer: Authorizer, action: 'pull' | 'push', namespace: string, anyUser = false): Promise<Decision> {
  const header = request.headers.authorization;
  const decision = await authorizer.authorize({ authorization: typeof header === 'string' ? header : undefined, action, namespace, clientAddress: request.ip, anyUser });
  request.principal = decision.principal;
  if (!decision.allowed && !decision.principal) {
    const credentials = parseAuthorization(typeof header === 'string' ? header : undefined);
    if (credentials?.scheme === 'basic') request.attemptedUser = credentials.user.slice(0, 64);
  }
  return decision;
}
