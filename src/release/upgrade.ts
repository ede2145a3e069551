/**
 * `helm upgrade` (pkg/action/upgrade.go): refuses while the latest revision is pending; builds revision
 * last + 1 from the current deployed one (values per `--reset-values` / `--reuse-values` /
 * `--reset-then-reuse-values` / default), stores it pending-upgrade, runs pre-upgrade hooks, applies the
 * three-way merge, waits, runs post-upgrade hooks, then supersedes the previous deployed revision.
 * A failure marks the new revision failed (`Upgrade "x" failed: …`); `--atomic` rolls back.
 */
import { type LoadedChart, validateReleaseName, type Values } from '../helm/render/index.js';
import { coalesceTables, deepCopy } from '../helm/render/values.js';
import { type ActionContext, computedValues, DEFAULT_TIMEOUT_MS, recordRelease, storeChart, valuesFromPlain, valuesToPlain } from './context.js';
import { asReleaseError, InvalidReleaseRequestError, NoDeployedReleasesError, PendingOperationError, ReleaseError, ReleaseFailedError, ReleaseNotFoundError, ResourceError } from './errors.js';
import { execHooks } from './hooks.js';
import { clusterLookup } from './lookup.js';
import { checkUserLabels } from './install.js';
import { waitForResources } from './readiness.js';
import { Description, isPending, type Release, Status } from './record.js';
import { chartAsStored, renderRelease } from './render.js';
import { buildResources, existingResources, updateResources, withOwnership } from './resources.js';
import { DEFAULT_HISTORY_MAX, rollback } from './rollback.js';

/** Options of an upgrade, named after Helm's flags. */
export interface UpgradeOptions {
  namespace: string;
  /** User-supplied values of this command line. */
  values: Values;
  /** Whether any value flag was given (Helm reuses the old config only when none was). */
  resetValues?: boolean;
  reuseValues?: boolean;
  resetThenReuseValues?: boolean;
  dryRun?: boolean;
  wait?: boolean;
  atomic?: boolean;
  timeoutMs?: number;
  description?: string;
  disableHooks?: boolean;
  historyMax?: number;
  labels?: Record<string, string>;
}

/** upgrade.reuseValues: the config of the new revision, and the chart defaults to render with. */
export function upgradeValues(chart: LoadedChart, current: Release, opts: UpgradeOptions): { config: Values; chart: LoadedChart } {
  const newVals = deepCopy(opts.values) as Values;
  const oldConfig = valuesFromPlain(current.config);
  if (opts.resetValues) return { config: newVals, chart };
  if (opts.reuseValues) {
    coalesceTables(newVals, oldConfig, '', () => {});
    return { config: newVals, chart: { ...chart, values: computedValues(current) } };
  }
  if (opts.resetThenReuseValues) {
    coalesceTables(newVals, oldConfig, '', () => {});
    return { config: newVals, chart };
  }
  if (newVals.size === 0 && oldConfig.size > 0) return { config: oldConfig, chart };
  return { config: newVals, chart };
}

/** mergeCustomLabels: the new labels over the previous ones; a label set to "null" is removed. */
function mergeCustomLabels(current: Record<string, string>, desired: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries({ ...current, ...desired }).filter(([, v]) => v !== 'null'));
}

function findCurrent(ctx: ActionContext, name: string, namespace: string): { last: Release; current: Release } {
  const history = ctx.storage.history(name, namespace);
  const last = history.at(-1);
  if (!last) throw new NoDeployedReleasesError(name);
  if (isPending(last.info.status)) throw new PendingOperationError();
  if (last.info.status === Status.Deployed) return { last, current: last };
  const deployed = history.filter((r) => r.info.status === Status.Deployed).at(-1);
  if (deployed) return { last, current: deployed };
  if (last.info.status === Status.Failed || last.info.status === Status.Superseded) return { last, current: last };
  throw new NoDeployedReleasesError(name);
}

/**
 * Upgrades `name` to `chart`. Returns the new revision (unstored with `dryRun`, described "Dry run
 * complete"). Throws InvalidReleaseRequestError, NoDeployedReleasesError, PendingOperationError, render
 * errors, ResourceError, or ReleaseFailedError after a failed upgrade.
 */
