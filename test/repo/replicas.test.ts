import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ChartExistsError } from '../../src/repo/errors.js';
import { ChartRepository } from '../../src/repo/repository.js';
import type { StorageBackend } from '../../src/storage/backend.js';
import { LocalStorage } from '../../src/storage/local.js';
import { MemoryStorage } from '../../src/storage/memory.js';
import { buildChart } from '../helpers/charts.js';
import { tempDir } from '../helpers/server.js';

/**
 * Several repositories (replicas) over one storage: the in-process form of several Chartroom servers on one
 * bucket. Each replica applies its own writes at once and the others' when it syncs its journal cursor.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

/** A promise gate: `wait()` resolves once `open()` is called. */
class Gate {
  private release!: () => void;
  private readonly opened = new Promise<void>((r) => (this.release = r));
  open(): void {
    this.release();
  }
  wait(): Promise<void> {
    return this.opened;
  }
}

/** The storage, with writes to chosen keys held at a gate before they are made or before they are answered. */
function gated(storage: StorageBackend, gatesFor: (key: string) => { before?: Gate; after?: Gate }): StorageBackend {
  return new Proxy(storage, {
    get(target, property, receiver) {
      if (property !== 'put') return Reflect.get(target, property, receiver);
      return async (key: string, ...rest: unknown[]) => {
        const { before, after } = gatesFor(key);
        await before?.wait();
        const info = await (target.put as (...args: unknown[]) => Promise<unknown>).call(target, key, ...rest);
        await after?.wait();
        return info;
      };
    },
  });
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; !(await condition()); i += 1) {
    if (i > 500) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 2));
  }
}

function replicaOptions(compactEvery = 1000, journalRetentionMs = 600_000, staleAfterMs = 60_000) {
  return {
    allowOverwrite: false, disableForceOverwrite: false, maxStorageObjects: 0, perChartLimit: 0,
    chartUrl: '', contextPath: '', compactEvery, journalRetentionMs, staleAfterMs,
  };
}

function replica(storage: StorageBackend, compactEvery = 1000, journalRetentionMs = 600_000, staleAfterMs = 60_000): ChartRepository {
  return new ChartRepository({ ...replicaOptions(compactEvery, journalRetentionMs, staleAfterMs), storage });
}

async function entries(repo: ChartRepository): Promise<Record<string, { version: string; digest: string; urls: string[] }[]>> {
  return YAML.parse((await repo.indexDocument('')).body.toString()).entries;
}

async function storedDigests(storage: StorageBackend): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  for (const object of (await storage.list('')).objects) {
    if (!object.key.endsWith('.tgz')) continue;
    digests.set(object.key, createHash('sha256').update((await storage.getBytes(object.key)).data).digest('hex'));
  }
  return digests;
}

