/**
 * The `-f FILE|DIR|-` arguments of apply and delete: each file's text, read the way kubectl reads them
 * (a directory's .yaml, .yml and .json files in name order, not recursively; `-` is stdin).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from './args.js';
import type { KubectlIo } from './invocation.js';

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
