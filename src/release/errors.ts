/**
 * Errors of the release manager, one class per condition Helm reports, each with Helm's message
 * (pkg/storage/driver/driver.go, pkg/action/*.go). The HTTP layer maps them by class, never by text.
 */

import { ClusterError } from '../cluster/index.js';

/** Base class of every release error. */
export class ReleaseError extends Error {
  override readonly name: string = 'ReleaseError';
}

/** `release: not found` (driver.ErrReleaseNotFound). */
export class ReleaseNotFoundError extends ReleaseError {
  override readonly name = 'ReleaseNotFoundError';
  constructor(message = 'release: not found') {
    super(message);
  }
}

/** `"x" has no deployed releases` (driver.ErrNoDeployedReleases as upgrade reports it). */
export class NoDeployedReleasesError extends ReleaseError {
  override readonly name = 'NoDeployedReleasesError';
  constructor(releaseName: string) {
    super(`${JSON.stringify(releaseName)} has no deployed releases`);
  }
}

/** `cannot re-use a name that is still in use`. */
export class NameInUseError extends ReleaseError {
  override readonly name = 'NameInUseError';
  constructor() {
    super('cannot re-use a name that is still in use');
  }
}

/** `another operation (install/upgrade/rollback) is in progress` (errPending). */
export class PendingOperationError extends ReleaseError {
  override readonly name = 'PendingOperationError';
  constructor() {
    super('another operation (install/upgrade/rollback) is in progress');
  }
}

/** A request Helm refuses before touching anything: bad revision, bad name, reserved labels. */
export class InvalidReleaseRequestError extends ReleaseError {
  override readonly name = 'InvalidReleaseRequestError';
}

/** The operation ran and failed (hooks, resources, wait); the message is Helm's wrapped error. */
export class ReleaseFailedError extends ReleaseError {
  override readonly name = 'ReleaseFailedError';
}

/** A resource of the release could not be created, updated or deleted, or the wait timed out. */
export class ResourceError extends ReleaseError {
  override readonly name = 'ResourceError';
}

/**
 * An operation failure as a ReleaseError: release errors as they are, the cluster's errors (an object
 * the API server refused mid-operation) as ResourceError; anything else (a bug) is rethrown.
 */
export function asReleaseError(e: unknown): ReleaseError {
  if (e instanceof ReleaseError) return e;
  if (e instanceof ClusterError) return new ResourceError(e.message);
  throw e;
}
