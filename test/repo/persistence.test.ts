import { copyFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ChartRepository } from '../../src/repo/repository.js';
import { LocalStorage } from '../../src/storage/local.js';
import { buildChart } from '../helpers/charts.js';
import { tempDir } from '../helpers/server.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

/** Local storage that counts archive reads, to prove a restart does not open archives. */
class CountingStorage extends LocalStorage {
  archiveReads = 0;
  override getBytes(key: string) {
    if (key.endsWith('.tgz')) this.archiveReads += 1;
    return super.getBytes(key);
  }
}

function repository(root: string, compactEvery = 1000, storage = new LocalStorage(root)): ChartRepository {
  return new ChartRepository({
    storage, allowOverwrite: false, disableForceOverwrite: false,
    maxStorageObjects: 0, perChartLimit: 0, chartUrl: '', contextPath: '', compactEvery, journalRetentionMs: 0,
  });
}

async function indexOf(repo: ChartRepository, tenant = ''): Promise<Record<string, { version: string }[]>> {
  return YAML.parse((await repo.indexDocument(tenant)).body.toString()).entries;
}

describe('index persistence', () => {
  it('restores the same index bytes after a restart, without reading archives', async () => {
    const dir = await tempDir();
    cleanups.push(dir.cleanup);
    const first = repository(dir.path);
    for (let i = 0; i < 5; i += 1) await first.uploadChart('', buildChart({ name: `c${i}`, version: '1.0.0' }), false);
    await first.deleteVersion('', 'c3', '1.0.0');
    const before = (await first.indexDocument('')).body.toString();
    const counting = new CountingStorage(dir.path);
    const second = repository(dir.path, 1000, counting);
    const after = (await second.indexDocument('')).body.toString();
    expect(after).toBe(before);
    expect(counting.archiveReads).toBe(0);
    expect(Object.keys(await indexOf(second))).toEqual(['c0', 'c1', 'c2', 'c4']);
  });

  it('compacts the journal into a snapshot and still restores exactly', async () => {
    const dir = await tempDir();
    cleanups.push(dir.cleanup);
    const first = repository(dir.path, 3);
    for (let i = 0; i < 7; i += 1) await first.uploadChart('', buildChart({ name: 'c', version: `1.0.${i}` }), false);
    await first.settle();
    await (await first.tenant('')).compact();
    const journal = await readdir(join(dir.path, '.chartroom', 'journal'));
    expect(journal.length).toBeLessThan(3);
    const restored = repository(dir.path);
    expect((await indexOf(restored)).c?.map((v) => v.version)).toEqual(['1.0.6', '1.0.5', '1.0.4', '1.0.3', '1.0.2', '1.0.1', '1.0.0']);
  });

  it('picks up charts copied in or removed by hand on rescan and on restart, skipping broken files', async () => {
    const dir = await tempDir();
    cleanups.push(dir.cleanup);
    const repo = repository(dir.path);
    await repo.uploadChart('', buildChart({ name: 'kept', version: '1.0.0' }), false);
    await writeFile(join(dir.path, 'manual-2.0.0.tgz'), buildChart({ name: 'manual', version: '2.0.0' }));
    await writeFile(join(dir.path, 'brokenchart.tgz'), Buffer.alloc(0));
    expect(Object.keys(await indexOf(repo))).toEqual(['kept']);
    await repo.rescanAll();
    expect(Object.keys(await indexOf(repo))).toEqual(['kept', 'manual']);
    await rm(join(dir.path, 'kept-1.0.0.tgz'));
    await repo.rescanAll();
    expect(Object.keys(await indexOf(repo))).toEqual(['manual']);
    await copyFile(join(dir.path, 'manual-2.0.0.tgz'), join(dir.path, 'copy.tgz'));
    const restarted = repository(dir.path);
    expect(Object.keys(await indexOf(restarted))).toEqual(['manual']);
    await rm(join(dir.path, 'manual-2.0.0.tgz'));
    const again = repository(dir.path);
    expect((await indexOf(again)).manual?.map((v) => v.version)).toEqual(['2.0.0']);
  });

  it('accepts the retry of an upload whose archive was stored but never indexed, and refuses different bytes', async () => {
    const dir = await tempDir();
    cleanups.push(dir.cleanup);
    const repo = repository(dir.path);
    await repo.tenant('');
    const chart = buildChart({ name: 'retry', version: '1.0.0' });
    // The archive landed, then the journal write failed (an outage): nothing indexes it yet.
    await new LocalStorage(dir.path).put('retry-1.0.0.tgz', chart);
    await repo.uploadChart('', chart, false);
    expect((await indexOf(repo)).retry).toHaveLength(1);
    await expect(repo.uploadChart('', chart, false)).rejects.toThrow('file already exists');
    await new LocalStorage(dir.path).put('other-1.0.0.tgz', buildChart({ name: 'other', version: '1.0.0', chart: { description: 'a' } }));
    await expect(repo.uploadChart('', buildChart({ name: 'other', version: '1.0.0', chart: { description: 'b' } }), false)).rejects.toThrow('file already exists');
  });

  it('reads and reports a broken archive once, until it changes', async () => {
    const dir = await tempDir();
    cleanups.push(dir.cleanup);
    const messages: string[] = [];
    const storage = new CountingStorage(dir.path);
    const repo = new ChartRepository({
      storage, allowOverwrite: false, disableForceOverwrite: false, maxStorageObjects: 0, perChartLimit: 0,
      chartUrl: '', contextPath: '', log: (message) => messages.push(message),
    });
    await writeFile(join(dir.path, 'broken.tgz'), 'not gzip');
    await repo.tenant('');
    await repo.rescanAll();
    await repo.rescanAll();
    expect(messages).toEqual(['Invalid package in storage']);
    expect(storage.archiveReads).toBe(1);
    await writeFile(join(dir.path, 'broken.tgz'), buildChart({ name: 'fixed', version: '1.0.0' }));
    await repo.rescanAll();
    expect(Object.keys(await indexOf(repo))).toEqual(['fixed']);
  });

  it('re-indexes an archive replaced in place (new digest)', async () => {
    const dir = await tempDir();
    cleanups.push(dir.cleanup);
    const repo = repository(dir.path);
    await repo.uploadChart('', buildChart({ name: 'a', version: '1.0.0', chart: { description: 'old' } }), false);
    await writeFile(join(dir.path, 'a-1.0.0.tgz'), buildChart({ name: 'a', version: '1.0.0', chart: { description: 'new' } }));
    await repo.rescanAll();
    expect((await indexOf(repo)).a).toEqual([expect.objectContaining({ description: 'new' })]);
  });

  it('recovers an archive whose journal record a crash prevented', async () => {
    const dir = await tempDir();
    cleanups.push(dir.cleanup);
    const repo = repository(dir.path);
    await repo.uploadChart('', buildChart({ name: 'a', version: '1.0.0' }), false);
    // Simulate "archive written, then killed before the journal append".
    await new LocalStorage(dir.path).put('b-1.0.0.tgz', buildChart({ name: 'b', version: '1.0.0' }));
    const restarted = repository(dir.path);
    expect(Object.keys(await indexOf(restarted))).toEqual(['a', 'b']);
  });
});
