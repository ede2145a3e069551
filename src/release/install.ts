/**
 * `helm install` (pkg/action/install.go Run): name checks, render, ownership checks, then store revision
 * 1 as pending-install, run pre-install hooks, create the objects, wait, run post-install hooks and mark
 * it deployed ("Install complete"). A failure marks it failed (`Release "x" failed: …`); with `--atomic`
 * the release is uninstalled with its history.
 */
import type { KubeObject } from '../cluster/index.js';
import { type LoadedChart, validateReleaseName, type Values } from '../helm/render/index.js';
import { type ActionContext, DEFAULT_TIMEOUT_MS, recordRelease, storeChart, valuesToPlain } from './context.js';
import { asReleaseError, InvalidReleaseRequestError, NameInUseError, ReleaseError, ReleaseFailedError, ResourceError } from './errors.js';
import { execHooks } from './hooks.js';
import { clusterLookup } from './lookup.js';
import { waitForResources } from './readiness.js';
import { Description, type Release, Status } from './record.js';
import { chartAsStored, renderRelease } from './render.js';
import { buildResources, createResources, existingResources, updateResources, withOwnership } from './resources.js';
import { SYSTEM_LABELS } from './storage.js';
import { uninstall } from './uninstall.js';

/** Options of an install, named after Helm's flags. */
export interface InstallOptions {
  releaseName: string;
  namespace: string;
  /** User-supplied values (`-f`, and later the `--set` family). */
  values: Values;
  replace?: boolean;
  createNamespace?: boolean;
  dryRun?: boolean;
  wait?: boolean;
  atomic?: boolean;
  /** Default 5 minutes. */
  timeoutMs?: number;
  description?: string;
  disableHooks?: boolean;
  labels?: Record<string, string>;
}

/** Throws InvalidReleaseRequestError when `labels` use a storage label Helm reserves. */
export function checkUserLabels(labels: Record<string, string> | undefined): void {
  if (Object.keys(labels ?? {}).some((k) => SYSTEM_LABELS.includes(k))) {
    throw new InvalidReleaseRequestError(`user supplied labels contains system reserved label name. System labels: [${SYSTEM_LABELS.join(' ')}]`);
  }
}

/** availableName: the name is valid and free (or `--replace` over an uninstalled or failed release). */
function checkAvailable(ctx: ActionContext, opts: InstallOptions): void {
  try {
    validateReleaseName(opts.releaseName);
  } catch (e) {
    throw new InvalidReleaseRequestError((e as Error).message);
  }
  if (opts.dryRun) return;
  const last = ctx.storage.history(opts.releaseName, opts.namespace).at(-1);
  if (!last) return;
  if (opts.replace && (last.info.status === Status.Uninstalled || last.info.status === Status.Failed)) return;
  throw new NameInUseError();
}

/** replaceRelease: revision continues after the last one, which becomes superseded unless it failed. */
function replacePrevious(ctx: ActionContext, rel: Release): void {
  const last = ctx.storage.history(rel.name, rel.namespace).at(-1);
  if (!last) return;
  rel.version = last.version + 1;
  if (last.info.status === Status.Failed) return;
  last.info.status = Status.Superseded;
  last.info.description = Description.SupersededByNew;
  recordRelease(ctx, last);
}

function ensureNamespace(ctx: ActionContext, namespace: string): void {
  if (ctx.cluster.get('Namespace', undefined, namespace)) return;
  ctx.cluster.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: { name: namespace } } });
}

async function performInstall(ctx: ActionContext, rel: Release, adopt: KubeObject[], resources: KubeObject[], opts: InstallOptions): Promise<void> {
  const hookCtx = { cluster: ctx.cluster, record: (r: Release) => recordRelease(ctx, r) };
  if (!opts.disableHooks) {
    try {
      execHooks(hookCtx, rel, 'pre-install');
    } catch (e) {
      throw new ReleaseFailedError(`failed pre-install: ${(e as Error).message}`);
    }
  }
  if (adopt.length === 0) createResources(ctx.cluster, resources);
  else updateResources(ctx.cluster, adopt, resources);
  if (opts.wait || opts.atomic) await waitForResources(ctx.cluster, resources, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, ctx.sleep);
  if (!opts.disableHooks) {
    try {
      execHooks(hookCtx, rel, 'post-install');
    } catch (e) {
      throw new ReleaseFailedError(`failed post-install: ${(e as Error).message}`);
    }
  }
  rel.info.status = Status.Deployed;
  rel.info.description = opts.description || Description.InstallComplete;
  recordRelease(ctx, rel);
}

/**
 * Installs `chart`. Returns the release (for `dryRun`, the unstored pending-install record described
 * "Dry run complete"). Throws InvalidReleaseRequestError, NameInUseError, the render errors,
 * ResourceError (`Unable to continue with install: …`), or ReleaseFailedError after a failed install.
 */
export async function install(ctx: ActionContext, chart: LoadedChart, opts: InstallOptions): Promise<Release> {
  checkAvailable(ctx, opts);
  checkUserLabels(opts.labels);
  const body = renderRelease(chart, {
    releaseName: opts.releaseName, namespace: opts.namespace, revision: 1, isUpgrade: false, values: opts.values,
    lookup: opts.dryRun ? undefined : clusterLookup(ctx.cluster), limits: ctx.renderLimits,
  });
  const now = ctx.cluster.now();
  const rel: Release = {
    name: opts.releaseName, namespace: opts.namespace, version: 1,
    info: { firstDeployed: now, lastDeployed: now, description: Description.InitialInstall, status: Status.PendingInstall, notes: body.notes },
    chart: storeChart(chartAsStored(chart, opts.values)), config: valuesToPlain(opts.values), manifest: body.manifest, hooks: body.hooks, labels: { ...opts.labels },
  };
  const resources = buildResources(rel.manifest, rel.namespace).map((o) => withOwnership(o, rel.name, rel.namespace));
  let adopt: KubeObject[];
  try {
    adopt = existingResources(ctx.cluster, resources, rel.name, rel.namespace);
  } catch (e) {
    throw new ResourceError(`Unable to continue with install: ${(e as Error).message}`);
  }
  if (opts.dryRun) {
    rel.info.description = Description.DryRunComplete;
    return rel;
  }
  if (opts.createNamespace) ensureNamespace(ctx, rel.namespace);
  if (opts.replace) replacePrevious(ctx, rel);
  try {
    ctx.storage.create(rel);
  } catch (e) {
    throw new ReleaseError(`create: failed to create: ${(e as Error).message}`);
  }
  try {
    await performInstall(ctx, rel, adopt, resources, opts);
    return rel;
  } catch (e) {
    return await failInstall(ctx, rel, asReleaseError(e), opts);
  }
}

async function failInstall(ctx: ActionContext, rel: Release, err: ReleaseError, opts: InstallOptions): Promise<never> {
  rel.info.status = Status.Failed;
  rel.info.description = Description.installFailed(rel.name, err.message);
  if (opts.atomic) {
    try {
      await uninstall(ctx, rel.name, { namespace: rel.namespace, disableHooks: opts.disableHooks, timeoutMs: opts.timeoutMs });
    } catch (u) {
      throw new ReleaseFailedError(`an error occurred while uninstalling the release. original install error: ${err.message}: ${(u as Error).message}`);
    }
    throw new ReleaseFailedError(`release ${rel.name} failed, and has been uninstalled due to atomic being set: ${err.message}`);
  }
  recordRelease(ctx, rel);
  throw new ReleaseFailedError(err.message);
}
