/**
 * `import-values` (pkg/chartutil/dependencies.go processImportValues, merge mode as
 * ProcessDependenciesWithMerge uses it), bottom-up over the enabled tree: for each declared dependency,
 * a string entry `x` copies the child's `exports.x` table to the parent's root, a `{child, parent}` entry
 * copies the child's table at `child` to the parent's path `parent`; the first import wins a conflict, and
 * the parent's own values win over every import. The chart's values become its merged values (sections
 * of subcharts and globals included, nulls kept), as in Helm.
 *
 *   child values {exports: {data: {a: 1}}}, parent `import-values: [data]` → parent values gain {a: 1}
 */
import type { GoValue } from '../../gotemplate/index.js';
import type { LoadedChart } from './chart-loader.js';
import { coalesceChartValues } from './chart-values.js';
import { deepCopy, type Values } from './values.js';

const isTable = (v: GoValue | undefined): v is Values => v instanceof Map;

/** Values.Table over a dotted path: the table, or ErrNoTable's text for the first step that is not one. */
function tableAt(v: Values, path: string): Values | string {
  let cur: Values = v;
  for (const key of path.split('.')) {
    const next = cur.get(key);
    if (!isTable(next)) return `"${key}" is not a table`;
    cur = next;
  }
  return cur;
}

/** pathToMap: `a.b` and data → {a: {b: data}}; `.` → data. */
function pathToMap(path: string, data: Values): Values {
  if (path === '.') return data;
  return path.split('.').reduceRight<Values>((acc, key) => new Map([[key, acc]]), data);
}

/**
 * MergeTables: fills `dst` (mutated, higher priority) from `src`, keeping nulls. Like Helm it shares
 * `src`'s tables instead of copying them, and the sharing is observable: an import whose target already
 * holds a child table merges into that table, so the child's own section changes too (reproduced, as
 * `helm template` shows it).
 */
function mergeTables(dst: Values, src: Values): Values {
  for (const [key, val] of src) {
    const dv = dst.get(key);
    if (dv === undefined && !dst.has(key)) dst.set(key, val);
    else if (isTable(val) && isTable(dv)) mergeTables(dv, val);
  }
  return dst;
}

/** The child table an import entry names, and where it goes in the parent. */
function importEntry(entry: unknown): { child: string; parent: string } | undefined {
  if (typeof entry === 'string') return { child: `exports.${entry}`, parent: '.' };
  if (entry && typeof entry === 'object') {
    const e = entry as Record<string, unknown>;
    if (typeof e['child'] === 'string' && typeof e['parent'] === 'string') return { child: e['child'], parent: e['parent'] };
  }
  return undefined;
}

/**
 * Applies import-values through the chart tree (children first). Pure, but `warn` receives the coalescing
 * warnings of each chart's MergeValues, which Helm prints here too. A chart whose dependencies are all
 * disabled is skipped, as Helm's nil dependency list is.
 */
export function processImportValues(chart: LoadedChart, warn: (msg: string) => void = () => {}): LoadedChart {
  const c: LoadedChart = { ...chart, dependencies: chart.dependencies.map((d) => processImportValues(d, warn)) };
  const reqs = c.metadata.dependencies;
  if (!reqs || reqs.length === 0) return c;
  const cvals = coalesceChartValues(c, new Map(), warn, '', true);
  let imported: Values = new Map();
  for (const r of reqs) {
    for (const entry of r['import-values'] ?? []) {
      const spec = importEntry(entry);
      if (!spec) continue;
      const table = tableAt(cvals, `${r.name}.${spec.child}`);
      if (typeof table === 'string') {
        warn(typeof entry === 'string' ? `Warning: ImportValues missing table: ${table}` : `Warning: ImportValues missing table from chart ${r.name}: ${table}`);
        continue;
      }
      imported = mergeTables(imported, pathToMap(spec.parent, table));
    }
  }
  return { ...c, values: mergeTables(deepCopy(cvals) as Values, imported) };
}
