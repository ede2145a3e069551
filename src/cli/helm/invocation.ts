/**
 * What every `chartroom helm` command receives, and how values flags become a request body.
 */
import { GoFileError, mergeValueOptions, readFileLikeGo, type ValueOptions, ValueOptionsError } from '../../helm/values/index.js';
import type { Values } from '../../helm/render/index.js';
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

/** Each `--set`-family flag, the ValueOptions field it fills, and the request field that carries it. */
const SET_FLAGS: [flag: string, field: keyof ValueOptions, body: string][] = [
  ['set', 'values', 'set'], ['set-string', 'stringValues', 'setString'], ['set-json', 'jsonValues', 'setJson'],
  ['set-file', 'fileValues', 'setFile'], ['set-literal', 'literalValues', 'setLiteral'],
];

/** The user values of a command line, and the request field that lets the server merge them alike. */
export interface UserValues {
  values: Values;
  /** `{files, set, setString, setJson, setFile, setLiteral, fileTexts}` (see src/http/sim/release-requests.ts). */
  body: Record<string, unknown>;
}

/**
 * The user values of `-f/--values` and the `--set` family, merged in Helm's order by mergeValueOptions
 * (`-f` files may be comma-separated; `--set*` values are not split, as pflag's StringArray keeps them).
 * Every file read (`-f`, `--set-file`, `-` = stdin) is captured so the server merges the very same text.
 * Throws HelmUsageError with Helm's message (`failed parsing --set data: …`, `open x: no such file or directory`).
 */
export async function userValues(inv: HelmInvocation): Promise<UserValues> {
  const options: ValueOptions = { valueFiles: listArg(inv.args, 'values') };
  const body: Record<string, unknown> = {};
  for (const [flag, field, key] of SET_FLAGS) {
    const all = inv.args.all.get(flag) ?? [];
    options[field] = all;
    if (all.length > 0) body[key] = all;
  }
  const stdin = Buffer.from(usesStdin(options) ? await inv.io.readStdin() : '', 'utf8');
  const read = new Map<string, Buffer>();
  const readFile = (path: string): Buffer => {
    const data = path.trim() === '-' ? stdin : readFileLikeGo(path);
    read.set(path, data);
    return data;
  };
  let values: Values;
  try {
    values = mergeValueOptions(options, readFile);
  } catch (e) {
    if (e instanceof ValueOptionsError || e instanceof GoFileError) throw new HelmUsageError(e.message);
    throw e;
  }
  body.files = options.valueFiles!.map((name) => ({ name, text: read.get(name)!.toString('utf8') }));
  const setFiles = [...read].filter(([path]) => !options.valueFiles!.includes(path));
  if (setFiles.length > 0) body.fileTexts = Object.fromEntries(setFiles.map(([path, data]) => [path, data.toString('utf8')]));
  return { values, body };
}

/** Whether a value flag may read stdin: `-f -`, or a `--set-file` naming `-`. */
function usesStdin(options: ValueOptions): boolean {
  return options.valueFiles!.some((f) => f.trim() === '-') || (options.fileValues ?? []).some((v) => /=\s*-\s*(,|$)/.test(v));
}

/** The `values` field of a request (see userValues). Throws HelmUsageError. */
export async function valuesBody(inv: HelmInvocation): Promise<Record<string, unknown>> {
  return (await userValues(inv)).body;
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
