/**
 * Errors of the simulated API server. Each carries the Kubernetes `reason` and HTTP `code` of the Status
 * object a real API server returns, so the HTTP layer can map them without reading messages.
 */

/** Base class: `reason` and `code` as in a Kubernetes `Status`. */
export class ClusterError extends Error {
  override readonly name: string = 'ClusterError';
  constructor(
    message: string,
    readonly reason: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/** 404 NotFound: `deployments.apps "x" not found`. */
export class NotFoundError extends ClusterError {
  override readonly name = 'NotFoundError';
  constructor(resource: string, objectName: string) {
    super(`${resource} "${objectName}" not found`, 'NotFound', 404);
  }
}

/** 409 AlreadyExists: `deployments.apps "x" already exists`. */
export class AlreadyExistsError extends ClusterError {
  override readonly name = 'AlreadyExistsError';
  constructor(resource: string, objectName: string) {
    super(`${resource} "${objectName}" already exists`, 'AlreadyExists', 409);
  }
}

/** 409 Conflict: a write carried a stale resourceVersion. */
export class ConflictError extends ClusterError {
  override readonly name = 'ConflictError';
  constructor(resource: string, objectName: string) {
    super(
      `Operation cannot be fulfilled on ${resource} "${objectName}": the object has been modified; please apply your changes to the latest version and try again`,
      'Conflict',
      409,
    );
  }
}

/** 410 Expired: a watch asked for a resourceVersion older than the retained event log. */
export class ExpiredError extends ClusterError {
  override readonly name = 'ExpiredError';
  constructor(resourceVersion: string) {
    super(`too old resource version: ${resourceVersion}`, 'Expired', 410);
  }
}

/** 422 Invalid: the object failed validation. */
export class InvalidError extends ClusterError {
  override readonly name = 'InvalidError';
  constructor(message: string) {
    super(message, 'Invalid', 422);
  }
}

/** 400 BadRequest: e.g. an unparsable label selector, or advancing a real clock. */
export class BadRequestError extends ClusterError {
  override readonly name = 'BadRequestError';
  constructor(message: string) {
    super(message, 'BadRequest', 400);
  }
}

/** 403 Forbidden: e.g. deleting `default`, or creating in a namespace that is being terminated. */
export class ForbiddenError extends ClusterError {
  override readonly name = 'ForbiddenError';
  constructor(message: string) {
    super(message, 'Forbidden', 403);
  }
}
