/**
 * The commands that write: `apply -f`, `delete`, `scale --replicas=N`, `set image`. Each prints kubectl's
 * own confirmation (`deployment.apps/vweb created`, `deployment.apps "vweb" deleted`, `... scaled`,
 * `... image updated`). `-f FILE|DIR|-` reads as kubectl does: a directory's .yaml, .yml and .json files
 * in name order, not recursively; `-` is stdin.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { kindInfo, parseManifests } from '../../cluster/index.js';
import { boolFlag, intFlag, UsageError } from './args.js';
import { ApiError } from './client.js';
import { type Invocation, type KubectlIo, kindArg, reportError, typeAndName } from './invocation.js';
import { checkManifest } from './manifest-check.js';
import { resourceName } from './printers.js';

/** `kubectl apply -f FILE|DIR|-`: one line per object; exit 1 if any object failed. */
export async function applyCommand(inv: Invocation): Promise<number> {
  const { sources, code: checked } = checkedManifests(inv, await readManifests(inv.args.all.get('filename') ?? [], inv.io));
  let code = checked;
  for (const source of sources) {
    try {
      const { results } = await inv.client.apply(source.text, inv.namespace);
      for (const r of results) {
        if (r.error) code = reportOutcomeError(inv, source, r);
        else inv.io.stdout(`${r.name} ${r.action}\n`);
      }
    } catch (err) {
      code = reportError(inv.io, err);
    }
  }
  return code;
}

/**
 * The sources that pass kubectl's client-side checks (manifest-check.ts); each other one is reported
 * in kubectl's words and makes `code` 1. Nothing is sent for a source that fails.
 */
export function checkedManifests(inv: Invocation, all: readonly ManifestSource[]): { sources: ManifestSource[]; code: number } {
  const sources: ManifestSource[] = [];
  let code = 0;
  for (const source of all) {
    const fault = checkManifest(source.path, source.text);
    if (fault === undefined) sources.push(source);
    else code = reportError(inv.io, new UsageError(fault));
  }
  return { sources, code };
}

/**
 * Prints one object's failure from apply or create: kubectl's own "resource mapping not found" for a kind
 * the server does not serve (kubectl finds that out before sending), the server's Status otherwise. Returns 1.
 */
export function reportOutcomeError(inv: Invocation, source: ManifestSource, outcome: { error: any; noKindMatch?: any }): number {
  const unmapped = outcome.noKindMatch;
  if (!unmapped) return reportError(inv.io, new ApiError(outcome.error));
  const from = source.path === '-' ? 'STDIN' : source.path;
  inv.io.stderr(
    `error: resource mapping not found for name: "${unmapped.name}" namespace: "${unmapped.namespace}" from "${from}": ` +
      `no matches for kind "${unmapped.kind}" in version "${unmapped.version}"\nensure CRDs are installed first\n`,
  );
  return 1;
}

/**
 * `kubectl delete -f FILE|DIR|- | TYPE NAME... | TYPE/NAME | TYPE -l SEL | TYPE --all [--grace-period=N] [--force]`.
 * The grace period as kubectl settles it: `--force` alone means 0, `--grace-period=0` without `--force`
 * becomes 1, and 0 prints the immediate-deletion warning and `force deleted`.
 */
