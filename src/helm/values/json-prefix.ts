/**
 * Decodes the first JSON value at the start of a string, as Go's json.Decoder.Decode does for
 * `--set-json`: leading whitespace skipped, one value read (numbers float64, objects
 * `map[string]interface {}`), and whatever follows left for the caller (`a=1,b=2` decodes `1`, leaves `,b=2`).
 *
 *   decodeJsonPrefix(' [1, "x"] ,b=2') → { value: [1, "x"], consumed: 9 }
 */
import type { GoValue } from '../../gotemplate/index.js';

/** The text does not start with a valid JSON value. */
export class JsonPrefixError extends Error {
  override readonly name = 'JsonPrefixError' as const;
}

const WS = ' \t\r\n';
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  skipSpace(): void {
    while (this.pos < this.text.length && WS.includes(this.text[this.pos]!)) this.pos++;
  }

  fail(what: string): never {
    throw new JsonPrefixError(`invalid JSON at offset ${this.pos}: ${what}`);
  }

  value(): GoValue {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    }
    const m = NUMBER.exec(this.text.slice(this.pos));
    if (!m) this.fail('expected a value');
    const n = Number(m[0]);
    // Go refuses numbers beyond float64 (`cannot unmarshal number 1e400 into Go value of type float64`).
    if (!Number.isFinite(n)) this.fail('number out of range');
    this.pos += m[0].length;
    return n;
  }

  string(): string {
    this.pos++; // opening quote
    let out = '';
    for (;;) {
      const c = this.text[this.pos++];
      if (c === undefined) this.fail('unterminated string');
      if (c === '"') return out;
      if (c < ' ') this.fail('control character in string');
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.text[this.pos++];
      if (e === 'u') {
        const hex = this.text.slice(this.pos, this.pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += 4;
      } else if (e !== undefined && ESCAPES[e] !== undefined) {
        out += ESCAPES[e];
      } else {
        this.fail('bad escape');
      }
    }
  }

  array(): GoValue[] {
    this.pos++;
    const out: GoValue[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.skipSpace();
      const c = this.text[this.pos++];
      if (c === ']') return out;
      if (c !== ',') this.fail('expected , or ]');
    }
  }

  object(): Map<string, GoValue> {
    this.pos++;
    const out = new Map<string, GoValue>();
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail('expected a key');
      const key = this.string();
      this.skipSpace();
      if (this.text[this.pos++] !== ':') this.fail('expected :');
      out.set(key, this.value());
      this.skipSpace();
      const c = this.text[this.pos++];
      if (c === '}') return out;
      if (c !== ',') this.fail('expected , or }');
    }
  }
}

/**
 * Decodes the JSON value at the start of `text`. Returns it with the number of code points consumed
 * (leading whitespace included). Throws JsonPrefixError when no valid value starts there.
 */
export function decodeJsonPrefix(text: string): { value: GoValue; consumed: number } {
  const reader = new Reader(text);
  const value = reader.value();
  return { value, consumed: [...text.slice(0, reader.pos)].length };
}
