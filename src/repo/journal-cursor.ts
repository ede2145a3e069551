/**
 * Where this process stands in a tenant's shared journal. Several replicas append to one journal (each record
 * created with If-None-Match, so sequence numbers are unique and dense); each replica applies its own changes
 * at once and the others' by reading the journal forward from `tail`. Two rules keep every replica's index
 * identical once it has read the same records:
 *
 * - records are read in sequence order, and a replica's own records are skipped (already applied);
 * - per file, a record applies only if its sequence number is above the last one applied for that file,
 *   so a late-read older record never undoes a newer one (the highest sequence number wins everywhere).
 *
 *   journal:   5 put a   6 put b (own)   7 remove a   8 put a (own)
 *   tail=4 → read 5 (apply) → skip 6 → read 7 (apply: 7 > 5) → skip 8 → tail=8
 */
export class JournalCursor {
  private readonly own = new Set<number>();
  private readonly fileSeq = new Map<string, number>();

  constructor(private tailSeq: number) {}

  /** Every record up to and including this sequence number has been applied. */
  get tail(): number {
    return this.tailSeq;
  }

  /** The next sequence number to read, after skipping this process's own records. */
  next(): number {
    while (this.own.delete(this.tailSeq + 1)) this.tailSeq += 1;
    for (const seq of this.own) if (seq <= this.tailSeq) this.own.delete(seq);
    return this.tailSeq + 1;
  }

  /** True if this process wrote a record beyond a missing one: the gap was compacted away. */
  hasOwnBeyondTail(): boolean {
    for (const seq of this.own) if (seq > this.tailSeq + 1) return true;
    return false;
  }

  /** Records a change this process wrote and applied itself. */
  recordOwn(seq: number, file: string): void {
    if (seq > this.tailSeq) this.own.add(seq);
    this.fileSeq.set(file, Math.max(seq, this.fileSeq.get(file) ?? 0));
  }

  /** Whether another replica's record `seq` for `file` should change this replica's index. */
  shouldApply(seq: number, file: string): boolean {
    return seq > (this.fileSeq.get(file) ?? 0);
  }

  /** Marks record `seq` (for `file`) as read; call after applying it, or deciding not to. */
  markRead(seq: number, file: string): void {
    this.tailSeq = Math.max(this.tailSeq, seq);
    this.fileSeq.set(file, Math.max(seq, this.fileSeq.get(file) ?? 0));
  }

  /** After reloading the whole state at `seq`: everything up to it counts as applied, for every file. */
  reset(seq: number, files: Iterable<string>): void {
    this.tailSeq = Math.max(this.tailSeq, seq);
    for (const file of files) this.fileSeq.set(file, Math.max(seq, this.fileSeq.get(file) ?? 0));
    this.next();
  }
}
