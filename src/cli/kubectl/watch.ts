/**
 * `kubectl get TYPE [NAME] -w` / `--watch-only`: the table as `get` prints it, then one line per change
 * the server streams (watch-stream.ts), each flushed on its own as kubectl's tabwriter is, so a row is
 * aligned by its own cells (kubectl's rows can drift from the header the same way). The header is printed
 * once, before the first row. `--request-timeout=5s` ends the watch after that long (exit 0), which is how
 * scripts and tests stop it; otherwise it runs until interrupted.
 */
import { kindInfo } from '../../cluster/index.js';
import { parseGoDuration } from '../../config/duration.js';
import { boolFlag, UsageError } from './args.js';
import type { StreamEvent } from './client.js';
import { customColumnRows } from './custom-columns.js';
import { type Group, groupRows, listQuery, type PrintOptions } from './get.js';
import type { Invocation } from './invocation.js';
import { printJsonPath } from './jsonpath/index.js';
import { resourceName, tabulate, toJson, toYaml } from './printers.js';

/** Prints the current state (unless `--watch-only`) and then every change; resolves to the exit code. */
export async function watchCommand(inv: Invocation, groups: Group[], options: Omit<PrintOptions, 'single'>): Promise<number> {
  if (groups.length !== 1) throw new UsageError('you may only specify a single resource type'); // the builder's SingleResourceType() error
  const group = groups[0]!;
  const watchOnly = boolFlag(inv.args, 'watch-only');
  let headerDone = false;
  const print = (items: any[], rows: any[]): void => {
    if (items.length === 0) return;
    inv.io.stdout(render(inv, { ...group, items, table: { ...group.table, rows } }, options, !headerDone));
    headerDone = true;
  };
  if (!watchOnly) print(group.items, group.table.rows);
  const query = { ...listQuery(inv, group.kind, options.allNamespaces), resourceVersion: group.resourceVersion, timeoutSeconds: timeoutSeconds(inv) };
  await inv.client.watch(kindInfo(group.kind).resource, query, (event: StreamEvent) => {
    if (group.names.length > 0 && !group.names.includes(event.object.metadata.name)) return;
    print([event.object], [event.row ?? { cells: [event.object.metadata.name] }]);
  });
  return 0;
}

function render(inv: Invocation, group: Group, options: Omit<PrintOptions, 'single'>, withHeader: boolean): string {
  const { format } = options.output;
  if (format === 'name') return group.items.map((o) => `${resourceName(o)}\n`).join('');
  if (format === 'json') return group.items.map((o) => toJson(o)).join('');
  if (format === 'yaml') return group.items.map((o) => `---\n${toYaml(o)}`).join('');
  if (format === 'jsonpath') return group.items.map((o) => printJsonPath(options.template!, o)).join('');
  const rows =
    format === 'custom-columns'
      ? customColumnRows(options.columns!, group.items)
      : groupRows(inv, group, { wide: format === 'wide', multi: options.multi, allNamespaces: options.allNamespaces });
  return tabulate(withHeader && !boolFlag(inv.args, 'no-headers') ? rows : rows.slice(1));
}

/** `--request-timeout` as whole seconds for the server (`5s`, `1m`, or a bare number of seconds). */
function timeoutSeconds(inv: Invocation): string | undefined {
  const text = inv.args.flags.get('request-timeout');
  if (text === undefined || text === '0') return undefined;
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : parseGoDuration(text);
  if (ms === undefined) throw new UsageError(`invalid argument "${text}" for "--request-timeout" flag`);
  return String(Math.max(1, Math.ceil(ms / 1000)));
}
