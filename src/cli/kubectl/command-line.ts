/**
 * From argv to a command: find the command (and subcommand) named, parse the line strictly against the
 * flags they declare, and answer `--help` (or no command at all) with usage text on stdout.
 */
import { type FlagDef, type ParsedArgs, parseArgs, UsageError } from './args.js';
import type { CommandSpec, RunnableSpec } from './commands.js';

/** A program such as `chartroom kubectl`: its command table and the flags every command takes. */
export interface Program {
  /** As typed: `chartroom kubectl`, `chartroom sim`. */
  name: string;
  /** How hint lines name it: `kubectl` (kubectl's own words), `chartroom sim`. */
  hintName: string;
  summary: string;
  commands: Record<string, RunnableSpec>;
  globals: readonly FlagDef[];
}

/** What to do with a command line: print help, or run a command with its parsed arguments. */
export type Resolved = { help: string } | { spec: RunnableSpec; args: ParsedArgs };

/**
 * Resolves `argv` for `program`. Throws UsageError for an unknown command and FlagError (a UsageError)
 * for a flag the command does not declare or a value flag without a value.
 */
export function resolveCommandLine(program: Program, argv: readonly string[]): Resolved {
  // A first, lenient pass with every flag any command knows, so that flag values are not taken for names.
  const everyFlag = [...program.globals, ...Object.values(program.commands).flatMap(allFlags)];
  const loose = parseArgs(argv, everyFlag, program.hintName, false);
  const [name, subName] = loose.positionals;
  if (name === undefined) {
    parseArgs(argv, program.globals, program.hintName);
    return { help: programHelp(program) };
  }
  const spec = program.commands[name];
  if (!spec) throw new UsageError(`unknown command "${name}" for "${program.hintName}"`);
  const sub = subName === undefined ? undefined : spec.subcommands?.[subName];
  const path = [program.hintName, name, ...(sub ? [subName!] : [])].join(' ');
  const args = parseArgs(argv, [...program.globals, ...spec.flags, ...(sub?.flags ?? [])], path);
  if (args.flags.get('help') === 'true') return { help: commandHelp(program, [name, ...(sub ? [subName!] : [])], sub ?? spec) };
  return { spec, args };
}

function allFlags(spec: CommandSpec): FlagDef[] {
  return [...spec.flags, ...Object.values(spec.subcommands ?? {}).flatMap(allFlags)];
}

/** The program's help: what it is, its commands one a line, its global flags. */
export function programHelp(program: Program): string {
  const lines = [`${program.summary}\n`, '\nCommands:\n'];
  lines.push(...columns(Object.entries(program.commands).map(([name, spec]) => [name, spec.summary])));
  lines.push('\nGlobal flags:\n', ...flagLines(program.globals));
  lines.push(`\nUsage:\n  ${program.name} COMMAND [flags]\n\nUse "${program.name} COMMAND --help" for more information about a command.\n`);
  return lines.join('');
}

/** One command's help: summary, usage, subcommands if any, its own flags, then the global ones. */
export function commandHelp(program: Program, path: readonly string[], spec: CommandSpec): string {
  const lines = [`${spec.summary}.\n`, `\nUsage:\n  ${program.name} ${spec.usage}\n`];
  if (spec.subcommands) {
    lines.push('\nAvailable commands:\n', ...columns(Object.entries(spec.subcommands).map(([name, sub]) => [name, sub.summary])));
  }
  if (spec.flags.length > 0) lines.push('\nFlags:\n', ...flagLines(spec.flags));
  lines.push('\nGlobal flags:\n', ...flagLines(program.globals));
  if (spec.subcommands) lines.push(`\nUse "${program.name} ${path.join(' ')} COMMAND --help" for more information about a command.\n`);
  return lines.join('');
}

function flagLines(flags: readonly FlagDef[]): string[] {
  return columns(flags.map((f) => [`${f.short ? `-${f.short}, ` : '    '}--${f.name}${f.takesValue ? ' VALUE' : ''}`, f.help]));
}

function columns(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}   ${right}\n`);
}
