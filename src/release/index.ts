/**
 * Helm v3 releases over a simulated cluster: install, upgrade, rollback, uninstall, history, status,
 * list and get values, with Helm's statuses, descriptions and error messages, records stored as Helm's
 * Secrets (`sh.helm.release.v1.<name>.v<rev>`), the three-way merge on upgrade and rollback, hooks and
 * `--wait` on the simulated clock.
 *
 *   const releases = createReleaseManager(cluster, { sleep: (ms) => new Promise((r) => setTimeout(r, ms)) });
 *   await releases.install(await loadChartDirectory('vweb'), { releaseName: 'web', namespace: 'default', values });
 *   await releases.upgrade('web', chart, { namespace: 'default', values: replicas3 });
 *   await releases.rollback('web', { namespace: 'default', revision: 1 });
 *   releases.history('web', 'default').map((r) => [r.version, r.info.status, r.info.description]);
 *
 * `lookup` in templates reads the cluster (not in dry runs, as Helm's client dry run).
 *
 * Known differences from Helm: no CRDs from `crds/`, no `--force`, `--cleanup-on-fail`, `--recreate-pods`,
 * `--wait-for-jobs`, `--take-ownership`, `helm test --logs|--filter` or post-renderers; Services, PVCs and Jobs count as
 * ready once they exist; a hook Job completes the moment it is created (or fails when annotated, see
 * hooks.ts) and a hook Pod counts as succeeded once created; times are kept in milliseconds (Helm keeps
 * nanoseconds); `--wait` on a virtual clock moves that cluster's time forward for everyone.
 */
import type { Cluster } from '../cluster/index.js';
import type { LoadedChart, RenderLimits } from '../helm/render/index.js';
import type { ActionContext } from './context.js';
import { install, type InstallOptions } from './install.js';
import { history, list, type ListOptions, status } from './queries.js';
import type { Sleep } from './readiness.js';
import type { Release } from './record.js';
import { rollback, type RollbackOptions } from './rollback.js';
import { testRelease, type TestResult } from './release-test.js';
import { ReleaseStorage } from './storage.js';
import { uninstall, type UninstallOptions, type UninstallResult } from './uninstall.js';
import { upgrade, type UpgradeOptions } from './upgrade.js';

export * from './errors.js';
export { ALL_STATUSES, chartLabel, Description, isPending, type Release, type ReleaseHook, type ReleaseStatus, Status } from './record.js';
export { decodeRelease, encodeRelease, releaseJson } from './codec.js';
export { RELEASE_SECRET_TYPE, ReleaseStorage, secretName, SYSTEM_LABELS } from './storage.js';
export { DEFAULT_LIST_STATES, type ListOptions, releaseValues } from './queries.js';
export { DEFAULT_TIMEOUT_MS } from './context.js';
export { DEFAULT_HISTORY_MAX, type RollbackOptions } from './rollback.js';
export type { InstallOptions } from './install.js';
export type { UpgradeOptions } from './upgrade.js';
export type { UninstallOptions, UninstallResult } from './uninstall.js';
export type { Sleep } from './readiness.js';
export type { TestResult } from './release-test.js';
export { threeWayMergePatch } from './three-way.js';
export { KEEP_POLICY, MANAGED_BY_LABEL, RELEASE_NAME_ANNOTATION, RELEASE_NAMESPACE_ANNOTATION, RESOURCE_POLICY_ANNOTATION } from './resources.js';

/** The release actions of one cluster. */
export interface ReleaseManager {
  install(chart: LoadedChart, opts: InstallOptions): Promise<Release>;
  upgrade(name: string, chart: LoadedChart, opts: UpgradeOptions): Promise<Release>;
  rollback(name: string, opts: RollbackOptions): Promise<Release>;
  uninstall(name: string, opts: UninstallOptions): Promise<UninstallResult>;
  history(name: string, namespace: string, max?: number): Release[];
  status(name: string, namespace: string, revision?: number): Release;
  list(opts?: ListOptions): Release[];
  /** `helm test`: see release-test.ts. */
  test(name: string, namespace: string): TestResult;
}

/** Options of createReleaseManager. */
export interface ReleaseManagerOptions {
  /** How to wait on a real clock (never used with a virtual clock, whose time `--wait` advances). */
  sleep?: Sleep;
  /** Output and time limits of each chart render (the render pipeline's defaults when absent). */
  renderLimits?: RenderLimits;
}

/** The release manager of `cluster`: stateless, everything lives in the cluster's Secrets. */
export function createReleaseManager(cluster: Cluster, options: ReleaseManagerOptions = {}): ReleaseManager {
  const noSleep: Sleep = async () => {
    throw new Error('no sleep function was given for waiting on a real clock');
  };
  const ctx: ActionContext = { cluster, storage: new ReleaseStorage(cluster), sleep: options.sleep ?? noSleep, renderLimits: options.renderLimits };
  return {
    install: (chart, opts) => install(ctx, chart, opts),
    upgrade: (name, chart, opts) => upgrade(ctx, name, chart, opts),
    rollback: (name, opts) => rollback(ctx, name, opts),
    uninstall: (name, opts) => uninstall(ctx, name, opts),
    history: (name, namespace, max) => history(ctx, name, namespace, max),
    status: (name, namespace, revision) => status(ctx, name, namespace, revision),
    list: (opts) => list(ctx, opts),
    test: (name, namespace) => testRelease(ctx, name, namespace),
  };
}
