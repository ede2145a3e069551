/**
 * Simulator routes that change a cluster: apply, create, advance, patch, delete, scale, set image, rollout
 * undo and restart, and traffic (which changes nothing but is a POST). Each answers with what kubectl needs to print its own message (`deployment.apps/vweb created`).
 */
import {
  ClusterError,
  type Deployment,
  type KubeObject,
  parseManifests,
  type PatchType,
  rollbackDeployment,
  rollbackWithRevisions,
  RolloutError,
  scaleObject,
  sendTraffic,
} from '../../cluster/index.js';
import { applyManifests } from './apply-manifests.js';
import { BadBodyError, clusterOf, jsonBody, kindOf, queryOf, type SimContext } from './sim-context.js';
import { getObject } from './read-routes.js';
import { setImages } from './set-image.js';

/** POST .../apply: see apply-manifests.ts. */
export function applyRoute(context: SimContext): unknown {
  const raw = context.request.body;
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : '';
  return { results: applyManifests(clusterOf(context), text, queryOf(context.request).namespace || 'default') };
}

/** POST .../create: as apply, but each object must be new (kubectl create -f). */
export function createRoute(context: SimContext): unknown {
  const raw = context.request.body;
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : '';
  return { results: applyManifests(clusterOf(context), text, queryOf(context.request).namespace || 'default', 'create') };
}

/** POST .../advance {"ms":N}: `{"now":"<RFC 3339>"}`. Throws BadBodyError, BadRequestError (real clock). */
export function advanceRoute(context: SimContext): unknown {
  const ms = jsonBody(context.request).ms;
  if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0) throw new BadBodyError('"ms" must be a non-negative integer');
  const cluster = clusterOf(context);
  cluster.advance(ms);
  return { now: new Date(cluster.now()).toISOString() };
}

const PATCH_TYPES: Record<string, PatchType> = {
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/json-patch+json': 'json',
};

/** The server-side apply type: its body (YAML or JSON) is the whole object as the client wants it. */
const APPLY_PATCH = 'application/apply-patch+yaml';

/**
 * 415 for a PATCH whose Content-Type is not a patch type, with the API server's message. Plain
 * `application/json` is refused as the real server refuses it: a patch must say how it merges.
 */
export class UnsupportedPatchTypeError extends ClusterError {
  override readonly name = 'UnsupportedPatchTypeError';
  constructor() {
    super(
      `the body of the request was in an unknown format - accepted media types include: ${[...Object.keys(PATCH_TYPES), APPLY_PATCH].join(', ')}`,
      'UnsupportedMediaType',
      415,
    );
  }
}

/**
 * PATCH .../<r>/<ns>/<name>: the patched object. The Content-Type picks the patch type; apply-patch+yaml
 * is applied as kubectl apply does (see cluster.apply), not with server-side apply's field ownership.
 * Throws UnsupportedPatchTypeError for any other type (plain application/json included), BadBodyError.
 */
export function patchRoute(context: SimContext): unknown {
  const info = kindOf(context.match);
  const contentType = String(context.request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const raw = context.request.body;
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : '';
  const { namespace, name } = context.match;
  if (contentType === APPLY_PATCH) return applyPatch(context, info.kind, text);
  const type = PATCH_TYPES[contentType];
  if (!type) throw new UnsupportedPatchTypeError();
  let patch: unknown;
  try {
    patch = JSON.parse(text);
  } catch {
    throw new BadBodyError('the patch is not valid JSON');
  }
  return clusterOf(context).patch(info.kind, namespace, name, patch as Record<string, unknown>, type);
}

function applyPatch(context: SimContext, kind: string, text: string): unknown {
  const [obj] = parseManifests(text);
  const { namespace, name } = context.match;
  if (!obj || obj.kind !== kind || obj.metadata.name !== name) throw new BadBodyError(`the body must be the ${kind} "${name}" itself`);
  return clusterOf(context).apply({ ...obj, metadata: { ...obj.metadata, namespace } }).object;
}

/** DELETE .../<r>/<ns>/<name>[?gracePeriodSeconds=N]: the object as last stored. Throws NotFoundError. */
export function deleteRoute(context: SimContext): unknown {
  const info = kindOf(context.match);
  const grace = queryOf(context.request).gracePeriodSeconds;
  const options = grace !== undefined && /^\d+$/.test(grace) ? { gracePeriodSeconds: Number(grace) } : {};
  const { namespace, name } = context.match;
  return clusterOf(context).delete(info.kind, namespace, name, options);
}

/** POST .../<r>/<ns>/<name>/scale {"replicas":N}: the autoscaling/v1 Scale. */
export function scaleRoute(context: SimContext): unknown {
  const replicas = jsonBody(context.request).replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) throw new BadBodyError('"replicas" must be a non-negative integer');
  const info = kindOf(context.match);
  return scaleObject(clusterOf(context), info.kind, context.match.namespace ?? '', context.match.name, replicas);
}

