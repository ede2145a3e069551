/**
 * What every release action works with: the cluster, its release storage, how time passes while
 * waiting, and the conversions between a loaded chart and the chart a release stores.
 */
import type { Cluster } from '../cluster/index.js';
import type { GoValue } from '../gotemplate/index.js';
import { fromPlain, toPlain } from '../gotemplate/convert.js';
import { coalesceValues, type LoadedChart, type RenderLimits, type Values } from '../helm/render/index.js';
import type { Release, StoredChart } from './record.js';
import type { Sleep } from './readiness.js';
import type { ReleaseStorage } from './storage.js';

/** The default `--timeout` (5m0s). */
export const DEFAULT_TIMEOUT_MS = 300_000;

/** The release actions' shared state. */
export interface ActionContext {
  cluster: Cluster;
  storage: ReleaseStorage;
  sleep: Sleep;
  /** Limits of each chart render. */
  renderLimits?: RenderLimits;
}

/** Stores `r`, ignoring a record that vanished meanwhile (cfg.recordRelease logs and goes on). */
export function recordRelease(ctx: ActionContext, r: Release): void {
  try {
    ctx.storage.update(r);
  } catch {
    // Helm logs "warning: Failed to update release" and carries on; so do we.
  }
}

/** Plain JSON data as Go values (numbers float64, as Helm reads stored JSON). */
export function valuesFromPlain(v: Record<string, unknown>): Values {
  return fromPlain(v, { numbers: 'float64' }) as Values;
}

/** Go values as plain JSON data. */
export function valuesToPlain(v: Values): Record<string, unknown> {
  return (toPlain(v as GoValue) ?? {}) as Record<string, unknown>;
}

/** The chart as a release record keeps it: metadata, templates, values and other files (no subcharts). */
export function storeChart(chart: LoadedChart): StoredChart {
  return {
    metadata: chart.metadata,
    templates: chart.templates.map((t) => ({ name: t.name, data: Buffer.from(t.data, 'utf8') })),
    values: valuesToPlain(chart.values),
    files: [...chart.files].map(([name, data]) => ({ name, data })),
  };
}

/** chartutil.CoalesceValues(chart, config) for a stored chart: the values a revision was rendered with. */
export function computedValues(r: Release): Values {
  return coalesceValues(r.chart.metadata.name, valuesFromPlain(r.chart.values), valuesFromPlain(r.config));
}
