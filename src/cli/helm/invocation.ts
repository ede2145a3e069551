/**
 * What every `chartroom helm` command receives, and how values flags become a request body.
 */
import { readFile } from 'node:fs/promises';
import type { KubectlIo } from '../kubectl/invocation.js';
import { type HelmArgs, HelmUsageError, listArg } from './args.js';
import type { ReleaseClient } from './client.js';
import type { RepoPaths } from './repositories.js';

/** One command invocation. */
export interface HelmInvocation {
  args: HelmArgs;
  /** Positionals after the command name. */
  rest: string[];
  client: ReleaseClient;
  namespace: string;
  paths: RepoPaths;
  io: KubectlIo;
}

/** A command: resolves to the exit code. */
export type HelmCommand = (inv: HelmInvocation) => Promise<number>;

const SET_FLAGS = ['set', 'set-string', 'set-file', 'set-json', 'set-literal'];

/**
 * The `values` field of a request: the `-f/--values` files' text in order (`-` = stdin). The `--set`
 * family is refused until issue #4's parser lands. Throws HelmUsageError.
 */
export async function valuesBody(inv: HelmInvocation): Promise<Record<string, unknown>> {
  for (const flag of SET_FLAGS) {
    // TODO(issue 4): pass --set/--set-string/--set-file/--set-json/--set-literal to the strvals parser on the `render` branch.
    if (inv.args.flags.has(flag)) throw new HelmUsageError(`--${flag} is not supported yet (issue #4); use -f/--values`);
  }
  const files = [];
  for (const name of listArg(inv.args, 'values')) {
    const text = name === '-' ? await inv.io.readStdin() : await readFile(name, 'utf8').catch(() => {
      throw new HelmUsageError(`open ${name}: no such file or directory`);
    });
    files.push({ name, text });
  }
  return { files };
}

/** The `--timeout` flag as the API takes it (a Go duration), if given. */
export function timeoutBody(inv: HelmInvocation): Record<string, unknown> {
  const t = inv.args.flags.get('timeout');
  return t === undefined ? {} : { timeout: t };
}

/** `--labels k=v,k2=v2` as a map. Throws HelmUsageError for an item without `=`. */
export function labelsBody(inv: HelmInvocation): Record<string, unknown> {
  const items = listArg(inv.args, 'labels');
  if (items.length === 0) return {};
  const labels: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq < 0) throw new HelmUsageError(`invalid argument "${item}" for "-l, --labels" flag: ${item} must be formatted as key=value`);
    labels[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return { labels };
}
