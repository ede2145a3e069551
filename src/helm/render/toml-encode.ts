/**
 * Helm's `toToml`: BurntSushi/toml's encoder layout. Map keys sorted (byte order), struct fields in
 * declaration order with embedded structs inlined, plain values before
 * sub-tables, nil map values skipped, `[table]` and `[[array.of.tables]]` headers with a blank line before
 * top-level tables and every `[[…]]`, two spaces of indent per level below the top, bare keys only for
 * `A-Za-z0-9_-`, floats in Go's shortest `%g` form with `.0` added to whole numbers, maps inside arrays
 * inline (`{a = 1}`). A nil array element fails the whole encoding with the library's message.
 *
 *   toToml({b: {c: 1.0}, a: [1, 2]})  →  'a = [1, 2]\n\n[b]\n  c = 1.0\n'
 */
import { GoInt, GoSlice, GoStruct, GoTypedMap, type GoValue } from '../../gotemplate/index.js';
import { compareGoStrings } from '../../gotemplate/index.js';

/** The encoder refused a value; the message is BurntSushi/toml's. */
export class TomlEncodeError extends Error {
  override readonly name = 'TomlEncodeError' as const;
}

const INDENT = '  ';
const BARE_KEY = /^[A-Za-z0-9_-]+$/;
const NAMED_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };

/**
 * A struct's fields as eStruct walks them: declaration order, embedded structs inlined, nil slices and maps
 * left out (an empty one stands for nil: Helm's chart.Metadata leaves absent lists nil).
 */
function structEntries(v: GoStruct): [string, GoValue][] {
  const out: [string, GoValue][] = [];
  for (const [k, x] of v.fields) {
    if (v.embedded?.has(k) && x instanceof GoStruct) out.push(...structEntries(x));
    else if (!((x instanceof GoSlice && x.items.length === 0) || (x instanceof GoTypedMap && x.entries.size === 0))) out.push([k, x]);
  }
  return out;
}

function entriesOf(v: GoValue): [string, GoValue][] | undefined {
  if (v instanceof Map) return [...v];
  if (v instanceof GoTypedMap) return [...v.entries];
  if (v instanceof GoStruct) return structEntries(v);
  return undefined;
}

/** Plain values, then tables; map keys sorted, struct fields in declaration order. */
function ordered(entries: [string, GoValue][], isStruct: boolean): [string, GoValue][] {
  const live = entries.filter(([, v]) => v !== null);
  const byKey = ([a]: [string, GoValue], [b]: [string, GoValue]): number => (isStruct ? 0 : compareGoStrings(a, b));
  const direct = live.filter(([, v]) => !isTableLike(v)).sort(byKey);
  const sub = live.filter(([, v]) => isTableLike(v)).sort(byKey);
  return [...direct, ...sub];
}

function itemsOf(v: GoValue): GoValue[] | undefined {
  if (Array.isArray(v)) return v;
  if (v instanceof GoSlice) return v.items;
  return undefined;
}

/** isTableArray: a non-empty array whose elements are all tables; any nil element is an error. */
function isTableArray(items: GoValue[]): boolean {
  if (items.length === 0) return false;
  let all = true;
  for (const item of items) {
    if (item === null) throw new TomlEncodeError('toml: cannot encode array with nil element');
    if (!entriesOf(item)) all = false;
  }
  return all;
}

function isTableLike(v: GoValue): boolean {
  if (entriesOf(v)) return true;
  const items = itemsOf(v);
  return items !== undefined && isTableArray(items);
}

function quoteKey(k: string): string {
  return BARE_KEY.test(k) ? k : quoteString(k);
}

function quoteString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (NAMED_ESCAPES[ch] !== undefined) out += NAMED_ESCAPES[ch];
    else if (cp < 0x20 || cp === 0x7f) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** strconv.FormatFloat(f, 'g', -1, 64), with `.0` added when the text has neither `.` nor an exponent. */
function formatFloat(f: number): string {
  if (Number.isNaN(f)) return 'nan';
  if (!Number.isFinite(f)) return f > 0 ? 'inf' : '-inf';
  if (Object.is(f, -0)) return '-0.0';
  const [mantissa, expText] = f.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  let text: string;
  if (exp < -4 || exp >= 6) {
    text = `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else text = String(f);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

function element(v: GoValue): string {
  if (typeof v === 'string') return quoteString(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return formatFloat(v);
  if (v instanceof GoInt) return v.value.toString();
  const items = itemsOf(v);
  if (items) {
    isTableArray(items); // rejects nil elements
    return `[${items.map(element).join(', ')}]`;
  }
  const entries = entriesOf(v);
  if (entries) return inlineTable(entries, v instanceof GoStruct);
  if (v === null) throw new TomlEncodeError('toml: cannot encode a nil value');
  throw new TomlEncodeError(`toml: cannot encode a ${typeof v} value`);
}

function inlineTable(entries: [string, GoValue][], isStruct: boolean): string {
  return `{${ordered(entries, isStruct).map(([k, v]) => `${quoteKey(k)} = ${element(v)}`).join(', ')}}`;
}

class TomlWriter {
  out = '';

  private newline(): void {
    if (this.out.length > 0) this.out += '\n';
  }

  private indent(key: string[]): string {
    return INDENT.repeat(Math.max(0, key.length - 1));
  }

  table(key: string[], entries: [string, GoValue][], isStruct: boolean): void {
    if (key.length === 1) this.newline();
    if (key.length > 0) {
      this.out += `${this.indent(key)}[${key.map(quoteKey).join('.')}]`;
      this.newline();
    }
    this.body(key, entries, isStruct);
  }

  body(key: string[], entries: [string, GoValue][], isStruct: boolean): void {
    for (const [k, v] of ordered(entries, isStruct)) this.encode([...key, k], v);
  }

  encode(key: string[], v: GoValue): void {
    const entries = entriesOf(v);
    if (entries) return this.table(key, entries, v instanceof GoStruct);
    const items = itemsOf(v);
    if (items && isTableArray(items)) {
      if (key.length === 0) throw new TomlEncodeError('toml: top-level values must be Go maps or structs');
      for (const item of items) {
        this.newline();
        this.out += `${this.indent(key)}[[${key.map(quoteKey).join('.')}]]`;
        this.newline();
        this.body(key, entriesOf(item)!, item instanceof GoStruct);
      }
      return;
    }
    if (key.length === 0) {
      this.out += element(v);
      return;
    }
    this.out += `${this.indent(key)}${quoteKey(key[key.length - 1]!)} = ${element(v)}`;
    this.newline();
  }
}

/** Encodes a value as BurntSushi/toml does. Throws TomlEncodeError (Helm's toToml returns its message). */
export function encodeToml(v: GoValue): string {
  const w = new TomlWriter();
  w.encode([], v);
  return w.out;
}
