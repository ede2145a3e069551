/**
 * `kubectl rollout status|history [--revision=N]|undo|pause|resume|restart` over the simulator's rollout views. Rollout's own failures
 * (`unable to find specified revision 5 in history`) are client-side errors in kubectl, so they print as
 * `error: ...`; a missing object is the server's NotFound.
 */
import { kindInfo } from '../../cluster/index.js';
import { parseGoDuration } from '../../config/duration.js';
import { intFlag, UsageError } from './args.js';
import type { ObjectRef } from './client.js';
import { type Invocation, reportError, typeAndName } from './invocation.js';
import { writePodTemplate } from './describe/pod-template.js';
import { PrefixWriter } from './describe/prefix-writer.js';
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
    if (sub === 'pause' || sub === 'resume') return await pauseOrResume(inv, ref, display, sub);
    if (sub === 'restart') {
      const current = await inv.client.get(ref);
      if (current.spec?.paused) throw new UsageError("can't restart paused deployment (run rollout resume first)");
      await inv.client.action('POST', ref, 'rollout/restart');
      inv.io.stdout(`${display} restarted\n`);
      return 0;
    }
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

/**
 * kubectl's name printer with the history as its message: `deployment.apps/vweb \n<table>\n` (so a blank
 * line ends the table), or with `--revision=N` `... with revision #N\n<pod template>\n`, the template
 * written by describe's PrefixWriter straight to the output, tabs and all (no tabwriter).
 */
async function rolloutHistory(inv: Invocation, ref: ObjectRef, display: string): Promise<number> {
  const revision = intFlag(inv.args, 'revision', 0);
  if (revision < 0) throw new UsageError(`revision must be a positive integer: ${revision}`);
  if (revision === 0) {
    const { text } = await inv.client.action('GET', ref, 'rollout/history');
    inv.io.stdout(`${display} \n${text}\n`);
    return 0;
  }
  const { entries } = await inv.client.action('GET', ref, `rollout/history?revision=${revision}`);
  const template = structuredClone(entries[0].template);
  if (entries[0].changeCause !== '<none>') template.metadata = { ...template.metadata, annotations: { ...template.metadata?.annotations, 'kubernetes.io/change-cause': entries[0].changeCause } };
  const w = new PrefixWriter();
  writePodTemplate(w, template);
  inv.io.stdout(`${display} with revision #${revision}\n${w.raw()}\n`);
  return 0;
}

/** `rollout pause|resume`: Deployments only; `already paused` when there is nothing to change. */
async function pauseOrResume(inv: Invocation, ref: ObjectRef, display: string, sub: 'pause' | 'resume'): Promise<number> {
  const obj = await inv.client.get(ref);
  if (obj.kind !== 'Deployment') {
    inv.io.stderr(`error: ${ref.resource}.apps "${ref.name}" ${sub === 'pause' ? 'pausing' : 'resuming'} is not supported\n`);
    return 1;
  }
  const paused = sub === 'pause';
  if (Boolean(obj.spec.paused) === paused) {
    inv.io.stdout(`${display} already ${paused ? 'paused' : 'resumed'}\n`);
    return 0;
  }
  await inv.client.patch(ref, { spec: { paused: paused ? true : null } }, 'strategic');
  inv.io.stdout(`${display} ${paused ? 'paused' : 'resumed'}\n`);
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
