/**
 * `chartroom helm history|status|list|get` with Helm's syntax and output.
 */
import { marshalGoYaml } from '../../yaml/go-yaml-emitter.js';
import { HelmUsageError, intArg, isOn } from './args.js';
import type { HelmCommand, HelmInvocation } from './invocation.js';
import { encodeJson, encodeYaml, formatHelmRelease, formatHistory, formatList, formatStatus, historyItems, listItems } from './printers.js';

function output(inv: HelmInvocation): 'table' | 'json' | 'yaml' {
  const o = inv.args.flags.get('output') ?? 'table';
  if (o !== 'table' && o !== 'json' && o !== 'yaml') throw new HelmUsageError(`invalid argument "${o}" for "-o, --output" flag: invalid format type`);
  return o;
}

function requireName(inv: HelmInvocation, command: string): string {
  const name = inv.rest[0];
  if (!name) throw new HelmUsageError(`"helm ${command}" requires 1 argument`);
  return name;
}

/** `helm history NAME [--max N] [-o table|json|yaml]`. */
export const historyCommand: HelmCommand = async (inv) => {
  const { releases } = await inv.client.history(inv.namespace, requireName(inv, 'history'), intArg(inv.args, 'max', 256));
  const format = output(inv);
  if (format === 'table') inv.io.stdout(formatHistory(releases));
  else if (format === 'json') inv.io.stdout(encodeJson(historyItems(releases)));
  else inv.io.stdout(marshalGoYaml(historyItems(releases)));
  return 0;
};

/** `helm status NAME [--revision N] [--show-desc]`. */
export const statusCommand: HelmCommand = async (inv) => {
  const format = output(inv);
  const { release } = await inv.client.status(inv.namespace, requireName(inv, 'status'), intArg(inv.args, 'revision', 0), format !== 'table');
  if (format === 'table') inv.io.stdout(formatStatus(release, { showDescription: isOn(inv.args, 'show-desc') }));
  else inv.io.stdout(formatHelmRelease(release, format));
  return 0;
};

const STATE_FLAGS: [string, string[]][] = [
  ['deployed', ['deployed']], ['failed', ['failed']], ['pending', ['pending-install', 'pending-upgrade', 'pending-rollback']],
  ['superseded', ['superseded']], ['uninstalled', ['uninstalled']], ['uninstalling', ['uninstalling']],
];

/** `helm list` (alias `ls`). */
export const listCommand: HelmCommand = async (inv) => {
  const { args } = inv;
  let states = STATE_FLAGS.filter(([flag]) => isOn(args, flag)).flatMap(([, s]) => s);
  if (isOn(args, 'all')) states = STATE_FLAGS.flatMap(([, s]) => s).concat('unknown');
  const { releases } = await inv.client.list({
    namespace: isOn(args, 'all-namespaces') ? '' : inv.namespace, states: states.join(','), filter: args.flags.get('filter') ?? '',
    selector: args.flags.get('selector') ?? '', byDate: isOn(args, 'date') ? 'true' : '', reverse: isOn(args, 'reverse') ? 'true' : '',
    max: String(intArg(args, 'max', 256)), offset: String(intArg(args, 'offset', 0)),
  });
  if (isOn(args, 'short')) {
    inv.io.stdout(releases.map((r) => `${r.name}\n`).join(''));
    return 0;
  }
  const format = output(inv);
  if (format === 'table') inv.io.stdout(formatList(releases, isOn(args, 'no-headers')));
  else if (format === 'json') inv.io.stdout(encodeJson(listItems(releases)));
  else inv.io.stdout(marshalGoYaml(listItems(releases)));
  return 0;
};

/** `helm get values|manifest|notes|hooks NAME [--revision N] [-a]`. */
export const getCommand: HelmCommand = async (inv) => {
  const [what, name] = inv.rest;
  if (!what || !['values', 'manifest', 'notes', 'hooks'].includes(what)) throw new HelmUsageError(`unknown command "${what ?? ''}" for "helm get"`);
  if (!name) throw new HelmUsageError(`"helm get ${what}" requires 1 argument`);
  const revision = intArg(inv.args, 'revision', 0);
  if (what === 'values') {
    const all = isOn(inv.args, 'all');
    const { values } = await inv.client.values(inv.namespace, name, revision, all);
    const format = output(inv);
    if (format === 'json') inv.io.stdout(encodeJson(values));
    else if (format === 'yaml') inv.io.stdout(all ? marshalGoYaml(values) : encodeYaml(values));
    else inv.io.stdout(`${all ? 'COMPUTED VALUES:' : 'USER-SUPPLIED VALUES:'}\n${all ? marshalGoYaml(values) : encodeYaml(values)}`);
    return 0;
  }
  const { release } = await inv.client.status(inv.namespace, name, revision);
  if (what === 'manifest') inv.io.stdout(`${release.manifest}\n`);
  else if (what === 'notes') {
    if (release.info.notes.length > 0) inv.io.stdout(`NOTES:\n${release.info.notes}\n`);
  } else for (const h of release.hooks) inv.io.stdout(`---\n# Source: ${h.path}\n${h.manifest}\n`);
  return 0;
};

/** `helm test NAME`: runs the test hooks, prints the status block with the TEST SUITE lines. */
export const testCommand: HelmCommand = async (inv) => {
  const { release, error } = await inv.client.test(inv.namespace, requireName(inv, 'test'));
  inv.io.stdout(formatStatus(release, { hideNotes: isOn(inv.args, 'hide-notes') }));
  if (error === undefined) return 0;
  inv.io.stderr(`Error: ${error}\n`);
  return 1;
};
