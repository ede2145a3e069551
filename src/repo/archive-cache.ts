import type { ObjectInfo } from '../storage/backend.js';

/** A cached archive: its bytes and the storage metadata they were read with. */
export interface CachedArchive {
  info: ObjectInfo;
  data: Buffer;
}

/**
 * A size-bounded LRU of small chart archives, keyed by storage key and valid only for one ETag. Downloads of
 * indexed charts are served from it without touching storage: the index record names the ETag the archive
 * had when it was indexed, so a cached copy is exactly the bytes the index's digest describes. An archive
 * replaced behind the server's back is picked up, like the index, by the next rescan.
 */
export class ArchiveCache {
  private readonly entries = new Map<string, CachedArchive>();
  private bytes = 0;

  constructor(
    /** Total bytes held. */
    private readonly maxBytes: number,
    /** Larger archives are never cached (they are streamed). */
    readonly maxObjectBytes: number,
  ) {}

  /** The cached archive for `key` if it is the version with `etag`. */
  get(key: string, etag: string): CachedArchive | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.info.etag !== etag) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Caches an archive if it is small enough, evicting the least recently used ones beyond the budget. */
  set(key: string, entry: CachedArchive): void {
    this.delete(key);
    if (entry.data.length > this.maxObjectBytes || entry.data.length > this.maxBytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.data.length;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.data.length;
    }
  }

  /** Forgets `key` (after a delete or an overwrite). */
  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.data.length;
  }
}
