/**
 * The formatting primitives of Go's fmt (fmt/format.go): padding, integers in every base, strings, quoted
 * strings and characters, Unicode code points and floats, all honouring the flags, width and precision.
 */
import { canBackquote, isPrint, quote, quoteRune, quoteToASCII } from '../strconv.js';
import { type FloatFormat, formatFloat, formatFloatBinary, formatFloatHex } from './float.js';

/** Float verbs after fmt's mapping: strconv formats plus binary and hexadecimal. */
export type FloatVerb = FloatFormat | 'b' | 'x' | 'X';

/** The flags of one verb. */
export interface FmtFlags {
  widPresent: boolean;
  precPresent: boolean;
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid: number;
  prec: number;
}

/** Fresh flags (Go's clearflags). */
export function clearFlags(): FmtFlags {
  return {
    widPresent: false, precPresent: false, minus: false, plus: false, sharp: false, space: false,
    zero: false, plusV: false, sharpV: false, wid: 0, prec: 0,
  };
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** A Go fmt formatter writing into `out`. */
export class Formatter {
  out = '';
  f: FmtFlags = clearFlags();

  writePadding(n: number): void {
    if (n <= 0) return;
    this.out += (this.f.zero && !this.f.minus ? '0' : ' ').repeat(n);
  }

  /** Writes s padded to the width (counted in runes). */
  padString(s: string): void {
    if (!this.f.widPresent || this.f.wid === 0) {
      this.out += s;
      return;
    }
    const width = this.f.wid - runeCount(s);
    if (!this.f.minus) {
      this.writePadding(width);
      this.out += s;
    } else {
      this.out += s;
      this.writePadding(width);
    }
  }

  /** Pads with zero padding disabled (integers and code points handle zeros themselves). */
  padNoZero(s: string): void {
    const old = this.f.zero;
    this.f.zero = false;
    this.padString(s);
    this.f.zero = old;
  }

  fmtBoolean(v: boolean): void {
    this.padString(v ? 'true' : 'false');
  }

  /** `%U`: U+0041, or U+0041 'A' with `#`. */
  fmtUnicode(u: bigint): void {
    let prec = 4;
    if (this.f.precPresent && this.f.prec > 4) prec = this.f.prec;
    let s = u.toString(16).toUpperCase();
    if (s.length < prec) s = '0'.repeat(prec - s.length) + s;
    s = 'U+' + s;
    if (this.f.sharp && u <= 0x10ffffn && isPrint(Number(u))) s += ` '${String.fromCodePoint(Number(u))}'`;
    this.padNoZero(s);
  }

  /** An integer in base 2, 8, 10 or 16 with sign, precision, `#` prefix and zero padding. */
  fmtInteger(v: bigint, base: number, verb: string, upper: boolean): void {
    const negative = v < 0n;
    const u = negative ? -v : v;
    let prec = 0;
    if (this.f.precPresent) {
      prec = this.f.prec;
      if (prec === 0 && u === 0n) {
        const old = this.f.zero;
        this.f.zero = false;
        this.writePadding(this.f.wid);
        this.f.zero = old;
        return;
      }
    } else if (this.f.zero && !this.f.minus && this.f.widPresent) {
      prec = this.f.wid;
      if (negative || this.f.plus || this.f.space) prec--;
    }
    let digits = u.toString(base);
    if (upper) digits = digits.toUpperCase();
    if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
    if (this.f.sharp) {
      if (base === 2) digits = '0b' + digits;
      else if (base === 8 && digits[0] !== '0') digits = '0' + digits;
      else if (base === 16) digits = (upper ? '0X' : '0x') + digits;
    }
    if (verb === 'O') digits = '0o' + digits;
    if (negative) digits = '-' + digits;
    else if (this.f.plus) digits = '+' + digits;
    else if (this.f.space) digits = ' ' + digits;
    this.padNoZero(digits);
  }

  truncateString(s: string): string {
    if (!this.f.precPresent) return s;
    return [...s].slice(0, this.f.prec).join('');
  }

  fmtS(s: string): void {
    this.padString(this.truncateString(s));
  }

  /** `%x` / `%X` of a string's bytes, honouring space and `#`. */
  fmtSx(bytes: Uint8Array, upper: boolean): void {
    let length = bytes.length;
    if (this.f.precPresent && this.f.prec < length) length = this.f.prec;
    let width = 2 * length;
    if (width <= 0) {
      if (this.f.widPresent) this.writePadding(this.f.wid);
      return;
    }
    if (this.f.space) {
      if (this.f.sharp) width *= 2;
      width += length - 1;
    } else if (this.f.sharp) width += 2;
    if (this.f.widPresent && this.f.wid > width && !this.f.minus) this.writePadding(this.f.wid - width);
    const prefix = upper ? '0X' : '0x';
    let s = this.f.sharp ? prefix : '';
    for (let i = 0; i < length; i++) {
      if (this.f.space && i > 0) s += this.f.sharp ? ' ' + prefix : ' ';
      const h = bytes[i]!.toString(16).padStart(2, '0');
      s += upper ? h.toUpperCase() : h;
    }
    this.out += s;
    if (this.f.widPresent && this.f.wid > width && this.f.minus) this.writePadding(this.f.wid - width);
  }

  fmtQ(s: string): void {
    s = this.truncateString(s);
    if (this.f.sharp && canBackquote(s)) {
      this.padString('`' + s + '`');
      return;
    }
    this.padString(this.f.plus ? quoteToASCII(s) : quote(s));
  }

  fmtC(c: bigint): void {
    const cp = c > 0x10ffffn || (c >= 0xd800n && c <= 0xdfffn) ? 0xfffd : Number(c);
    this.padString(String.fromCodePoint(cp));
  }

  fmtQc(c: bigint): void {
    const cp = c > 0x10ffffn ? 0xfffd : Number(c);
    this.padString(quoteRune(cp, this.f.plus));
  }

  /** A float64 in format e/E/f/g/G with Go's sign, `#` and zero-padding rules. */
  fmtFloat(v: number, verb: FloatVerb, defaultPrec: number): void {
    const prec = this.f.precPresent ? this.f.prec : defaultPrec;
    let num: string;
    if (verb === 'b') num = formatFloatBinary(v);
    else if (verb === 'x' || verb === 'X') num = formatFloatHex(v, verb, prec);
    else num = formatFloat(v, verb, prec);
    if (num[0] === '-' || num[0] === '+') {
      // already signed
    } else num = '+' + num;
    if (this.f.space && num[0] === '+' && !this.f.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      if (num[1] === 'N' && !this.f.space && !this.f.plus) num = num.slice(1);
      this.padNoZero(num);
      return;
    }
    if (this.f.sharp && verb !== 'b') num = this.sharpFloat(num, verb, prec);
    if (this.f.plus || num[0] !== '+') {
      if (this.f.zero && !this.f.minus && this.f.widPresent && this.f.wid > num.length) {
        this.out += num[0];
        this.writePadding(this.f.wid - num.length);
        this.out += num.slice(1);
        return;
      }
      this.padString(num);
      return;
    }
    this.padString(num.slice(1));
  }

  /** The `#` flag: always a decimal point, and %g/%x keep trailing zeros (Go's fmtFloat tail). */
  private sharpFloat(num: string, verb: FloatVerb, prec: number): string {
    let digits = 0;
    if (verb === 'g' || verb === 'G' || verb === 'x') digits = prec === -1 ? 6 : prec;
    let tail = '';
    let body = num;
    let hasDecimalPoint = false;
    let sawNonzero = false;
    for (let i = 1; i < body.length; i++) {
      const c = body[i]!;
      if (c === '.') {
        hasDecimalPoint = true;
        continue;
      }
      if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
        tail = body.slice(i);
        body = body.slice(0, i);
        break;
      }
      if (c !== '0') sawNonzero = true;
      if (sawNonzero) digits--;
    }
    if (!hasDecimalPoint) {
      if (body.length === 2 && body[1] === '0') digits--;
      body += '.';
    }
    if (digits > 0) body += '0'.repeat(digits);
    return body + tail;
  }

}
