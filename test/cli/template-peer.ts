/**
 * Runs `helm template` and `chartroom template` (a real process from source) with the same arguments, in
 * the same directory and Helm environment, so differential tests can compare stdout bytes and stderr.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HELM } from '../helm/render/helm-peer.js';
import { PROJECT_ROOT } from '../helpers/process.js';

/** One process's result. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

const TSX = join(PROJECT_ROOT, 'node_modules/tsx/dist/loader.mjs');
const MAIN = join(PROJECT_ROOT, 'src/cli/main.ts');

function runProcess(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', fail);
    child.once('close', (code) => done({ code: code ?? 1, stdout, stderr }));
  });
}

/** A directory with private Helm homes, and runners for both tools bound to it. */
export interface TemplatePeers {
  dir: string;
  env: NodeJS.ProcessEnv;
  helm(...args: string[]): Promise<RunResult>;
  chartroom(...args: string[]): Promise<RunResult>;
  dispose(): void;
}

/** Creates the sandbox (callers skip first when helm is absent and not required). */
export function templatePeers(): TemplatePeers {
  const dir = mkdtempSync(join(tmpdir(), 'template-peers-'));
  const home = join(dir, '.helmhome');
  mkdirSync(home);
  const env = {
    PATH: process.env['PATH'] ?? '', HOME: home, HELM_CACHE_HOME: home, HELM_CONFIG_HOME: home, HELM_DATA_HOME: home,
    KUBECONFIG: join(dir, 'no-kubeconfig'),
  };
  return {
    dir,
    env,
    helm: (...args) => runProcess(HELM, args, dir, env),
    chartroom: (...args) => runProcess(process.execPath, ['--import', TSX, MAIN, 'template', ...args], dir, env),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs `fn` over `items` with at most `limit` running at once, results in input order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
