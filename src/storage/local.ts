import { closeSync, createReadStream, fstat, open as openCallback } from 'node:fs';
import { link, mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { promisify } from 'node:util';
import type { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { join, dirname } from 'node:path';
import type { ByteRange, Listing, ObjectInfo, PutCondition, StorageBackend } from './backend.js';
import { NotFoundError, PreconditionFailedError } from './errors.js';
import { assertValidFolder, assertValidKey, joinKey } from './keys.js';
import { KeyedMutex } from '../util/keyed-mutex.js';

const openAsync = promisify(openCallback);
const fstatAsync = promisify(fstat);

/** Temporary files live inside the root (same filesystem, so rename is atomic) and out of every listing. */
const TEMP_FOLDER = '.chartroom-tmp';

/**
 * Local-disk backend rooted at a folder (`--storage-local-rootdir`). Writes go to a temporary file that is
 * flushed and then renamed (or hard-linked, for create-if-absent) into place, so a reader or a crash never
 * sees a partial object. `ifMatch` is checked under a per-key lock, which makes it atomic within this
 * process; several processes sharing one folder get atomic create-if-absent (link) but not compare-and-swap.
 */
export class LocalStorage implements StorageBackend {
  readonly description: string;
  private readonly locks = new KeyedMutex();

  constructor(private readonly root: string) {
    this.description = `local:${root}`;
  }

  async list(folder: string): Promise<Listing> {
    assertValidFolder(folder);
    let entries;
    try {
      entries = await readdir(this.path(folder), { withFileTypes: true });
    } catch (err) {
      if (isMissing(err)) return { objects: [], folders: [] };
      throw err;
    }
    const folders: string[] = [];
    const files: string[] = [];
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (entry.name !== TEMP_FOLDER) folders.push(entry.name);
      } else if (entry.isFile()) {
        files.push(entry.name);
      }
    }
    const objects = await Promise.all(files.map((name) => this.statObject(joinKey(folder, name))));
    return {
      objects: objects.filter((o): o is ObjectInfo => o !== undefined).sort(byKey),
      folders: folders.sort(),
    };
  }

  async head(key: string): Promise<ObjectInfo> {
    assertValidKey(key);
    const info = await this.statObject(key);
    if (!info) throw new NotFoundError(key);
    return info;
  }

  async get(key: string, range?: ByteRange): Promise<{ info: ObjectInfo; body: Readable }> {
    assertValidKey(key);
    // Open first, then stat the open descriptor: a concurrent rename cannot make info and body disagree.
    // Callback-style fs here: the FileHandle promise API costs several times more CPU per small download.
    let fd: number;
    try {
      fd = await openAsync(this.path(key), 'r');
    } catch (err) {
      if (isMissing(err) || isDirectory(err)) throw new NotFoundError(key);
      throw err;
    }
    let stats: Stats;
    try {
      stats = await fstatAsync(fd);
    } catch (err) {
      closeSync(fd);
      throw err;
    }
    if (!stats.isFile()) {
      closeSync(fd);
      throw new NotFoundError(key);
    }
    const length = range ? range.end - range.start + 1 : stats.size;
    const highWaterMark = Math.max(1, Math.min(64 * 1024, length));
    const body = createReadStream('', { fd, autoClose: true, start: range?.start, end: range?.end, highWaterMark });
    return { info: toInfo(key, stats), body };
  }

  async getBytes(key: string): Promise<{ info: ObjectInfo; data: Buffer }> {
    assertValidKey(key);
    try {
      const [data, stats] = await Promise.all([readFile(this.path(key)), stat(this.path(key))]);
      return { info: toInfo(key, stats), data };
    } catch (err) {
      if (isMissing(err) || isDirectory(err)) throw new NotFoundError(key);
      throw err;
    }
  }

  async put(key: string, data: Buffer, condition: PutCondition = {}): Promise<ObjectInfo> {
    assertValidKey(key);
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true, mode: 0o775 });
    const temp = await this.writeTemp(data);
    try {
      if (condition.ifNoneMatch === '*') return await this.linkIfAbsent(key, temp, target);
      if (condition.ifMatch !== undefined) return await this.replaceIfMatch(key, temp, target, condition.ifMatch);
      await rename(temp, target);
      return await this.head(key);
    } finally {
      await rm(temp, { force: true });
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    try {
      await unlink(this.path(key));
    } catch (err) {
      if (!isMissing(err)) throw err;
    }
  }

  private async linkIfAbsent(key: string, temp: string, target: string): Promise<ObjectInfo> {
    try {
      await link(temp, target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new PreconditionFailedError(key);
      throw err;
    }
    return this.head(key);
  }

  private replaceIfMatch(key: string, temp: string, target: string, etag: string): Promise<ObjectInfo> {
    return this.locks.run(key, async () => {
      const current = await this.statObject(key);
      if (!current || current.etag !== etag) throw new PreconditionFailedError(key);
      await rename(temp, target);
      return this.head(key);
    });
  }

  private async writeTemp(data: Buffer): Promise<string> {
    const folder = join(this.root, TEMP_FOLDER);
    await mkdir(folder, { recursive: true, mode: 0o775 });
    const temp = join(folder, `${randomBytes(12).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    return temp;
  }

  private async statObject(key: string): Promise<ObjectInfo | undefined> {
    try {
      const stats = await stat(this.path(key));
      return stats.isFile() ? toInfo(key, stats) : undefined;
    } catch (err) {
      if (isMissing(err) || isDirectory(err)) return undefined;
      throw err;
    }
  }

  private path(key: string): string {
    return key === '' ? this.root : join(this.root, ...key.split('/'));
  }
}

function toInfo(key: string, stats: Stats): ObjectInfo {
  // inode + size + mtime: a rename-into-place always changes the inode, so the tag changes with content.
  const etag = `"${stats.ino.toString(16)}-${stats.size.toString(16)}-${Math.round(stats.mtimeMs * 1000).toString(16)}"`;
  return { key, size: stats.size, lastModified: stats.mtime, etag };
}

function byKey(a: ObjectInfo, b: ObjectInfo): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function isDirectory(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'EISDIR';
}
