/**
 * `chartroom kubectl ARGS`: kubectl's syntax and output against a Chartroom server's simulated cluster.
 * Global flags: `--server` (env CHARTROOM_SERVER, default http://localhost:8080), `--cluster` (default
 * "default"), `-n/--namespace` (default "default"). Exit codes as kubectl's: 0, or 1 after an error.
 * On a server with access control, credentials come from CHARTROOM_TOKEN or CHARTROOM_USER/CHARTROOM_PASSWORD.
 *
 * `chartroom sim advance DURATION` moves a virtual-clock cluster's time forward (`5s`, `1m30s`); every
 * timer due in that span fires in order on the server. It takes the same `--server` and `--cluster`.
 */
import { authorizationFromEnv } from '../../auth/client-credentials.js';
import { parseGoDuration } from '../../config/duration.js';
import { type ParsedArgs, parseArgs, UsageError } from './args.js';
import { SimClient } from './client.js';
import { getCommand } from './get.js';
import { type Command, type KubectlIo, reportError } from './invocation.js';
import { applyCommand, deleteCommand, scaleCommand, setImageCommand } from './mutate.js';
import { rolloutCommand } from './rollout.js';

/** The server the CLI talks to when neither `--server` nor CHARTROOM_SERVER says otherwise. */
export const DEFAULT_SERVER = 'http://localhost:8080';

const COMMANDS: Record<string, Command> = {
  get: getCommand,
  apply: applyCommand,
  delete: deleteCommand,
  scale: scaleCommand,
  set: setImageCommand,
  rollout: rolloutCommand,
};

/** The client for `--server`/CHARTROOM_SERVER and `--cluster`. */
export function clientFor(args: ParsedArgs, env: NodeJS.ProcessEnv): SimClient {
  const server = args.flags.get('server') || env.CHARTROOM_SERVER || DEFAULT_SERVER;
  return new SimClient({ server, cluster: args.flags.get('cluster') || 'default', authorization: authorizationFromEnv(env) });
}

/** Runs one kubectl command line; resolves to the exit code. Unexpected failures (server down) reject. */
export async function runKubectl(argv: readonly string[], env: NodeJS.ProcessEnv, io: KubectlIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    const name = args.positionals[0];
    const command = name === undefined ? undefined : COMMANDS[name];
    if (!command) throw new UsageError(name === undefined ? 'a command is required' : `unknown command "${name}" for "kubectl"`);
    const inv = { args, client: clientFor(args, env), namespace: args.flags.get('namespace') || 'default', io };
    return await command(inv);
  } catch (err) {
    return reportError(io, err);
  }
}

/** The process's own streams. */
export function processIo(): KubectlIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

/** Runs one `chartroom sim` command line; resolves to the exit code (1 after an error). */
export async function runSim(argv: readonly string[], env: NodeJS.ProcessEnv, io: KubectlIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    const [sub, duration] = args.positionals;
    if (sub !== 'advance') throw new UsageError(`unknown command "${sub ?? ''}" for "chartroom sim"`);
    const ms = duration === undefined ? undefined : parseGoDuration(duration);
    if (ms === undefined || ms < 0) throw new UsageError(`invalid duration "${duration ?? ''}": use Go syntax, e.g. 5s or 1m30s`);
    const { now } = await clientFor(args, env).advance(ms);
    io.stdout(`advanced ${duration}: cluster time is now ${now}\n`);
    return 0;
  } catch (err) {
    return reportError(io, err);
  }
}
