/**
 * Hook execution (pkg/action/hooks.go execHook): the hooks of one event in weight order (then name),
 * each deleted first when its policy is `before-hook-creation` (the default), created, waited for, then
 * deleted by `hook-succeeded` / `hook-failed`. The simulator has no Job controller, so a hook Job is
 * completed here: it succeeds at once unless its metadata or pod template carries the
 * `sim.chartroom.dev/fail` annotation, or one of its images matches the cluster's failing images; then
 * it fails with `job <name> failed: BackoffLimitExceeded`, as Helm reports a failed Job. A hook Pod (e.g. a
 * `helm test` Pod) counts as succeeded once created, or failed (`pod <name> failed`) under the same rules.
 */
import { type Cluster, ClusterError, FailAnnotation, type KubeObject } from '../cluster/index.js';
import { formatTime } from '../cluster/time.js';
import { imageMatches } from '../cluster/settings.js';
import { ReleaseFailedError } from './errors.js';
import type { Release, ReleaseHook } from './record.js';
import { buildResources } from './resources.js';

/** The default delete policy Helm gives a hook without one. */
export const BEFORE_HOOK_CREATION = 'before-hook-creation';
const HOOK_SUCCEEDED = 'hook-succeeded';
const HOOK_FAILED = 'hook-failed';

/** What execHook needs besides the cluster: where to record progress. */
export interface HookContext {
  cluster: Cluster;
  /** Stores the release after each hook starts (cfg.recordRelease). */
  record: (r: Release) => void;
}

function deleteByPolicy(cluster: Cluster, hook: ReleaseHook, namespace: string, policy: string): void {
  if (hook.kind === 'CustomResourceDefinition' || !hook.deletePolicies.includes(policy)) return;
  for (const obj of buildResources(hook.manifest, namespace)) {
    if (cluster.get(obj.kind, obj.metadata.namespace, obj.metadata.name)) cluster.delete(obj.kind, obj.metadata.namespace, obj.metadata.name, { gracePeriodSeconds: 0 });
  }
}

type PodTemplateLike = { metadata?: { annotations?: Record<string, string> }; spec?: { containers?: { image?: string }[] } };

/** Whether a hook Job (its pod template) or hook Pod is to fail: the fail annotation, or a failing image. */
function hookFails(cluster: Cluster, obj: KubeObject): boolean {
  const pod: PodTemplateLike | undefined = obj.kind === 'Pod' ? (obj as PodTemplateLike) : (obj.spec as { template?: PodTemplateLike } | undefined)?.template;
  if (obj.metadata.annotations?.[FailAnnotation] !== undefined || pod?.metadata?.annotations?.[FailAnnotation] !== undefined) return true;
  const images = (pod?.spec?.containers ?? []).map((c) => c.image ?? '');
  return images.some((image) => cluster.settings.failingImages.some((p) => imageMatches(p, image)));
}

/** Runs a Job to its end as a Job controller would, returning Helm's error text when it failed. */
function completeJob(cluster: Cluster, job: KubeObject): string | undefined {
  const now = formatTime(cluster.now());
  const failed = hookFails(cluster, job);
  const live = cluster.get(job.kind, job.metadata.namespace, job.metadata.name)!;
  const condition = failed
    ? { type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastProbeTime: now, lastTransitionTime: now }
    : { type: 'Complete', status: 'True', lastProbeTime: now, lastTransitionTime: now };
  const status = failed ? { startTime: now, failed: 1, conditions: [condition] } : { startTime: now, completionTime: now, succeeded: 1, conditions: [condition] };
  cluster.replace({ ...live, metadata: { ...live.metadata, resourceVersion: undefined }, status });
  return failed ? `job ${job.metadata.name} failed: BackoffLimitExceeded` : undefined;
}

/** The hooks of `event`, sorted by weight then name (hookByWeight). */
export function hooksFor(r: Release, event: string): ReleaseHook[] {
  return r.hooks.filter((h) => h.events.includes(event))
    .sort((a, b) => a.weight - b.weight || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Runs the `event` hooks of `r`, updating their `lastRun`. Throws ReleaseFailedError with Helm's text
 * (`warning: Hook pre-install x/templates/job.yaml failed: …`, `job x failed: BackoffLimitExceeded`).
 */
export function execHooks(ctx: HookContext, r: Release, event: string): void {
  const { cluster } = ctx;
  const executing = hooksFor(r, event);
  for (const [i, hook] of executing.entries()) {
    if (hook.deletePolicies.length === 0) hook.deletePolicies = [BEFORE_HOOK_CREATION];
    deleteByPolicy(cluster, hook, r.namespace, BEFORE_HOOK_CREATION);
    const objects = buildResources(hook.manifest, r.namespace);
    hook.lastRun = { startedAt: cluster.now(), phase: 'Running' };
    ctx.record(r);
    hook.lastRun.phase = 'Unknown';
    try {
      for (const obj of objects) cluster.create(obj);
    } catch (e) {
      if (!(e instanceof ClusterError)) throw e;
      hook.lastRun = { ...hook.lastRun, completedAt: cluster.now(), phase: 'Failed' };
      throw new ReleaseFailedError(`warning: Hook ${event} ${hook.path} failed: ${e.message}`);
    }
    const failure = objects.map((o) => (o.kind === 'Job' ? completeJob(cluster, o) : o.kind === 'Pod' && hookFails(cluster, o) ? `pod ${o.metadata.name} failed` : undefined))
      .find((x) => x !== undefined);
    hook.lastRun.completedAt = cluster.now();
    if (failure) {
      hook.lastRun.phase = 'Failed';
      deleteByPolicy(cluster, hook, r.namespace, HOOK_FAILED);
      for (const done of executing.slice(0, i)) deleteByPolicy(cluster, done, r.namespace, HOOK_SUCCEEDED);
      throw new ReleaseFailedError(failure);
    }
    hook.lastRun.phase = 'Succeeded';
  }
  for (const hook of [...executing].reverse()) deleteByPolicy(cluster, hook, r.namespace, HOOK_SUCCEEDED);
}
