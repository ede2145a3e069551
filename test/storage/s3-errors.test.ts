import { describe, expect, it } from 'vitest';
import { classifyS3Error, toStorageError } from '../../src/storage/s3-errors.js';
import { NotFoundError, PreconditionFailedError, StorageError, StorageUnavailableError } from '../../src/storage/errors.js';

/**
 * The classification table of SDK errors. Rows marked "MinIO" were observed from the real server in
 * test/storage/s3.test.ts; the 409 and 304 rows are what AWS documents and old MinIO sent (deps.md §3), which
 * the MinIO built for the tests no longer produces, so they are checked here on the error's shape only.
 */
const sdkError = (name: string, status?: number, code?: string) => Object.assign(new Error(name), { name, code, $metadata: { httpStatusCode: status, attempts: status ? 1 : 3 } });

describe('classifyS3Error', () => {
  it.each([
    ['GetObject missing key (MinIO)', sdkError('NoSuchKey', 404), false, 'not-found'],
    ['HeadObject missing key (MinIO, no body)', sdkError('NotFound', 404), false, 'not-found'],
    ['missing bucket (MinIO)', sdkError('NoSuchBucket', 404), false, 'unavailable'],
    ['If-None-Match/If-Match lost (MinIO)', sdkError('PreconditionFailed', 412), true, 'precondition-failed'],
    ['If-Match on a missing key (MinIO)', sdkError('NoSuchKey', 404), true, 'precondition-failed'],
    ['racing conditional writes (AWS)', sdkError('ConditionalRequestConflict', 409), true, 'conditional-conflict'],
    ['conditional PUT on old MinIO', sdkError('NotModified', 304), true, 'precondition-failed'],
    ['5xx after retries', sdkError('SlowDown', 503), false, 'unavailable'],
    ['throttled after retries', sdkError('TooManyRequests', 429), false, 'unavailable'],
    ['a store without conditional writes (501)', sdkError('NotImplemented', 501), true, 'other'],
    ['request cancelled by a server shutting down (MinIO 499)', sdkError('Unknown', 499), false, 'unavailable'],
    ['conditional put cancelled by a server shutting down', sdkError('Unknown', 499), true, 'unavailable'],
    ['connection refused (MinIO stopped)', sdkError('Error', undefined, 'ECONNREFUSED'), false, 'unavailable'],
    ['request timeout (MinIO frozen)', sdkError('TimeoutError'), false, 'unavailable'],
    ['bad access key (MinIO)', sdkError('InvalidAccessKeyId', 403), false, 'other'],
    ['a bug of ours', new TypeError('x is undefined'), false, 'other'],
  ] as const)('%s', (_label, err, isConditionalPut, expected) => {
    expect(classifyS3Error(err, isConditionalPut)).toBe(expected);
  });

  it('maps classes to the typed storage errors with an operator-readable message', () => {
    expect(toStorageError(sdkError('NoSuchKey', 404), 'GetObject', 'a.tgz', 's3://b/a.tgz')).toBeInstanceOf(NotFoundError);
    expect(toStorageError(sdkError('PreconditionFailed', 412), 'PutObject', 'a.tgz', 's3://b/a.tgz', true)).toBeInstanceOf(PreconditionFailedError);
    const down = toStorageError(sdkError('Error', undefined, 'ECONNREFUSED'), 'ListObjectsV2', 't', 's3://b/t');
    expect(down).toBeInstanceOf(StorageUnavailableError);
    expect(down.message).toBe('storage unavailable: S3 ListObjectsV2 failed after 3 attempts: connection refused');
    const denied = toStorageError(sdkError('AccessDenied', 403), 'PutObject', 'a.tgz', 's3://b/p/a.tgz');
    expect(denied).toBeInstanceOf(StorageError);
    expect(denied).not.toBeInstanceOf(StorageUnavailableError);
    expect(denied.message).toBe('S3 PutObject s3://b/p/a.tgz failed: AccessDenied (HTTP 403): AccessDenied');
  });
});
