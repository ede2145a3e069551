#!/usr/bin/env node
import { AuthSetupError } from '../auth/setup.js';
import { ConfigError, helpText, loadConfig } from '../config/load.js';
import { StorageError } from '../storage/errors.js';
import { CHARTROOM_VERSION } from '../version.js';
import { runHelm } from './helm/helm.js';
import { processIo, runKubectl, runSim } from './kubectl/kubectl.js';
import { serve } from './serve.js';
import { runUsersCommand } from './users.js';
import { runTemplateIsolated } from './template-worker.js';

/**
 * The `chartroom` command. With no subcommand (or `serve`) it runs the chart repository server with
 * ChartMuseum's flags and environment variables. Usage errors exit with code 2. `kubectl`, `sim` and
 * `helm` talk to a running server's simulated clusters.
 */
async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === 'kubectl') return runKubectl(rest, process.env, processIo());
  if (first === 'sim') return runSim(rest, process.env, processIo());
  if (first === 'user' || first === 'token') return runUsersCommand(first, rest);
  if (first === 'template') return runTemplateIsolated(rest, process.env, processIo());
  if (first === 'helm') return runHelm(rest, process.env, processIo());
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
