/**
 * Helm's `--set` grammar (pkg/strvals): `name1=value1,name2=value2` parsed into a values map, for the
 * five flag kinds. Keys nest with `.` and index lists with `[n]`; `{a,b}` is a list; a backslash escapes
 * the next rune (not for `--set-literal`). Errors carry Helm's text, including the Go panic messages its
 * parser recovers from (`unable to parse key: interface conversion: …`).
 *
 *   parseSet('set', 'a.b[1]=2,c={x,true}', new Map())  →  {a: {b: [nil, int64 2]}, c: ["x", true]}
 *   parseSet('set-string', 'a=1', base)                →  {…base, a: "1"}
 *   parseSet('set-json', 'a={"b":[1]}', base)          →  {…base, a: {b: [float64 1]}}
 */
import { quote, type GoValue } from '../../gotemplate/index.js';
import { quoteRune } from '../../gotemplate/strconv.js';
import { decodeJsonPrefix } from './json-prefix.js';
import { RuneScanner } from './rune-scanner.js';
import { deepCopy, type Values } from '../render/values.js';
import { goTypeName, typedValue } from './typed-value.js';

/** The `--set` flag family. */
export type SetKind = 'set' | 'set-string' | 'set-json' | 'set-file' | 'set-literal';

/** A `--set` argument Helm would refuse; the message is Helm's (without the `failed parsing` prefix). */
export class StrvalsError extends Error {
  override readonly name = 'StrvalsError' as const;
}

/** Reads a `--set-file` path (the value's runes after escapes) into the string to store. */
export type SetFileReader = (path: string) => string;

/** The largest list index strvals accepts (65536 = 1024 * 64). */
export const MAX_INDEX = 65536;
/** The deepest `a.b.c…` nesting strvals accepts. */
export const MAX_NESTED_NAME_LEVEL = 30;

/** Go's io.EOF inside the parser: the input ended where a key could start, which ends parsing cleanly. */
const EOF = new StrvalsError('EOF');
const NOT_LIST = new StrvalsError('not a list');

/** A Go panic inside the parser, recovered by the enclosing key() as `unable to parse key: …`. */
class ParserPanic extends Error {}

type Err = StrvalsError | null;

function set(data: Values, key: string, val: GoValue): void {
  if (key.length > 0) data.set(key, val);
}

/** A Go type assertion `v.(T)` that panics as Go does. */
function assertType<T extends GoValue>(v: GoValue | undefined, want: string, ok: (x: GoValue) => x is T): T {
  const value = v === undefined ? null : v;
  if (ok(value)) return value;
  throw new ParserPanic(`interface conversion: interface {} is ${goTypeName(value)}, not ${want}`);
}
const isList = (x: GoValue): x is GoValue[] => Array.isArray(x);
const isMap = (x: GoValue): x is Values => x instanceof Map;
const LIST_TYPE = '[]interface {}';
const MAP_TYPE = 'map[string]interface {}';

function setIndex(list: GoValue[], index: bigint, val: GoValue): { list: GoValue[]; err: Err } {
  if (index < 0) return { list, err: new StrvalsError(`negative ${index} index not allowed`) };
  if (index > BigInt(MAX_INDEX)) {
    return { list, err: new StrvalsError(`index of ${index} is greater than maximum supported index of ${MAX_INDEX}`) };
  }
  const at = Number(index);
  const out = list.length <= at ? [...list, ...new Array<GoValue>(at + 1 - list.length).fill(null)] : list;
  out[at] = val;
  return { list: out, err: null };
}

/** Go's `%q` of a []rune: each rune quoted as a character, space-separated in brackets. */
function quoteRunes(text: string): string {
  return `[${[...text].map((r) => quoteRune(r.codePointAt(0)!)).join(' ')}]`;
}

