import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import type { StorageBackend } from '../../src/storage/backend.js';
import { InvalidKeyError, NotFoundError, PreconditionFailedError } from '../../src/storage/errors.js';

/**
 * The storage contract every backend must pass: memory, local disk and (issue #3) S3 run this same suite.
 * `make` returns a fresh, empty backend and a cleanup.
 */
export function storageContract(name: string, make: () => Promise<{ storage: StorageBackend; cleanup: () => Promise<void> }>): void {
  describe(`storage contract: ${name}`, () => {
    const withStorage = (fn: (s: StorageBackend) => Promise<void>) => async () => {
      const { storage, cleanup } = await make();
      try {
        await fn(storage);
      } finally {
        await cleanup();
      }
    };

    it('puts, heads, gets and lists objects as direct children only', withStorage(async (s) => {
      const info = await s.put('t/a.tgz', Buffer.from('hello'));
      expect(info).toMatchObject({ key: 't/a.tgz', size: 5 });
      expect(info.etag).toMatch(/^".+"$/);
      await s.put('t/b.tgz', Buffer.from('world!'));
      await s.put('t/sub/c.tgz', Buffer.from('nested'));
      await s.put('top.tgz', Buffer.from('root'));
      expect((await s.head('t/a.tgz')).etag).toBe(info.etag);
      expect((await s.getBytes('t/b.tgz')).data.toString()).toBe('world!');
      expect(await text((await s.get('t/a.tgz')).body)).toBe('hello');
      const listing = await s.list('t');
      expect(listing.objects.map((o) => o.key)).toEqual(['t/a.tgz', 't/b.tgz']);
      expect(listing.folders).toEqual(['sub']);
      const root = await s.list('');
      expect(root.objects.map((o) => o.key)).toEqual(['top.tgz']);
      expect(root.folders).toEqual(['t']);
    }));

    it('does not leak a sibling folder that shares a name prefix', withStorage(async (s) => {
      await s.put('abc/x.tgz', Buffer.from('1'));
      await s.put('abc-def-1.1.1.tgz', Buffer.from('2'));
      await s.put('abcd/y.tgz', Buffer.from('3'));
      expect((await s.list('abc')).objects.map((o) => o.key)).toEqual(['abc/x.tgz']);
    }));

    it('reads byte ranges', withStorage(async (s) => {
      await s.put('r.bin', Buffer.from('0123456789'));
      expect(await text((await s.get('r.bin', { start: 2, end: 5 })).body)).toBe('2345');
      expect(await text((await s.get('r.bin', { start: 9, end: 9 })).body)).toBe('9');
    }));

    it('throws NotFoundError for missing objects and lists a missing folder as empty', withStorage(async (s) => {
      await expect(s.head('nope.tgz')).rejects.toBeInstanceOf(NotFoundError);
      await expect(s.get('nope.tgz')).rejects.toBeInstanceOf(NotFoundError);
      await expect(s.getBytes('dir/nope.tgz')).rejects.toBeInstanceOf(NotFoundError);
      expect(await s.list('missing/folder')).toEqual({ objects: [], folders: [] });
      await s.delete('nope.tgz');
    }));

    it('creates only if absent with ifNoneMatch, and replaces only a matching version with ifMatch', withStorage(async (s) => {
      const first = await s.put('c.tgz', Buffer.from('v1'), { ifNoneMatch: '*' });
      await expect(s.put('c.tgz', Buffer.from('v2'), { ifNoneMatch: '*' })).rejects.toBeInstanceOf(PreconditionFailedError);
      expect((await s.getBytes('c.tgz')).data.toString()).toBe('v1');
      const second = await s.put('c.tgz', Buffer.from('v2'), { ifMatch: first.etag });
      expect(second.etag).not.toBe(first.etag);
      await expect(s.put('c.tgz', Buffer.from('v3'), { ifMatch: first.etag })).rejects.toBeInstanceOf(PreconditionFailedError);
      await expect(s.put('absent.tgz', Buffer.from('x'), { ifMatch: first.etag })).rejects.toBeInstanceOf(PreconditionFailedError);
      expect((await s.getBytes('c.tgz')).data.toString()).toBe('v2');
    }));

    it('lets exactly one of many concurrent create-if-absent writes win', withStorage(async (s) => {
      const results = await Promise.allSettled(Array.from({ length: 25 }, (_, i) => s.put('race.tgz', Buffer.from(`w${i}`), { ifNoneMatch: '*' })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof PreconditionFailedError)).toHaveLength(24);
    }));

    it('deletes objects', withStorage(async (s) => {
      await s.put('d.tgz', Buffer.from('x'));
      await s.delete('d.tgz');
      await expect(s.head('d.tgz')).rejects.toBeInstanceOf(NotFoundError);
    }));

    it('stores large objects intact', withStorage(async (s) => {
      const big = Buffer.alloc(8 * 1024 * 1024 + 7, 0x5a);
      big[big.length - 1] = 1;
      await s.put('big.bin', big);
      const back = (await s.getBytes('big.bin')).data;
      expect(back.length).toBe(big.length);
      expect(back.equals(big)).toBe(true);
    }));

    it('handles names with odd but legal characters', withStorage(async (s) => {
      for (const key of ['t/chart with spaces-1.0.0.tgz', 't/ünïcödé-1.0.0+build.1.tgz', "t/quote'and&amp-1.tgz"]) {
        await s.put(key, Buffer.from(key));
        expect((await s.getBytes(key)).data.toString()).toBe(key);
      }
      expect((await s.list('t')).objects).toHaveLength(3);
    }));

    it('round-trips names that URL encoding could mangle, and lists them sorted', withStorage(async (s) => {
      const keys = ['t/a+b=c-1.0.0.tgz', 't/100%25 literal%2Fslash.tgz', 't/query?x=1#frag.tgz', 't/emoji-\u{1F600}.tgz', 't/~tilde:colon@at.tgz'];
      for (const key of keys) await s.put(key, Buffer.from(key));
      await s.put('t/\u65E5\u672C\u8A9E/chart.tgz', Buffer.from('nested'));
      for (const key of keys) {
        expect((await s.getBytes(key)).data.toString()).toBe(key);
        expect((await s.head(key)).size).toBe(Buffer.byteLength(key));
      }
      const listing = await s.list('t');
      expect(listing.objects.map((o) => o.key)).toEqual([...keys].sort());
      expect(listing.folders).toEqual(['\u65E5\u672C\u8A9E']);
      expect((await s.list('t/\u65E5\u672C\u8A9E')).objects.map((o) => o.key)).toEqual(['t/\u65E5\u672C\u8A9E/chart.tgz']);
    }));

    it('lists a folder of more than 1,000 entries (one S3 page) completely', withStorage(async (s) => {
      const names = Array.from({ length: 1_010 }, (_, i) => `p/c${String(i).padStart(4, '0')}.tgz`);
      const folders = Array.from({ length: 5 }, (_, i) => `p/sub${i}/x.tgz`);
      await forEachLimited([...names, ...folders], 16, (key) => s.put(key, Buffer.from('x')));
      const listing = await s.list('p');
      expect(listing.objects.map((o) => o.key)).toEqual(names);
      expect(listing.folders).toEqual(['sub0', 'sub1', 'sub2', 'sub3', 'sub4']);
    }));

    it('rejects keys that escape the layout', withStorage(async (s) => {
      for (const key of ['', '/abs.tgz', '../x.tgz', 'a/../../x.tgz', 'a//b.tgz', 'a/./b.tgz', 'a\\b.tgz', 'nul\u0000.tgz']) {
        await expect(s.put(key, Buffer.from('x')), key).rejects.toBeInstanceOf(InvalidKeyError);
        await expect(s.head(key), key).rejects.toBeInstanceOf(InvalidKeyError);
      }
    }));
  });
}

/** Runs `fn` over `items` with at most `limit` calls in flight. */
async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}
