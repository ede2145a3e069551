/**
 * Command-line flags as Go's spf13/pflag reads them for Helm's commands, with its error texts:
 * `--name=value`, `--name value`, `-n value`, `-nvalue`, `-n=value`, grouped boolean shorthands (`-gb`),
 * flags anywhere among the positionals, `--` ending the flags.
 *
 *   parseFlags(['x', 'c', '-f', 'a.yaml,b.yaml', '--set', 'a=1'], SPECS)
 *     → { positionals: ['x', 'c'], values: { values: ['a.yaml', 'b.yaml'], set: ['a=1'] } }
 */

/**
 * How a flag takes its value: `bool`, one `string` (last wins), `array` (repeatable), `slice` (repeatable,
 * comma-separated), `duration` (a string Go's time.ParseDuration accepts), `map` (pflag's stringToString:
 * comma-separated key=value items).
 */
export type FlagKind = 'bool' | 'string' | 'array' | 'slice' | 'duration' | 'map';

/** One flag: its long name, optional one-letter shorthand and kind. */
export interface FlagSpec {
  name: string;
  short?: string;
  kind: FlagKind;
  /** pflag's NoOptDefVal: the value `--name` alone takes (it then never consumes the next argument). */
  noOptDefault?: string;
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

const UNITS = new Set(['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h']);

/** The error Go's time.ParseDuration gives for `value` (scanned as Go does), or undefined when it parses. */
function durationError(value: string): string | undefined {
  const invalid = `time: invalid duration "${value}"`;
  let s = value.replace(/^[-+]/, '');
  if (s === '0') return undefined;
  if (s === '') return invalid;
  while (s !== '') {
    const num = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    if (num[0] === '' || (num[1] === '' && (num[2] ?? '') === '')) return invalid;
    s = s.slice(num[0].length);
    const unit = /^[^\d.]*/.exec(s)![0];
    if (unit === '') return `time: missing unit in duration "${value}"`;
    if (!UNITS.has(unit)) return `time: unknown unit "${unit}" in duration "${value}"`;
    s = s.slice(unit.length);
  }
  return undefined;
}

function storeOther(parsed: ParsedFlags, spec: FlagSpec, value: string, shown: string): void {
  if (spec.kind === 'duration') {
    const err = durationError(value);
    if (err !== undefined) throw new FlagError(`invalid argument "${value}" for "${shown}" flag: ${err}`);
    parsed.values.set(spec.name, value);
    return;
  }
  const items = splitCsv(value);
  const bad = items.find((item) => !item.includes('='));
  if (bad !== undefined) throw new FlagError(`invalid argument "${value}" for "${shown}" flag: ${bad} must be formatted as key=value`);
  parsed.values.set(spec.name, items);
}

function store(parsed: ParsedFlags, spec: FlagSpec, value: string, shown: string): void {
  if (spec.kind === 'duration' || spec.kind === 'map') storeOther(parsed, spec, value, shown);
  else if (spec.kind === 'bool') {
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
  // pflag names a flag with a shorthand as `-l, --labels` in value errors, however it was written
  const shown = spec.short ? `-${spec.short}, --${name}` : `--${name}`;
  if (eq >= 0) store(parsed, spec, body.slice(eq + 1), shown);
  else if (spec.kind === 'bool') store(parsed, spec, 'true', shown);
  else if (spec.noOptDefault !== undefined) store(parsed, spec, spec.noOptDefault, shown);
  else if (rest.length > 0) store(parsed, spec, rest.shift()!, shown);
  else throw new FlagError(`flag needs an argument: --${name}`);
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
    if (spec.kind === 'bool' || (spec.noOptDefault !== undefined && letters.length === 1)) {
      store(parsed, spec, spec.noOptDefault ?? 'true', shown);
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
