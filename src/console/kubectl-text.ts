/**
 * The text `kubectl get <type>` prints, from the simulator's server-side Table (the list route's
 * `table`): the priority-0 columns, headers upper-cased, every cell but a row's last padded to its
 * column's width (longest text + 3, at least 6), as kubectl's tabwriter does. This is the same rule as
 * `tabulate` in src/cli/kubectl/printers.ts, which the browser cannot load; test/console/kubectl-text.test.ts
 * checks the two agree.
 */

/** The parts of a meta.k8s.io/v1 Table read here. */
export interface TableLike {
  columnDefinitions: { name: string; priority?: number }[];
  rows: { cells: unknown[] }[];
}

const MIN_WIDTH = 6;
const PADDING = 3;

/** The table as kubectl prints it, one line per row after the header, each ending in a newline. */
export function kubectlText(table: TableLike): string {
  const shown = table.columnDefinitions.map((c, i) => [c, i] as const).filter(([c]) => (c.priority ?? 0) === 0);
  if (table.rows.length === 0) return '';
  const lines = [shown.map(([c]) => c.name.toUpperCase()), ...table.rows.map((r) => shown.map(([, i]) => String(r.cells[i] ?? '')))];
  const widths = shown.map((_, col) => Math.max(MIN_WIDTH, ...lines.map((line) => (line[col] ?? '').length + PADDING)));
  return lines.map((line) => line.map((cell, col) => (col < line.length - 1 ? cell.padEnd(widths[col] ?? 0) : cell)).join('') + '\n').join('');
}
