/**
 * `kubectl rollout status|history [--revision=N]|undo|pause|resume|restart` over the simulator's rollout views. Rollout's own failures
 * (`unable to find specified revision 5 in history`) are client-side errors in kubectl, so they print as
 * `error: ...`; a missing object is the server's NotFound.
 */
import { daemonSetRolloutStatus, deploymentRolloutStatus, kindInfo, type RolloutStatus, statefulSetRolloutStatus } from '../../cluster/index.js';
import { parseGoDuration } from '../../config/duration.js';
import { intFlag, UsageError } from './args.js';
import type { ObjectRef } from './client.js';
import { type Invocation, reportError, typeAndName } from './invocation.js';
import { writePodTemplate } from './describe/pod-template.js';
import { PrefixWriter } from './describe/prefix-writer.js';
import { resourceName } from './printers.js';

/** Status reasons rollout prints as `error: <message>`. */
const CLIENT_SIDE = ['BadRequest'];

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
 * kubectl's `rollout status`: one line for the object as it is, then one line per change the server
 * streams (so identical lines may repeat, as in kubectl), until the rollout is done, fails, the object is
 * deleted, or `--timeout` passes. `--watch=false` prints the first line only.
 */
async function rolloutStatus(inv: Invocation, ref: ObjectRef): Promise<number> {
  const watch = inv.args.flags.get('watch') !== 'false';
  const timeoutText = inv.args.flags.get('timeout') ?? '0s';
  const timeoutMs = parseGoDuration(timeoutText);
  if (timeoutMs === undefined) throw new UsageError(`invalid argument "${timeoutText}" for "--timeout" flag`);
  const current = await inv.client.get(ref);
  const first = printStatus(inv, current);
  if (first !== undefined || !watch) return first ?? 0;
  const abort = new AbortController();
  const timer = timeoutMs > 0 ? setTimeout(() => abort.abort(), timeoutMs) : undefined;
  let code: number | undefined;
  try {
    const query = { namespace: ref.namespace, fieldSelector: `metadata.name=${ref.name}`, resourceVersion: current.metadata.resourceVersion };
    await inv.client.watch(ref.resource, query, (event) => {
      if (code !== undefined) return;
      if (event.type === 'DELETED') {
        inv.io.stderr('error: object has been deleted\n');
        code = 1;
      } else code = printStatus(inv, event.object);
      if (code !== undefined) abort.abort();
    }, abort.signal);
  } finally {
    if (timer) clearTimeout(timer);
  }
  if (code !== undefined) return code;
  inv.io.stderr('error: timed out waiting for the condition\n');
  return 1;
}

/** Prints the status line of `obj`; the exit code once the rollout is over (0 done, 1 failed), else undefined. */
function printStatus(inv: Invocation, obj: any): number | undefined {
  const status = statusOf(obj);
  if (status.error) {
    inv.io.stderr(`error: ${status.message}\n`);
    return 1;
  }
  inv.io.stdout(`${status.message}\n`);
  return status.done ? 0 : undefined;
}

function statusOf(obj: any): RolloutStatus {
  if (obj.kind === 'Deployment') return deploymentRolloutStatus(obj);
  if (obj.kind === 'DaemonSet') return daemonSetRolloutStatus(obj);
  if (obj.kind === 'StatefulSet') return statefulSetRolloutStatus(obj);
  throw new UsageError(`no status viewer has been implemented for "${obj.kind}"`);
}
