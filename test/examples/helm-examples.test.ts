/**
 * The Helm walkthroughs in examples/ (10-… to 14-…) run against a real server on a virtual clock and
 * exit 0. Each script stops with a non-zero status when a step that should succeed fails, or a step that
 * should fail (the --atomic upgrade, reusing a kept name) succeeds; a few transcript lines are checked too.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, run, startChartroom, type RunningServer } from '../helpers/process.js';
import { tempDir } from '../helpers/server.js';

const SCRIPTS = readdirSync(join(PROJECT_ROOT, 'examples')).filter((f) => /^1\d-helm-.*\.sh$/.test(f)).sort();

/** A line each transcript must contain: the behaviour the walkthrough is there to show. */
const SHOWS: Record<string, string> = {
  '10-helm-install-scale.sh': '2       \tThu Jan  1 00:00:05 2026\tdeployed  \tvweb-0.1.0\t1.25       \tUpgrade complete',
  '11-helm-image-rollback.sh': 'Rollback to 1',
  '12-helm-atomic.sh': 'has been rolled back due to atomic being set',
  '13-helm-uninstall.sh': 'cannot re-use a name that is still in use',
  '14-helm-dependency.sh': 'deployment.apps/shop',
};

describe('examples/: the Helm walkthroughs', () => {
  let server: RunningServer;
  let storage: { path: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    storage = await tempDir('chartroom-examples-');
    server = await startChartroom(['--sim-clock=virtual', '--storage-local-rootdir', storage.path]);
  });
  afterAll(async () => {
    await server?.stop();
    await storage?.cleanup();
  });

  it('finds the five walkthroughs', () => expect(SCRIPTS).toHaveLength(5));

  for (const script of SCRIPTS) {
    it(`${script} exits 0`, async () => {
      const r = await run('sh', [join(PROJECT_ROOT, 'examples', script)], { env: { CHARTROOM_SERVER: server.url } });
      // kubectl's "No resources found" goes to stderr, as kubectl's does; helm-lib.sh marks a broken step.
      expect({ code: r.code, broken: r.stderr.includes('walkthrough:') }, r.stderr).toEqual({ code: 0, broken: false });
      expect(r.stdout).toContain(SHOWS[script]);
    }, 240_000);
  }
});
