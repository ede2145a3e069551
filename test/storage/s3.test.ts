import { text } from 'node:stream/consumers';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, StorageError, StorageUnavailableError } from '../../src/storage/errors.js';
import { S3Storage, type S3StorageOptions } from '../../src/storage/s3.js';
import { SKIP_WITHOUT_MINIO, startMinio, type MinioServer } from '../helpers/minio.js';
import { storageContract } from './contract.js';

/**
 * The S3 backend against a real MinIO (built by scripts/install-test-peers.sh): the shared contract with and
 * without a bucket prefix, S3-specific listing and encryption, and faults (MinIO stopped, MinIO frozen).
 */
describe.skipIf(SKIP_WITHOUT_MINIO)('S3 storage on MinIO', () => {
  let minio: MinioServer;
  let buckets = 0;
  const opened: S3Storage[] = [];

  beforeAll(async () => {
    minio = await startMinio({ kms: true });
  });
  afterAll(async () => {
    for (const storage of opened) storage.destroy();
    await minio?.cleanup();
  });

  /** A backend on a fresh bucket. */
  const open = async (options: Partial<S3StorageOptions> = {}): Promise<{ storage: S3Storage; bucket: string }> => {
    const bucket = `chartroom-${++buckets}`;
    await minio.createBucket(bucket);
    const storage = new S3Storage({ bucket, endpoint: minio.endpoint, credentials: minio.credentials, ...options });
    opened.push(storage);
    return { storage, bucket };
  };
  const rawPut = (bucket: string, key: string) => minio.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.from(key) }));

  storageContract('s3 (MinIO) with a bucket prefix', async () => {
    const { storage, bucket } = await open({ prefix: '/charts/team/' });
    // Decoys beside the prefix: none of them may appear in any listing of the backend.
    for (const decoy of ['charts/team-other/leak.tgz', 'charts/teamx.tgz', 'charts/top.tgz', 'outside.tgz', 'charts/team.tgz']) await rawPut(bucket, decoy);
    return { storage, cleanup: async () => storage.destroy() };
  });

  storageContract('s3 (MinIO) at the bucket root', async () => {
    const { storage } = await open();
    return { storage, cleanup: async () => storage.destroy() };
  });

  it('stores keys under the prefix and pages through listings with continuation tokens', async () => {
    const { storage, bucket } = await open({ prefix: 'p', listPageSize: 7 });
    const names = Array.from({ length: 30 }, (_, i) => `t/c${String(i).padStart(2, '0')}.tgz`);
    for (const key of names) await storage.put(key, Buffer.from(key));
    for (let i = 0; i < 10; i += 1) await storage.put(`t/f${i}/x.tgz`, Buffer.from('x'));
    await rawPut(bucket, 'p/t/'); // a console-made folder marker is not an object
    const listing = await storage.list('t');
    expect(listing.objects.map((o) => o.key)).toEqual(names);
    expect(listing.folders).toEqual(Array.from({ length: 10 }, (_, i) => `f${i}`));
    const raw = await minio.client.send(new HeadObjectCommand({ Bucket: bucket, Key: 'p/t/c00.tgz' }));
    expect(raw.ETag).toBe(listing.objects[0]?.etag);
  });

  it('reports the same size, whole-second time and ETag from put, list, head and ranged get', async () => {
    const { storage } = await open();
    const put = await storage.put('a/x.tgz', Buffer.from('0123456789'));
    const [listed] = (await storage.list('a')).objects;
    const head = await storage.head('a/x.tgz');
    const ranged = await storage.get('a/x.tgz', { start: 3, end: 4 });
    expect(await text(ranged.body)).toBe('34');
    for (const info of [listed, head, ranged.info]) {
      expect(info).toMatchObject({ key: 'a/x.tgz', size: 10, etag: put.etag });
      expect(info?.lastModified.getMilliseconds()).toBe(0);
    }
    expect(listed?.lastModified.getTime()).toBe(head.lastModified.getTime());
  });

  it('sends --storage-amazon-sse on every PUT', async () => {
    const { storage, bucket } = await open({ prefix: 'enc', serverSideEncryption: 'AES256' });
    await storage.put('secret.tgz', Buffer.from('plain'));
    await storage.put('secret.tgz', Buffer.from('plain2'), { ifMatch: (await storage.head('secret.tgz')).etag });
    const raw = await minio.client.send(new HeadObjectCommand({ Bucket: bucket, Key: 'enc/secret.tgz' }));
    expect(raw.ServerSideEncryption).toBe('AES256');
    expect((await storage.getBytes('secret.tgz')).data.toString()).toBe('plain2');
  });

  it('reports a missing bucket as unavailable and bad credentials as a plain storage error', async () => {
    const missing = new S3Storage({ bucket: 'no-such-bucket', endpoint: minio.endpoint, credentials: minio.credentials });
    const wrongKey = new S3Storage({ bucket: 'chartroom-1', endpoint: minio.endpoint, credentials: { accessKeyId: 'nobody', secretAccessKey: 'wrong-secret' } });
    opened.push(missing, wrongKey);
    await expect(missing.list('')).rejects.toThrow('storage unavailable: S3 ListObjectsV2 failed: the bucket does not exist');
    await expect(missing.put('x.tgz', Buffer.from('x'))).rejects.toBeInstanceOf(StorageUnavailableError);
    const denied = await wrongKey.list('').catch((err: unknown) => err);
    expect(denied).toBeInstanceOf(StorageError);
    expect(denied).not.toBeInstanceOf(StorageUnavailableError);
    expect((denied as Error).message).toContain('InvalidAccessKeyId');
  });

  describe('faults', () => {
    it('fails fast with StorageUnavailableError while MinIO is down and recovers without a new client', async () => {
      const { storage } = await open({ prefix: 'fault' });
      await storage.put('t/a.tgz', Buffer.from('a'));
      await minio.stop();
      try {
        for (const call of [() => storage.list('t'), () => storage.head('t/a.tgz'), () => storage.getBytes('t/a.tgz'), () => storage.put('t/b.tgz', Buffer.from('b'), { ifNoneMatch: '*' }), () => storage.delete('t/a.tgz')]) {
          const started = Date.now();
          const err = await call().then(() => undefined, (e: unknown) => e);
          expect(err).toBeInstanceOf(StorageUnavailableError);
          expect((err as Error).message).toMatch(/^storage unavailable: S3 \w+ failed after 3 attempts: connection refused$/);
          // Connection refused is not worth waiting for: three attempts with sub-second backoff.
          expect(Date.now() - started).toBeLessThan(3_000);
        }
      } finally {
        await minio.restart();
      }
      expect((await storage.getBytes('t/a.tgz')).data.toString()).toBe('a');
      await storage.put('t/b.tgz', Buffer.from('b'), { ifNoneMatch: '*' });
      expect((await storage.list('t')).objects.map((o) => o.key)).toEqual(['t/a.tgz', 't/b.tgz']);
    });

    it('times out each attempt when MinIO accepts connections but never answers, then recovers', async () => {
      const { storage } = await open({ prefix: 'hang', connectionTimeoutMs: 500, requestTimeoutMs: 800, maxAttempts: 2 });
      await storage.put('t/a.tgz', Buffer.from('a'));
      minio.freeze();
      try {
        for (const call of [() => storage.list('t'), () => storage.put('t/b.tgz', Buffer.from('b'))]) {
          const started = Date.now();
          const err = await call().then(() => undefined, (e: unknown) => e);
          const elapsed = Date.now() - started;
          expect(err).toBeInstanceOf(StorageUnavailableError);
          expect((err as Error).message).toMatch(/failed after 2 attempts: timed out$/);
          // Two attempts of 0.8 s plus backoff: the bound is the configuration, not the server.
          expect(elapsed).toBeGreaterThanOrEqual(1_500);
          expect(elapsed).toBeLessThan(4_000);
        }
      } finally {
        minio.thaw();
      }
      await expect(storage.head('t/missing.tgz')).rejects.toBeInstanceOf(NotFoundError);
      expect((await storage.getBytes('t/a.tgz')).data.toString()).toBe('a');
    });
  });
});
