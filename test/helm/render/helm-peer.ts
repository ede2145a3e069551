/**
 * The real Helm for differential tests: `.tools/bin/helm` in the worktree, run in a throwaway directory with
 * no kubeconfig and private Helm homes. Tests skip without the binary unless CI=true or
 * CHARTROOM_REQUIRE_PEERS=1, where a missing binary fails.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Path of the Helm binary the project tests against. */
export const HELM = join(import.meta.dirname, '../../../.tools/bin/helm');
/** Whether the binary is present. */
export const hasHelm = existsSync(HELM);
/** Whether a missing binary must fail the run instead of skipping. */
export const helmRequired = process.env['CI'] === 'true' || process.env['CHARTROOM_REQUIRE_PEERS'] === '1';

/** A working directory with a `helm` runner bound to it; `dispose` removes it. */
export interface HelmSandbox {
  dir: string;
  /** Runs helm and returns stdout; throws when it exits non-zero. */
  run(...args: string[]): string;
  /** Runs helm expecting failure; returns stderr. */
  runFailing(...args: string[]): string;
  dispose(): void;
}

/** Creates a sandbox. Throws when the binary is missing (callers skip first unless it is required). */
export function helmSandbox(): HelmSandbox {
  if (!hasHelm) throw new Error(`helm binary required (CI or CHARTROOM_REQUIRE_PEERS) but missing at ${HELM}`);
  const dir = mkdtempSync(join(tmpdir(), 'helmrender-'));
  const home = join(dir, '.helmhome');
  const env = {
    PATH: process.env['PATH'] ?? '', HOME: home, HELM_CACHE_HOME: home, HELM_CONFIG_HOME: home, HELM_DATA_HOME: home,
    KUBECONFIG: join(dir, 'no-kubeconfig'),
  };
  return {
    dir,
    run: (...args) => execFileSync(HELM, args, { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    runFailing: (...args) => {
      const r = spawnSync(HELM, args, { cwd: dir, env, encoding: 'utf8' });
      if (r.status === 0) throw new Error(`helm ${args.join(' ')} succeeded unexpectedly`);
      return r.stderr;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
