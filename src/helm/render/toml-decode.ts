/**
 * Helm's `fromToml`: TOML 1.0 into Go values as BurntSushi/toml decodes into `map[string]interface {}` —
 * integers int64, floats float64, tables maps, arrays `[]interface {}`. Known differences: date-times
 * stay their TOML text (Go makes a time.Time), and most syntax errors have Chartroom's wording after the
 * library's `toml: line N (last key "k"): ` prefix (a missing value at the end and a duplicate key use the
 * library's own text).
 *
 *   decodeToml('a = 1\n[b]\nc = "x"') → {a: int64 1, b: {c: "x"}}
 */
import { GoInt, type GoValue } from '../../gotemplate/index.js';

/** The text is not TOML. */
export class TomlDecodeError extends Error {
  override readonly name = 'TomlDecodeError' as const;
}

type Table = Map<string, GoValue>;
const BARE = /[A-Za-z0-9_-]/;
const ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\', e: '\x1b' };
const DATETIME = /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?)?|^\d{2}:\d{2}(:\d{2}(\.\d+)?)?/;
const INTEGER = /^[+-]?(0|[1-9](_?\d)*)$/;
const FLOAT = /^[+-]?(0|[1-9](_?\d)*)(\.\d(_?\d)*)?([eE][+-]?\d(_?\d)*)?$/;

class TomlParser {
  pos = 0;
  readonly root: Table = new Map();
  private current: Table = this.root;
  private currentPath: string[] = [];
  /** The key being parsed, dotted from the root, for error messages. */
  private lastKey = '';
  /** Tables created by a header or as array-of-tables elements (a second header for them is an error). */
  private readonly defined = new Set<Table>();

  constructor(readonly src: string) {}

  fail(msg: string): never {
    const line = this.src.slice(0, this.pos).split('\n').length;
    const context = this.lastKey === '' ? '' : ` (last key ${JSON.stringify(this.lastKey)})`;
    throw new TomlDecodeError(`toml: line ${line}${context}: ${msg}`);
  }

  private peek(n = 0): string {
    return this.src[this.pos + n] ?? '';
  }

  private skipSpace(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }

  private skipComment(): void {
    if (this.peek() === '#') while (this.pos < this.src.length && this.peek() !== '\n') this.pos++;
  }

  /** Skips blanks, comments and newlines (inside arrays). */
  private skipAll(): void {
    for (;;) {
      this.skipSpace();
      this.skipComment();
      if (this.peek() === '\n' || this.peek() === '\r') this.pos++;
      else return;
    }
  }

  private endOfLine(): void {
    this.skipSpace();
    this.skipComment();
    if (this.pos >= this.src.length) return;
    if (this.peek() === '\r') this.pos++;
    if (this.peek() !== '\n') this.fail(`expected a newline, found ${JSON.stringify(this.peek())}`);
    this.pos++;
  }

  parse(): Table {
    while (this.pos < this.src.length) {
      this.skipAll();
      if (this.pos >= this.src.length) break;
      if (this.peek() === '[') this.header();
      else this.keyValue(this.current);
      this.endOfLine();
    }
    return this.root;
  }

  private key(): string[] {
    const parts: string[] = [];
    for (;;) {
      this.skipSpace();
      const c = this.peek();
      if (c === '"' || c === "'") parts.push(this.string(false));
      else {
        const start = this.pos;
        while (BARE.test(this.peek())) this.pos++;
        if (start === this.pos) this.fail(`expected a key, found ${JSON.stringify(c)}`);
        parts.push(this.src.slice(start, this.pos));
      }
      this.skipSpace();
      if (this.peek() !== '.') return parts;
      this.pos++;
    }
  }

  private descend(table: Table, key: string): Table {
    const next = table.get(key);
    if (next === undefined) {
      const t: Table = new Map();
      table.set(key, t);
      return t;
    }
    if (next instanceof Map) return next;
    if (Array.isArray(next) && next.length > 0 && next[next.length - 1] instanceof Map) return next[next.length - 1] as Table;
    return this.fail(`key ${JSON.stringify(key)} is already defined as a value`);
  }

  private header(): void {
    const isArray = this.peek(1) === '[';
    this.pos += isArray ? 2 : 1;
    const path = this.key();
    this.lastKey = path.join('.');
    this.currentPath = path;
    if (this.src.slice(this.pos, this.pos + (isArray ? 2 : 1)) !== (isArray ? ']]' : ']')) this.fail('unterminated table header');
    this.pos += isArray ? 2 : 1;
    let table = this.root;
    for (const part of path.slice(0, -1)) table = this.descend(table, part);
    const last = path[path.length - 1]!;
    if (isArray) {
      const list = table.get(last) ?? [];
      if (!Array.isArray(list)) this.fail(`key ${JSON.stringify(last)} is not an array of tables`);
      const t: Table = new Map();
      list.push(t);
      table.set(last, list);
      this.current = t;
      return;
    }
    const existing = table.get(last);
    if (existing instanceof Map && this.defined.has(existing)) this.fail(`table ${JSON.stringify(path.join('.'))} already defined`);
    this.current = existing instanceof Map ? existing : this.descend(table, last);
    this.defined.add(this.current);
  }

