import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChartRepository } from '../../src/repo/repository.js';
import type { ByteRange, PutCondition, StorageBackend } from '../../src/storage/backend.js';
import { MemoryStorage } from '../../src/storage/memory.js';
import { S3Storage } from '../../src/storage/s3.js';
import { buildChart } from '../helpers/charts.js';
import { SKIP_WITHOUT_MINIO, startMinio, type MinioServer } from '../helpers/minio.js';

/** Counts storage calls (each is one S3 request for the S3 backend, absent retries) by method. */
class CountingStorage implements StorageBackend {
  readonly description = 'counting';
  calls: Record<string, number> = {};
  constructor(private readonly inner: StorageBackend) {}
  private count(method: string): void {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
  }
  reset(): Record<string, number> {
    const calls = this.calls;
    this.calls = {};
    return calls;
  }
  list(folder: string) { this.count('list'); return this.inner.list(folder); }
  head(key: string) { this.count('head'); return this.inner.head(key); }
  get(key: string, range?: ByteRange) { this.count('get'); return this.inner.get(key, range); }
  getBytes(key: string) { this.count('get'); return this.inner.getBytes(key); }
  put(key: string, data: Buffer, condition?: PutCondition) { this.count('put'); return this.inner.put(key, data, condition); }
  delete(key: string) { this.count('delete'); return this.inner.delete(key); }
}

/**
 * The storage cost of each repository operation is O(1), whatever the index size: measured with 200 charts
 * already indexed, and the same counts are expected with any number.
 */
async function measure(inner: StorageBackend): Promise<Record<string, Record<string, number>>> {
  const storage = new CountingStorage(inner);
  const repo = new ChartRepository({ storage, allowOverwrite: false, disableForceOverwrite: false, maxStorageObjects: 0, perChartLimit: 0, chartUrl: '', contextPath: '' });
  for (let i = 0; i < 200; i += 1) await repo.uploadChart('', buildChart({ name: `c${i % 20}`, version: `1.0.${Math.floor(i / 20)}` }), false);
  storage.reset();
  const result: Record<string, Record<string, number>> = {};
  await repo.uploadChart('', buildChart({ name: 'new', version: '1.0.0' }), false);
  result.upload = storage.reset();
  await repo.indexDocument('');
  await repo.indexDocument('');
  result.indexReads = storage.reset();
  await repo.syncAll();
  result.syncWithNothingNew = storage.reset();
  await repo.deleteVersion('', 'new', '1.0.0');
  result.delete = storage.reset();
  await repo.uploadChart('', buildChart({ name: 'c0', version: '1.0.0' }), true);
  result.overwrite = storage.reset();
  return result;
}

const EXPECTED = {
  upload: { put: 2, head: 1 },
  indexReads: {},
  syncWithNothingNew: { get: 1 },
  delete: { delete: 2, put: 1, head: 1 },
  overwrite: { put: 2, head: 1 },
};

describe('storage requests per operation', () => {
  it('memory backend', async () => {
    expect(await measure(new MemoryStorage())).toEqual(EXPECTED);
  });

  describe.skipIf(SKIP_WITHOUT_MINIO)('S3 backend on MinIO', () => {
    let minio: MinioServer;
    beforeAll(async () => {
      minio = await startMinio();
      await minio.createBucket('counts');
    });
    afterAll(async () => minio?.cleanup());

    it('makes the same O(1) requests', async () => {
      const storage = new S3Storage({ bucket: 'counts', endpoint: minio.endpoint, credentials: minio.credentials });
      expect(await measure(storage)).toEqual(EXPECTED);
    });
  });
});
