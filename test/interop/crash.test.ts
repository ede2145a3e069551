import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { buildChart } from '../helpers/charts.js';
import { startChartroom } from '../helpers/process.js';
import { tempDir } from '../helpers/server.js';

/**
 * kill -9 at a random moment during a stream of uploads, overwrites and deletes, then restart: no partial
 * archive is visible, and the index agrees with storage (same files, digests of the stored bytes).
 */
describe('crash safety', () => {
  const dirs: { cleanup: () => Promise<void> }[] = [];
  afterAll(async () => {
    for (const dir of dirs) await dir.cleanup();
  });

  it.each([1, 2, 3])('keeps storage and index consistent after kill -9 (round %i)', async (round) => {
    const dir = await tempDir('chartroom-crash-');
    dirs.push(dir);
    const storage = join(dir.path, 'storage');
    const server = await startChartroom(['--storage-local-rootdir', storage]);
    let stop = false;
    const workers = Array.from({ length: 6 }, async (_, w) => {
      for (let i = 0; !stop; i += 1) {
        const name = `c${(w * 7 + i) % 9}`;
        const version = `1.0.${i % 5}`;
        try {
          if (i % 4 === 3) {
            await fetch(`${server.url}/api/charts/${name}/${version}`, { method: 'DELETE' });
          } else {
            const chart = buildChart({ name, version, chart: { description: `w${w} i${i}` }, files: { 'values.yaml': `pad: ${'x'.repeat(20_000 + i)}\n` } });
            await fetch(`${server.url}/api/charts?force`, { method: 'POST', body: chart });
          }
        } catch {
          return; // the server is gone
        }
      }
    });
    await new Promise((r) => setTimeout(r, 300 + Math.floor(Math.random() * 700) + round));
    await server.stop('SIGKILL');
    stop = true;
    await Promise.all(workers);

    const restarted = await startChartroom(['--storage-local-rootdir', storage]);
    try {
      const index = YAML.parse(await (await fetch(`${restarted.url}/index.yaml`)).text());
      const entries = Object.values(index.entries as Record<string, { urls: string[]; digest: string }[]>).flat();
      const stored = (await readdir(storage)).filter((f) => f.endsWith('.tgz')).sort();
      expect(entries.map((e) => (e.urls[0] as string).slice('charts/'.length)).sort()).toEqual(stored);
      for (const entry of entries) {
        const bytes = await readFile(join(storage, (entry.urls[0] as string).slice('charts/'.length)));
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.digest);
      }
      expect(stored.length).toBeGreaterThan(0);
    } finally {
      await restarted.stop();
    }
  });
});