/** Go's strconv.Atoi error text for an index. */
function atoi(text: string): { i: bigint; err: Err } {
  if (/^[+-]?\d+$/.test(text)) {
    const n = BigInt(text);
    if (BigInt.asIntN(64, n) === n) return { i: n, err: null };
    return { i: 0n, err: new StrvalsError(`error parsing index: strconv.Atoi: parsing ${quote(text)}: value out of range`) };
  }
  return { i: 0n, err: new StrvalsError(`error parsing index: strconv.Atoi: parsing ${quote(text)}: invalid syntax`) };
}

class Parser {
  private readonly sc: RuneScanner;
  private readonly literal: boolean;

  constructor(
    text: string, private readonly kind: SetKind, private readonly readFile: SetFileReader,
  ) {
    this.sc = new RuneScanner(text);
    this.literal = kind === 'set-literal';
  }

  parse(data: Values): void {
    for (;;) {
      const err = this.key(data, 0);
      if (err === EOF) return;
      if (err !== null) throw err;
    }
  }

  private until(stop: string): { text: string; stop: string | undefined } {
    return this.sc.until(stop, !this.literal);
  }

  private reader(runes: string): GoValue {
    if (this.kind === 'set-file') return this.readFile(runes);
    return typedValue(runes, this.kind === 'set-string');
  }

  /** One `key…=value` (or the rest of one after a `.`), into `data`. */
  private key(data: Values, nested: number): Err {
    try {
      return this.keyUnsafe(data, nested);
    } catch (e) {
      if (e instanceof ParserPanic) return new StrvalsError(`unable to parse key: ${e.message}`);
      throw e;
    }
  }

  private keyUnsafe(data: Values, nestedLevel: number): Err {
    const { text: k, stop } = this.until(this.literal ? '=[.' : '=[,.');
    if (stop === undefined) return k.length === 0 ? EOF : new StrvalsError(`key ${quote(k)} has no value`);
    if (stop === '[') {
      const { i, err } = this.keyIndex();
      if (err) return err;
      const list = data.has(k) ? assertType(data.get(k), LIST_TYPE, isList) : [];
      const r = this.listItem(list, i, nestedLevel);
      set(data, k, r.list);
      return r.err;
    }
    if (stop === '=') return this.keyValue(data, k);
    if (stop === ',') {
      set(data, k, '');
      return new StrvalsError(`key ${quote(k)} has no value (cannot end with ,)`);
    }
    const level = nestedLevel + 1;
    if (level > MAX_NESTED_NAME_LEVEL) {
      return new StrvalsError(`value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`);
    }
    const inner = data.has(k) ? assertType(data.get(k), MAP_TYPE, isMap) : new Map<string, GoValue>();
    const e = this.key(inner, level);
    if (e === null && inner.size === 0) return new StrvalsError(`key map ${quote(k)} has no value`);
    if (inner.size !== 0) set(data, k, inner);
    return e;
  }

  /** After `key=`: the value (JSON, a `{…}` list, or plain runes). */
  private keyValue(data: Values, k: string): Err {
    if (this.literal) {
      set(data, k, this.sc.until('', false).text);
      return null;
    }
    if (this.kind === 'set-json') {
      if (this.emptyVal()) {
        set(data, k, null);
        return null;
      }
      set(data, k, this.jsonValue());
      this.emptyVal();
      return null;
    }
    const { list, err } = this.valList();
    if (err === null) {
      set(data, k, list);
      return null;
    }
    if (err === EOF) {
      set(data, k, '');
      return EOF;
    }
    if (err !== NOT_LIST) return err;
    set(data, k, this.reader(this.until(',').text));
    return null;
  }

  private jsonValue(): GoValue {
    const { value, consumed } = decodeJsonPrefix(this.sc.rest());
    this.sc.skip(consumed);
    return value;
  }

  private keyIndex(): { i: bigint; err: Err } {
    const { text, stop } = this.until(']');
    if (stop === undefined) return { i: 0n, err: new StrvalsError('error parsing index: EOF') };
    return atoi(text);
  }

