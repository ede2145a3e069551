import { NotFoundError, PreconditionFailedError, StorageError, StorageUnavailableError } from './errors.js';

/**
 * How the S3 backend reads an AWS SDK error. The SDK reports service errors with `name` (the S3 error
 * code) and `$metadata.httpStatusCode`; network failures and timeouts carry no status, only a Node error
 * `code` (ECONNREFUSED, ECONNRESET, ...) or the name `TimeoutError`. By the time an error reaches us the SDK
 * has already spent its retries (5xx, throttling, timeouts and network errors are retried; 4xx are not).
 */
export type S3Failure =
  | 'not-found'
  /** 412 PreconditionFailed, or 304 from MinIO releases before 2024 (minio/minio#19442). */
  | 'precondition-failed'
  /** 409 ConditionalRequestConflict: a concurrent conditional write was in flight; AWS says retry. */
  | 'conditional-conflict'
  | 'unavailable'
  | 'other';

/**
 * 499: MinIO (like nginx) answers this when it cancels a request it was serving because it is shutting
 * down. The outcome of the request is unknown, so it is an outage to retry, not a client error.
 */
const CLIENT_CLOSED_REQUEST = 499;

interface SdkError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

/** Classifies an SDK error thrown by `send`. `isConditionalPut` turns a 304 or 404 on a PUT into a lost condition. */
export function classifyS3Error(err: unknown, isConditionalPut = false): S3Failure {
  const e = err as SdkError;
  const status = e.$metadata?.httpStatusCode;
  if (e.name === 'NoSuchBucket') return 'unavailable';
  if (status === 412 || e.name === 'PreconditionFailed') return 'precondition-failed';
  if (status === 409 && (e.name === 'ConditionalRequestConflict' || isConditionalPut)) return 'conditional-conflict';
  if (isConditionalPut && (status === 304 || status === 404)) return 'precondition-failed';
  if (status === 404 || e.name === 'NoSuchKey' || e.name === 'NotFound') return 'not-found';
  // 501 NotImplemented is a store that lacks a feature we use (conditional writes): retrying will not help.
  if (status === 501) return 'other';
  if (status !== undefined && (status >= 500 || status === 429 || status === CLIENT_CLOSED_REQUEST)) return 'unavailable';
  if (status === undefined && isNetworkError(e)) return 'unavailable';
  return 'other';
}

/** Network-level failures: refused, reset, unreachable, DNS, and the SDK's connection and request timeouts. */
function isNetworkError(e: SdkError): boolean {
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  return typeof e.code === 'string' && /^E[A-Z_]+$/.test(e.code);
}

/**
 * Turns an SDK error into the typed storage error the contract promises, with a message an operator can act
 * on and the SDK error as `cause`. `other` errors (access denied, bad credentials, a malformed request) are
 * wrapped in a plain `StorageError` naming the operation, so they surface as a logged 500, not a 503.
 */
export function toStorageError(err: unknown, operation: string, key: string, where: string, isConditionalPut = false): Error {
  const e = err as SdkError;
  switch (classifyS3Error(err, isConditionalPut)) {
    case 'not-found':
      return new NotFoundError(key);
    case 'precondition-failed':
    case 'conditional-conflict':
      return new PreconditionFailedError(key);
    case 'unavailable': {
      const attempts = e.$metadata?.attempts;
      const detail = e.name === 'NoSuchBucket' ? 'the bucket does not exist' : describeFailure(e);
      const suffix = attempts && attempts > 1 ? ` after ${attempts} attempts` : '';
      return new StorageUnavailableError(`storage unavailable: S3 ${operation} failed${suffix}: ${detail}`, { cause: err });
    }
    default:
      return new StorageError(`S3 ${operation} ${where} failed: ${e.name ?? 'Error'}${e.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : ''}: ${e.message ?? String(err)}`, { cause: err });
  }
}

/** A short reason without addresses or stack: `connection refused`, `timed out`, `HTTP 503 SlowDown`. */
function describeFailure(e: SdkError): string {
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined) return `HTTP ${status} ${e.name ?? ''}`.trim();
  if (e.name === 'TimeoutError' || e.code === 'ETIMEDOUT') return 'timed out';
  if (e.code === 'ECONNREFUSED') return 'connection refused';
  if (e.code === 'ECONNRESET' || e.code === 'EPIPE') return 'connection reset';
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return 'endpoint host not found';
  return e.code ?? e.name ?? 'network error';
}
