/**
 * The JSON request bodies of the simulator's action routes, as OpenAPI 3.0 schemas with an example each.
 * They say what the handlers in write-routes.ts check: a body that breaks a `required`, `type` or
 * `minimum`/`maximum` here is answered 400 with a Status.
 */

const integer = (description: string, minimum: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ type: 'integer', minimum, description, ...extra });

/** Schema name → schema; referenced from the operations as `#/components/schemas/<name>`. */
export const BODY_SCHEMAS: Record<string, Record<string, unknown>> = {
  AdvanceRequest: {
    type: 'object',
    description: 'How far to move a virtual clock. Every timer due in that span fires in order.',
    required: ['ms'],
    properties: { ms: integer('Milliseconds to move forward', 0) },
    example: { ms: 5000 },
  },
  ScaleRequest: {
    type: 'object',
    description: 'The new spec.replicas of a Deployment, ReplicaSet or StatefulSet (kubectl scale --replicas)',
    required: ['replicas'],
    properties: { replicas: integer('Desired number of replicas', 0) },
    example: { replicas: 5 },
  },
  SetImageRequest: {
    type: 'object',
    description: 'kubectl set image: container name to image; "*" sets every container (init containers included)',
    required: ['images'],
    properties: { images: { type: 'object', additionalProperties: { type: 'string' } } },
    example: { images: { web: 'nginx:1.26' } },
  },
  UndoRequest: {
    type: 'object',
    description: 'kubectl rollout undo: the revision to go back to; 0 or absent means the previous one',
    properties: { toRevision: integer('Revision number from rollout/history', 0, { default: 0 }) },
    example: { toRevision: 1 },
  },
  TrafficRequest: {
    type: 'object',
    description: 'How many simulated requests to send through the Service',
    properties: { requests: integer('Number of requests', 1, { maximum: 1_000_000, default: 100 }) },
    example: { requests: 300 },
  },
};
