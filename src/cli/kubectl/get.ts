/**
 * `kubectl get TYPE[,TYPE...] [NAME...] | TYPE/NAME | all` with `-o wide|name|yaml|json`, `-l`, `-A`,
 * printed from the server's Table rows.
 */
import { kindInfo } from '../../cluster/index.js';
import { boolFlag, UsageError } from './args.js';
import { type Invocation, kindArg } from './invocation.js';
import { listOf, resourceName, tableRows, tabulate, toJson, toYaml, typePrefix } from './printers.js';

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

interface Group {
  kind: string;
  items: any[];
  table: any;
}

const OUTPUTS = ['', 'wide', 'name', 'yaml', 'json'];

/** `kubectl get`: exit 0, or 1 after printing a server error. */
export async function getCommand(inv: Invocation): Promise<number> {
  const { args, io } = inv;
  const output = args.flags.get('output') ?? '';
  if (!OUTPUTS.includes(output)) throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,wide,yaml`);
  const { targets, multi } = getTargets(args.positionals.slice(1));
  const allNamespaces = boolFlag(args, 'all-namespaces');
  const groups: Group[] = [];
  for (const target of targets) groups.push(await fetchGroup(inv, target, allNamespaces));
  const objects = groups.flatMap((g) => g.items);
  if (output === 'name') io.stdout(objects.map((o) => `${resourceName(o)}\n`).join(''));
  else if (output === 'yaml' || output === 'json') {
    const single = targets.length === 1 && targets[0]!.names.length === 1 && objects.length === 1;
    const value = single ? objects[0] : listOf(objects);
    io.stdout(output === 'yaml' ? toYaml(value) : toJson(value));
  } else printTables(inv, groups, { wide: output === 'wide', multi, allNamespaces });
  return 0;
}

/** One table per non-empty group, a blank line between them; kubectl's "No resources found" when none. */
function printTables(inv: Invocation, groups: Group[], options: { wide: boolean; multi: boolean; allNamespaces: boolean }): void {
  const printed = groups.filter((g) => g.items.length > 0);
  if (printed.length === 0) inv.io.stderr(options.allNamespaces ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
  const blocks = printed.map((g) =>
    tabulate(
      tableRows(g.table, {
        wide: options.wide,
        namePrefix: options.multi ? typePrefix(g.kind, kindInfo(g.kind).apiVersion) : undefined,
        namespaces: options.allNamespaces ? g.items.map((o) => o.metadata.namespace ?? '') : undefined,
      }),
    ),
  );
  inv.io.stdout(blocks.join('\n'));
}

async function fetchGroup(inv: Invocation, target: Target, allNamespaces: boolean): Promise<Group> {
  const info = kindInfo(target.kind);
  const query = {
    namespace: allNamespaces || !info.namespaced ? undefined : inv.namespace,
    labelSelector: inv.args.flags.get('selector'),
    fieldSelector: inv.args.flags.get('field-selector'),
  };
  if (target.names.length === 0) {
    const list = await inv.client.list(info.resource, query);
    return { kind: target.kind, items: list.items, table: list.table };
  }
  // One object per name, in the order given; a missing one is the server's NotFound.
  const items: any[] = [];
  const rows: any[] = [];
  let columnDefinitions: unknown[] = [];
  for (const name of target.names) {
    await inv.client.get({ resource: info.resource, namespace: info.namespaced ? inv.namespace : undefined, name });
    const list = await inv.client.list(info.resource, { ...query, fieldSelector: `metadata.name=${name}` });
    items.push(...list.items);
    rows.push(...list.table.rows);
    columnDefinitions = list.table.columnDefinitions;
  }
  return { kind: target.kind, items, table: { columnDefinitions, rows } };
}
