/**
 * `kubectl rollout status|history|undo` over the simulator's rollout views. Rollout's own failures
 * (`unable to find specified revision 5 in history`) are client-side errors in kubectl, so they print as
 * `error: ...`; a missing object is the server's NotFound.
 */
import { kindInfo } from '../../cluster/index.js';
import { parseGoDuration } from '../../config/duration.js';
import { intFlag, UsageError } from './args.js';
import type { ObjectRef } from './client.js';
import { type Invocation, reportError, typeAndName } from './invocation.js';
import { resourceName } from './printers.js';

/** Status reasons rollout prints as `error: <message>`. */
const CLIENT_SIDE = ['BadRequest'];

/** How often `rollout status` asks the server while it waits (the simulator has no watch stream yet). */
const POLL_INTERVAL_MS = 100;

/** `kubectl rollout SUBCOMMAND TYPE/NAME`. */
export async function rolloutCommand(inv: Invocation): Promise<number> {
  const [sub, ...rest] = inv.args.positionals.slice(1);
  const { kind, name } = typeAndName(rest);
  const info = kindInfo(kind);
  const ref: ObjectRef = { resource: info.resource, namespace: info.namespaced ? inv.namespace : undefined, name };
  const display = resourceName({ kind, apiVersion: info.apiVersion, metadata: { name } });
  try {
    if (sub === 'status') return await rolloutStatus(inv, ref);
    if (sub === 'history') return await rolloutHistory(inv, ref, display);
    if (sub === 'undo') {
      const { message } = await inv.client.action('POST', ref, 'rollout/undo', { toRevision: intFlag(inv.args, 'to-revision', 0) });
      inv.io.stdout(`${display} ${message}\n`);
      return 0;
    }
  } catch (err) {
    return reportError(inv.io, err, CLIENT_SIDE);
  }
  throw new UsageError(`unknown command "${sub ?? ''}" for "kubectl rollout"`);
}

async function rolloutHistory(inv: Invocation, ref: ObjectRef, display: string): Promise<number> {
  if (inv.args.flags.has('revision') && intFlag(inv.args, 'revision', 0) > 0) {
    // TODO(issue 5): the pod template description of `--revision=N` (§7.2).
    throw new UsageError('rollout history --revision is not supported yet');
  }
  const { text } = await inv.client.action('GET', ref, 'rollout/history');
  inv.io.stdout(`${display} \n${text.endsWith('\n') ? text : `${text}\n`}`);
  return 0;
}

/**
 * Prints a line each time the status message changes (kubectl prints one per watch event, so it may
 * repeat lines this does not) until the rollout is done, fails, or `--timeout` passes.
 */
async function rolloutStatus(inv: Invocation, ref: ObjectRef): Promise<number> {
  const watch = inv.args.flags.get('watch') !== 'false';
  const timeoutText = inv.args.flags.get('timeout') ?? '0s';
  const timeoutMs = parseGoDuration(timeoutText);
  if (timeoutMs === undefined) throw new UsageError(`invalid argument "${timeoutText}" for "--timeout" flag`);
  const deadline = timeoutMs > 0 ? Date.now() + timeoutMs : Infinity;
  let last = '';
  for (;;) {
    const status = await inv.client.action('GET', ref, 'rollout/status');
    if (status.error) {
      inv.io.stderr(`error: ${status.message}\n`);
      return 1;
    }
    if (status.message !== last) inv.io.stdout(`${status.message}\n`);
    last = status.message;
    if (status.done || !watch) return 0;
    if (Date.now() >= deadline) {
      inv.io.stderr('error: timed out waiting for the condition\n');
      return 1;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}
