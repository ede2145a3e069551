/**
 * `helm uninstall` (pkg/action/uninstall.go Run): the latest revision goes `uninstalling`, pre-delete
 * hooks run, the release's objects are deleted in uninstall order (keeping `helm.sh/resource-policy:
 * keep` ones), post-delete hooks run, and the history is purged — or, with `--keep-history`, the latest
 * revision becomes `uninstalled` ("Uninstallation complete") and deployed ones superseded.
 */
import { validateReleaseName } from '../helm/render/index.js';
import { type ActionContext, DEFAULT_TIMEOUT_MS, recordRelease } from './context.js';
import { waitForDeletion } from './readiness.js';
import { InvalidReleaseRequestError, ReleaseError, ReleaseFailedError, ReleaseNotFoundError } from './errors.js';
import { execHooks } from './hooks.js';
import { Description, type Release, Status } from './record.js';
import { deleteReleaseResources } from './resources.js';

/** Options of an uninstall. */
export interface UninstallOptions {
  namespace: string;
  keepHistory?: boolean;
  disableHooks?: boolean;
  /** Succeed quietly when there is no such release. */
  ignoreNotFound?: boolean;
  description?: string;
  /** Wait until every deleted object is gone (`--wait`), up to `timeoutMs` (default 5m). */
  wait?: boolean;
  timeoutMs?: number;
}

/** What uninstall reports: the release as it ended, and the `These resources were kept…` text ("" if none). */
export interface UninstallResult {
  release?: Release;
  info: string;
}

function purge(ctx: ActionContext, releases: Release[]): void {
  for (const r of releases) ctx.storage.delete(r.name, r.namespace, r.version);
}

/** The end of an uninstall: purge every record, or keep the latest as `uninstalled` and supersede deployed ones. */
function finish(ctx: ActionContext, rel: Release, history: Release[], opts: UninstallOptions): void {
  rel.info.status = Status.Uninstalled;
  rel.info.description = opts.description || Description.UninstallComplete;
  if (!opts.keepHistory) {
    purge(ctx, history);
    return;
  }
  recordRelease(ctx, rel);
  for (const r of ctx.storage.deployedAll(rel.name, rel.namespace)) {
    r.info.status = Status.Superseded;
    recordRelease(ctx, r);
  }
}

/**
 * Uninstalls `name`. Throws InvalidReleaseRequestError (bad name), ReleaseNotFoundError
 * (`uninstall: Release not loaded: x: release: not found`), ReleaseError (`the release named "x" is
 * already deleted`), or ReleaseFailedError for hook failures.
 */
export async function uninstall(ctx: ActionContext, name: string, opts: UninstallOptions): Promise<UninstallResult> {
  try {
    validateReleaseName(name);
  } catch {
    throw new InvalidReleaseRequestError(`uninstall: Release name is invalid: ${name}`);
  }
  const history = ctx.storage.history(name, opts.namespace);
  if (history.length === 0) {
    if (opts.ignoreNotFound) return { info: '' };
    throw new ReleaseNotFoundError(`uninstall: Release not loaded: ${name}: release: not found`);
  }
  const rel = history.at(-1)!;
  if (rel.info.status === Status.Uninstalled) {
    if (opts.keepHistory) throw new ReleaseError(`the release named ${JSON.stringify(name)} is already deleted`);
    purge(ctx, history);
    return { release: rel, info: '' };
  }
  rel.info.status = Status.Uninstalling;
  rel.info.deleted = ctx.cluster.now();
  rel.info.description = Description.DeletionInProgress;
  const hookCtx = { cluster: ctx.cluster, record: (r: Release) => recordRelease(ctx, r) };
  if (!opts.disableHooks) execHooks(hookCtx, rel, 'pre-delete');
  recordRelease(ctx, rel);
  const { deleted, kept } = deleteReleaseResources(ctx.cluster, rel.manifest, rel.namespace);
  const errors: string[] = [];
  if (opts.wait) {
    await waitForDeletion(ctx.cluster, deleted, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, ctx.sleep).catch((e: Error) => errors.push(e.message));
  }
  if (!opts.disableHooks) {
    try {
      execHooks(hookCtx, rel, 'post-delete');
    } catch (e) {
      errors.push((e as Error).message);
    }
  }
  finish(ctx, rel, history, opts);
  if (errors.length > 0) throw new ReleaseFailedError(`uninstallation completed with ${errors.length} error(s): ${errors.join('; ')}`);
  const info = kept === '' ? '' : `These resources were kept due to the resource policy:\n${kept}`;
  return { release: rel, info };
}