export async function deleteCommand(inv: Invocation): Promise<number> {
  const force = boolFlag(inv.args, 'force');
  let grace = inv.args.flags.has('grace-period') ? intFlag(inv.args, 'grace-period', -1) : -1;
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (force && grace > 0) throw new UsageError('--force and --grace-period greater than 0 cannot be specified together');
  if (grace === 0) inv.io.stderr('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  let code = 0;
  for (const { kind, name } of await deleteTargets(inv)) {
    const info = kindInfo(kind);
    try {
      await inv.client.delete({ resource: info.resource, namespace: info.namespaced ? inv.namespace : undefined, name }, grace >= 0 ? grace : undefined);
      inv.io.stdout(`${kind.toLowerCase()}${info.group ? `.${info.group}` : ''} "${name}" ${grace === 0 ? 'force deleted' : 'deleted'}\n`);
    } catch (err) {
      code = reportError(inv.io, err);
    }
  }
  return code;
}

async function deleteTargets(inv: Invocation): Promise<{ kind: string; name: string }[]> {
  const positionals = inv.args.positionals.slice(1);
  const files = inv.args.all.get('filename') ?? [];
  if (files.length > 0) {
    const sources = await readManifests(files, inv.io);
    return sources.flatMap((s) => parseManifests(s.text)).map((obj) => ({ kind: kindArg(obj.kind), name: obj.metadata.name }));
  }
  const selector = inv.args.flags.get('selector');
  if (positionals.length === 1 && !positionals[0]!.includes('/') && (selector || boolFlag(inv.args, 'all'))) {
    const kind = kindArg(positionals[0]!);
    const info = kindInfo(kind);
    const list = await inv.client.list(info.resource, { namespace: info.namespaced ? inv.namespace : undefined, labelSelector: selector });
    if (list.items.length === 0) inv.io.stderr(`No resources found in ${inv.namespace} namespace.\n`);
    return list.items.map((o: any) => ({ kind, name: o.metadata.name }));
  }
  if (positionals.length === 0) throw new UsageError('You must provide one or more resources by argument or filename.');
  if (positionals.every((p) => p.includes('/'))) return positionals.map((p) => typeAndName([p]));
  const kind = kindArg(positionals[0]!);
  return positionals.slice(1).map((name) => ({ kind, name }));
}

/** `kubectl scale --replicas=N TYPE/NAME`: `deployment.apps/vweb scaled`. */
export async function scaleCommand(inv: Invocation): Promise<number> {
  if (!inv.args.flags.has('replicas')) throw new UsageError('required flag(s) "replicas" not set');
  const replicas = intFlag(inv.args, 'replicas', 0);
  const { kind, name } = typeAndName(inv.args.positionals.slice(1));
  const info = kindInfo(kind);
  await inv.client.action('POST', { resource: info.resource, namespace: inv.namespace, name }, 'scale', { replicas });
  inv.io.stdout(`${resourceName({ kind, apiVersion: info.apiVersion, metadata: { name } })} scaled\n`);
  return 0;
}

/** `kubectl set image TYPE/NAME CONTAINER=IMAGE...`: `deployment.apps/vweb image updated`. */
export async function setImageCommand(inv: Invocation): Promise<number> {
  const [sub, target, ...pairs] = inv.args.positionals.slice(1);
  if (sub !== 'image') throw new UsageError(`unknown command "${sub ?? ''}" for "kubectl set"`);
  const { kind, name } = typeAndName([target ?? '']);
  if (pairs.length === 0 || pairs.some((p) => !p.includes('='))) throw new UsageError('at least one image update is required');
  const images = Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
  const info = kindInfo(kind);
  let result;
  try {
    result = await inv.client.action('POST', { resource: info.resource, namespace: inv.namespace, name }, 'set-image', { images });
  } catch (err) {
    // A container name kubectl cannot match is its own (client-side) error: `error: unable to find container named "x"`.
    return reportError(inv.io, err, ['Invalid']);
  }
  // kubectl says nothing when the patch is empty (the images were already set).
  if (result.changed) inv.io.stdout(`${resourceName(result.object)} image updated\n`);
  return 0;
}

/** One source of manifests. */
export interface ManifestSource {
  path: string;
  text: string;
}

/** Reads every `-f` argument. Throws UsageError when none is given or a path does not exist. */
export async function readManifests(paths: readonly string[], io: KubectlIo): Promise<ManifestSource[]> {
  if (paths.length === 0) throw new UsageError('must specify one of -f and -k');
  const out: ManifestSource[] = [];
  for (const path of paths) {
    if (path === '-') {
      out.push({ path, text: await io.readStdin() });
      continue;
    }
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new UsageError(`the path "${path}" does not exist`);
    if (!info.isDirectory()) {
      out.push({ path, text: await readFile(path, 'utf8') });
      continue;
    }
    const names = (await readdir(path)).filter((n) => /\.(ya?ml|json)$/.test(n)).sort();
    for (const name of names) out.push({ path: join(path, name), text: await readFile(join(path, name), 'utf8') });
  }
  return out;
}
