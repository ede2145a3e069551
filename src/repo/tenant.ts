import { createHash } from 'node:crypto';
import type { ObjectInfo, StorageBackend } from '../storage/backend.js';
import { NotFoundError, PreconditionFailedError } from '../storage/errors.js';
import { joinKey } from '../storage/keys.js';
import { KeyedMutex } from '../util/keyed-mutex.js';
import { readChartArchive } from './chart-archive.js';
import { parseChartYaml, type ChartMetadata } from './chart-metadata.js';
import { formatGoTime, type ChartVersionRecord } from './chart-version.js';
import { ChartExistsError, InvalidChartError } from './errors.js';
import { IndexJournal, type JournalOp, type JournalState } from './index-journal.js';
import { JournalCursor } from './journal-cursor.js';
import { TenantIndex } from './tenant-index.js';

/** Settings a tenant needs from the server configuration. */
export interface TenantOptions {
  storage: StorageBackend;
  now: () => Date;
  /** Index URL of a chart file in this tenant (relative `charts/<file>` or absolute). */
  urlFor: (tenant: string, file: string) => string;
  contextPath: string;
  /** Journal records between snapshots. */
  compactEvery: number;
  /** How long journal records outlive the snapshot that covers them. */
  journalRetentionMs: number;
  /** A change re-syncs with the shared journal first if the last sync is older than this. */
  staleAfterMs: number;
  log: (message: string, details?: Record<string, unknown>) => void;
}

/** A validated chart archive ready to store. */
export interface ParsedChart {
  bytes: Buffer;
  metadata: ChartMetadata;
  file: string;
}

/**
 * One repository path (tenant): its in-memory index, the journal that persists it, and the operations that
 * change both. Every change to a file runs under that file's lock, writes storage first and the journal
 * second, then updates memory, so storage is always the source of truth and `rescan` can repair anything a
 * crash interrupted.
 */
export class Tenant {
  readonly index: TenantIndex;
  private readonly journal: IndexJournal;
  private readonly locks = new KeyedMutex();
  /** Archives in storage that failed to load, by file name → ETag: not re-read (or re-logged) until they change. */
  private readonly rejected = new Map<string, string>();
  private cursor = new JournalCursor(0);
  private pending = 0;
  private inflight = 0;
  private compacting: Promise<void> | undefined;
  private syncing: Promise<void> | undefined;
  private syncs = 0;
  private lastSync = -Infinity;

  private constructor(
    readonly folder: string,
    private readonly options: TenantOptions,
  ) {
    this.index = new TenantIndex((file) => options.urlFor(folder, file), options.contextPath, options.now());
    this.journal = new IndexJournal(options.storage, folder);
  }

  /** Loads the persisted index, then reconciles it with the archives actually in storage. */
  static async open(folder: string, options: TenantOptions): Promise<Tenant> {
    const tenant = new Tenant(folder, options);
    tenant.applyState(await tenant.journal.load());
    tenant.lastSync = options.now().getTime();
    await tenant.rescan();
    return tenant;
  }

  /**
   * Makes the in-memory index equal a loaded journal state, changing only what differs. On a reload (records
   * were compacted away before this replica read them) `generated` only moves forward: this replica may
   * already have applied records newer than the snapshot.
   */
  private applyState(state: JournalState, isReload = false): void {
    for (const record of [...this.index.records()]) {
      if (!state.records.has(record.file)) this.index.remove(record.file, this.options.now());
    }
    for (const record of state.records.values()) {
      const current = this.index.byFileName(record.file);
      if (current?.digest !== record.digest || current.created !== record.created) this.index.put(record, new Date(record.created));
    }
    if (state.lastChange && isReload) this.index.noteChangeAt(new Date(state.lastChange));
    else if (state.lastChange) this.index.restoreLastChange(new Date(state.lastChange));
    this.pending = state.pending;
    this.cursor.reset(state.seq, state.records.keys());
  }

