/**
 * Values for a chart and its subcharts (pkg/chartutil/coalesce.go coalesce, coalesceDeps,
 * coalesceGlobals): the chart's own values first, then for each subchart its section of the parent's
 * values (created when absent), with the parent's `global` pushed down (parent wins), coalesced over the
 * subchart's values.yaml, recursively.
 *
 *   parent {global: {a: 1}, sub: {x: 2}} over sub defaults {x: 1, y: 1}
 *     → {global: {a: 1}, sub: {global: {a: 1}, x: 2, y: 1}}
 */
import { sprintf } from '../../gotemplate/index.js';
import type { LoadedChart } from './chart-loader.js';
import { RenderError } from './errors.js';
import { coalesceTables, coalesceValues, deepCopy, type Values } from './values.js';

/** The key shared by a chart and all its subcharts. */
export const GLOBAL_KEY = 'global';

const isTable = (v: unknown): v is Values => v instanceof Map;
type Warn = (msg: string) => void;

/**
 * CoalesceValues for a chart tree (MergeValues with `merge`: nulls kept). Pure: returns new maps. Throws RenderError
 * `type mismatch on <sub>: …` when a subchart's section is not a table.
 */
export function coalesceChartValues(chart: LoadedChart, user: Values, warn: Warn = () => {}, prefix = '', merge = false): Values {
  const name = prefix ? `${prefix}.${chart.metadata.name}` : chart.metadata.name;
  const subchartNames = new Set(chart.dependencies.map((d) => d.metadata.name));
  const dest = coalesceValues(name, chart.values, user, warn, subchartNames, merge);
  for (const sub of chart.dependencies) {
    const key = sub.metadata.name;
    const section = dest.has(key) ? dest.get(key)! : new Map();
    if (!isTable(section)) throw new RenderError(sprintf('type mismatch on %s: %t', [key, section]));
    const withGlobals = new Map(section);
    pushGlobals(withGlobals, dest, name, warn);
    dest.set(key, coalesceChartValues(sub, withGlobals, warn, name, merge));
  }
  return dest;
}

/** coalesceGlobals: the parent's `global` entries over the subchart's (tables merged, parent first). */
function pushGlobals(dest: Values, parent: Values, prefix: string, warn: Warn): void {
  // a key holding null is present (and not a table), as in Go's `v, ok := m[k]`
  const dg0 = dest.has(GLOBAL_KEY) ? dest.get(GLOBAL_KEY)! : new Map();
  const sg = parent.has(GLOBAL_KEY) ? parent.get(GLOBAL_KEY)! : new Map();
  if (!isTable(dg0)) return warn(`warning: skipping globals because destination ${GLOBAL_KEY} is not a table.`);
  if (!isTable(sg)) return warn(`warning: skipping globals because source ${GLOBAL_KEY} is not a table.`);
  const dg = new Map(dg0);
  for (const [key, val] of sg) {
    const current = dg.get(key);
    if (isTable(val)) {
      const vv = deepCopy(val) as Values;
      if (current === undefined) dg.set(key, vv);
      else if (!isTable(current)) warn(`Conflict: cannot merge map onto non-map for "${key}". Skipping.`);
      else {
        coalesceTables(vv, current, `${prefix}.${key}`, warn, true);
        dg.set(key, vv);
      }
    } else if (isTable(current)) warn(`key ${key} is table. Skipping`);
    else dg.set(key, val);
  }
  dest.set(GLOBAL_KEY, dg);
}