export async function upgrade(ctx: ActionContext, name: string, chart: LoadedChart, opts: UpgradeOptions): Promise<Release> {
  try {
    validateReleaseName(name);
  } catch {
    throw new InvalidReleaseRequestError(`release name is invalid: ${name}`);
  }
  const { last, current } = findCurrent(ctx, name, opts.namespace);
  const { config, chart: renderChart } = upgradeValues(chart, current, opts);
  const revision = last.version + 1;
  const body = renderRelease(renderChart, {
    releaseName: name, namespace: current.namespace, revision, isUpgrade: true, values: config, lookup: opts.dryRun ? undefined : clusterLookup(ctx.cluster),
    limits: ctx.renderLimits,
  });
  checkUserLabels(opts.labels);
  const rel: Release = {
    name, namespace: current.namespace, version: revision,
    info: { firstDeployed: current.info.firstDeployed, lastDeployed: ctx.cluster.now(), status: Status.PendingUpgrade, description: Description.PreparingUpgrade, notes: body.notes },
    chart: storeChart(chartAsStored(renderChart, config)), config: valuesToPlain(config), manifest: body.manifest, hooks: body.hooks,
    labels: mergeCustomLabels(last.labels, opts.labels),
  };
  const original = buildResources(current.manifest, current.namespace);
  const target = buildResources(rel.manifest, rel.namespace).map((o) => withOwnership(o, rel.name, rel.namespace));
  const known = new Set(original.map((o) => `${o.apiVersion}/${o.kind}/${o.metadata.namespace}/${o.metadata.name}`));
  const fresh = target.filter((o) => !known.has(`${o.apiVersion}/${o.kind}/${o.metadata.namespace}/${o.metadata.name}`));
  try {
    original.push(...existingResources(ctx.cluster, fresh, rel.name, rel.namespace));
  } catch (e) {
    throw new ResourceError(`Unable to continue with update: ${(e as Error).message}`);
  }
  if (opts.dryRun) {
    rel.info.description = opts.description || Description.DryRunComplete;
    return rel;
  }
  ctx.storage.pruneHistory(name, opts.namespace, opts.historyMax ?? DEFAULT_HISTORY_MAX);
  ctx.storage.create(rel);
  try {
    await performUpgrade(ctx, current, rel, original, target, opts);
  } catch (e) {
    return await failUpgrade(ctx, rel, asReleaseError(e), opts);
  }
  ctx.storage.update(rel);
  return rel;
}

async function performUpgrade(
  ctx: ActionContext, current: Release, rel: Release, original: ReturnType<typeof buildResources>, target: ReturnType<typeof buildResources>, opts: UpgradeOptions,
): Promise<void> {
  const hookCtx = { cluster: ctx.cluster, record: (r: Release) => recordRelease(ctx, r) };
  if (!opts.disableHooks) {
    try {
      execHooks(hookCtx, rel, 'pre-upgrade');
    } catch (e) {
      throw new ReleaseFailedError(`pre-upgrade hooks failed: ${(e as Error).message}`);
    }
  }
  updateResources(ctx.cluster, original, target);
  if (opts.wait || opts.atomic) await waitForResources(ctx.cluster, target, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, ctx.sleep);
  if (!opts.disableHooks) {
    try {
      execHooks(hookCtx, rel, 'post-upgrade');
    } catch (e) {
      throw new ReleaseFailedError(`post-upgrade hooks failed: ${(e as Error).message}`);
    }
  }
  current.info.status = Status.Superseded;
  recordRelease(ctx, current);
  rel.info.status = Status.Deployed;
  rel.info.description = opts.description || Description.UpgradeComplete;
}

async function failUpgrade(ctx: ActionContext, rel: Release, err: ReleaseError, opts: UpgradeOptions): Promise<never> {
  rel.info.status = Status.Failed;
  rel.info.description = Description.upgradeFailed(rel.name, err.message);
  recordRelease(ctx, rel);
  if (!opts.atomic) throw new ReleaseFailedError(err.message);
  const good = ctx.storage.history(rel.name, rel.namespace)
    .filter((r) => r.info.status === Status.Superseded || r.info.status === Status.Deployed).at(-1);
  if (!good) throw new ReleaseFailedError(`unable to find a previously successful release when attempting to rollback. original upgrade error: ${err.message}`);
  try {
    await rollback(ctx, rel.name, { namespace: rel.namespace, revision: good.version, wait: true, timeoutMs: opts.timeoutMs, disableHooks: opts.disableHooks });
  } catch (e) {
    if (e instanceof ReleaseNotFoundError || e instanceof ReleaseError) {
      throw new ReleaseFailedError(`an error occurred while rolling back the release. original upgrade error: ${err.message}: ${e.message}`);
    }
    throw e;
  }
  throw new ReleaseFailedError(`release ${rel.name} failed, and has been rolled back due to atomic being set: ${err.message}`);
}
