/**
 * Command-line flags as Go's spf13/pflag reads them for Helm's commands, with its error texts:
 * `--name=value`, `--name value`, `-n value`, `-nvalue`, `-n=value`, grouped boolean shorthands (`-gb`),
 * flags anywhere among the positionals, `--` ending the flags.
 *
 *   parseFlags(['x', 'c', '-f', 'a.yaml,b.yaml', '--set', 'a=1'], SPECS)
 *     → { positionals: ['x', 'c'], values: { values: ['a.yaml', 'b.yaml'], set: ['a=1'] } }
 */

/** How a flag takes its value: `bool`, one `string` (last wins), `array` (repeatable), `slice` (repeatable, comma-separated). */
export type FlagKind = 'bool' | 'string' | 'array' | 'slice';

/** One flag: its long name, optional one-letter shorthand and kind. */
export interface FlagSpec {
  name: string;
  short?: string;
  kind: FlagKind;
}

/** What parsing found: positionals in order, and each flag seen by long name. */
export interface ParsedFlags {
  positionals: string[];
  /** Bool flags as true/false, string flags as their last value, array and slice flags as every value. */
  values: Map<string, boolean | string | string[]>;
}

/** A flag error; the message is pflag's (`unknown flag: --x`, `flag needs an argument: --set`). */
export class FlagError extends Error {
  override readonly name = 'FlagError' as const;
}

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** pflag's StringSlice: the value read as one CSV record (quotes allowed), empty value → no items. */
function splitCsv(value: string): string[] {
  if (value === '') return [];
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quoted) {
      if (c === '"' && value[i + 1] === '"') field += value[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

function store(parsed: ParsedFlags, spec: FlagSpec, value: string, shown: string): void {
  if (spec.kind === 'bool') {
    if (!TRUE.has(value) && !FALSE.has(value)) {
      throw new FlagError(`invalid argument "${value}" for "${shown}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`);
    }
    parsed.values.set(spec.name, TRUE.has(value));
  } else if (spec.kind === 'string') {
    parsed.values.set(spec.name, value);
  } else {
    const prev = (parsed.values.get(spec.name) as string[] | undefined) ?? [];
    parsed.values.set(spec.name, [...prev, ...(spec.kind === 'slice' ? splitCsv(value) : [value])]);
  }
}

function parseLong(arg: string, rest: string[], specs: readonly FlagSpec[], parsed: ParsedFlags): void {
  const body = arg.slice(2);
  const eq = body.indexOf('=');
  const name = eq < 0 ? body : body.slice(0, eq);
  const spec = specs.find((s) => s.name === name);
  if (!spec) throw new FlagError(`unknown flag: --${name}`);
  const shown = `--${name}`;
  if (eq >= 0) store(parsed, spec, body.slice(eq + 1), shown);
  else if (spec.kind === 'bool') store(parsed, spec, 'true', shown);
  else if (rest.length > 0) store(parsed, spec, rest.shift()!, shown);
  else throw new FlagError(`flag needs an argument: ${shown}`);
}

function parseShort(arg: string, rest: string[], specs: readonly FlagSpec[], parsed: ParsedFlags): void {
  let letters = arg.slice(1);
  while (letters.length > 0) {
    const c = letters[0]!;
    const spec = specs.find((s) => s.short === c);
    if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${arg}`);
    const shown = `-${c}, --${spec.name}`;
    if (letters.length > 2 && letters[1] === '=') {
      store(parsed, spec, letters.slice(2), shown);
      return;
    }
    if (spec.kind === 'bool') {
      store(parsed, spec, 'true', shown);
      letters = letters.slice(1);
      continue;
    }
    if (letters.length > 1) store(parsed, spec, letters.slice(1), shown);
    else if (rest.length > 0) store(parsed, spec, rest.shift()!, shown);
    else throw new FlagError(`flag needs an argument: '${c}' in ${arg}`);
    return;
  }
}

/** Parses `argv` against `specs`. Throws FlagError with pflag's message. */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const parsed: ParsedFlags = { positionals: [], values: new Map() };
  const rest = [...argv];
  while (rest.length > 0) {
    const arg = rest.shift()!;
    if (arg === '--') {
      parsed.positionals.push(...rest);
      break;
    }
    if (arg.startsWith('--')) parseLong(arg, rest, specs, parsed);
    else if (arg.startsWith('-') && arg.length > 1) parseShort(arg, rest, specs, parsed);
    else parsed.positionals.push(arg);
  }
  return parsed;
}
