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

  constructor(
    private readonly storage: StorageBackend,
    private readonly tenant: string,
  ) {}

  /** Reads the snapshot and replays the journal after it. Unreadable parts are skipped (the rescan repairs). */
  async load(): Promise<JournalState> {
    const snapshot = await this.readSnapshot();
    const records = new Map(snapshot.records.map((r) => [r.file, r] as const));
    const listing = await this.storage.list(joinKey(this.tenant, JOURNAL_FOLDER));
    const seqs = listing.objects
      .map((o) => parseJournalSeq(o.key.slice(o.key.lastIndexOf('/') + 1)))
      .filter((s): s is number => s !== undefined && s > snapshot.seq)
      .sort((a, b) => a - b);
    const ops = await Promise.all(seqs.map((seq) => this.readOp(seq)));
    let lastChange = snapshot.lastChange;
    for (const op of ops) {
      if (op?.op === 'put') records.set(op.record.file, op.record);
      else if (op?.op === 'remove') records.delete(op.file);
      if (op?.at && (!lastChange || Date.parse(op.at) > Date.parse(lastChange))) lastChange = op.at;
    }
    const seq = Math.max(snapshot.seq, seqs.at(-1) ?? 0);
    this.nextSeq = seq + 1;
    return { records, seq, pending: seqs.length, lastChange };
  }

  /** Persists one change; returns its sequence number. */
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

  /** Writes a snapshot of `records` at `seq`, then deletes the journal records it covers. */
  async compact(records: Iterable<ChartVersionRecord>, seq: number, lastChange: string): Promise<void> {
    const snapshot: Snapshot = { format: 1, seq, lastChange, records: [...records] };
    await this.storage.put(joinKey(this.tenant, SNAPSHOT_FILE), Buffer.from(JSON.stringify(snapshot)));
    const listing = await this.storage.list(joinKey(this.tenant, JOURNAL_FOLDER));
    const covered = listing.objects.filter((o) => (parseJournalSeq(o.key.slice(o.key.lastIndexOf('/') + 1)) ?? Infinity) <= seq);
    await Promise.all(covered.map((o) => this.storage.delete(o.key)));
  }

  private async readSnapshot(): Promise<Snapshot> {
    try {
      const { data } = await this.storage.getBytes(joinKey(this.tenant, SNAPSHOT_FILE));
      const parsed = JSON.parse(data.toString()) as Snapshot;
      if (parsed.format === 1 && Array.isArray(parsed.records)) return parsed;
    } catch (err) {
      if (!(err instanceof NotFoundError) && !(err instanceof SyntaxError)) throw err;
    }
    return { format: 1, seq: 0, records: [] };
  }

  private async readOp(seq: number): Promise<JournalOp | undefined> {
    try {
      const { data } = await this.storage.getBytes(journalKey(this.tenant, seq));
      return JSON.parse(data.toString()) as JournalOp;
    } catch (err) {
      if (err instanceof NotFoundError || err instanceof SyntaxError) return undefined;
      throw err;
    }
  }
}
