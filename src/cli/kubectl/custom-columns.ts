/**
 * `-o custom-columns=HEADER:PATH,...`, `--sort-by=PATH` and `--show-labels`, as kubectl's
 * CustomColumnsPrinter, RuntimeSort and human printer do them.
 */
import { UsageError } from './args.js';
import { compileTemplate, findResults, goSprint, JsonPathError, relaxedJsonPath, type TemplateNode } from './jsonpath/index.js';
import { tabulate } from './printers.js';

/** One parsed column. */
export interface CustomColumn {
  header: string;
  template: TemplateNode[];
}

/**
 * Parses the spec after `custom-columns=`. Throws UsageError with kubectl's messages
 * (`unexpected custom-columns spec: X, expected <header>:<json-path-expr>`).
 */
export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec === '') throw new UsageError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const pieces = part.split(':');
    if (pieces.length !== 2) throw new UsageError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    try {
      return { header: pieces[0]!, template: compileTemplate(relaxedJsonPath(pieces[1]!)) };
    } catch (err) {
      if (err instanceof JsonPathError) throw new UsageError(err.message);
      throw err;
    }
  });
}

/**
 * The table: headers as written, one row per object; a cell joins every value found with "," (Go's
 * fmt.Sprint of each, whole numbers as integers as in unstructured objects) or is `<none>`.
 */
export function printCustomColumns(columns: readonly CustomColumn[], objects: readonly unknown[]): string {
  return tabulate(customColumnRows(columns, objects));
}

/** The header and one row of cells per object, before alignment (see printCustomColumns). */
export function customColumnRows(columns: readonly CustomColumn[], objects: readonly unknown[]): string[][] {
  const rows = objects.map((obj) =>
    columns.map((column) => {
      const values = findResults(column.template, obj).flatMap((g) => (g.text ? [g.value] : g.values));
      return values.length === 0 ? '<none>' : values.map((v) => goSprint(v, 'int')).join(',');
    }),
  );
  return [columns.map((c) => c.header), ...rows];
}

/**
 * Sorts `objects` (and the same positions of `rows`, when given) by a field, as `--sort-by` does:
 * numbers by value, strings in natural order (`pod-2` before `pod-10`), objects missing the field first.
 * Throws UsageError (`couldn't find any field with path "{.x}" in the list of objects`) when no object
 * has it.
 */
export function sortByField<T>(path: string, objects: readonly unknown[], rows?: readonly T[]): { objects: unknown[]; rows: T[] } {
  const field = relaxedJsonPath(path);
  const template = compileTemplate(field);
  const keys = objects.map((obj) => findResults(template, obj).flatMap((g) => (g.text ? [] : g.values))[0]);
  if (objects.length > 0 && keys.every((k) => k === undefined)) throw new UsageError(`couldn't find any field with path "${field}" in the list of objects`);
  const order = objects.map((_, i) => i).sort((a, b) => compareKeys(keys[a], keys[b]));
  return { objects: order.map((i) => objects[i]), rows: rows ? order.map((i) => rows[i]!) : [] };
}

function compareKeys(a: unknown, b: unknown): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return naturalCompare(String(a), String(b));
}

/** Natural order: runs of digits compare by value (`a2` < `a10`), the rest by code unit. */
export function naturalCompare(a: string, b: string): number {
  const chunks = (s: string): string[] => s.match(/\d+|\D+/g) ?? [];
  const [x, y] = [chunks(a), chunks(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i]!, y[i]!];
    if (p === q) continue;
    if (/^\d/.test(p) && /^\d/.test(q)) {
      const diff = Number(p) - Number(q);
      if (diff !== 0) return diff;
      return p.length - q.length;
    }
    return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

/** `labels.FormatLabels`: `k=v` pairs sorted by key and joined by ",", or `<none>`. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels![k]}`).join(',');
}
