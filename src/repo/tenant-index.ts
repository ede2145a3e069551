import { createHash } from 'node:crypto';
import type { ChartVersionRecord } from './chart-version.js';
import { formatGoTime, toChartVersionObject } from './chart-version.js';
import { chartBlock, chartHeader, compareYamlKeys, indexHead, indexTail, versionFragment } from './index-yaml.js';
import { compareVersionsDescending } from './versions.js';

/** A prepared index.yaml: the bytes and a strong ETag derived from them. */
export interface IndexDocument {
  body: Buffer;
  etag: string;
  generation: number;
}

/**
 * One tenant's index in memory. Each version's YAML fragment is rendered once, when the version is added;
 * the document is re-assembled from the cached fragments on the first read after a change (a concatenation,
 * no re-serialisation), and served from that buffer until the next change.
 */
export class TenantIndex {
  private readonly byName = new Map<string, ChartVersionRecord[]>();
  private readonly byFile = new Map<string, ChartVersionRecord>();
  private readonly fragments = new Map<string, string>();
  private readonly putOrder = new Map<string, number>();
  private puts = 0;
  private sortedNames: string[] = [];
  private document: IndexDocument | undefined;
  private generation = 0;
  private lastChange: Date;

  constructor(
    private readonly urlFor: (file: string) => string,
    private readonly contextPath: string,
    now: Date,
  ) {
    this.lastChange = now;
  }

  /** Number of chart versions. */
  get size(): number {
    return this.byFile.size;
  }

  /** Adds a version, or replaces the one stored under the same file name. */
  put(record: ChartVersionRecord, now: Date): void {
    this.removeQuietly(record.file);
    const { name } = record.metadata;
    let versions = this.byName.get(name);
    if (!versions) {
      versions = [];
      this.byName.set(name, versions);
      insertSorted(this.sortedNames, name, compareYamlKeys);
    }
    insertSorted(versions, record, (a, b) => compareVersionsDescending(a.metadata.version, b.metadata.version));
    this.byFile.set(record.file, record);
    this.putOrder.set(record.file, (this.puts += 1));
    this.fragments.set(record.file, versionFragment(toChartVersionObject(record, this.urlFor(record.file))));
    this.touch(now);
  }

  /** Removes the version stored under `file`; returns whether it was there. */
  remove(file: string, now: Date): boolean {
    const removed = this.removeQuietly(file);
    // Even a removal of something this replica never indexed is a change every replica applies, so all of
    // them move `generated` alike and serve identical bytes.
    this.touch(now);
    return removed;
  }

  /** Time of the latest change (the document's `generated`). */
  get lastChanged(): Date {
    return this.lastChange;
  }

  /**
   * Counts a change this replica decided not to apply (a journal record superseded by a later one for the
   * same file) towards `generated`, so that every replica's `generated` is the latest time of every record.
   */
  noteChangeAt(time: Date): void {
    if (time > this.lastChange) this.touch(time);
  }

  /** Restores the time of the latest change after a restart. */
  restoreLastChange(time: Date): void {
    this.lastChange = time;
    this.document = undefined;
  }

  /** The record stored under a file name. */
  byFileName(file: string): ChartVersionRecord | undefined {
    return this.byFile.get(file);
  }

  /** All versions of a chart, newest first (empty if unknown). */
  versions(name: string): readonly ChartVersionRecord[] {
    return this.byName.get(name) ?? [];
  }

  /** A chart's versions oldest first: by creation time, ties broken by the order they were added. */
  versionsByAge(name: string): ChartVersionRecord[] {
    const age = (r: ChartVersionRecord): [number, number] => [Date.parse(r.created), this.putOrder.get(r.file) ?? 0];
    return [...this.versions(name)].sort((a, b) => {
      const [ta, pa] = age(a);
      const [tb, pb] = age(b);
      return ta - tb || pa - pb;
    });
  }

  /** Chart names in index order. */
  names(): readonly string[] {
    return this.sortedNames;
  }

  /** Every record, in no particular order. */
  records(): IterableIterator<ChartVersionRecord> {
    return this.byFile.values();
  }

  /** The index.yaml document, assembled at most once per change. */
  indexDocument(): IndexDocument {
    if (!this.document) {
      const body = Buffer.from(this.assemble());
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      this.document = { body, etag, generation: this.generation };
    }
    return this.document;
  }

  private assemble(): string {
    const parts = [indexHead(this.sortedNames.length === 0)];
    for (const name of this.sortedNames) {
      const versions = this.byName.get(name) ?? [];
      const header = chartHeader(name);
      if (header === undefined) {
        parts.push(chartBlock(name, versions.map((r) => toChartVersionObject(r, this.urlFor(r.file)))));
        continue;
      }
      parts.push(header);
      for (const record of versions) parts.push(this.fragments.get(record.file) ?? '');
    }
    parts.push(indexTail(formatGoTime(this.lastChange), this.contextPath));
    return parts.join('');
  }

  private removeQuietly(file: string): boolean {
    const record = this.byFile.get(file);
    if (!record) return false;
    this.byFile.delete(file);
    this.putOrder.delete(file);
    this.fragments.delete(file);
    const { name } = record.metadata;
    const versions = this.byName.get(name) ?? [];
    versions.splice(versions.indexOf(record), 1);
    if (versions.length === 0) {
      this.byName.delete(name);
      this.sortedNames.splice(this.sortedNames.indexOf(name), 1);
    }
    return true;
  }

  private touch(now: Date): void {
    this.generation += 1;
    this.document = undefined;
    if (now > this.lastChange) this.lastChange = now;
  }
}

/** Inserts into an already sorted array at the position binary search finds. */
function insertSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(list[mid] as T, item) <= 0) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, item);
}