/** POST .../<r>/<ns>/<name>/set-image {"images":{...}}: `{"changed":bool,"object":...}`. */
export function setImageRoute(context: SimContext): unknown {
  const images = jsonBody(context.request).images;
  if (!images || typeof images !== 'object') throw new BadBodyError('"images" must map container names to images');
  const obj = getObject(context) as KubeObject;
  return setImages(clusterOf(context), obj, images as Record<string, string>);
}

/**
 * POST .../<r>/<ns>/<name>/rollout/undo {"toRevision":N}: `{"message":"rolled back"}` (or kubectl's
 * "skipped rollback (...)"). Throws BadBodyError for a toRevision that is not a non-negative integer,
 * RolloutError with kubectl's messages.
 */
export function undoRoute(context: SimContext): unknown {
  const toRevision = jsonBody(context.request).toRevision ?? 0;
  if (typeof toRevision !== 'number' || !Number.isInteger(toRevision) || toRevision < 0) throw new BadBodyError('"toRevision" must be a non-negative integer');
  const obj = getObject(context) as Deployment;
  const cluster = clusterOf(context);
  const { namespace = '', name } = context.match;
  if (obj.kind === 'Deployment') return { message: rollbackDeployment(cluster, namespace, name, toRevision) };
  if (obj.kind === 'DaemonSet' || obj.kind === 'StatefulSet') return { message: rollbackWithRevisions(cluster, obj.kind, namespace, name, toRevision) };
  throw new RolloutError(`no rollbacker has been implemented for "${obj.kind}"`);
}

/** The pod-template annotation `kubectl rollout restart` sets. */
export const RestartedAtAnnotation = 'kubectl.kubernetes.io/restartedAt';

/**
 * POST .../<r>/<ns>/<name>/rollout/restart: sets the template's restartedAt annotation to the cluster's
 * time (kubectl uses its own clock; the simulator's clock may be virtual), so a new revision rolls out.
 * Answers the stored object. Throws NotFoundError, RolloutError for kinds without a pod template.
 */
export function restartRoute(context: SimContext): unknown {
  const obj = getObject(context) as KubeObject;
  if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(obj.kind)) throw new RolloutError(`restarting is not supported`);
  const at = new Date(clusterOf(context).now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const patch = { spec: { template: { metadata: { annotations: { [RestartedAtAnnotation]: at } } } } };
  return clusterOf(context).patch(obj.kind, obj.metadata.namespace, obj.metadata.name, patch, 'merge');
}

/**
 * POST .../services/<ns>/<name>/traffic {"requests":N}: the TrafficReport of N simulated requests.
 * Throws BadBodyError, NotFoundError.
 */
export function trafficRoute(context: SimContext): unknown {
  const requests = jsonBody(context.request).requests ?? 100;
  if (typeof requests !== 'number' || !Number.isInteger(requests) || requests < 1 || requests > 1_000_000) throw new BadBodyError('"requests" must be an integer from 1 to 1000000');
  if (kindOf(context.match).kind !== 'Service') throw new BadBodyError('traffic goes through a Service');
  return sendTraffic(clusterOf(context), context.match.namespace ?? 'default', context.match.name, requests);
}
