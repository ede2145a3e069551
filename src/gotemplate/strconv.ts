/**
 * The parts of Go's strconv the engine needs: quoting (`%q`, error messages), unquoting (string and
 * character literals in templates) and IsPrint.
 *
 * Go strings are bytes and ours are UTF-16: a `\xNN` escape that does not form valid UTF-8 decodes to
 * U+FFFD here, where Go would keep the raw byte.
 */

/** Thrown when a literal is not valid Go syntax; the message is Go's `invalid syntax`. */
export class GoSyntaxError extends Error {
  override readonly name = 'GoSyntaxError' as const;
  constructor() {
    super('invalid syntax');
  }
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Go's strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isPrint(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  if (cp === 0xad) return false; // soft hyphen: Go treats format characters as unprintable
  return PRINTABLE.test(String.fromCodePoint(cp));
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapeRune(cp: number, quote: number, asciiOnly: boolean): string {
  if (cp === quote || cp === 0x5c) return '\\' + String.fromCodePoint(cp);
  if (asciiOnly ? cp < 0x80 && isPrint(cp) : isPrint(cp)) return String.fromCodePoint(cp);
  switch (cp) {
    case 7: return '\\a';
    case 8: return '\\b';
    case 12: return '\\f';
    case 10: return '\\n';
    case 13: return '\\r';
    case 9: return '\\t';
    case 11: return '\\v';
    default:
  }
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hex(cp, 2);
  if (cp < 0x10000) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

function quoteWith(s: string, quote: number, asciiOnly: boolean): string {
  let out = String.fromCharCode(quote);
  for (const ch of s) {
    let cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // a lone surrogate stands for an invalid byte
    out += escapeRune(cp, quote, asciiOnly);
  }
  return out + String.fromCharCode(quote);
}

/** Go's strconv.Quote. */
export function quote(s: string): string {
  return quoteWith(s, 0x22, false);
}

/** Go's strconv.QuoteToASCII. */
export function quoteToASCII(s: string): string {
  return quoteWith(s, 0x22, true);
}

/** Go's strconv.QuoteRune (and QuoteRuneToASCII when `asciiOnly`). */
export function quoteRune(cp: number, asciiOnly = false): string {
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
  return "'" + escapeRune(cp, 0x27, asciiOnly).slice(0) + "'";
}

/** Go's strconv.CanBackquote. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x60 || cp === 0xfeff) return false;
    if (cp < 0x20 && cp !== 9) return false;
    if (cp === 0x7f) return false;
  }
  return true;
}

const SIMPLE_ESCAPES: Record<string, number> = {
  a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c,
};

/**
 * Reads one escape sequence starting after the backslash at `s[i]`. Returns the code point (or byte, when
 * `isByte`) and the index after the escape. Throws GoSyntaxError on malformed input.
 */
function readEscape(s: string, i: number, quoteCh: string): { value: number; isByte: boolean; next: number } {
  const c = s[i];
  if (c === undefined) throw new GoSyntaxError();
  if (c in SIMPLE_ESCAPES) return { value: SIMPLE_ESCAPES[c]!, isByte: false, next: i + 1 };
  if (c === quoteCh) return { value: c.charCodeAt(0), isByte: false, next: i + 1 };
  const widths: Record<string, number> = { x: 2, u: 4, U: 8 };
  if (c in widths) {
    const digits = s.slice(i + 1, i + 1 + widths[c]!);
    if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== widths[c]) throw new GoSyntaxError();
    const v = parseInt(digits, 16);
    if (c !== 'x' && (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))) throw new GoSyntaxError();
    return { value: v, isByte: c === 'x', next: i + 1 + digits.length };
  }
  if (c >= '0' && c <= '7') {
    const digits = s.slice(i, i + 3);
    if (!/^[0-7]{3}$/.test(digits)) throw new GoSyntaxError();
    const v = parseInt(digits, 8);
    if (v > 255) throw new GoSyntaxError();
    return { value: v, isByte: true, next: i + 3 };
  }
  throw new GoSyntaxError();
}

function encodeCodePoint(cp: number, out: number[]): void {
  for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) out.push(b);
}

/** Go's strconv.Unquote for "…", `…` and '…' literals (the last returns the one character). */
export function unquote(lit: string): string {
  if (lit.length < 2 || lit[0] !== lit[lit.length - 1]) throw new GoSyntaxError();
  const q = lit[0]!;
  const body = lit.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new GoSyntaxError();
    return body.replace(/\r/g, '');
  }
  if (q !== '"' && q !== "'") throw new GoSyntaxError();
  const bytes: number[] = [];
  let runes = 0;
  for (let i = 0; i < body.length; ) {
    const ch = body[i]!;
    if (ch === q || ch === '\n') throw new GoSyntaxError();
    runes++;
    if (ch !== '\\') {
      const cp = body.codePointAt(i)!;
      encodeCodePoint(cp, bytes);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const esc = readEscape(body, i + 1, q);
    if (esc.isByte) bytes.push(esc.value);
    else encodeCodePoint(esc.value, bytes);
    i = esc.next;
  }
  if (q === "'" && runes !== 1) throw new GoSyntaxError();
  return Buffer.from(bytes).toString('utf8');
}

/**
 * The code point of a character literal such as `'a'`, `'\n'` or `'\x41'`, as Go's UnquoteChar reads it.
 * Throws GoSyntaxError for malformed literals.
 */
export function unquoteCharLiteral(lit: string): number {
  const body = lit.slice(1, -1);
  if (lit.length < 3 || lit[lit.length - 1] !== "'") throw new GoSyntaxError();
  if (body[0] !== '\\') {
    const cp = body.codePointAt(0)!;
    if (String.fromCodePoint(cp).length !== body.length) throw new GoSyntaxError();
    return cp;
  }
  const esc = readEscape(body, 1, "'");
  if (esc.next !== body.length) throw new GoSyntaxError();
  return esc.value;
}
