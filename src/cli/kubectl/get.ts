/**
 * `kubectl get TYPE[,TYPE...] [NAME...] | TYPE/NAME | all` with `-o wide|name|yaml|json|custom-columns=|jsonpath=`,
 * `-l`, `-A`, `--sort-by`, `--show-labels` and `-w`; tables are printed from the server's Table rows.
 */
import { kindInfo } from '../../cluster/index.js';
import { boolFlag, UsageError } from './args.js';
import { type Invocation, kindArg } from './invocation.js';
import { type CustomColumn, formatLabels, parseCustomColumns, customColumnRows, sortByField } from './custom-columns.js';
import { compileTemplate, JsonPathError, printJsonPath, type TemplateNode } from './jsonpath/index.js';
import { listOf, resourceName, tableRows, tabulate, toJson, toYaml, typePrefix } from './printers.js';
import { watchCommand } from './watch.js';

/** What `kubectl get all` lists (the kinds the simulator has, in kubectl's order). */
const ALL = ['Pod', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'];

interface Target {
  kind: string;
  names: string[];
}

/**
 * Parses the positionals of `get` into kinds and names, and whether NAME carries the kind prefix
 * (several types asked for). Throws UsageError.
 */
export function getTargets(positionals: readonly string[]): { targets: Target[]; multi: boolean } {
  if (positionals.length === 0) throw new UsageError('You must specify the type of resource to get.');
  if (positionals.every((p) => p.includes('/'))) {
    const targets: Target[] = positionals.map((p) => ({ kind: kindArg(p.split('/')[0]!), names: [p.split('/')[1]!] }));
    return { targets, multi: new Set(targets.map((t) => t.kind)).size > 1 };
  }
  const [types, ...names] = positionals as [string, ...string[]];
  const kinds = types.split(',').flatMap((t) => (t === 'all' ? ALL : [kindArg(t)]));
  // resource.MultipleTypesRequested: `all` or a comma list turns on the kind prefix of NAME.
  return { targets: kinds.map((kind) => ({ kind, names })), multi: types === 'all' || types.includes(',') };
}

/** The objects of one kind and their server-side Table. */
export interface Group {
  kind: string;
  items: any[];
  table: any;
  /** The list's resourceVersion: where a watch continues from. */
  resourceVersion: string;
  /** The names asked for (empty: the whole list). */
  names: string[];
}

/** The `-o` value split into format and argument (`custom-columns=A:.a` → custom-columns, `A:.a`). */
export interface OutputFormat {
  format: '' | 'wide' | 'name' | 'yaml' | 'json' | 'custom-columns' | 'jsonpath';
  argument: string;
}

const FORMATS = ['', 'wide', 'name', 'yaml', 'json', 'custom-columns', 'jsonpath'];

/** Parses `-o`. Throws UsageError with kubectl's message for a format the simulator's kubectl lacks. */
export function parseOutput(output: string): OutputFormat {
  const eq = output.indexOf('=');
  const format = eq >= 0 ? output.slice(0, eq) : output;
  if (!FORMATS.includes(format) || (eq >= 0 && (format === '' || FORMATS.indexOf(format) < 5))) {
    throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,json,jsonpath,name,wide,yaml`);
  }
  return { format: format as OutputFormat['format'], argument: eq >= 0 ? output.slice(eq + 1) : '' };
}

/** `kubectl get`: exit 0, or 1 after printing a server error. */
export async function getCommand(inv: Invocation): Promise<number> {
  const { args } = inv;
  const output = parseOutput(args.flags.get('output') ?? '');
  const columns = output.format === 'custom-columns' ? parseCustomColumns(output.argument) : undefined;
  const template = output.format === 'jsonpath' ? jsonPathTemplate(output.argument) : undefined;
  const { targets, multi } = getTargets(args.positionals.slice(1));
  const allNamespaces = boolFlag(args, 'all-namespaces');
  const groups: Group[] = [];
  for (const target of targets) groups.push(sortGroup(inv, await fetchGroup(inv, target, allNamespaces)));
  if (boolFlag(args, 'watch') || boolFlag(args, 'watch-only')) return watchCommand(inv, groups, { output, columns, template, multi, allNamespaces });
  printGroups(inv, groups, { output, columns, template, multi, allNamespaces, single: targets.length === 1 && targets[0]!.names.length === 1 });
  return 0;
}

/** How `get` prints. */
export interface PrintOptions {
  output: OutputFormat;
  columns?: CustomColumn[];
  template?: TemplateNode[];
  multi: boolean;
  allNamespaces: boolean;
  /** One object asked for by name: yaml, json and jsonpath see the object rather than a List. */
  single: boolean;
}

function printGroups(inv: Invocation, groups: Group[], options: PrintOptions): void {
  const { io } = inv;
  const objects = groups.flatMap((g) => g.items);
  const { format } = options.output;
  const value = options.single && objects.length === 1 ? objects[0] : listOf(objects);
  if (format === 'name') io.stdout(objects.map((o) => `${resourceName(o)}\n`).join(''));
  else if (format === 'yaml') io.stdout(toYaml(value));
  else if (format === 'json') io.stdout(toJson(value));
  else if (format === 'jsonpath') io.stdout(printJsonPath(options.template!, value));
  else if (format === 'custom-columns') io.stdout(tabulate(withoutHeader(inv, customColumnRows(options.columns!, objects))));
  else printTables(inv, groups, { wide: format === 'wide', multi: options.multi, allNamespaces: options.allNamespaces });
}

function jsonPathTemplate(text: string): TemplateNode[] {
  if (text === '') throw new UsageError('template format specified but no template given');
  try {
    return compileTemplate(text);
  } catch (err) {
    if (err instanceof JsonPathError) throw new UsageError(err.message);
    throw err;
  }
}

/** `--sort-by`: the group's items and table rows in the field's order. */
function sortGroup(inv: Invocation, group: Group): Group {
  const path = inv.args.flags.get('sort-by');
  if (!path) return group;
  const sorted = sortByField(path, group.items, group.table.rows as unknown[]);
  return { ...group, items: sorted.objects, table: { ...group.table, rows: sorted.rows } };
}

/** One table per non-empty group, a blank line between them; kubectl's "No resources found" when none. */
function printTables(inv: Invocation, groups: Group[], options: { wide: boolean; multi: boolean; allNamespaces: boolean }): void {
  const printed = groups.filter((g) => g.items.length > 0);
  if (printed.length === 0) inv.io.stderr(options.allNamespaces ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
  inv.io.stdout(printed.map((g) => tabulate(withoutHeader(inv, groupRows(inv, g, options)))).join('\n'));
}

/** `rows` less their header line under `--no-headers`. */
export function withoutHeader(inv: Invocation, rows: string[][]): string[][] {
  return boolFlag(inv.args, 'no-headers') ? rows.slice(1) : rows;
}

/** Header and rows of one group as the human printer shows them (with `--show-labels`). */
export function groupRows(inv: Invocation, g: Group, options: { wide: boolean; multi: boolean; allNamespaces: boolean }): string[][] {
  return tableRows(g.table, {
    wide: options.wide,
    namePrefix: options.multi ? typePrefix(g.kind, kindInfo(g.kind).apiVersion) : undefined,
    namespaces: options.allNamespaces ? g.items.map((o) => o.metadata.namespace ?? '') : undefined,
    labels: boolFlag(inv.args, 'show-labels') ? g.items.map((o) => formatLabels(o.metadata.labels)) : undefined,
  });
}

/** The list query of `get` for a kind: namespace (none with -A or for cluster-scoped kinds) and selectors. */
export function listQuery(inv: Invocation, kind: string, allNamespaces: boolean): Record<string, string | undefined> {
  const info = kindInfo(kind);
  return {
    namespace: allNamespaces || !info.namespaced ? undefined : inv.namespace,
    labelSelector: inv.args.flags.get('selector'),
    fieldSelector: inv.args.flags.get('field-selector'),
  };
}

async function fetchGroup(inv: Invocation, target: Target, allNamespaces: boolean): Promise<Group> {
  const info = kindInfo(target.kind);
  const query = listQuery(inv, target.kind, allNamespaces);
  if (target.names.length === 0) {
    const list = await inv.client.list(info.resource, query);
    return { kind: target.kind, items: list.items, table: list.table, resourceVersion: list.metadata.resourceVersion, names: [] };
  }
  // One object per name, in the order given; a missing one is the server's NotFound.
  const items: any[] = [];
  const rows: any[] = [];
  let columnDefinitions: unknown[] = [];
  let resourceVersion = '';
  for (const name of target.names) {
    await inv.client.get({ resource: info.resource, namespace: info.namespaced ? inv.namespace : undefined, name });
    const list = await inv.client.list(info.resource, { ...query, fieldSelector: `metadata.name=${name}` });
    items.push(...list.items);
    rows.push(...list.table.rows);
    columnDefinitions = list.table.columnDefinitions;
    resourceVersion = list.metadata.resourceVersion;
  }
  return { kind: target.kind, items, table: { columnDefinitions, rows }, resourceVersion, names: target.names };
}
