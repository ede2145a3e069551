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

/**
 * `kubectl apply -f FILE|DIR|-`: one line per object applied, then (as kubectl collects them) one
 * `error: ...` line per failure; exit 1 if anything failed.
 */
export async function applyCommand(inv: Invocation): Promise<number> {
  return sendManifests(inv, async (source, text) => {
    const { results } = await inv.client.apply(text, inv.namespace);
    return results.map((r: any) => (r.error ? outcomeError(source, r) : `${r.name} ${r.action}\n`));
  });
}

/**
 * Reads every `-f` source, checks it as kubectl does (manifest-check.ts), sends what passes with `send`
 * (which answers each object's printed line or its error), prints the lines, then the errors. Resolves to
 * the exit code.
 */
export async function sendManifests(inv: Invocation, send: (source: ManifestSource, text: string) => Promise<(string | Error)[]>): Promise<number> {
  const errors: unknown[] = [];
  for (const source of await readManifests(inv.args.all.get('filename') ?? [], inv.io)) {
    const { fault, sendable, objects } = checkManifest(source.path, source.text);
    try {
      const outcomes = objects > 0 || !fault ? await send(source, sendable) : [];
      for (const outcome of outcomes) {
        if (typeof outcome === 'string') inv.io.stdout(outcome);
        else errors.push(outcome);
      }
    } catch (err) {
      errors.push(err);
    }
    if (fault) errors.push(new UsageError(fault));
  }
  let code = 0;
  for (const err of errors) code = reportError(inv.io, err);
  return code;
}

/**
 * One object's failure from apply or create: kubectl's own "resource mapping not found" for a kind the
 * server does not serve (kubectl finds that out before sending), the server's Status otherwise.
 */
export function outcomeError(source: ManifestSource, outcome: { error: any; noKindMatch?: any }): Error {
  const unmapped = outcome.noKindMatch;
  if (!unmapped) return new ApiError(outcome.error);
  const from = source.path === '-' ? 'STDIN' : source.path;
  return new UsageError(
    `resource mapping not found for name: "${unmapped.name}" namespace: "${unmapped.namespace}" from "${from}": ` +
      `no matches for kind "${unmapped.kind}" in version "${unmapped.version}"\nensure CRDs are installed first`,
  );
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
