/**
 * kubectl's printers over the simulator's Tables and objects: the human-readable table (Go's tabwriter as
 * kubectl configures it: minimum cell width 6, padding 3, blanks), `-o name`, `-o yaml` and `-o json`.
 */
import { kindInfo } from '../../cluster/index.js';
import { marshalGoYaml } from '../../yaml/go-yaml-emitter.js';

/** kubectl's tabwriter settings (printers.GetNewTabWriter). */
const MIN_WIDTH = 6;
const PADDING = 3;

/**
 * Aligns rows as Go's text/tabwriter does: every cell but the last of a row is padded to its column's
 * width (longest text + padding, at least the minimum width); the last cell is written as is.
 *
 *   [['NAME', 'READY'], ['vweb-1', '1/1']]  →  "NAME     READY\nvweb-1   1/1\n"
 */
export function tabulate(rows: readonly (readonly string[])[], minWidth = MIN_WIDTH, padding = PADDING): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.slice(0, -1).forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, minWidth, cell.length + padding);
    });
  }
  return rows.map((row) => row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i]!) : cell)).join('') + '\n').join('');
}

/** The part of a meta.k8s.io/v1 Table the printer reads. */
export interface TableLike {
  columnDefinitions: { name: string; priority: number }[];
  rows: { cells: (string | number)[] }[];
}

/** Options of the table printer. */
export interface TableOptions {
  /** `-o wide`: priority-1 columns too. */
  wide?: boolean;
  /** Prefix of every NAME cell (`deployment.apps/` in `get all` or `get deploy,rs`). */
  namePrefix?: string;
  /** Namespace cell of each row (`-A`), in row order. */
  namespaces?: string[];
  /** `--show-labels`: a LABELS cell per row, in row order, after every other column. */
  labels?: string[];
}

/** Header and rows of a Table as kubectl prints them (header names upper-cased, `<none>` for blanks kept). */
export function tableRows(table: TableLike, options: TableOptions = {}): string[][] {
  const keep = table.columnDefinitions.map((c) => options.wide || c.priority === 0);
  const pick = <T>(cells: T[]): T[] => cells.filter((_, i) => keep[i]);
  const header = pick(table.columnDefinitions.map((c) => c.name.toUpperCase()));
  const rows = table.rows.map((r) => pick(r.cells.map(String)));
  if (options.namePrefix) for (const row of rows) row[0] = `${options.namePrefix}${row[0]}`;
  if (options.labels) {
    header.push('LABELS');
    rows.forEach((row, i) => row.push(options.labels![i] ?? '<none>'));
  }
  if (!options.namespaces) return [header, ...rows];
  return [['NAMESPACE', ...header], ...rows.map((row, i) => [options.namespaces![i] ?? '', ...row])];
}

/** `deployment.apps/vweb`: kubectl's resource/name form (`-o name`, messages). */
export function resourceName(obj: { kind: string; apiVersion: string; metadata: { name: string } }): string {
  return `${typePrefix(obj.kind, obj.apiVersion)}${obj.metadata.name}`;
}

/** `deployment.apps/` for a Deployment, `pod/` for a Pod. */
export function typePrefix(kind: string, apiVersion = 'v1'): string {
  const info = kindInfo(kind, apiVersion);
  return `${kind.toLowerCase()}${info.group ? `.${info.group}` : ''}/`;
}

/**
 * `-o yaml`: kubectl's YAMLPrinter is sigs.k8s.io/yaml's Marshal, which src/yaml reproduces byte for
 * byte (keys in go-yaml order, sequences not indented under their key, timestamps and other YAML 1.1
 * non-strings double-quoted).
 */
export function toYaml(value: unknown): string {
  return marshalGoYaml(value);
}

/**
 * `-o json`: Go's json.MarshalIndent as kubectl's JSON printer calls it: four-space indentation, sorted
 * keys, and `<`, `>`, `&`, U+2028 and U+2029 escaped as \u003c and so on (they only occur inside strings).
 */
export function toJson(value: unknown): string {
  const text = JSON.stringify(sortKeys(value), null, 4).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${text}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
}

/** The v1 List kubectl prints for `-o yaml|json` of several objects. */
export function listOf(items: unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
