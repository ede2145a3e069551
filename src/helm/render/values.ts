/**
 * Values as Helm builds them (pkg/cli/values/options.go mergeMaps, pkg/chartutil/coalesce.go): user
 * values files merged in order, then coalesced over the chart's values.yaml. Pure functions over Go values;
 * inputs are never mutated.
 *
 *   defaults {a: 1, b: {c: 2, d: 3}}  user {b: {c: null}, e: 5}  →  {a: 1, b: {d: 3}, e: 5}
 */
import { sprint, type GoValue } from '../../gotemplate/index.js';

/** A `map[string]interface {}` of values. */
export type Values = Map<string, GoValue>;

const isTable = (v: GoValue | undefined): v is Values => v instanceof Map;

/**
 * Helm's mergeMaps for `-f` files: maps deep-merge, anything else (lists included) from `b` replaces `a`.
 *   mergeMaps({x: {y: 1}, l: [1]}, {x: {z: 2}, l: [2]}) → {x: {y: 1, z: 2}, l: [2]}
 */
export function mergeMaps(a: Values, b: Values): Values {
  const out: Values = new Map(a);
  for (const [k, v] of b) {
    const prev = out.get(k);
    out.set(k, isTable(v) && isTable(prev) ? mergeMaps(prev, v) : v);
  }
  return out;
}

/** Merges parsed `-f/--values` files in command-line order (later wins). */
export function mergeValueFiles(files: Values[]): Values {
  return files.reduce<Values>((acc, f) => mergeMaps(acc, f), new Map());
}

/** A deep copy of maps and lists (scalars are immutable). */
export function deepCopy(v: GoValue): GoValue {
  if (isTable(v)) return new Map([...v].map(([k, x]) => [k, deepCopy(x)]));
  if (Array.isArray(v)) return v.map(deepCopy);
  return v;
}

/**
 * Coalesces user values over chart defaults (coalesceValues + coalesceTablesFullKey, merge=false): user
 * wins; tables merge recursively; a user `null` deletes the default key (a null with no default stays);
 * a user table over a default scalar, or a scalar over a default table, keeps the user value.
 * `warn` receives Helm's warnings (`warning: skipped value for …: Not a table.`). Sections named in
 * `subchartNames`, and everything when `merge` is set (Helm's MergeValues), keep user nulls.
 */
export function coalesceValues(
  chartName: string, defaults: Values, user: Values, warn: (msg: string) => void = () => {},
  subchartNames: ReadonlySet<string> = new Set(), merge = false,
): Values {
  const out = deepCopy(user) as Values;
  for (const [key, def] of defaults) {
    if (!out.has(key)) {
      out.set(key, deepCopy(def));
      continue;
    }
    const value = out.get(key)!;
    if (value === null && !merge) out.delete(key);
    else if (isTable(value)) {
      // childChartMergeTrue: a subchart's section keeps its nulls here; the subchart's own coalesce
      // applies them to its defaults.
      const mergeSection = merge || subchartNames.has(key);
      if (isTable(def)) coalesceTables(value, def, `${chartName}.${key}`, warn, mergeSection);
      else if (def !== null) warn(`warning: skipped value for ${chartName}.${key}: Not a table.`);
    }
  }
  return out;
}

/**
 * coalesceTablesFullKey: copies `src` (lower priority) into `dst` (mutated) where dst lacks keys; with
 * `merge` false a null in dst deletes a non-null default, with `merge` true (globals, subchart sections)
 * it stays, and a null over a null stays either way.
 */
export function coalesceTables(dst: Values, src: Values, prefix: string, warn: (msg: string) => void, merge = false): void {
  for (const [key, val] of src) {
    const full = `${prefix}.${key}`;
    if (!dst.has(key)) {
      dst.set(key, deepCopy(val));
      continue;
    }
    const dv = dst.get(key)!;
    if (dv === null) {
      // Go first sets src[key] = nil wherever dst is nil, so a null never meets a table here: coalescing
      // deletes the key when the default was not null, merging (and a null default) keeps the null.
      if (!merge && val !== null) dst.delete(key);
    } else if (isTable(val)) {
      if (isTable(dv)) coalesceTables(dv, val, full, warn, merge);
      else warn(`warning: cannot overwrite table with non table for ${full} (${sprint([val])})`);
    } else if (isTable(dv) && val !== null) {
      warn(`warning: destination for ${full} is a table. Ignoring non-table value (${sprint([val])})`);
    }
  }
}
