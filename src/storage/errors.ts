/**
 * Typed storage errors. Every backend throws these and nothing else for the conditions they name, so the
 * repository layer can branch on the class (never on message text).
 */

/** Base class of every error a storage backend raises on purpose. */
export class StorageError extends Error {
  override name = 'StorageError';
}

/** The object does not exist. */
export class NotFoundError extends StorageError {
  override name = 'NotFoundError';
  constructor(readonly key: string) {
    super(`object not found: ${key}`);
  }
}

/** A conditional write lost: the object exists (If-None-Match: *) or changed (If-Match). */
export class PreconditionFailedError extends StorageError {
  override name = 'PreconditionFailedError';
  constructor(readonly key: string) {
    super(`precondition failed: ${key}`);
  }
}

/** A key that the layout does not allow: empty, absolute, `.`/`..` segments, backslashes, control characters. */
export class InvalidKeyError extends StorageError {
  override name = 'InvalidKeyError';
  constructor(readonly key: string) {
    super(`invalid storage key: ${JSON.stringify(key)}`);
  }
}

/** The backend cannot be reached or answered too slowly; the request may be retried later. */
export class StorageUnavailableError extends StorageError {
  override name = 'StorageUnavailableError';
}