  /**
   * Reads the journal records other replicas wrote since the last call and applies them (one GET when there
   * is nothing new). If records were compacted away before this replica read them, it reloads the snapshot.
   * Concurrent calls share one pass.
   */
  sync(checkSnapshot = false): Promise<void> {
    this.syncing ??= this.followJournal(checkSnapshot).finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async followJournal(checkSnapshot: boolean): Promise<void> {
    this.syncs += 1;
    const started = this.options.now().getTime();
    for (;;) {
      const seq = this.cursor.next();
      const op = await this.journal.readOp(seq);
      if (op) {
        this.applyRemote(seq, op);
        continue;
      }
      // Nothing at `seq`: either nothing new, or a compaction removed records this replica had not read.
      // A compaction always replaces the snapshot, so a cheap HEAD now and then tells them apart.
      const lookAtSnapshot = checkSnapshot || this.syncs % 10 === 0;
      const compacted = this.cursor.hasOwnBeyondTail() || (lookAtSnapshot && (await this.journal.snapshotChanged()));
      if (compacted) this.applyState(await this.journal.load(), true);
      this.lastSync = started;
      return;
    }
  }

  private applyRemote(seq: number, op: JournalOp): void {
    const file = op.op === 'put' ? op.record.file : op.file;
    this.journal.noteSeen(seq);
    if (this.cursor.shouldApply(seq, file)) {
      const at = new Date(op.at);
      if (op.op === 'put') this.index.put(op.record, at);
      else this.index.remove(op.file, at);
      this.rejected.delete(file);
    } else {
      this.index.noteChangeAt(new Date(op.at));
    }
    this.cursor.markRead(seq, file);
  }

  /** The storage key of a file in this tenant. */
  key(file: string): string {
    return joinKey(this.folder, file);
  }

  /** Runs `fn` while holding the lock of one file name. */
  withFileLock<T>(file: string, fn: () => Promise<T>): Promise<T> {
    return this.locks.run(file, fn);
  }

  /**
   * Stores a parsed chart and indexes it. Without `overwrite` the write is create-if-absent, so of several
   * concurrent uploads of one version exactly one succeeds and the rest get `ChartExistsError(existsMessage)`.
   * Callers hold the file lock.
   */
  async storeChart(chart: ParsedChart, overwrite: boolean, existsMessage: string): Promise<ChartVersionRecord> {
    const key = this.key(chart.file);
    let info: ObjectInfo;
    try {
      info = await this.options.storage.put(key, chart.bytes, overwrite ? {} : { ifNoneMatch: '*' });
    } catch (err) {
      if (!(err instanceof PreconditionFailedError)) throw err;
      // A retry of an upload that stored its archive but failed before journaling it (a storage outage)
      // finds identical bytes that no index lists: finish that upload instead of refusing it.
      const unfinished = await this.unindexedIdenticalArchive(chart);
      if (!unfinished) throw new ChartExistsError(existsMessage);
      info = unfinished;
    }
    const record: ChartVersionRecord = {
      metadata: chart.metadata,
      file: chart.file,
      digest: createHash('sha256').update(chart.bytes).digest('hex'),
      created: formatGoTime(this.options.now()),
      size: info.size,
      etag: info.etag,
    };
    await this.commit({ op: 'put', record, at: record.created });
    await this.verifyAgainstStorage(chart.file, info.etag);
    return record;
  }

  private async unindexedIdenticalArchive(chart: ParsedChart): Promise<ObjectInfo | undefined> {
    if (this.index.byFileName(chart.file)) return undefined;
    await this.sync();
    if (this.index.byFileName(chart.file)) return undefined;
    try {
      const stored = await this.options.storage.getBytes(this.key(chart.file));
      return stored.data.equals(chart.bytes) ? stored.info : undefined;
    } catch (err) {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    }
  }

  /**
   * Another replica may have changed the same file between our storage write and our journal record (an
   * overwrite, or a delete), so the journal order could disagree with the storage order. Looking at storage
   * after journaling, and writing a corrective record on a mismatch, means the last writer to journal always
   * leaves a record that describes what storage really holds. `expectedEtag` undefined means "absent".
   */
  private async verifyAgainstStorage(file: string, expectedEtag: string | undefined): Promise<void> {
    const current = await this.options.storage.head(this.key(file)).catch((err: unknown) => {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    });
    if (current?.etag === expectedEtag) return;
    if (current) await this.indexFromStorage(file);
    else await this.commit({ op: 'remove', file, at: formatGoTime(this.options.now()) });
  }

  /** Deletes a chart file (and its provenance) from storage and the index. Callers hold the file lock. */
  async deleteChartFile(file: string): Promise<void> {
    await this.options.storage.delete(this.key(file));
    await this.options.storage.delete(this.key(`${file}.prov`));
    // Journal the removal even if this replica has not indexed the file yet: another replica may have.
    await this.commit({ op: 'remove', file, at: formatGoTime(this.options.now()) });
    await this.verifyAgainstStorage(file, undefined);
  }

  /**
   * Reconciles the index with storage: archives that appeared or changed (by ETag) are read and indexed,
   * archives that vanished are dropped. One listing per call; archives are opened only when new or changed.
   */
  async rescan(): Promise<void> {
    const listing = await this.options.storage.list(this.folder);
    const present = new Map<string, ObjectInfo>();
    for (const object of listing.objects) {
      const file = object.key.slice(object.key.lastIndexOf('/') + 1);
      if (file.endsWith('.tgz')) present.set(file, object);
    }
    for (const record of [...this.index.records()]) {
      if (!present.has(record.file)) await this.withFileLock(record.file, () => this.dropIfMissing(record.file));
    }
    for (const file of this.rejected.keys()) if (!present.has(file)) this.rejected.delete(file);
    for (const [file, object] of present) {
      if (this.index.byFileName(file)?.etag === object.etag || this.rejected.get(file) === object.etag) continue;
      await this.withFileLock(file, () => this.indexFromStorage(file));
    }
  }

  private async dropIfMissing(file: string): Promise<void> {
    if (!this.index.byFileName(file)) return;
    try {
      await this.options.storage.head(this.key(file));
    } catch (err) {
      if (err instanceof NotFoundError) await this.commit({ op: 'remove', file, at: formatGoTime(this.options.now()) });
      else throw err;
    }
  }

  /** Indexes an archive found in storage (copied in by hand, or written by a crashed request). */
  private async indexFromStorage(file: string): Promise<void> {
    let data: Buffer;
    let info: ObjectInfo;
    try {
      ({ data, info } = await this.options.storage.getBytes(this.key(file)));
    } catch (err) {
      if (err instanceof NotFoundError) return;
      throw err;
    }
    if (this.index.byFileName(file)?.etag === info.etag) return;
    let metadata: ChartMetadata;
    try {
      metadata = parseChartYaml((await readChartArchive(data)).chartYaml);
    } catch (err) {
      if (!(err instanceof InvalidChartError)) throw err;
      this.options.log('Invalid package in storage', { tenant: this.folder, file, error: err.message });
      this.rejected.set(file, info.etag);
      return;
    }
    const twin = this.index.versions(metadata.name).find((r) => r.metadata.version === metadata.version && r.file !== file);
    if (twin) {
      this.options.log('Duplicate chart version in storage, ignored', { tenant: this.folder, file, indexedAs: twin.file });
      this.rejected.set(file, info.etag);
      return;
    }
    const record: ChartVersionRecord = {
      metadata,
      file,
      digest: createHash('sha256').update(data).digest('hex'),
      created: formatGoTime(info.lastModified),
      size: info.size,
      etag: info.etag,
    };
    await this.commit({ op: 'put', record, at: formatGoTime(this.options.now()) });
  }

  /** Persists one change, applies it in memory, and schedules a compaction when the journal is long. */
  private async commit(op: JournalOp): Promise<void> {
    this.inflight += 1;
    try {
      // A replica that has not synced for a while may hold a stale sequence counter; catch up first.
      if (this.options.now().getTime() - this.lastSync > this.options.staleAfterMs) await this.sync(true);
      const seq = await this.journal.append(op);
      const file = op.op === 'put' ? op.record.file : op.file;
      // While the write was in flight a sync may have applied a newer record for this file (another
      // replica's, numbered after ours): the highest sequence number wins here too, as on every replica.
      const isNewest = this.cursor.shouldApply(seq, file);
      this.cursor.recordOwn(seq, file);
      this.pending += 1;
      const at = new Date(op.at);
      if (!isNewest) this.index.noteChangeAt(at);
      else if (op.op === 'put') this.index.put(op.record, at);
      else this.index.remove(op.file, at);
    } finally {
      this.inflight -= 1;
    }
    if (this.pending >= this.options.compactEvery) void this.compact();
  }

  /**
   * Writes a snapshot of the current index and prunes the journal behind it, off the request path. It starts
   * only when no change is between its journal write and its memory update, so the snapshot's sequence number
   * covers exactly the records it holds; otherwise it is left for the next commit or rescan.
   */
  compact(): Promise<void> {
    if (this.compacting || this.inflight > 0 || this.pending === 0) return this.compacting ?? Promise.resolve();
    this.compacting = this.writeSnapshot().finally(() => (this.compacting = undefined));
    return this.compacting;
  }

  private async writeSnapshot(): Promise<void> {
    try {
      // The snapshot's sequence number must cover only records this replica has applied: read the others'
      // first, then take the cursor's tail (records in memory beyond it are replayed again on load, harmlessly).
      await this.sync();
      const seq = this.cursor.tail;
      const records = [...this.index.records()];
      this.pending = 0;
      // false means another replica's snapshot landed first, which is normal with several replicas.
      await this.journal.compact(records, seq, formatGoTime(this.index.lastChanged), this.options.journalRetentionMs, this.options.now());
    } catch (err) {
      this.options.log('Index compaction failed; the journal is kept', { tenant: this.folder, error: String(err) });
    }
  }

  /** True when no change is being written and no compaction is running. */
  isIdle(): boolean {
    return this.inflight === 0 && !this.compacting;
  }

  /** Waits for a running compaction (tests and shutdown). */
  async settle(): Promise<void> {
    await this.compacting;
  }
}
