/**
 * `helm rollback NAME [REVISION]` (pkg/action/rollback.go): a new revision (last + 1) copying the target
 * revision's chart, values, manifest, hooks and notes, described "Rollback to N"; the objects are moved
 * from the latest revision's manifest to the target's with the three-way merge; then every deployed
 * revision becomes superseded and the new one deployed.
 */
import { validateReleaseName } from '../helm/render/index.js';
import { type ActionContext, DEFAULT_TIMEOUT_MS, recordRelease } from './context.js';
import { asReleaseError, InvalidReleaseRequestError, ReleaseFailedError } from './errors.js';
import { execHooks } from './hooks.js';
import { waitForResources } from './readiness.js';
import { cloneRelease, Description, type Release, Status } from './record.js';
import { buildResources, updateResources, withOwnership } from './resources.js';

/** Options of a rollback. */
export interface RollbackOptions {
  namespace: string;
  /** The target revision; 0 or undefined = the one before the latest. */
  revision?: number;
  dryRun?: boolean;
  wait?: boolean;
  timeoutMs?: number;
  disableHooks?: boolean;
  /** `--history-max` (default 10, 0 = unlimited). */
  historyMax?: number;
}

/** The default `--history-max`. */
export const DEFAULT_HISTORY_MAX = 10;

function prepare(ctx: ActionContext, name: string, opts: RollbackOptions): { current: Release; target: Release } {
  try {
    validateReleaseName(name);
  } catch {
    throw new InvalidReleaseRequestError(`prepareRollback: Release name is invalid: ${name}`);
  }
  const wanted = opts.revision ?? 0;
  if (wanted < 0) throw new InvalidReleaseRequestError('invalid release revision');
  const current = ctx.storage.last(name, opts.namespace);
  const previousVersion = wanted === 0 ? current.version - 1 : wanted;
  const history = ctx.storage.history(name, opts.namespace);
  const previous = history.find((r) => r.version === previousVersion);
  if (!previous) throw new InvalidReleaseRequestError(`release has no ${previousVersion} version`);
  const target: Release = {
    ...cloneRelease(previous),
    version: current.version + 1,
    info: {
      firstDeployed: current.info.firstDeployed, lastDeployed: ctx.cluster.now(), status: Status.PendingRollback,
      notes: previous.info.notes, description: Description.rollbackTo(previousVersion),
    },
  };
  return { current, target };
}

/**
 * Rolls `name` back. Returns the new revision (unstored with `dryRun`). Throws
 * InvalidReleaseRequestError, ReleaseNotFoundError, or ReleaseFailedError
 * (`Rollback "x" failed: …` recorded on the new revision).
 */
export async function rollback(ctx: ActionContext, name: string, opts: RollbackOptions): Promise<Release> {
  const { current, target } = prepare(ctx, name, opts);
  if (opts.dryRun) return target;
  ctx.storage.pruneHistory(name, opts.namespace, opts.historyMax ?? DEFAULT_HISTORY_MAX);
  ctx.storage.create(target);
  const hookCtx = { cluster: ctx.cluster, record: (r: Release) => recordRelease(ctx, r) };
  const original = buildResources(current.manifest, current.namespace);
  const resources = buildResources(target.manifest, target.namespace).map((o) => withOwnership(o, target.name, target.namespace));
  if (!opts.disableHooks) execHooks(hookCtx, target, 'pre-rollback');
  try {
    updateResources(ctx.cluster, original, resources);
  } catch (caught) {
    const e = asReleaseError(caught);
    current.info.status = Status.Superseded;
    target.info.status = Status.Failed;
    target.info.description = Description.rollbackFailed(target.name, e.message);
    recordRelease(ctx, current);
    recordRelease(ctx, target);
    throw new ReleaseFailedError(e.message);
  }
  if (opts.wait) {
    try {
      await waitForResources(ctx.cluster, resources, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, ctx.sleep);
    } catch (caught) {
      const e = asReleaseError(caught);
      target.info.status = Status.Failed;
      target.info.description = Description.installFailed(target.name, e.message);
      recordRelease(ctx, current);
      recordRelease(ctx, target);
      throw new ReleaseFailedError(`release ${target.name} failed: ${e.message}`);
    }
  }
  if (!opts.disableHooks) execHooks(hookCtx, target, 'post-rollback');
  for (const r of ctx.storage.deployedAll(name, opts.namespace)) {
    r.info.status = Status.Superseded;
    recordRelease(ctx, r);
  }
  target.info.status = Status.Deployed;
  recordRelease(ctx, target);
  return target;
}
