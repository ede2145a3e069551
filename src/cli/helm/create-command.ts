/**
 * `chartroom helm create NAME`: writes Chartroom's own starter chart (src/helm/create/scaffold.ts, not
 * Helm's scaffold) on the client. The command behaves as Helm's does: the chart is named after the last path element, its parent folder must exist, files already there are
 * overwritten with a `WARNING: File "<abs path>" already exists. Overwriting.` line, and `charts/` is made.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { InvalidChartNameError, scaffoldFor, validateChartName } from '../../helm/create/index.js';
import { HelmUsageError } from './args.js';
import type { HelmCommand } from './invocation.js';

/** Go's filepath.Base: trailing slashes dropped, "." for an empty path. */
export function goBase(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path === '' ? '.' : '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Go's filepath.Dir: everything before the last slash (trailing slashes kept in the count), "." if none. */
export function goDir(path: string): string {
  const cut = path.lastIndexOf('/');
  if (cut < 0) return '.';
  return cut === 0 ? '/' : path.slice(0, cut).replace(/\/+$/, '') || '/';
}

/** `helm create NAME`. */
export const createCommand: HelmCommand = async (inv) => {
  if (inv.rest.length !== 1) throw new HelmUsageError('"helm create" requires 1 argument');
  const arg = inv.rest[0]!;
  inv.io.stdout(`Creating ${arg}\n`);
  const name = goBase(arg);
  try {
    validateChartName(name);
  } catch (e) {
    if (e instanceof InvalidChartNameError) throw new HelmUsageError(e.message);
    throw e;
  }
  const parent = resolve(goDir(arg));
  await stat(parent).catch(() => {
    throw new HelmUsageError(`stat ${parent}: no such file or directory`);
  });
  const chartDir = join(parent, name);
  const existing = await stat(chartDir).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new HelmUsageError(`file ${chartDir} already exists and is not a directory`);
  for (const [rel, text] of scaffoldFor(name)) {
    const path = join(chartDir, rel);
    if (await stat(path).catch(() => undefined)) inv.io.stdout(`WARNING: File ${JSON.stringify(path)} already exists. Overwriting.\n`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  await mkdir(join(chartDir, 'charts'), { recursive: true });
  return 0;
};
