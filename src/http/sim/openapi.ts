/**
 * The OpenAPI 3.0 document of the simulator API, served at GET /api/sim/openapi.json. Each operation's
 * `operationId` is the SimRouteName that answers it, so a test can check the document against the route
 * table both ways (every route documented, every documented path routed).
 */
import { BODY_SCHEMAS } from './openapi-bodies.js';
import type { SimRouteName } from './sim-router.js';

type Method = 'get' | 'post' | 'patch' | 'delete';

interface Operation {
  route: SimRouteName;
  summary: string;
  /** A request body: manifests, a patch, or JSON described by one of BODY_SCHEMAS (`required` when it must be sent). */
  body?: 'yaml' | 'patch' | { schema: string; required: boolean };
  query?: string[];
  stream?: boolean;
}

const C = '/api/sim/clusters/{cluster}';
const OBJ = `${C}/{resource}/{namespace}/{name}`;

/** Path → method → operation; the order the README lists them. */
const OPERATIONS: Record<string, Partial<Record<Method, Operation>>> = {
  '/api/sim/openapi.json': { get: { route: 'openapi', summary: 'This document' } },
  '/api/sim/clusters': { get: { route: 'clusters', summary: 'Names of the clusters ({"clusters":[...]})' } },
  [`${C}/stream`]: { get: { route: 'stream', summary: 'Server-sent events of every change in the cluster (objects and Events)', query: ['resourceVersion', 'timeoutSeconds'], stream: true } },
  [`${C}/clock`]: { get: { route: 'clock', summary: 'The cluster\'s time ({"now":"...","virtual":true})' } },
  [`${C}/apply`]: { post: { route: 'apply', summary: 'kubectl apply of YAML or JSON documents ({"results":[...]})', body: 'yaml', query: ['namespace'] } },
  [`${C}/create`]: { post: { route: 'create', summary: 'kubectl create of YAML or JSON documents ({"results":[...]})', body: 'yaml', query: ['namespace'] } },
  [`${C}/advance`]: { post: { route: 'advance', summary: 'Move a virtual clock forward ({"ms":N})', body: { schema: 'AdvanceRequest', required: true } } },
  [`${C}/{resource}`]: {
    get: {
      route: 'list',
      summary: 'A List with the server-side Table; with watch=true, server-sent events of the changes',
      query: ['namespace', 'labelSelector', 'fieldSelector', 'watch', 'resourceVersion', 'timeoutSeconds'],
    },
  },
  [OBJ]: {
    get: { route: 'get', summary: 'One object' },
    patch: { route: 'patch', summary: 'Merge, strategic merge, JSON or apply patch, chosen by Content-Type (any other type, application/json included: 415)', body: 'patch' },
    delete: { route: 'delete', summary: 'Delete (pods gracefully unless gracePeriodSeconds=0)', query: ['gracePeriodSeconds'] },
  },
  [`${OBJ}/scale`]: { post: { route: 'scale', summary: 'Set replicas ({"replicas":N})', body: { schema: 'ScaleRequest', required: true } } },
  [`${OBJ}/set-image`]: { post: { route: 'setImage', summary: 'Set container images ({"images":{"web":"nginx:1.26"}})', body: { schema: 'SetImageRequest', required: true } } },
  [`${OBJ}/rollout/history`]: { get: { route: 'history', summary: 'Rollout history entries and kubectl text', query: ['revision'] } },
  [`${OBJ}/rollout/status`]: { get: { route: 'status', summary: 'The rollout status line kubectl prints now' } },
  [`${OBJ}/rollout/undo`]: { post: { route: 'undo', summary: 'Roll back ({"toRevision":N}, 0 = previous)', body: { schema: 'UndoRequest', required: false } } },
  [`${OBJ}/rollout/restart`]: { post: { route: 'restart', summary: 'Set the restartedAt template annotation (a new rollout); takes no body (one sent is ignored)' } },
  [`${OBJ}/traffic`]: { post: { route: 'traffic', summary: 'Send N simulated requests through a Service ({"requests":N})', body: { schema: 'TrafficRequest', required: false } } },
};

const STATUS = { $ref: '#/components/schemas/Status' };

/** The document (built once; it never changes while the server runs). */
export const SIM_OPENAPI: Record<string, unknown> = {
  openapi: '3.0.3',
  info: { title: 'Chartroom simulated Kubernetes API', version: '1' },
  paths: Object.fromEntries(Object.entries(OPERATIONS).map(([path, methods]) => [path, pathItem(path, methods)])),
  components: {
    schemas: {
      ...BODY_SCHEMAS,
      Status: {
        type: 'object',
        description: 'A Kubernetes Status: every error of these routes',
        properties: { kind: { type: 'string' }, apiVersion: { type: 'string' }, status: { type: 'string' }, message: { type: 'string' }, reason: { type: 'string' }, code: { type: 'integer' } },
      },
    },
  },
};

function pathItem(path: string, methods: Partial<Record<Method, Operation>>): Record<string, unknown> {
  const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
  return Object.fromEntries(Object.entries(methods).map(([method, op]) => [method, operation(op, params)]));
}

function operation(op: Operation, pathParams: unknown[]): Record<string, unknown> {
  const query = (op.query ?? []).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } }));
  const content = op.stream ? { 'text/event-stream': { schema: { type: 'string' } } } : { 'application/json': { schema: { type: 'object' } } };
  return {
    operationId: op.route,
    summary: op.summary,
    parameters: [...pathParams, ...query],
    ...(op.body ? { requestBody: requestBody(op.body) } : {}),
    responses: { '200': { description: 'OK', content }, default: { description: 'Error', content: { 'application/json': { schema: STATUS } } } },
  };
}

function requestBody(body: NonNullable<Operation['body']>): Record<string, unknown> {
  const object = { schema: { type: 'object' } };
  if (body === 'yaml') return { required: true, content: { 'application/yaml': { schema: { type: 'string' } }, 'application/json': object } };
  if (body === 'patch') {
    return {
      required: true,
      content: {
        'application/merge-patch+json': object,
        'application/strategic-merge-patch+json': object,
        'application/json-patch+json': { schema: { type: 'array', items: { type: 'object' } } },
        'application/apply-patch+yaml': { schema: { type: 'string', description: 'The whole object, YAML or JSON' } },
      },
    };
  }
  return { required: body.required, content: { 'application/json': { schema: { $ref: `#/components/schemas/${body.schema}` } } } };
}

/** GET /api/sim/openapi.json. */
export function openApiRoute(): unknown {
  return SIM_OPENAPI;
}
