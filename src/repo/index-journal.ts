import type { StorageBackend } from '../storage/backend.js';
import { NotFoundError, PreconditionFailedError } from '../storage/errors.js';
import { JOURNAL_FOLDER, SNAPSHOT_FILE, joinKey, journalKey, parseJournalSeq } from '../storage/keys.js';
import type { ChartVersionRecord } from './chart-version.js';

/** One change to a tenant's index. */
export type JournalOp = ({ op: 'put'; record: ChartVersionRecord } | { op: 'remove'; file: string }) & {
  /** RFC 3339 time of the change; the index's `generated` is the latest of these. */
  at: string;
};

/** What `load` recovers: the records in effect and the last sequence number applied. */
export interface JournalState {
  records: Map<string, ChartVersionRecord>;
  seq: number;
  /** Journal records written since the snapshot (a compaction is due when this grows). */
  pending: number;
  /** Time of the latest change, if any was recorded. */
  lastChange?: string;
}

interface Snapshot {
  format: 1;
  seq: number;
  lastChange?: string;
  records: ChartVersionRecord[];
}

/**
 * The persisted form of a tenant's index: a snapshot plus a journal of single-change records, each its own
 * object created with `If-None-Match: *`. An upload or delete writes exactly one small journal object, so
 * persisting costs O(1) regardless of index size; the snapshot (O(N)) is rewritten only by `compact`, off
 * the request path, every `compactEvery` changes. Conditional creation gives every change a unique sequence
 * number even with several writers on one bucket.
 *
 * Crash safety: each object is written atomically, so a crash leaves either a complete record or none.
 * Records the crash prevented are recovered by the storage rescan (the archive is the source of truth).
 */
export class IndexJournal {
  private nextSeq = 1;
  /** ETag of the snapshot as last read or written here ('' if there was none): compaction is conditional on it. */
  private snapshotEtag = '';

  constructor(
    private readonly storage: StorageBackend,
    private readonly tenant: string,
  ) {}

  /**
   * Reads the snapshot and replays the journal after it. Unreadable records are skipped (the rescan repairs).
   * If another writer compacts while this runs (the snapshot changes, or a listed record vanishes), the read
   * starts over, so the result never misses records that moved into a newer snapshot.
   */
  async load(): Promise<JournalState> {
    for (let attempt = 1; ; attempt += 1) {
      const state = await this.loadOnce();
      if (state || attempt >= 5) return state ?? (await this.loadOnce(true)) as JournalState;
    }
  }

  private async loadOnce(acceptTorn = false): Promise<JournalState | undefined> {
    const snapshot = await this.readSnapshot();
    const records = new Map(snapshot.records.map((r) => [r.file, r] as const));
    const listing = await this.storage.list(joinKey(this.tenant, JOURNAL_FOLDER));
    const seqs = listing.objects
      .map((o) => parseJournalSeq(o.key.slice(o.key.lastIndexOf('/') + 1)))
      .filter((s): s is number => s !== undefined && s > snapshot.seq)
      .sort((a, b) => a - b);
    const ops = await Promise.all(seqs.map((seq) => this.readOp(seq)));
    if (!acceptTorn && (ops.includes(undefined) || (await this.snapshotChanged()))) return undefined;
    let lastChange = snapshot.lastChange;
    for (const op of ops) {
      if (op?.op === 'put') records.set(op.record.file, op.record);
      else if (op?.op === 'remove') records.delete(op.file);
      if (op?.at && (!lastChange || Date.parse(op.at) > Date.parse(lastChange))) lastChange = op.at;
    }
    const seq = Math.max(snapshot.seq, seqs.at(-1) ?? 0);
    this.nextSeq = Math.max(this.nextSeq, seq + 1);
    return { records, seq, pending: seqs.length, lastChange };
  }

  /** Persists one change; returns its sequence number (never one another writer already took). */
  async append(op: JournalOp): Promise<number> {
    const body = Buffer.from(JSON.stringify(op));
    for (;;) {
      const seq = this.nextSeq++;
      try {
        await this.storage.put(journalKey(this.tenant, seq), body, { ifNoneMatch: '*' });
        return seq;
      } catch (err) {
        // Another writer took this number: move past it.
        if (!(err instanceof PreconditionFailedError)) throw err;
      }
    }
  }

  /**
   * Writes a snapshot of `records` at `seq`, then deletes the journal records it covers. The write is
   * conditional on the snapshot this process last saw, so when replicas compact at once only one snapshot
   * lands (an older one can never overwrite a newer one and lose the journal records it deleted); the
   * others return false and leave the journal alone.
   */
  async compact(records: Iterable<ChartVersionRecord>, seq: number, lastChange: string, retentionMs: number, now: Date): Promise<boolean> {
    const snapshot: Snapshot = { format: 1, seq, lastChange, records: [...records] };
    const condition = this.snapshotEtag ? { ifMatch: this.snapshotEtag } : { ifNoneMatch: '*' as const };
    try {
      const info = await this.storage.put(joinKey(this.tenant, SNAPSHOT_FILE), Buffer.from(JSON.stringify(snapshot)), condition);
      this.snapshotEtag = info.etag;
    } catch (err) {
      if (err instanceof PreconditionFailedError) return false;
      throw err;
    }
    const listing = await this.storage.list(joinKey(this.tenant, JOURNAL_FOLDER));
    // Covered records are kept for `retentionMs` after they were written: a replica that is behind by less
    // than that reads them instead of reloading, and sequence numbers are never free for reuse while any
    // replica could still hold a stale counter (appenders re-sync when their last sync is older than that).
    const cutoff = now.getTime() - retentionMs;
    const covered = listing.objects.filter(
      (o) => (parseJournalSeq(o.key.slice(o.key.lastIndexOf('/') + 1)) ?? Infinity) <= seq && o.lastModified.getTime() <= cutoff,
    );
    await Promise.all(covered.map((o) => this.storage.delete(o.key)));
    return true;
  }

  /** True if another writer replaced the snapshot since this process last read or wrote it (one HEAD). */
  async snapshotChanged(): Promise<boolean> {
    try {
      return (await this.storage.head(joinKey(this.tenant, SNAPSHOT_FILE))).etag !== this.snapshotEtag;
    } catch (err) {
      if (err instanceof NotFoundError) return this.snapshotEtag !== '';
      throw err;
    }
  }

  private async readSnapshot(): Promise<Snapshot> {
    this.snapshotEtag = '';
    try {
      const { data, info } = await this.storage.getBytes(joinKey(this.tenant, SNAPSHOT_FILE));
      this.snapshotEtag = info.etag;
      const parsed = JSON.parse(data.toString()) as Snapshot;
      if (parsed.format === 1 && Array.isArray(parsed.records)) return parsed;
    } catch (err) {
      if (!(err instanceof NotFoundError) && !(err instanceof SyntaxError)) throw err;
    }
    return { format: 1, seq: 0, records: [] };
  }

  /** Notes that record `seq` exists (written by another replica), so appends start past it. */
  noteSeen(seq: number): void {
    this.nextSeq = Math.max(this.nextSeq, seq + 1);
  }

  /** Reads journal record `seq`, or undefined if it does not exist (not written yet, or compacted away). */
  async readOp(seq: number): Promise<JournalOp | undefined> {
    try {
      const { data } = await this.storage.getBytes(journalKey(this.tenant, seq));
      return JSON.parse(data.toString()) as JournalOp;
    } catch (err) {
      if (err instanceof NotFoundError || err instanceof SyntaxError) return undefined;
      throw err;
    }
  }
}