  /** After `key[i]`: what follows the `]` (`=value`, `[j]…` or `.key…`), stored at index `i` of `list`. */
  private listItem(list: GoValue[], i: bigint, nestedLevel: number): { list: GoValue[]; err: Err } {
    if (i < 0n) return { list, err: new StrvalsError(`negative ${i} index not allowed`) };
    const { text: k, stop } = this.until('[.=');
    if (k.length > 0) return { list, err: new StrvalsError(`unexpected data at end of array index: ${quoteRunes(k)}`) };
    if (stop === undefined) return { list, err: EOF };
    if (stop === '=') return this.listValue(list, i);
    if (stop === '[') {
      const { i: nextI, err } = this.keyIndex();
      if (err) return { list, err };
      const existing = list.length > Number(i) ? list[Number(i)] : null;
      const current = existing !== null && existing !== undefined ? assertType(existing, LIST_TYPE, isList) : [];
      const inner = this.listItem(current, nextI, nestedLevel);
      if (inner.err) return { list, err: inner.err };
      return setIndex(list, i, inner.list);
    }
    let inner = new Map<string, GoValue>();
    if (list.length > Number(i)) {
      const existing = list[Number(i)];
      if (existing instanceof Map) inner = existing;
      else list[Number(i)] = inner; // indices out of order: Helm starts an empty map here
    }
    const e = this.key(inner, nestedLevel);
    if (e) return { list, err: e };
    return setIndex(list, i, inner);
  }

  private listValue(list: GoValue[], i: bigint): { list: GoValue[]; err: Err } {
    if (this.literal) return setIndex(list, i, this.sc.until('', false).text);
    if (this.kind === 'set-json') {
      if (this.emptyVal()) return setIndex(list, i, null);
      const r = setIndex(list, i, this.jsonValue());
      if (r.err) return r;
      this.emptyVal();
      return r;
    }
    const { list: vl, err } = this.valList();
    if (err === null) return setIndex(list, i, vl);
    if (err === EOF) return setIndex(list, i, '');
    if (err !== NOT_LIST) return { list, err };
    return setIndex(list, i, this.reader(this.until(',').text));
  }

  /** Consumes blanks up to a comma or the end (true: the value is empty) or stops before anything else. */
  private emptyVal(): boolean {
    for (;;) {
      const r = this.sc.read();
      if (r === undefined || r === ',') return true;
      if (!/^\s$/u.test(r)) {
        this.sc.unread();
        return false;
      }
    }
  }

  /** A `{a,b}` list, NOT_LIST when the value does not start with `{`, EOF at the end of input. */
  private valList(): { list: GoValue[]; err: Err } {
    const first = this.sc.read();
    if (first === undefined) return { list: [], err: EOF };
    if (first !== '{') {
      this.sc.unread();
      return { list: [], err: NOT_LIST };
    }
    const list: GoValue[] = [];
    for (;;) {
      const { text, stop } = this.until(',}');
      if (stop === undefined) return { list, err: new StrvalsError("list must terminate with '}'") };
      list.push(this.reader(text));
      if (stop === '}') {
        const next = this.sc.read();
        if (next !== undefined && next !== ',') this.sc.unread();
        return { list, err: null };
      }
    }
  }
}

/**
 * Parses one `--set`-family argument over `base` and returns the result; `base` is not modified. `readFile`
 * serves `--set-file` (it throws an Error with Go's text, e.g. `open x: no such file or directory`).
 * Throws StrvalsError with Helm's message (without the `failed parsing --set data: ` prefix), or what
 * `readFile` throws; `--set-json` syntax errors throw JsonPrefixError.
 */
export function parseSet(kind: SetKind, expr: string, base: Values = new Map(), readFile: SetFileReader = noFiles): Values {
  const out = deepCopy(base) as Values;
  new Parser(expr, kind, readFile).parse(out);
  return out;
}

function noFiles(path: string): string {
  throw new StrvalsError(`open ${path}: no such file or directory`);
}
