import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ChartExistsError, ChartNotFoundError, InvalidChartError, InvalidProvenanceError, InvalidTenantError, RepositoryError, StorageLimitError } from '../repo/errors.js';
import { InvalidKeyError, NotFoundError, StorageUnavailableError } from '../storage/errors.js';
import { ClusterError } from '../cluster/index.js';
import { BadPathError } from './router.js';
import { statusOf } from './sim/sim-context.js';

/** An error raised by the HTTP layer itself, with its status. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Status code for each typed error; anything unlisted is a 500. */
export function statusFor(err: unknown): number {
  if (err instanceof HttpError) return err.statusCode;
  if (err instanceof InvalidChartError || err instanceof InvalidProvenanceError) return 400;
  if (err instanceof InvalidTenantError || err instanceof BadPathError || err instanceof InvalidKeyError) return 400;
  if (err instanceof ChartExistsError) return 409;
  if (err instanceof ChartNotFoundError || err instanceof NotFoundError) return 404;
  if (err instanceof StorageLimitError) return 507;
  if (err instanceof StorageUnavailableError) return 503;
  if (err instanceof RepositoryError) return 400;
  const code = (err as FastifyError).code;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'FST_REQ_FILE_TOO_LARGE') return 413;
  const status = (err as FastifyError).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
}

/**
 * The one error handler: maps typed errors to ChartMuseum's `{"error": "..."}` shape and status codes,
 * and the simulator's ClusterErrors to a Kubernetes `Status` with their own code.
 * Server errors are logged with their stack and answered without internals (no paths, no stack).
 */
export function handleError(err: unknown, request: FastifyRequest, reply: FastifyReply): void {
  // The simulator's errors answer as a Kubernetes API server does: a Status with reason and code.
  if (err instanceof ClusterError) {
    void reply.code(err.code).type('application/json; charset=utf-8').send(statusOf(err));
    return;
  }
  const status = statusFor(err);
  let message: string;
  if (status === 413 && !(err instanceof HttpError)) message = 'request too large';
  else if (status === 404 && err instanceof NotFoundError) message = 'object not found';
  else if (status >= 500 && status !== 503 && status !== 507) {
    request.log.error({ err }, 'request failed');
    message = 'internal server error';
  } else message = (err as Error).message;
  if (status === 413) reply.header('connection', 'close');
  void reply.code(status).type('application/json; charset=utf-8').send({ error: message });
}
