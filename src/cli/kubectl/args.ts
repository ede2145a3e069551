/**
 * kubectl's command line, parsed strictly the way cobra does: positionals, `--flag=value`, `--flag value`,
 * `-f value`, `-fvalue`, grouped short booleans (`-Aw`), and boolean flags (`--watch`, `--watch=false`).
 * Each command declares its flags (commands.ts); a flag it does not declare is a usage error, as in
 * kubectl (`error: unknown flag: --bogus`).
 */

/** One flag a command accepts. */
export interface FlagDef {
  name: string;
  /** One-letter alias, e.g. "o" for output. */
  short?: string;
  /** Whether the flag takes a value (`--output yaml`); otherwise it is a boolean. */
  takesValue?: boolean;
  /** One line for `--help`. */
  help: string;
}

/** A parsed command line. */
export interface ParsedArgs {
  positionals: string[];
  /** Last value wins, as with cobra's string flags; booleans are "true"/"false". */
  flags: Map<string, string>;
  /** Every value of repeatable flags (`-f a -f b`). */
  all: Map<string, string[]>;
}

/** Thrown for a command line kubectl would reject; the CLI prints `error: <message>` and exits 1. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
}

/**
 * A flag the command does not declare, or a value flag without a value. `command` is the command path
 * for kubectl's hint line (`See 'kubectl get --help' for usage.`).
 */
export class FlagError extends UsageError {
  override readonly name = 'FlagError';
  constructor(
    message: string,
    readonly command: string,
  ) {
    super(message);
  }
}

/**
 * Parses `argv` against `defs`. `strict` (the default) throws FlagError for an undeclared flag; lenient
 * parsing takes an undeclared flag for a boolean, which is how the command is found before its own flags
 * are known. Throws FlagError for a value flag with no value.
 */
export function parseArgs(argv: readonly string[], defs: readonly FlagDef[], command = 'kubectl', strict = true): ParsedArgs {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const byShort = new Map(defs.filter((d) => d.short).map((d) => [d.short!, d]));
  const parsed: ParsedArgs = { positionals: [], flags: new Map(), all: new Map() };
  const set = (name: string, value: string): void => {
    parsed.flags.set(name, value);
    parsed.all.set(name, [...(parsed.all.get(name) ?? []), value]);
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    // `-5s` is a (negative) value, not flags 5 and s: `sim advance -5s` then says the duration is invalid.
    if (arg === '-' || !arg.startsWith('-') || /^-\d/.test(arg)) {
      parsed.positionals.push(arg);
      continue;
    }
    const next = (): string | undefined => (i + 1 < argv.length ? argv[++i] : undefined);
    if (arg.startsWith('--')) parseLong(arg, byName, next, set, command, strict);
    else parseShorts(arg, byShort, next, set, command, strict);
  }
  return parsed;
}

type Setter = (name: string, value: string) => void;

function parseLong(arg: string, byName: Map<string, FlagDef>, next: () => string | undefined, set: Setter, command: string, strict: boolean): void {
  const body = arg.slice(2);
  const eq = body.indexOf('=');
  const name = eq >= 0 ? body.slice(0, eq) : body;
  const inline = eq >= 0 ? body.slice(eq + 1) : undefined;
  const def = byName.get(name);
  if (!def) {
    if (strict) throw new FlagError(`unknown flag: --${name}`, command);
    set(name, inline ?? 'true');
    return;
  }
  if (!def.takesValue) return set(name, inline ?? 'true');
  const value = inline ?? next();
  if (value === undefined) throw new FlagError(`flag needs an argument: ${arg}`, command);
  set(name, value);
}

/** `-o yaml`, `-oyaml`, `-o=yaml`, `-Aw` (booleans grouped), as pflag reads shorthands. */
function parseShorts(arg: string, byShort: Map<string, FlagDef>, next: () => string | undefined, set: Setter, command: string, strict: boolean): void {
  for (let at = 1; at < arg.length; at += 1) {
    const letter = arg[at]!;
    const def = byShort.get(letter);
    if (!def) {
      if (strict) throw new FlagError(`unknown shorthand flag: '${letter}' in ${arg}`, command);
      set(letter, 'true');
      continue;
    }
    const rest = arg.slice(at + 1);
    if (!def.takesValue) {
      if (rest.startsWith('=')) return set(def.name, rest.slice(1));
      set(def.name, 'true');
      continue;
    }
    const value = rest !== '' ? rest.replace(/^=/, '') : next();
    if (value === undefined) throw new FlagError(`flag needs an argument: '${letter}' in ${arg}`, command);
    return set(def.name, value);
  }
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
