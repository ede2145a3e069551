/**
 * A Helm release record (helm/helm pkg/release): one revision of one release, with Helm's statuses,
 * descriptions and hook shapes. Times are epoch milliseconds of the injected clock; `undefined` is Go's
 * zero time. Values (`config`, `chart.values`) are plain JSON data, as Helm stores them.
 */
import type { ChartMetadata } from '../repo/chart-metadata.js';

/** Helm's release statuses (pkg/release/status.go), spelled as Helm spells them. */
export const Status = {
  Unknown: 'unknown',
  Deployed: 'deployed',
  Uninstalled: 'uninstalled',
  Superseded: 'superseded',
  Failed: 'failed',
  Uninstalling: 'uninstalling',
  PendingInstall: 'pending-install',
  PendingUpgrade: 'pending-upgrade',
  PendingRollback: 'pending-rollback',
} as const;

/** One of Helm's statuses. */
export type ReleaseStatus = (typeof Status)[keyof typeof Status];

/** Every status, in Helm's declaration order. */
export const ALL_STATUSES: readonly ReleaseStatus[] = Object.values(Status);

/** Status.IsPending: the three `pending-*` statuses. */
export function isPending(s: ReleaseStatus): boolean {
  return s === Status.PendingInstall || s === Status.PendingUpgrade || s === Status.PendingRollback;
}

/** The descriptions Helm writes (pkg/action), so both codebases grep alike. */
export const Description = {
  InitialInstall: 'Initial install underway',
  InstallComplete: 'Install complete',
  PreparingUpgrade: 'Preparing upgrade',
  UpgradeComplete: 'Upgrade complete',
  DryRunComplete: 'Dry run complete',
  DeletionInProgress: 'Deletion in progress (or silently failed)',
  UninstallComplete: 'Uninstallation complete',
  SupersededByNew: 'superseded by new release',
  rollbackTo: (revision: number): string => `Rollback to ${revision}`,
  installFailed: (name: string, err: string): string => `Release ${JSON.stringify(name)} failed: ${err}`,
  upgradeFailed: (name: string, err: string): string => `Upgrade ${JSON.stringify(name)} failed: ${err}`,
  rollbackFailed: (name: string, err: string): string => `Rollback ${JSON.stringify(name)} failed: ${err}`,
} as const;

/** A file of a stored chart (`templates`, `files`). */
export interface ChartFile {
  name: string;
  data: Buffer;
}

/** The chart as a release stores it (subcharts are not serialised, as in Helm). */
export interface StoredChart {
  metadata: ChartMetadata;
  templates: ChartFile[];
  /** The chart's values.yaml as plain data. */
  values: Record<string, unknown>;
  files: ChartFile[];
}

/** A hook's last execution (`last_run`). */
export interface HookExecution {
  startedAt?: number;
  completedAt?: number;
  /** `Unknown`, `Running`, `Succeeded`, `Failed`, or "" when never run. */
  phase: string;
}

/** A hook as stored in a release. */
export interface ReleaseHook {
  name: string;
  kind: string;
  path: string;
  manifest: string;
  events: string[];
  lastRun: HookExecution;
  weight: number;
  deletePolicies: string[];
}

/** `info` of a release. */
export interface ReleaseInfo {
  firstDeployed?: number;
  lastDeployed?: number;
  deleted?: number;
  description: string;
  status: ReleaseStatus;
  notes: string;
}

/** One revision of a release. */
export interface Release {
  name: string;
  namespace: string;
  /** The revision, ≥ 1. */
  version: number;
  info: ReleaseInfo;
  chart: StoredChart;
  /** User-supplied values only. */
  config: Record<string, unknown>;
  manifest: string;
  hooks: ReleaseHook[];
  /** Custom labels (stored as storage labels, not in the JSON). */
  labels: Record<string, string>;
}

/** `<chart name>-<chart version>`, as history and list print it. */
export function chartLabel(r: Release): string {
  return `${r.chart.metadata.name}-${r.chart.metadata.version}`;
}

/** A copy safe to change: everything but the chart (never changed once stored) is copied. */
export function cloneRelease(r: Release): Release {
  return {
    ...r,
    info: { ...r.info },
    config: structuredClone(r.config),
    hooks: r.hooks.map((h) => ({ ...h, events: [...h.events], lastRun: { ...h.lastRun }, deletePolicies: [...h.deletePolicies] })),
    labels: { ...r.labels },
  };
}
