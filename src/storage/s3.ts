import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type ServerSideEncryption,
} from '@aws-sdk/client-s3';
import type { ByteRange, Listing, ObjectInfo, PutCondition, StorageBackend } from './backend.js';
import { PreconditionFailedError } from './errors.js';
import { assertValidFolder, assertValidKey } from './keys.js';
import { classifyS3Error, toStorageError } from './s3-errors.js';

/** Settings of the S3 backend. The CLI fills them from ChartMuseum's `--storage-amazon-*` flags. */
export interface S3StorageOptions {
  bucket: string;
  /** Key prefix inside the bucket; '' (the default) is the bucket root. Surrounding slashes are ignored. */
  prefix?: string;
  /** Defaults to `us-east-1` when an endpoint is given (as ChartMuseum does), else the SDK's own chain. */
  region?: string;
  /** An S3-compatible endpoint URL (MinIO, ...); `http://` disables TLS. Unset means AWS. */
  endpoint?: string;
  /** Path-style URLs (`endpoint/bucket/key`). Default true, as in ChartMuseum. */
  forcePathStyle?: boolean;
  /** Sent as `x-amz-server-side-encryption` on every PUT (`AES256`, `aws:kms`). */
  serverSideEncryption?: string;
  /** Explicit credentials; unset means the SDK's default chain (AWS_ACCESS_KEY_ID, profiles, IRSA, IMDS). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** TCP connect timeout per attempt. Default 2 s. */
  connectionTimeoutMs?: number;
  /** Per attempt: time to the response headers, and the longest silence while a body streams. Default 10 s. */
  requestTimeoutMs?: number;
  /** SDK attempts per call, with its exponential backoff between them. Default 3. */
  maxAttempts?: number;
  /** ListObjectsV2 page size (S3's maximum and default is 1,000). Smaller values only serve tests. */
  listPageSize?: number;
}

const DEFAULT_CONNECTION_TIMEOUT_MS = 2_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_ATTEMPTS = 3;
/** A PUT's time budget grows with its size at this floor rate (1 MiB/s), so a 20 MiB chart gets 30 s. */
const MIN_UPLOAD_BYTES_PER_MS = 1024 * 1024 / 1000;
/** Extra tries of a conditional PUT answered 409 ConditionalRequestConflict, with these pauses. */
const CONFLICT_BACKOFF_MS = [50, 200] as const;

/**
 * S3 backend (AWS S3, MinIO or any S3-compatible store). Keys live under `<prefix>/` in one bucket.
 *
 * - `list` is one ListObjectsV2 walk with `Delimiter: '/'` over `<prefix>/<folder>/`, so a folder never
 *   shows a sibling that merely shares its name's prefix (ChartMuseum's `abc` vs `abc-def` bug).
 * - `put` sends the whole Buffer with its length in one PutObject; S3 makes it visible atomically.
 *   Conditions map to `If-None-Match: *` / `If-Match: <etag>`: 412, a 304 from old MinIO, and a 404 for
 *   `If-Match` on a missing key become `PreconditionFailedError`; 409 ConditionalRequestConflict is retried
 *   twice and then reported as a lost condition too.
 * - Every attempt is bounded (connect 2 s, response 10 s by default) and the SDK makes at most 3 attempts,
 *   so a call fails within about `maxAttempts × requestTimeoutMs` (plus sub-second backoff) when S3 hangs,
 *   and at once when it refuses connections. Those failures, and 5xx after retries, throw
 *   `StorageUnavailableError`; the client is not rebuilt, so service resumes as soon as S3 answers again.
 *
 * Timestamps are truncated to whole seconds: S3 HEAD and GET report seconds while MinIO's listings carry
 * milliseconds, and ChartMuseum's `--storage-timestamp-tolerance` exists only because of that mismatch.
 * PutObject returns no Last-Modified, so `put` reports this process's clock; the ETag it returns is the
 * server's and equals what `list` and `head` report afterwards.
 */
