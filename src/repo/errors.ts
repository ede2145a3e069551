/**
 * Domain errors of the chart repository. The HTTP layer maps each class to a status code and ChartMuseum's
 * JSON shape `{"error": message}`; messages are written for the user who sent the request.
 */

/** Base class of every repository error. */
export class RepositoryError extends Error {
  override name = 'RepositoryError';
}

/** The uploaded bytes are not an acceptable chart archive (400). */
export class InvalidChartError extends RepositoryError {
  override name = 'InvalidChartError';
}

/** The uploaded bytes are not an acceptable provenance file. */
export class InvalidProvenanceError extends RepositoryError {
  override name = 'InvalidProvenanceError';
  constructor(message = 'invalid provenance file') {
    super(message);
  }
}

/** A chart or provenance file of that name exists and overwriting is not allowed (409). */
export class ChartExistsError extends RepositoryError {
  override name = 'ChartExistsError';
}

/** The tenant's object count is at `--max-storage-objects` (507). */
export class StorageLimitError extends RepositoryError {
  override name = 'StorageLimitError';
  constructor() {
    super('repo has reached storage limit');
  }
}

/** A lookup found nothing (404). */
export class ChartNotFoundError extends RepositoryError {
  override name = 'ChartNotFoundError';
}

/** A tenant path that is not allowed: empty, dot or encoded segments (400). */
export class InvalidTenantError extends RepositoryError {
  override name = 'InvalidTenantError';
}
