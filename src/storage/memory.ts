import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import type { ByteRange, Listing, ObjectInfo, PutCondition, StorageBackend } from './backend.js';
import { NotFoundError, PreconditionFailedError } from './errors.js';
import { assertValidFolder, assertValidKey } from './keys.js';

interface StoredObject {
  data: Buffer;
  info: ObjectInfo;
}

/**
 * In-memory backend for tests and throwaway servers. Every operation is atomic because it completes
 * synchronously between awaits. ETags are content MD5s, as S3 computes them for single-part uploads.
 */
export class MemoryStorage implements StorageBackend {
  readonly description = 'memory';
  private readonly objects = new Map<string, StoredObject>();

  async list(folder: string): Promise<Listing> {
    assertValidFolder(folder);
    const prefix = folder === '' ? '' : `${folder}/`;
    const objects: ObjectInfo[] = [];
    const folders = new Set<string>();
    for (const [key, stored] of this.objects) {
      if (!key.startsWith(prefix)) continue;
      const rest = key.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash === -1) objects.push(stored.info);
      else folders.add(rest.slice(0, slash));
    }
    objects.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return { objects, folders: [...folders].sort() };
  }

  async head(key: string): Promise<ObjectInfo> {
    return this.lookup(key).info;
  }

  async get(key: string, range?: ByteRange): Promise<{ info: ObjectInfo; body: Readable }> {
    const stored = this.lookup(key);
    const data = range ? stored.data.subarray(range.start, range.end + 1) : stored.data;
    return { info: stored.info, body: Readable.from([data]) };
  }

  async getBytes(key: string): Promise<{ info: ObjectInfo; data: Buffer }> {
    const stored = this.lookup(key);
    return { info: stored.info, data: Buffer.from(stored.data) };
  }

  async put(key: string, data: Buffer, condition: PutCondition = {}): Promise<ObjectInfo> {
    assertValidKey(key);
    const existing = this.objects.get(key);
    if (condition.ifNoneMatch === '*' && existing) throw new PreconditionFailedError(key);
    if (condition.ifMatch !== undefined && existing?.info.etag !== condition.ifMatch) {
      throw new PreconditionFailedError(key);
    }
    const copy = Buffer.from(data);
    const etag = `"${createHash('md5').update(copy).digest('hex')}"`;
    const info: ObjectInfo = { key, size: copy.length, lastModified: new Date(), etag };
    this.objects.set(key, { data: copy, info });
    return info;
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    this.objects.delete(key);
  }

  private lookup(key: string): StoredObject {
    assertValidKey(key);
    const stored = this.objects.get(key);
    if (!stored) throw new NotFoundError(key);
    return stored;
  }
}
