/**
 * `chartroom sim advance DURATION`: moves a virtual-clock cluster's time forward (`5s`, `1m30s`); every
 * timer due in that span fires in order on the server. Same `--server` and `--cluster` flags as kubectl.
 */
import { parseGoDuration } from '../../config/duration.js';
import { parseArgs, UsageError } from './args.js';
import { type KubectlIo, reportError } from './invocation.js';
import { clientFor } from './kubectl.js';

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
