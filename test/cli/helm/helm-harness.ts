/**
 * Runs `chartroom helm` in-process against a listening app with virtual-clock clusters, capturing its
 * output, with its own repository config and cache in a temp folder.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { runHelm } from '../../../src/cli/helm/helm.js';
import { simApp, type SimApp } from '../../http/sim/sim-app.js';
import { tempDir } from '../../helpers/server.js';

/** What one command printed. */
export interface HelmRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A listening server and a way to run commands against it. */
export interface HelmHarness {
  sim: SimApp;
  url: string;
  dir: string;
  helm: (...args: string[]) => Promise<HelmRun>;
  /** Writes files (relative path → text) under `dir/<folder>`; returns the folder's path. */
  writeChart: (folder: string, files: Map<string, Buffer>) => Promise<string>;
  close: () => Promise<void>;
}

/** Starts the harness (clusters on a virtual clock unless `clock` is 'real'). */
export async function helmHarness(clock: 'virtual' | 'real' = 'virtual'): Promise<HelmHarness> {
  const sim = await simApp(clock);
  await sim.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = sim.app.server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  const tmp = await tempDir('chartroom-helm-');
  const env = { CHARTROOM_SERVER: url, HELM_REPOSITORY_CONFIG: join(tmp.path, 'repositories.yaml'), HELM_REPOSITORY_CACHE: join(tmp.path, 'cache') };
  const helm = async (...args: string[]): Promise<HelmRun> => {
    let stdout = '';
    let stderr = '';
    const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), readStdin: async () => '' };
    const code = await runHelm(args, env, io);
    return { code, stdout, stderr };
  };
  const writeChart = async (folder: string, files: Map<string, Buffer>): Promise<string> => {
    for (const [rel, data] of files) {
      const path = join(tmp.path, folder, rel);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, data);
    }
    return join(tmp.path, folder);
  };
  return { sim, url, dir: tmp.path, helm, writeChart, close: async () => (await sim.close(), await tmp.cleanup()) };
}
