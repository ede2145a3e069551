import type { Readable } from 'node:stream';

/** What a backend knows about one stored object. */
export interface ObjectInfo {
  /** The full key, `/`-separated, relative to the backend's root or prefix. */
  key: string;
  size: number;
  lastModified: Date;
  /** An opaque version tag that changes whenever the object's content is replaced. */
  etag: string;
}

/** The direct children of a folder: objects, and the names of sub-folders (without trailing `/`). */
export interface Listing {
  objects: ObjectInfo[];
  folders: string[];
}

/** An inclusive byte range, as in an HTTP `Range: bytes=start-end` header. */
export interface ByteRange {
  start: number;
  end: number;
}

/** A conditional write. `ifNoneMatch: '*'` creates only if absent; `ifMatch` replaces only that version. */
export interface PutCondition {
  ifNoneMatch?: '*';
  ifMatch?: string;
}

/**
 * The storage contract every backend (memory, local disk, S3) implements and the shared contract suite in
 * test/storage checks. Keys are validated with `assertValidKey` (see keys.ts) before any I/O.
 *
 * Failure modes, and only these are typed: `NotFoundError` for a missing object, `PreconditionFailedError`
 * for a lost conditional write, `InvalidKeyError` for a key the layout forbids, `StorageUnavailableError`
 * when the backend cannot be reached. Anything else is a bug or an I/O fault and propagates as is.
 */
export interface StorageBackend {
  /** A short human name for logs and `/info` (`local:/srv/charts`, `memory`, `s3://bucket/prefix`). */
  readonly description: string;

  /**
   * Lists the direct children of `folder` ('' is the root), like an S3 listing with delimiter `/`:
   * nested objects are reported only as folder names. Objects are sorted by key. A missing folder
   * lists as empty, never as an error.
   */
  list(folder: string): Promise<Listing>;

  /** Metadata of one object. Throws `NotFoundError` if absent. */
  head(key: string): Promise<ObjectInfo>;

  /**
   * Opens the object (or the inclusive `range` of it) as a stream. Throws `NotFoundError` if absent.
   * The caller must consume or destroy the stream.
   */
  get(key: string, range?: ByteRange): Promise<{ info: ObjectInfo; body: Readable }>;

  /** Reads a whole object into memory. For small objects only (index state, charts being parsed). */
  getBytes(key: string): Promise<{ info: ObjectInfo; data: Buffer }>;

  /**
   * Writes the object atomically: readers see either the old content or the new, never a mix or a
   * partial object. With a condition, throws `PreconditionFailedError` and changes nothing if it fails.
   */
  put(key: string, data: Buffer, condition?: PutCondition): Promise<ObjectInfo>;

  /** Removes the object. Deleting a missing object is not an error (S3 semantics). */
  delete(key: string): Promise<void>;
}