  private keyValue(table: Table, inline = false): void {
    const path = this.key();
    this.lastKey = [...(inline ? [] : this.currentPath), ...path].join('.');
    if (this.peek() !== '=') this.fail(`expected "=" after key ${JSON.stringify(path.join('.'))}`);
    this.pos++;
    this.skipSpace();
    let target = table;
    for (const part of path.slice(0, -1)) target = this.descend(target, part);
    const last = path[path.length - 1]!;
    if (target.has(last)) this.fail(`Key '${this.lastKey}' has already been defined.`);
    target.set(last, this.value());
  }

  private value(): GoValue {
    if (this.pos >= this.src.length) this.fail('unexpected EOF; expected value');
    const c = this.peek();
    if (c === '"' || c === "'") return this.string(true);
    if (c === '[') return this.array();
    if (c === '{') return this.inlineTable();
    const rest = this.src.slice(this.pos);
    const dt = DATETIME.exec(rest);
    if (dt && dt[0].length >= 5) {
      this.pos += dt[0].length;
      return dt[0];
    }
    const m = /^[^\s,\]}#]+/.exec(rest);
    if (!m) this.fail('expected a value');
    this.pos += m[0].length;
    return this.scalar(m[0]);
  }

  private scalar(word: string): GoValue {
    if (word === 'true' || word === 'false') return word === 'true';
    if (/^[+-]?inf$/.test(word)) return word.startsWith('-') ? -Infinity : Infinity;
    if (/^[+-]?nan$/.test(word)) return NaN;
    const radix = /^0([xob])([0-9A-Fa-f](_?[0-9A-Fa-f])*)$/.exec(word);
    if (radix) return new GoInt('int64', BigInt(`0${radix[1]}${radix[2]!.replaceAll('_', '')}`));
    if (INTEGER.test(word)) {
      const n = BigInt(word.replaceAll('_', ''));
      if (BigInt.asIntN(64, n) !== n) this.fail(`integer ${JSON.stringify(word)} is out of range`);
      return new GoInt('int64', n);
    }
    if (FLOAT.test(word)) return Number(word.replaceAll('_', ''));
    return this.fail(`invalid value ${JSON.stringify(word)}`);
  }

  private string(allowMultiline: boolean): string {
    const q = this.peek();
    const multi = allowMultiline && this.src.startsWith(q.repeat(3), this.pos);
    this.pos += multi ? 3 : 1;
    if (multi && this.peek() === '\n') this.pos++;
    else if (multi && this.src.startsWith('\r\n', this.pos)) this.pos += 2;
    let out = '';
    for (;;) {
      if (this.pos >= this.src.length) this.fail('unterminated string');
      if (multi ? this.src.startsWith(q.repeat(3), this.pos) && this.peek(3) !== q : this.peek() === q) {
        this.pos += multi ? 3 : 1;
        return out;
      }
      const c = this.src[this.pos++]!;
      if (c === '\n' && !multi) this.fail('strings cannot contain newlines');
      if (c !== '\\' || q === "'") {
        out += c;
        continue;
      }
      out += this.escape(multi);
    }
  }

  private escape(multi: boolean): string {
    const e = this.src[this.pos++] ?? '';
    if (multi && /[ \t\r\n]/.test(e)) {
      this.pos--;
      while (/[ \t\r\n]/.test(this.peek())) this.pos++;
      return '';
    }
    if (ESCAPES[e] !== undefined) return ESCAPES[e];
    const width = e === 'u' ? 4 : e === 'U' ? 8 : 0;
    const hex = this.src.slice(this.pos, this.pos + width);
    if (width === 0 || !/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== width) this.fail(`invalid escape in string '\\${e}'`);
    this.pos += width;
    return String.fromCodePoint(parseInt(hex, 16));
  }

  private array(): GoValue[] {
    this.pos++;
    const out: GoValue[] = [];
    for (;;) {
      this.skipAll();
      if (this.peek() === ']') {
        this.pos++;
        return out;
      }
      out.push(this.value());
      this.skipAll();
      if (this.peek() === ',') this.pos++;
      else if (this.peek() !== ']') this.fail('expected a comma or array terminator');
    }
  }

  private inlineTable(): Table {
    this.pos++;
    const t: Table = new Map();
    this.skipSpace();
    if (this.peek() === '}') {
      this.pos++;
      return t;
    }
    for (;;) {
      this.keyValue(t, true);
      this.skipSpace();
      const c = this.src[this.pos++];
      if (c === '}') return t;
      if (c !== ',') this.fail('expected a comma or an inline table terminator');
      this.skipSpace();
    }
  }
}

/** Decodes TOML text into a table. Throws TomlDecodeError. */
export function decodeToml(text: string): Map<string, GoValue> {
  return new TomlParser(text).parse();
}
