/**
 * Go's encoding/json syntax check (scanner.go checkValid), for Go's error texts on bad input:
 * `invalid character '<' looking for beginning of value`, `unexpected end of JSON input`, and the rest.
 * Scans UTF-8 bytes as Go does.
 *
 *   checkGoJson('{"a" 1}') → throws `invalid character '1' after object key`
 */
import { quote } from '../../gotemplate/index.js';

/** JSON text Go would refuse; the message is Go's. */
export class GoJsonSyntaxError extends Error {
  override readonly name = 'GoJsonSyntaxError' as const;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return `'"'`;
  return `'${quote(String.fromCharCode(c)).slice(1, -1)}'`;
}

class Scanner {
  i = 0;
  constructor(readonly b: Buffer) {}

  private fail(context: string): never {
    if (this.i >= this.b.length) throw new GoJsonSyntaxError('unexpected end of JSON input');
    throw new GoJsonSyntaxError(`invalid character ${quoteChar(this.b[this.i]!)} ${context}`);
  }

  private skip(): void {
    while (this.i < this.b.length && isSpace(this.b[this.i]!)) this.i++;
  }

  private expect(c: number, context: string): void {
    if (this.b[this.i] !== c) this.fail(context);
    this.i++;
  }

  value(): void {
    this.skip();
    const c = this.b[this.i];
    if (c === 0x7b) return this.object();
    if (c === 0x5b) return this.array();
    if (c === 0x22) return this.string();
    if (c === 0x2d || (c !== undefined && isDigit(c))) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (c !== word.charCodeAt(0)) continue;
      this.i++;
      for (const ch of word.slice(1)) this.expect(ch.charCodeAt(0), `in literal ${word} (expecting '${ch}')`);
      return;
    }
    this.fail('looking for beginning of value');
  }

  private object(): void {
    this.i++;
    this.skip();
    if (this.b[this.i] === 0x7d) {
      this.i++;
      return;
    }
    for (;;) {
      this.skip();
      if (this.b[this.i] !== 0x22) this.fail('looking for beginning of object key string');
      this.string();
      this.skip();
      this.expect(0x3a, 'after object key');
      this.value();
      this.skip();
      if (this.b[this.i] === 0x7d) {
        this.i++;
        return;
      }
      this.expect(0x2c, 'after object key:value pair');
    }
  }

  private array(): void {
    this.i++;
    this.skip();
    if (this.b[this.i] === 0x5d) {
      this.i++;
      return;
    }
    for (;;) {
      this.value();
      this.skip();
      if (this.b[this.i] === 0x5d) {
        this.i++;
        return;
      }
      this.expect(0x2c, 'after array element');
    }
  }

  private string(): void {
    this.i++;
    for (;;) {
      const c = this.b[this.i];
      if (c === undefined) this.fail('in string literal');
      if (c === 0x22) {
        this.i++;
        return;
      }
      if (c < 0x20) this.fail('in string literal');
      this.i++;
      if (c !== 0x5c) continue;
      const e = this.b[this.i];
      if (e === 0x75) {
        this.i++;
        for (let k = 0; k < 4; k++) {
          if (!isHex(this.b[this.i] ?? -1)) this.fail('in \\u hexadecimal character escape');
          this.i++;
        }
      } else if (e !== undefined && '"\\/bfnrt'.includes(String.fromCharCode(e))) this.i++;
      else this.fail('in string escape code');
    }
  }

  private digits(context: string): void {
    if (!isDigit(this.b[this.i] ?? -1)) this.fail(context);
    while (isDigit(this.b[this.i] ?? -1)) this.i++;
  }

  private number(): void {
    if (this.b[this.i] === 0x2d) this.i++;
    if (this.b[this.i] === 0x30) this.i++;
    else this.digits('in numeric literal');
    if (this.b[this.i] === 0x2e) {
      this.i++;
      this.digits('after decimal point in numeric literal');
    }
    if (this.b[this.i] === 0x65 || this.b[this.i] === 0x45) {
      this.i++;
      if (this.b[this.i] === 0x2b || this.b[this.i] === 0x2d) this.i++;
      this.digits('in exponent of numeric literal');
    }
  }

  top(): void {
    this.value();
    this.skip();
    if (this.i < this.b.length) this.fail('after top-level value');
  }
}

/** Throws GoJsonSyntaxError with Go's message when `text` is not valid JSON. */
export function checkGoJson(text: string): void {
  new Scanner(Buffer.from(text, 'utf8')).top();
}
