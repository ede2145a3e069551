#!/usr/bin/env node
import { AuthSetupError } from '../auth/setup.js';
import { ConfigError, helpText, loadConfig } from '../config/load.js';
import { StorageError } from '../storage/errors.js';
import { CHARTROOM_VERSION } from '../version.js';
type Subcommand = (name: string, args: string[]) => Promise<number>;

/**
 * Subcommands, each loaded only when used: the server's modules (fastify, the AWS SDK) take a second or more
 * to load on a slow machine, and `chartroom template` or `chartroom kubectl` need none of them.
 */
const SUBCOMMANDS: Record<string, Subcommand> = {
  kubectl: async (_, args) => {
    const { processIo, runKubectl } = await import('./kubectl/kubectl.js');
    return runKubectl(args, process.env, processIo());
  },
  sim: async (_, args) => {
    const { processIo, runSim } = await import('./kubectl/kubectl.js');
    return runSim(args, process.env, processIo());
  },
  helm: async (_, args) => {
    const [{ runHelm }, { processIo }] = await Promise.all([import('./helm/helm.js'), import('./kubectl/kubectl.js')]);
    return runHelm(args, process.env, processIo());
  },
  template: async (_, args) => {
    const [{ runTemplateIsolated }, { processIo }] = await Promise.all([import('./template-worker.js'), import('./kubectl/kubectl.js')]);
    return runTemplateIsolated(args, process.env, processIo());
  },
  user: async (_, args) => (await import('./users.js')).runUsersCommand('user', args),
  token: async (_, args) => (await import('./users.js')).runUsersCommand('token', args),
};

/**
 * The `chartroom` command. With no subcommand (or `serve`) it runs the chart repository server with
 * ChartMuseum's flags and environment variables. Usage errors exit with code 2. `kubectl`, `sim` and
 * `helm` talk to a running server's simulated clusters.
 */
async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  const subcommand = first === undefined ? undefined : SUBCOMMANDS[first];
  if (subcommand) return subcommand(first as string, rest);
  const serveArgs = first === 'serve' ? rest : argv;
  if (first !== undefined && first !== 'serve' && !first.startsWith('-')) {
    process.stderr.write(`Error: unknown command "${first}" for "chartroom"\nRun 'chartroom --help' for usage.\n`);
    return 2;
  }
  const parsed = loadConfig(serveArgs, process.env);
  if (parsed.kind === 'help') {
    process.stdout.write(helpText());
    return 0;
  }
  if (parsed.kind === 'version') {
    process.stdout.write(`chartroom version ${CHARTROOM_VERSION}\n`);
    return 0;
  }
  const { serve } = await import('./serve.js');
  await serve(parsed.config, parsed.notes);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof AuthSetupError) {
      process.stderr.write(`Error: ${err.message}\nRun 'chartroom --help' for usage.\n`);
      process.exit(2);
    }
    if (err instanceof StorageError) {
      // Storage refused us at start-up for a reason retrying will not fix (credentials, permissions).
      process.stderr.write(`Error: cannot use the storage: ${err.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`Error: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
