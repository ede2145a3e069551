/**
 * What every `chartroom kubectl` command receives: the parsed arguments, the API client, the namespace
 * and the output streams; and kubectl's error lines.
 */
import { ClusterError, resolveKind } from '../../cluster/index.js';
import { ApiError, ConnectionError, type SimClient } from './client.js';
import { FlagError, type ParsedArgs, UsageError } from './args.js';

/** Output streams and stdin, injectable for tests. */
export interface KubectlIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
}

/** One command invocation. */
export interface Invocation {
  args: ParsedArgs;
  client: SimClient;
  /** `-n`, default "default". */
  namespace: string;
  io: KubectlIo;
}

/** A command: resolves to the process exit code. */
export type Command = (inv: Invocation) => Promise<number>;

/** The kind for a resource type argument. Throws UsageError with kubectl's message when unknown. */
export function kindArg(resource: string): string {
  const kind = resolveKind(resource);
  if (!kind) throw new UsageError(`the server doesn't have a resource type "${resource}"`);
  return kind;
}

/**
 * Splits `deploy/vweb` or `deploy vweb` into kind and name. Throws UsageError when either is missing.
 */
export function typeAndName(positionals: readonly string[]): { kind: string; name: string } {
  const [first, second] = positionals;
  if (first?.includes('/')) {
    const [type, name] = first.split('/', 2) as [string, string];
    return { kind: kindArg(type), name };
  }
  if (!first || !second) throw new UsageError('required resource not specified');
  return { kind: kindArg(first), name: second };
}

/**
 * Prints an error as kubectl does and returns exit code 1: `Error from server (NotFound): ...` for a
 * server Status, `error: ...` for usage errors (plus kubectl's `See 'kubectl get --help' for usage.` after a flag error) and for `clientSide` Status reasons (rollout's own errors),
 * kubectl's connection-refused line when the server is down. Rethrows anything else.
 */
export function reportError(io: KubectlIo, err: unknown, clientSide: readonly string[] = []): number {
  if (err instanceof ApiError) {
    const { reason, message } = err.status;
    io.stderr(clientSide.includes(reason) ? `error: ${message}\n` : `Error from server (${reason}): ${message}\n`);
    return 1;
  }
  if (err instanceof ConnectionError) {
    io.stderr(`${err.message}\n`);
    return 1;
  }
  if (err instanceof FlagError) {
    io.stderr(`error: ${err.message}\nSee '${err.command} --help' for usage.\n`);
    return 1;
  }
  // UsageError, and ClusterError from work kubectl does client-side (reading manifests).
  if (err instanceof UsageError || err instanceof ClusterError) {
    io.stderr(`error: ${err.message}\n`);
    return 1;
  }
  throw err;
}
