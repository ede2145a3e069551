/**
 * `chartroom kubectl ARGS`: kubectl's syntax and output against a Chartroom server's simulated cluster.
 * Global flags: `--server` (env CHARTROOM_SERVER, default http://localhost:8080), `--cluster` (default
 * "default"), `-n/--namespace` (default "default"). Exit codes as kubectl's: 0, or 1 after an error.
 * On a server with access control, credentials come from CHARTROOM_TOKEN or CHARTROOM_USER/CHARTROOM_PASSWORD.
 * Commands and their flags: commands.ts; `--help` on any of them prints its usage.
 *
 * `chartroom sim advance DURATION` moves a virtual-clock cluster's time forward (`5s`, `1m30s`); every
 * timer due in that span fires in order on the server. `chartroom sim traffic svc/NAME --requests N` sends
 * simulated requests through a Service (sim.ts). Both take the same `--server` and `--cluster`.
 */
import { authorizationFromEnv } from '../../auth/client-credentials.js';
import type { ParsedArgs } from './args.js';
import { SimClient } from './client.js';
import { type Program, resolveCommandLine } from './command-line.js';
import { GLOBAL_FLAGS, KUBECTL_COMMANDS } from './commands.js';
import { type KubectlIo, reportError } from './invocation.js';
import { SIM_COMMANDS, SIM_GLOBAL_FLAGS } from './sim.js';

/** The server the CLI talks to when neither `--server` nor CHARTROOM_SERVER says otherwise. */
export const DEFAULT_SERVER = 'http://localhost:8080';

/** `chartroom kubectl`. */
export const KUBECTL: Program = {
  name: 'chartroom kubectl',
  hintName: 'kubectl',
  summary: "kubectl's commands against a Chartroom server's simulated Kubernetes cluster (kubectl 1.32 output)",
  commands: KUBECTL_COMMANDS,
  globals: GLOBAL_FLAGS,
};

/** `chartroom sim`. */
export const SIM: Program = {
  name: 'chartroom sim',
  hintName: 'chartroom sim',
  summary: "Commands about the simulation itself: its clock and the traffic through its Services",
  commands: SIM_COMMANDS,
  globals: SIM_GLOBAL_FLAGS,
};

/** The client for `--server`/CHARTROOM_SERVER and `--cluster`. */
export function clientFor(args: ParsedArgs, env: NodeJS.ProcessEnv): SimClient {
  const server = args.flags.get('server') || env.CHARTROOM_SERVER || DEFAULT_SERVER;
  return new SimClient({ server, cluster: args.flags.get('cluster') || 'default', authorization: authorizationFromEnv(env) });
}

/**
 * Runs one command line of `program`; resolves to the exit code (0 after `--help`, 1 after an error).
 * Unexpected failures reject.
 */
export async function runProgram(program: Program, argv: readonly string[], env: NodeJS.ProcessEnv, io: KubectlIo): Promise<number> {
  try {
    const resolved = resolveCommandLine(program, argv);
    if ('help' in resolved) {
      io.stdout(resolved.help);
      return 0;
    }
    const { spec, args } = resolved;
    return await spec.run({ args, client: clientFor(args, env), namespace: args.flags.get('namespace') || 'default', io });
  } catch (err) {
    return reportError(io, err);
  }
}

/** Runs one kubectl command line; resolves to the exit code. Unexpected failures (server down) reject. */
export function runKubectl(argv: readonly string[], env: NodeJS.ProcessEnv, io: KubectlIo): Promise<number> {
  return runProgram(KUBECTL, argv, env, io);
}

/** Runs one `chartroom sim` command line (see sim.ts); resolves to the exit code (1 after an error). */
export function runSim(argv: readonly string[], env: NodeJS.ProcessEnv, io: KubectlIo): Promise<number> {
  return runProgram(SIM, argv, env, io);
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