describe.each(['memory', 'local'])('replicas sharing %s storage', (kind) => {
  async function shared(): Promise<StorageBackend> {
    if (kind === 'memory') return new MemoryStorage();
    const dir = await tempDir('chartroom-replicas-');
    cleanups.push(dir.cleanup);
    return new LocalStorage(dir.path);
  }

  it('converge on identical index bytes after concurrent uploads, same-version races and deletes', async () => {
    const storage = await shared();
    const replicas = [replica(storage, 7), replica(storage, 7), replica(storage, 7)];
    await Promise.all(replicas.map((r) => r.tenant('')));
    const uploads = Array.from({ length: 60 }, (_, i) =>
      (replicas[i % 3] as ChartRepository).uploadChart('', buildChart({ name: `c${i % 10}`, version: `1.${Math.floor(i / 10)}.0` }), false),
    );
    const races = Array.from({ length: 9 }, (_, i) =>
      (replicas[i % 3] as ChartRepository).uploadChart('', buildChart({ name: 'race', version: '1.0.0', chart: { description: `r${i}` } }), false),
    );
    const results = await Promise.allSettled([...uploads, ...races]);
    expect(results.slice(0, 60).every((r) => r.status === 'fulfilled')).toBe(true);
    const raceResults = results.slice(60);
    expect(raceResults.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(raceResults.filter((r) => r.status === 'rejected' && r.reason instanceof ChartExistsError)).toHaveLength(8);
    await Promise.all(Array.from({ length: 10 }, (_, i) => (replicas[(i + 1) % 3] as ChartRepository).deleteVersion('', `c${i}`, '1.0.0')));

    for (let round = 0; round < 2; round += 1) await Promise.all(replicas.map((r) => r.syncAll()));
    const documents = await Promise.all(replicas.map(async (r) => (await r.indexDocument('')).body.toString()));
    expect(documents[1]).toBe(documents[0]);
    expect(documents[2]).toBe(documents[0]);

    const indexed = Object.values(await entries(replicas[0] as ChartRepository)).flat();
    const stored = await storedDigests(storage);
    expect(indexed).toHaveLength(51);
    expect(new Map(indexed.map((e) => [(e.urls[0] as string).slice('charts/'.length), e.digest]))).toEqual(stored);
  });

  it('gives read-your-writes on the replica that answered and shows the change elsewhere after one sync', async () => {
    const storage = await shared();
    const [a, b] = [replica(storage), replica(storage)];
    await Promise.all([a.tenant(''), b.tenant('')]);
    await a.uploadChart('', buildChart({ name: 'fresh', version: '1.0.0' }), false);
    expect((await entries(a)).fresh).toHaveLength(1);
    expect((await entries(b)).fresh).toBeUndefined();
    await b.syncAll();
    expect((await entries(b)).fresh).toHaveLength(1);
    await b.deleteVersion('', 'fresh', '1.0.0');
    await a.syncAll();
    expect(await entries(a)).toEqual({});
  });

  it('keeps the highest journal record per file when replicas overwrite the same version', async () => {
    const storage = await shared();
    const [a, b] = [replica(storage), replica(storage)];
    await Promise.all([a.tenant(''), b.tenant('')]);
    const versions = Array.from({ length: 8 }, (_, i) => buildChart({ name: 'same', version: '1.0.0', chart: { description: `v${i}` } }));
    await Promise.all(versions.map((chart, i) => (i % 2 ? a : b).uploadChart('', chart, true)));
    for (let round = 0; round < 2; round += 1) await Promise.all([a.syncAll(), b.syncAll()]);
    const stored = (await storedDigests(storage)).get('same-1.0.0.tgz');
    expect((await entries(a)).same?.[0]?.digest).toBe(stored);
    expect((await entries(b)).same?.[0]?.digest).toBe(stored);
  });

  it('serve the same `generated` when a replica skips an older record for a file it has since rewritten', async () => {
    const storage = await shared();
    let time = Date.parse('2026-01-01T00:00:00Z');
    const clockA = () => new Date(time);
    const clockB = () => new Date(time + 10_000); // b's clock runs ahead: its record is newer in time, older in sequence
    const a = new ChartRepository({ ...replicaOptions(), storage, now: clockA });
    const b = new ChartRepository({ ...replicaOptions(), storage, now: clockB });
    await Promise.all([a.tenant(''), b.tenant('')]);
    await b.uploadChart('', buildChart({ name: 'same', version: '1.0.0', chart: { description: 'from b' } }), true);
    await a.uploadChart('', buildChart({ name: 'same', version: '1.0.0', chart: { description: 'from a' } }), true);
    time += 1_000;
    for (let round = 0; round < 2; round += 1) await Promise.all([a.syncAll(), b.syncAll()]);
    const [docA, docB] = await Promise.all([a, b].map(async (r) => (await r.indexDocument('')).body.toString()));
    expect(YAML.parse(docA).entries.same[0].description).toBe('from a');
    expect(docA).toBe(docB);
  });

  it('keep the newest record when another replica\'s record for the same file is applied while their own journal write is in flight', async () => {
    const storage = await shared();
    const holdBefore = new Gate();
    const holdAfter = new Gate();
    // a's journal write waits before it is made; c's is made at once but its answer is held back.
    const a = new ChartRepository({ ...replicaOptions(), storage: gated(storage, (key) => key.includes('/journal/') ? { before: holdBefore } : {}) });
    const c = new ChartRepository({ ...replicaOptions(), storage: gated(storage, (key) => key.includes('/journal/') ? { after: holdAfter } : {}) });
    await Promise.all([a.tenant(''), c.tenant('')]);
    const journalSize = async () => (await storage.list('.chartroom/journal')).objects.length;

    const upload = a.uploadChart('', buildChart({ name: 'late', version: '1.0.0' }), false);
    await until(async () => (await storage.list('')).objects.some((o) => o.key === 'late-1.0.0.tgz'));
    const rescan = c.rescanAll(); // finds the archive a has not journaled yet, and journals it itself
    await until(async () => (await journalSize()) === 1);
    holdBefore.open(); // a's record lands after c's
    await upload;
    await c.syncAll(); // c reads its own record (as anyone else's) and then a's newer one
    holdAfter.open();
    await rescan;
    for (let round = 0; round < 2; round += 1) await Promise.all([a.syncAll(), c.syncAll()]);
    const [docA, docC] = await Promise.all([a, c].map(async (r) => (await r.indexDocument('')).body.toString()));
    expect(docC).toBe(docA);
  });

  it('lets a replica that missed compacted records reload, and a new replica start from the snapshot', async () => {
    const storage = await shared();
    // No retention and a replica that always re-syncs before writing: the worst case for a stale counter.
    const [a, b] = [replica(storage, 3, 0, 0), replica(storage, 3, 0, 0)];
    await Promise.all([a.tenant(''), b.tenant('')]);
    for (let i = 0; i < 12; i += 1) await a.uploadChart('', buildChart({ name: 'k', version: `1.0.${i}` }), false);
    await a.settle();
    await (await a.tenant('')).compact();
    await b.uploadChart('', buildChart({ name: 'k', version: '2.0.0' }), false);
    for (let round = 0; round < 12; round += 1) await b.syncAll();
    await a.syncAll();
    expect((await storage.list('.chartroom/journal')).objects.length).toBeLessThan(13);
    expect((await entries(b)).k).toHaveLength(13);
    expect((await entries(a)).k).toHaveLength(13);
    const late = replica(storage);
    expect((await entries(late)).k?.map((v) => v.version)).toEqual((await entries(a)).k?.map((v) => v.version));
  });
});
