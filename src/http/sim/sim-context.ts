/**
 * What a simulator route handler sees, and the checks every handler shares: resolving the resource type
 * and reading a JSON body.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Cluster, type ClusterRegistry, ClusterError, kindInfo, type KindInfo, type KubeObject, resolveKind } from '../../cluster/index.js';
import type { SimRouteMatch } from './sim-router.js';

/** One matched simulator request. */
export interface SimContext {
  request: FastifyRequest;
  reply: FastifyReply;
  match: SimRouteMatch;
  clusters: ClusterRegistry;
}

/** A simulator route handler; its return value is sent as JSON. */
export type SimHandler = (context: SimContext) => unknown;

/** 404 for a resource type the simulator does not know, in kubectl's words. */
export class UnknownResourceError extends ClusterError {
  override readonly name = 'UnknownResourceError';
  constructor(resource: string) {
    super(`the server doesn't have a resource type "${resource}"`, 'NotFound', 404);
  }
}

/** 400 for a body that is not what the route expects. */
export class BadBodyError extends ClusterError {
  override readonly name = 'BadBodyError';
  constructor(message: string) {
    super(message, 'BadRequest', 400);
  }
}

/** The kind named in the URL. Throws UnknownResourceError. */
export function kindOf(match: SimRouteMatch): KindInfo {
  const kind = resolveKind(match.resource);
  if (!kind) throw new UnknownResourceError(match.resource);
  return kindInfo(kind);
}

/** The cluster named in the URL, created on first use. Throws BadRequestError for an invalid name. */
export function clusterOf(context: SimContext): Cluster {
  return context.clusters.get(context.match.cluster);
}

/** The request body parsed as a JSON object. Throws BadBodyError. */
export function jsonBody(request: FastifyRequest): Record<string, unknown> {
  const raw = request.body;
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : typeof raw === 'string' ? raw : '';
  try {
    const value: unknown = JSON.parse(text || '{}');
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Reported below, with the same message as a non-object.
  }
  throw new BadBodyError('request body must be a JSON object');
}

/** The query string as a flat record. */
export function queryOf(request: FastifyRequest): Record<string, string | undefined> {
  return request.query as Record<string, string | undefined>;
}

/** `deployment.apps/vweb`: how kubectl names an object in its messages. */
export function displayName(obj: KubeObject): string {
  const info = kindInfo(obj.kind, obj.apiVersion);
  return `${obj.kind.toLowerCase()}${info.group ? `.${info.group}` : ''}/${obj.metadata.name}`;
}

/** A ClusterError as the JSON of a Kubernetes Status. */
export function statusOf(err: ClusterError): Record<string, unknown> {
  return { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: err.message, reason: err.reason, code: err.code };
}
