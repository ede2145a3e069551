/**
 * kubectl's command line, parsed loosely the way cobra does: positionals, `--flag=value`, `--flag value`,
 * `-f value`, `-fvalue`, and boolean flags. Which flags take a value is fixed here, so a positional after a
 * boolean flag is never swallowed.
 */

/** Flags that take a value (long names; short ones are mapped by SHORT). */
const VALUE_FLAGS = new Set([
  'filename', 'selector', 'namespace', 'output', 'replicas', 'to-revision', 'revision', 'server', 'cluster',
  'grace-period', 'timeout', 'watch', 'field-selector', 'sort-by', 'type', 'patch', 'image', 'port',
  'request-timeout', 'requests',
]);

const SHORT: Record<string, string> = { f: 'filename', l: 'selector', n: 'namespace', o: 'output', A: 'all-namespaces', w: 'watch', p: 'patch' };

/** Listed above for `--watch=false`, but a boolean: `-w` never takes the next word. */
const BOOLEAN_VALUE_FLAGS = new Set(['watch']);

/** A parsed command line. */
export interface ParsedArgs {
  positionals: string[];
  /** Last value wins, as with cobra's string flags; booleans are "true"/"false". */
  flags: Map<string, string>;
  /** Every value of repeatable flags (`-f a -f b`). */
  all: Map<string, string[]>;
}

/** Thrown for a flag kubectl would reject; the CLI prints `error: <message>` and exits 1. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Parses `argv` (after `kubectl`). Throws UsageError for a value flag with no value. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], flags: new Map(), all: new Map() };
  const set = (name: string, value: string): void => {
    parsed.flags.set(name, value);
    parsed.all.set(name, [...(parsed.all.get(name) ?? []), value]);
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '-' || !arg.startsWith('-')) {
      parsed.positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const body = long ? arg.slice(2) : arg.slice(1);
    const eq = body.indexOf('=');
    let name = eq >= 0 ? body.slice(0, eq) : long ? body : body.slice(0, 1);
    if (!long) name = SHORT[name] ?? name;
    let value: string | undefined = eq >= 0 ? body.slice(eq + 1) : !long && body.length > 1 ? body.slice(1) : undefined;
    if (!VALUE_FLAGS.has(name) || BOOLEAN_VALUE_FLAGS.has(name)) {
      set(name, value ?? 'true');
      continue;
    }
    if (value === undefined) {
      value = argv[i + 1];
      if (value === undefined) throw new UsageError(`flag needs an argument: ${arg}`);
      i += 1;
    }
    set(name, value);
  }
  return parsed;
}

/** An integer flag, or `fallback` when absent. Throws UsageError when it does not parse. */
export function intFlag(args: ParsedArgs, name: string, fallback: number): number {
  const text = args.flags.get(name);
  if (text === undefined) return fallback;
  if (!/^-?\d+$/.test(text)) throw new UsageError(`invalid argument "${text}" for "--${name}" flag: strconv.ParseInt: parsing "${text}": invalid syntax`);
  return Number(text);
}

/** Whether a boolean flag is set (`--force`, `--force=true`). */
export function boolFlag(args: ParsedArgs, name: string): boolean {
  const value = args.flags.get(name);
  return value !== undefined && value !== 'false';
}