export class S3Storage implements StorageBackend {
  readonly description: string;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;
  private readonly sse?: string;
  private readonly requestTimeoutMs: number;
  private readonly listPageSize?: number;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.prefix = (options.prefix ?? '').replace(/^\/+|\/+$/g, '');
    assertValidFolder(this.prefix);
    this.sse = options.serverSideEncryption || undefined;
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.listPageSize = options.listPageSize;
    // Node 20 is this project's runtime and the SDK is pinned, so the SDK's "upgrade Node" notice at the first
    // request only alarms operators; an operator who sets the variable keeps their choice.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    this.description = `s3://${this.bucket}${this.prefix ? `/${this.prefix}` : ''}${options.endpoint ? ` at ${options.endpoint}` : ''}`;
    this.client = new S3Client({
      region: options.region || (options.endpoint ? 'us-east-1' : undefined),
      endpoint: options.endpoint || undefined,
      forcePathStyle: options.forcePathStyle ?? true,
      credentials: options.credentials,
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      // The SDK's default CRC32 checksum headers are not understood by every S3-compatible server.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: {
        connectionTimeout: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
        requestTimeout: this.requestTimeoutMs,
        // Without this the SDK only logs a warning when requestTimeout passes and keeps waiting.
        throwOnRequestTimeout: true,
        socketTimeout: this.requestTimeoutMs,
      },
    });
  }

  async list(folder: string): Promise<Listing> {
    assertValidFolder(folder);
    const listPrefix = this.fullFolder(folder);
    const objects: ObjectInfo[] = [];
    const folders: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.call('ListObjectsV2', folder, () =>
        this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: listPrefix, Delimiter: '/', ContinuationToken: token, MaxKeys: this.listPageSize })),
      );
      for (const item of page.Contents ?? []) {
        const name = item.Key?.slice(listPrefix.length);
        // A zero-byte `folder/` marker (made by consoles and some tools) is not an object of the folder.
        if (!name || name.includes('/')) continue;
        objects.push(toInfo(joinFolder(folder, name), item.Size, item.LastModified, item.ETag));
      }
      for (const common of page.CommonPrefixes ?? []) {
        const name = common.Prefix?.slice(listPrefix.length, -1);
        if (name) folders.push(name);
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return { objects: objects.sort(byKey), folders: folders.sort() };
  }

  async head(key: string): Promise<ObjectInfo> {
    assertValidKey(key);
    const out = await this.call('HeadObject', key, () => this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.fullKey(key) })));
    return toInfo(key, out.ContentLength, out.LastModified, out.ETag);
  }

  async get(key: string, range?: ByteRange): Promise<{ info: ObjectInfo; body: Readable }> {
    assertValidKey(key);
    const out = await this.call('GetObject', key, () =>
      this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.fullKey(key), Range: range ? `bytes=${range.start}-${range.end}` : undefined })),
    );
    // With a Range, ContentLength is the slice's; the whole size is the total in `bytes a-b/total`.
    const total = out.ContentRange ? Number(out.ContentRange.slice(out.ContentRange.lastIndexOf('/') + 1)) : out.ContentLength;
    // In Node the SDK's Body is the http.IncomingMessage itself.
    return { info: toInfo(key, total, out.LastModified, out.ETag), body: out.Body as Readable };
  }

  async getBytes(key: string): Promise<{ info: ObjectInfo; data: Buffer }> {
    assertValidKey(key);
    // Reading the body is part of the call: a connection lost mid-body is as unavailable as one refused.
    return this.call('GetObject', key, async () => {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.fullKey(key) }));
      const data = Buffer.from(await (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
      return { info: toInfo(key, data.length, out.LastModified, out.ETag), data };
    });
  }

  async put(key: string, data: Buffer, condition: PutCondition = {}): Promise<ObjectInfo> {
    assertValidKey(key);
    const isConditional = condition.ifNoneMatch !== undefined || condition.ifMatch !== undefined;
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: this.fullKey(key),
      Body: data,
      // A known length keeps the SDK from streaming with an undefined decoded length (deps.md §3).
      ContentLength: data.length,
      IfNoneMatch: condition.ifNoneMatch,
      IfMatch: condition.ifMatch,
      ServerSideEncryption: this.sse as ServerSideEncryption | undefined,
    });
    const requestTimeout = this.requestTimeoutMs + Math.ceil(data.length / MIN_UPLOAD_BYTES_PER_MS);
    for (let attempt = 0; ; attempt += 1) {
      try {
        const out = await this.client.send(command, { requestTimeout });
        return toInfo(key, data.length, new Date(), out.ETag);
      } catch (err) {
        const pause = CONFLICT_BACKOFF_MS[attempt];
        if (isConditional && classifyS3Error(err, true) === 'conditional-conflict') {
          if (pause === undefined) throw new PreconditionFailedError(key);
          await sleep(pause * (0.5 + Math.random()));
          continue;
        }
        throw toStorageError(err, 'PutObject', key, this.where(key), isConditional);
      }
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.call('DeleteObject', key, () => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.fullKey(key) })));
  }

  /** Closes the client's pooled connections. The backend must not be used afterwards. */
  destroy(): void {
    this.client.destroy();
  }

  /** Runs one S3 operation and converts whatever it throws into the contract's typed errors. */
  private async call<T>(operation: string, key: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (err) {
      throw toStorageError(err, operation, key, this.where(key));
    }
  }

  private fullKey(key: string): string {
    return this.prefix ? `${this.prefix}/${key}` : key;
  }

  /** The ListObjectsV2 prefix of a folder: always ending in `/`, or '' for the root of an unprefixed bucket. */
  private fullFolder(folder: string): string {
    const path = joinFolder(this.prefix, folder);
    return path ? `${path}/` : '';
  }

  private where(key: string): string {
    return `s3://${this.bucket}/${this.fullKey(key)}`;
  }
}

function joinFolder(folder: string, name: string): string {
  return folder && name ? `${folder}/${name}` : folder || name;
}

function toInfo(key: string, size: number | undefined, lastModified: Date | undefined, etag: string | undefined): ObjectInfo {
  const time = lastModified ?? new Date();
  const quoted = etag ? (etag.startsWith('"') ? etag : `"${etag}"`) : '""';
  return { key, size: size ?? 0, lastModified: new Date(Math.floor(time.getTime() / 1000) * 1000), etag: quoted };
}

function byKey(a: ObjectInfo, b: ObjectInfo): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
