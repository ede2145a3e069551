/**
 * Dependency processing before rendering (pkg/chartutil/dependencies.go processDependencyEnabled):
 * subcharts declared in Chart.yaml are matched by name and version range, copied under their `alias`,
 * then switched off by `tags` and `condition` read from the coalesced values. Subcharts present in
 * `charts/` but not declared stay enabled. Recurses into the enabled subcharts with the same values and a
 * longer condition path. `import-values` follows in import-values.ts.
 */
import type { GoValue } from '../../gotemplate/index.js';
import type { Dependency } from '../../repo/chart-metadata.js';
import type { LoadedChart } from './chart-loader.js';
import { coalesceChartValues } from './chart-values.js';
import { isCompatibleRange } from './preflight.js';
import type { Values } from './values.js';

const isTable = (v: GoValue | undefined): v is Values => v instanceof Map;
type Warn = (msg: string) => void;

/** Values.Table: the table at a dotted path, or undefined. */
function tableAt(v: Values, path: string[]): Values | undefined {
  let cur: Values = v;
  for (const key of path) {
    const next = cur.get(key);
    if (!isTable(next)) return undefined;
    cur = next;
  }
  return cur;
}

/** Values.PathValue: a non-table value at a dotted path, or undefined (Helm's ErrNoValue). */
export function pathValue(v: Values, path: string): GoValue | undefined {
  const parts = path.split('.');
  const key = parts.pop()!;
  const table = tableAt(v, parts);
  const value = table?.get(key);
  return value === undefined || isTable(value) ? undefined : value;
}

/** processDependencyTags: off when some tag is false and none true; on otherwise; a non-bool tag warns. */
function tagsEnable(dep: Dependency, values: Values, warn: Warn): boolean | undefined {
  const tags = values.get('tags');
  if (!isTable(tags)) return undefined;
  let hasTrue = false;
  let hasFalse = false;
  for (const t of dep.tags ?? []) {
    if (!tags.has(t)) continue;
    const b = tags.get(t);
    if (b === true) hasTrue = true;
    else if (b === false) hasFalse = true;
    else warn(`Warning: Tag '${t}' for chart ${dep.name} returned non-bool value`);
  }
  return !(!hasTrue && hasFalse);
}

/**
 * processDependencyConditions: the first condition path holding a bool decides; a path holding anything
 * else (null included) is reported and skipped, a missing one skipped quietly.
 */
function conditionEnables(dep: Dependency, values: Values, prefix: string, warn: Warn): boolean | undefined {
  for (const c of (dep.condition ?? '').trim().split(',')) {
    if (c === '') continue;
    const v = pathValue(values, prefix + c);
    if (typeof v === 'boolean') return v;
    if (v !== undefined) warn(`Warning: Condition path '${c}' for chart ${dep.name} returned non-bool value`);
  }
  return undefined;
}

const matches = (c: LoadedChart, d: Dependency): boolean =>
  c.metadata.name === d.name && isCompatibleRange(d.version ?? '', c.metadata.version);

/**
 * Returns the chart tree Helm renders for these user values: aliased copies added, disabled subcharts
 * removed, `metadata.dependencies` reduced to the enabled ones with `enabled: true`. Pure, but `warn`
 * receives what Helm logs on the way: the warnings of each CoalesceValues it runs, and a condition path
 * holding something other than a bool.
 */
export function processDependencies(chart: LoadedChart, user: Values, warn: Warn = () => {}, prefix = ''): LoadedChart {
  const reqs = chart.metadata.dependencies;
  if (!reqs) return chart;
  const undeclared = chart.dependencies.filter((c) => !reqs.some((r) => matches(c, r)));
  const aliased: LoadedChart[] = [];
  const declared: Dependency[] = [];
  for (const r of reqs) {
    const found = chart.dependencies.find((c) => matches(c, r));
    const name = r.alias ? r.alias : r.name;
    if (found) aliased.push({ ...found, metadata: { ...found.metadata, name } });
    declared.push({ ...r, name, enabled: true });
  }
  const candidate: LoadedChart = { ...chart, metadata: { ...chart.metadata, dependencies: declared }, dependencies: [...undeclared, ...aliased] };
  const values = coalesceChartValues(candidate, user, warn);
  for (const d of declared) {
    const byTags = tagsEnable(d, values, warn);
    if (byTags !== undefined) d.enabled = byTags;
    const byCondition = conditionEnables(d, values, prefix, warn);
    if (byCondition !== undefined) d.enabled = byCondition;
  }
  const off = new Set(declared.filter((d) => !d.enabled).map((d) => d.name));
  const enabled = candidate.dependencies.filter((c) => !off.has(c.metadata.name));
  return {
    ...candidate,
    metadata: { ...candidate.metadata, dependencies: declared.filter((d) => d.enabled) },
    dependencies: enabled.map((c) => processDependencies(c, values, warn, `${prefix}${c.metadata.name}.`)),
  };
}
