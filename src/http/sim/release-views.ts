/**
 * The JSON shapes of the release routes: a release as Helm's JSON names its fields (`info.status`,
 * `first_deployed`, ...), without the chart's files, plus the storage labels.
 */
import { goTime, releaseJson } from '../../release/codec.js';
import type { Release } from '../../release/index.js';

/**
 * One revision as the API returns it; with `withHelmJson`, also `helmJson`: the release exactly as Helm's
 * `-o json` prints it (Go's encoding of release.Release, chart included).
 */
export function releaseView(r: Release, withHelmJson = false): Record<string, unknown> {
  return {
    ...(withHelmJson ? { helmJson: releaseJson(r) } : {}),
    name: r.name,
    namespace: r.namespace,
    version: r.version,
    info: {
      first_deployed: goTime(r.info.firstDeployed), last_deployed: goTime(r.info.lastDeployed), deleted: goTime(r.info.deleted),
      description: r.info.description, status: r.info.status, notes: r.info.notes,
    },
    chart: { metadata: r.chart.metadata },
    config: r.config,
    manifest: r.manifest,
    hooks: r.hooks.map((h) => ({
      name: h.name, kind: h.kind, path: h.path, manifest: h.manifest, events: h.events, weight: h.weight, delete_policies: h.deletePolicies,
      last_run: { started_at: goTime(h.lastRun.startedAt), completed_at: goTime(h.lastRun.completedAt), phase: h.lastRun.phase },
    })),
    labels: r.labels,
  };
}
