/**
 * `kubectl label`, `kubectl annotate` and `kubectl patch`, computed as kubectl computes them (read the
 * object, work out the change, send one patch) and reported in kubectl 1.32's words: `deployment.apps/vweb
 * labeled` (`unlabeled`, `not labeled`), `annotated`, `patched`, `patched (no change)`.
 */
import YAML from 'yaml';
import { kindInfo } from '../../cluster/index.js';
import { boolFlag, UsageError } from './args.js';
import type { ObjectRef } from './client.js';
import { type Invocation, kindArg, reportError } from './invocation.js';
import { resourceName } from './printers.js';

interface Targets {
  refs: ObjectRef[];
  /** KEY=VALUE and KEY- arguments. */
  changes: string[];
}

/** Splits `TYPE NAME... KEY=V KEY-` or `TYPE/NAME... KEY=V` into objects and changes (kubectl's rule: a change has = or ends in -). */
function targetsOf(inv: Invocation, positionals: string[]): Targets {
  const isChange = (p: string): boolean => p.includes('=') || (p.endsWith('-') && !p.includes('/'));
  const objects = positionals.filter((p) => !isChange(p));
  const changes = positionals.filter(isChange);
  if (objects.length === 0) throw new UsageError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const ref = (kind: string, name: string): ObjectRef => {
    const info = kindInfo(kind);
    return { resource: info.resource, namespace: info.namespaced ? inv.namespace : undefined, name };
  };
  if (objects[0]!.includes('/')) return { refs: objects.map((o) => ref(kindArg(o.split('/')[0]!), o.split('/')[1]!)), changes };
  const kind = kindArg(objects[0]!);
  if (objects.length === 1) throw new UsageError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  return { refs: objects.slice(1).map((name) => ref(kind, name)), changes };
}

function parseChanges(changes: string[], what: 'label' | 'annotation'): { set: Record<string, string>; remove: string[] } {
  if (changes.length === 0) throw new UsageError(`at least one ${what} update is required`);
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const c of changes) {
    const eq = c.indexOf('=');
    if (eq > 0) set[c.slice(0, eq)] = c.slice(eq + 1);
    else if (c.endsWith('-') && c.length > 1) remove.push(c.slice(0, -1));
    else throw new UsageError(`invalid ${what} spec: ${c}`);
  }
  const both = remove.filter((k) => k in set);
  if (both.length > 0) {
    throw new UsageError(what === 'label' ? 'can not both modify and remove a label in the same command' : `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  }
  return { set, remove };
}

/** `kubectl label TYPE NAME KEY=VALUE... KEY-... [--overwrite]`. */
export function labelCommand(inv: Invocation): Promise<number> {
  return editMetadata(inv, 'label');
}

/** `kubectl annotate TYPE NAME KEY=VALUE... KEY-... [--overwrite]`. */
export function annotateCommand(inv: Invocation): Promise<number> {
  return editMetadata(inv, 'annotation');
}

async function editMetadata(inv: Invocation, what: 'label' | 'annotation'): Promise<number> {
  const { refs, changes } = targetsOf(inv, inv.args.positionals.slice(1));
  const { set, remove } = parseChanges(changes, what);
  const field = what === 'label' ? 'labels' : 'annotations';
  let code = 0;
  for (const ref of refs) {
    try {
      const obj = await inv.client.get(ref);
      const current: Record<string, string> = obj.metadata[field] ?? {};
      if (!boolFlag(inv.args, 'overwrite')) checkOverwrites(what, current, set);
      if (what === 'label') for (const key of remove) if (!(key in current)) inv.io.stdout(`label "${key}" not found.\n`);
      const added = Object.keys(set).filter((k) => current[k] !== set[k]);
      const removed = remove.filter((k) => k in current);
      if (added.length + removed.length > 0) {
        const patch = Object.fromEntries([...added.map((k) => [k, set[k]]), ...removed.map((k) => [k, null])]);
        await inv.client.patch(ref, { metadata: { [field]: patch } }, 'merge');
      }
      const after = { ...current };
      for (const k of added) after[k] = set[k]!;
      for (const k of removed) delete after[k];
      const message = what === 'annotation' ? 'annotated' : labelMessage(current, after, boolFlag(inv.args, 'overwrite'));
      inv.io.stdout(`${resourceName(obj)} ${message}\n`);
    } catch (err) {
      code = reportError(inv.io, err);
    }
  }
  return code;
}

/**
 * kubectl 1.32's updateDataChangeMsg: `not labeled` when nothing changed, else `unlabeled` when, without
 * --overwrite, the object's JSON got shorter, else `labeled`. (1.33+ says `modified` for an add and a
 * remove together.) Only the labels differ between the two objects, so their JSON lengths decide.
 */
function labelMessage(before: Record<string, string>, after: Record<string, string>, overwrite: boolean): string {
  const json = (labels: Record<string, string>): number => (Object.keys(labels).length === 0 ? 0 : JSON.stringify(labels).length + ',"labels":'.length);
  if (JSON.stringify(before) === JSON.stringify(after)) return 'not labeled';
  return !overwrite && json(after) < json(before) ? 'unlabeled' : 'labeled';
}

/** kubectl refuses to change an existing value without --overwrite (change-cause excepted for annotate). */
function checkOverwrites(what: 'label' | 'annotation', current: Record<string, string>, set: Record<string, string>): void {
  const clashes = Object.keys(set).filter((k) => k in current && current[k] !== set[k] && k !== 'kubernetes.io/change-cause');
  if (clashes.length === 0) return;
  if (what === 'label') throw new UsageError(clashes.map((k) => `'${k}' already has a value (${current[k]}), and --overwrite is false`).join(', '));
  throw new UsageError(`--overwrite is false but found the following declared annotation(s): ${clashes.map((k) => `'${k}' already has a value (${current[k]})`).join('; ')}`);
}

const PATCH_TYPES = ['json', 'merge', 'strategic'];

/** `kubectl patch TYPE NAME -p PATCH [--type=strategic|merge|json]`. */
export async function patchCommand(inv: Invocation): Promise<number> {
  const type = inv.args.flags.get('type') ?? 'strategic';
  if (!PATCH_TYPES.includes(type)) throw new UsageError(`--type must be one of [json merge strategic], not "${type}"`);
  const text = inv.args.flags.get('patch');
  if (!text) throw new UsageError('must specify --patch or --patch-file containing the contents of the patch');
  let patch: unknown;
  try {
    patch = YAML.parse(text);
  } catch (err) {
    throw new UsageError(`unable to parse "${text}": ${(err as Error).message}`);
  }
  const { refs } = targetsOf(inv, inv.args.positionals.slice(1));
  let code = 0;
  for (const ref of refs) {
    try {
      const before = await inv.client.get(ref);
      const after = await inv.client.patch(ref, patch, type as 'json' | 'merge' | 'strategic');
      // The API server keeps the resourceVersion of a no-op patch; compare without it all the same.
      const strip = (o: any): string => JSON.stringify({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } });
      const changed = strip(before) !== strip(after);
      inv.io.stdout(`${resourceName(after)} ${changed ? 'patched' : 'patched (no change)'}\n`);
    } catch (err) {
      code = reportError(inv.io, err);
    }
  }
  return code;
}
