/**
 * The cluster's two queues: a FIFO work queue of (controller, key) pairs where a pair already waiting is
 * not queued twice (like client-go's workqueue), and a timer queue ordered by due time, then by the order
 * timers were set.
 */

/** A deduplicating FIFO of work items. */
export class WorkQueue<T> {
  private items: T[] = [];
  private head = 0;
  private readonly queued = new Set<string>();

  constructor(private readonly idOf: (item: T) => string) {}

  /** Adds `item` unless an equal one is already waiting. */
  add(item: T): void {
    const id = this.idOf(item);
    if (this.queued.has(id)) return;
    this.queued.add(id);
    this.items.push(item);
  }

  /** Removes and returns the oldest item, or undefined when empty. */
  take(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head++]!;
    this.queued.delete(this.idOf(item));
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** Number of waiting items. */
  get size(): number {
    return this.items.length - this.head;
  }
}

interface Timer {
  at: number;
  seq: number;
  id: string;
  fire: () => void;
}

/** A min-heap of timers; a timer with the same id and due time as a pending one is dropped. */
export class TimerQueue {
  private readonly heap: Timer[] = [];
  private readonly pending = new Set<string>();
  private seq = 0;

  /** Schedules `fire` at `at` (epoch ms). */
  schedule(at: number, id: string, fire: () => void): void {
    const dedupe = `${id}@${at}`;
    if (this.pending.has(dedupe)) return;
    this.pending.add(dedupe);
    this.heap.push({ at, seq: this.seq++, id: dedupe, fire });
    this.up(this.heap.length - 1);
  }

  /** The due time of the earliest timer, if any. */
  nextAt(): number | undefined {
    return this.heap[0]?.at;
  }

  /** Removes and returns every timer due exactly at the earliest due time, in the order they were set. */
  takeEarliest(): (() => void)[] {
    const at = this.nextAt();
    const out: (() => void)[] = [];
    while (this.heap.length > 0 && this.heap[0]!.at === at) {
      const t = this.pop();
      this.pending.delete(t.id);
      out.push(t.fire);
    }
    return out;
  }

  private pop(): Timer {
    const top = this.heap[0]!;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(this.heap[i]!, this.heap[p]!)) return;
      [this.heap[i], this.heap[p]] = [this.heap[p]!, this.heap[i]!];
      i = p;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.heap.length && this.less(this.heap[l]!, this.heap[m]!)) m = l;
      if (r < this.heap.length && this.less(this.heap[r]!, this.heap[m]!)) m = r;
      if (m === i) return;
      [this.heap[i], this.heap[m]] = [this.heap[m]!, this.heap[i]!];
      i = m;
    }
  }
}
