/**
 * Helm's command line, parsed the way cobra/pflag do for the flags Chartroom supports: positionals,
 * `--flag=value`, `--flag value`, `-f value`, `-fvalue`, repeatable flags, booleans (`--wait`,
 * `--wait=false`) and `--dry-run`, which takes an optional `=client|server` value. Short flags depend on
 * the command (`-f` is `--values` for install, `--filter` for list).
 */

/** A parsed command line. */
export interface HelmArgs {
  positionals: string[];
  /** Last value wins; booleans are "true"/"false". */
  flags: Map<string, string>;
  /** Every value of a repeatable flag, in order. */
  all: Map<string, string[]>;
  /** Short flags this command does not know, as typed (`z` → `-z`), for cobra's `unknown shorthand flag`. */
  shortSpelling?: Map<string, string>;
}

/** A usage error; printed as `Error: <message>` with exit code 1, as cobra does. */
export class HelmUsageError extends Error {
  override readonly name = 'HelmUsageError';
}

/** Long flags that take a value (everything else is boolean). */
const VALUE_FLAGS = new Set([
  'namespace', 'values', 'set', 'set-string', 'set-file', 'set-json', 'set-literal', 'version', 'timeout', 'description',
  'output', 'max', 'history-max', 'filter', 'selector', 'offset', 'time-format', 'revision', 'server', 'cluster', 'labels',
  'repository-config', 'repository-cache', 'destination', 'untardir', 'username', 'password', 'repo', 'name-template',
  'kube-context', 'max-col-width', 'cascade', 'kube-version', 'app-version', 'context-path', 'starter',
]);

const SHORTS: Record<string, Record<string, string>> = {
  common: { n: 'namespace', o: 'output', h: 'help', g: 'generate-name' },
  values: { f: 'values', l: 'labels' },
  list: { f: 'filter', a: 'all', A: 'all-namespaces', q: 'short', d: 'date', r: 'reverse', m: 'max', l: 'selector' },
  all: { a: 'all' },
  search: { l: 'versions', r: 'regexp' },
  pull: { d: 'destination' },
  push: { f: 'force', u: 'username', p: 'password' },
  create: { p: 'starter' },
};

/** Short flags of one command (`install` → values group, `list` → list group, ...). */
export function shortsFor(command: string): Record<string, string> {
  const groups: Record<string, string[]> = {
    install: ['values'], upgrade: ['values'], template: ['values'], lint: ['values'], list: ['list'], ls: ['list'], get: ['all'], search: ['search'],
    pull: ['pull'], fetch: ['pull'], package: ['pull'], 'cm-push': ['push'], create: ['create'],
  };
  return Object.assign({}, SHORTS.common, ...(groups[command] ?? []).map((g) => SHORTS[g]));
}

/** Parses `argv` (after `helm`). Throws HelmUsageError for a value flag without a value. */
export function parseHelmArgs(argv: readonly string[], shorts: Record<string, string>): HelmArgs {
  const parsed: HelmArgs = { positionals: [], flags: new Map(), all: new Map() };
  const set = (name: string, value: string): void => {
    parsed.flags.set(name, value);
    parsed.all.set(name, [...(parsed.all.get(name) ?? []), value]);
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      parsed.positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const body = long ? arg.slice(2) : arg.slice(1);
    const eq = body.indexOf('=');
    let name = eq >= 0 ? body.slice(0, eq) : long ? body : body.slice(0, 1);
    if (!long && shorts[name] === undefined) (parsed.shortSpelling ??= new Map()).set(name, arg);
    if (!long) name = shorts[name] ?? name;
    let value: string | undefined = eq >= 0 ? body.slice(eq + 1) : !long && body.length > 1 ? body.slice(1) : undefined;
    if (name === 'dry-run') {
      set(name, value ?? 'client');
      continue;
    }
    if (!VALUE_FLAGS.has(name)) {
      set(name, value ?? 'true');
      continue;
    }
    if (value === undefined) {
      value = argv[i + 1];
      if (value === undefined) throw new HelmUsageError(`flag needs an argument: ${arg}`);
      i += 1;
    }
    set(name, value);
  }
  return parsed;
}

/** Whether a boolean flag is on. */
export function isOn(args: HelmArgs, name: string): boolean {
  const v = args.flags.get(name);
  return v !== undefined && v !== 'false';
}

/** An integer flag or `fallback`. Throws HelmUsageError with pflag's message. */
export function intArg(args: HelmArgs, name: string, fallback: number): number {
  const text = args.flags.get(name);
  if (text === undefined) return fallback;
  if (!/^-?\d+$/.test(text)) throw new HelmUsageError(`invalid argument "${text}" for "--${name}" flag: strconv.ParseInt: parsing "${text}": invalid syntax`);
  return Number(text);
}

/** Every value of a repeatable, comma-splittable flag (`-f a.yaml,b.yaml -f c.yaml`). */
export function listArg(args: HelmArgs, name: string): string[] {
  return (args.all.get(name) ?? []).flatMap((v) => v.split(','));
}
