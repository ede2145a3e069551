/**
 * Translation of Go regular expressions (RE2 syntax) into equivalent `u`-mode JavaScript patterns.
 *
 * Known gaps: flag groups other than a leading `(?flags)` (`(?i:…)`, mid-pattern `(?i)`) and `(?U)` are
 * rejected; Go's parse error texts are reproduced for the common mistakes (missing or unexpected
 * parentheses and brackets, bad escapes, bad repetition) and are generic otherwise.
 */

/** A pattern Go would reject (or that cannot be translated); the message follows Go's. */
export class GoRegexError extends Error {
  override readonly name = 'GoRegexError' as const;
}

/** A compiled Go regexp. */
export interface GoRegexp {
  source: string;
  re: RegExp;
  /** Capture group names by index (index 0 is the whole match, unnamed groups are ""). */
  names: string[];
}

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7F', blank: '\\t ', cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9', graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~', space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z', word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};
const JS_SYNTAX = new Set([...'^$\\.*+?()[]{}|/']);

function parseError(code: string, arg: string): GoRegexError {
  return new GoRegexError(`error parsing regexp: ${code}: \`${arg}\``);
}

function literal(cp: number, inClass = false): string {
  const ch = String.fromCodePoint(cp);
  if (JS_SYNTAX.has(ch) || (inClass && ch === '-')) return '\\' + ch;
  if (cp < 0x20 || cp === 0x7f) return '\\x' + cp.toString(16).padStart(2, '0');
  return ch;
}

/** Translates one Go pattern to JS syntax, collecting group names and leading flags. */
export class Translator {
  i = 0;
  out = '';
  names: string[] = [''];
  depth = 0;

  constructor(readonly src: string) {}

  translate(): string {
    const s = this.src;
    while (this.i < s.length) {
      const ch = s[this.i]!;
      const repeat = '*+?'.includes(ch) || (ch === '{' && /^\{\d+(,\d*)?\}/.test(s.slice(this.i)));
      if (!repeat) this.lastRepeat = '';
      if (ch === '\\') this.out += this.escape(false);
      else if (ch === '[') this.out += this.charClass();
      else if (ch === '(') this.openGroup();
      else if (ch === ')') {
        if (this.depth === 0) throw parseError('unexpected )', s);
        this.depth--;
        this.out += ')';
        this.i++;
      } else if ('*+?'.includes(ch)) this.repetition(ch);
      else if (ch === '{' && /^\{\d+(,\d*)?\}/.test(s.slice(this.i))) this.braceRepetition();
      else {
        const cp = s.codePointAt(this.i)!;
        this.out += ch === '.' || ch === '^' || ch === '$' || ch === '|' ? ch : literal(cp);
        this.i += String.fromCodePoint(cp).length;
      }
    }
    if (this.depth > 0) throw parseError('missing closing )', s);
    return this.out;
  }

  /** Source text of the last repetition operator when it was the previous token (x** is an error). */
  lastRepeat = '';

  private lastIsRepeatable(op: string): void {
    const prev = this.out[this.out.length - 1];
    if (this.out === '' || prev === '(' || prev === '|' || /\(\?(?:<[^>]*>|:)$/.test(this.out)) {
      throw parseError('missing argument to repetition operator', op);
    }
    if (this.lastRepeat) throw parseError('invalid nested repetition operator', this.lastRepeat + op);
  }

  private repetition(op: string): void {
    const lazy = this.src[this.i + 1] === '?';
    this.lastIsRepeatable(op + (lazy ? '?' : ''));
    this.out += op + (lazy ? '?' : '');
    this.i += lazy ? 2 : 1;
    this.lastRepeat = op + (lazy ? '?' : '');
  }

  private braceRepetition(): void {
    const m = /^\{(\d+)(,(\d*))?\}(\?)?/.exec(this.src.slice(this.i))!;
    this.lastIsRepeatable(m[0]);
    const lo = Number(m[1]);
    const hi = m[3] ? Number(m[3]) : lo;
    if (lo > 1000 || hi > 1000 || (m[3] && hi < lo)) throw parseError('invalid repeat count', m[0]);
    this.out += m[0];
    this.i += m[0].length;
    this.lastRepeat = m[0];
  }

  private openGroup(): void {
    const rest = this.src.slice(this.i);
    this.depth++;
    const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
    if (named) {
      this.names.push(named[1]!);
      this.out += `(?<${named[1]}>`;
      this.i += named[0].length;
      return;
    }
    if (rest.startsWith('(?:')) {
      this.out += '(?:';
      this.i += 3;
      return;
    }
    if (rest.startsWith('(?')) {
      const flags = /^\(\?([imsU]*)\)/.exec(rest);
      if (flags && this.out === '' && !flags[1]!.includes('U')) {
        this.depth--;
        this.i += flags[0].length;
        this.leadingFlags += flags[1];
        return;
      }
      const bad = /^\(\?[^)]*\)?/.exec(rest)![0];
      throw new GoRegexError(`unsupported Go regexp flag group: \`${bad}\``);
    }
    this.names.push('');
    this.out += '(';
    this.i++;
  }

  leadingFlags = '';

  /** Translates the escape at this.i; `inClass` selects class-safe output. */
  private escape(inClass: boolean): string {
    const s = this.src;
    const c = s[this.i + 1];
    if (c === undefined) throw parseError('trailing backslash at end of expression', '');
    this.i += 2;
    switch (c) {
      case 'd': case 'D': case 'w': case 'W': return '\\' + c;
      case 's': return inClass ? '\\t\\n\\f\\r ' : '[\\t\\n\\f\\r ]';
      case 'S': return inClass ? '\\S' : '[^\\t\\n\\f\\r ]';
      case 'b': case 'B': if (!inClass) return '\\' + c; break;
      case 'A': if (!inClass) return '(?<![\\s\\S])'; break;
      case 'z': if (!inClass) return '(?![\\s\\S])'; break;
      case 'a': return '\\x07';
      case 'f': return '\\f';
      case 't': return '\\t';
      case 'n': return '\\n';
      case 'r': return '\\r';
      case 'v': return '\\v';
      case 'p': case 'P': return this.unicodeClass(c);
      case 'Q': return this.quoted();
      case 'x': return this.hexEscape(inClass);
      default:
    }
    if (c >= '0' && c <= '7') {
      // \1-\7 alone would be a backreference, which Go rejects; otherwise up to three octal digits
      const m = /^[0-7]{1,3}/.exec(s.slice(this.i - 1))!;
      if (c !== '0' && m[0].length === 1) throw parseError('invalid escape sequence', '\\' + c);
      this.i += m[0].length - 1;
      return literal(parseInt(m[0], 8), inClass);
    }
    const cp = s.codePointAt(this.i - 1)!;
    if (/[A-Za-z0-9]/.test(c) || cp >= 0x80) throw parseError('invalid escape sequence', '\\' + String.fromCodePoint(cp));
    this.i += String.fromCodePoint(cp).length - 1;
    return literal(cp, inClass);
  }

  private hexEscape(inClass: boolean): string {
    const rest = this.src.slice(this.i);
    const braced = /^\{([0-9A-Fa-f]+)\}/.exec(rest);
    if (braced) {
      this.i += braced[0].length;
      return literal(parseInt(braced[1]!, 16), inClass);
    }
    const two = /^[0-9A-Fa-f]{2}/.exec(rest);
    if (!two) throw parseError('invalid escape sequence', '\\x' + rest.slice(0, 2));
    this.i += 2;
    return literal(parseInt(two[0], 16), inClass);
  }

  private unicodeClass(c: string): string {
    const rest = this.src.slice(this.i);
    const m = /^\{(\^?)([A-Za-z_]+)\}|^([A-Za-z])/.exec(rest);
    if (!m) throw parseError('invalid character class range', '\\' + c + rest.slice(0, 1));
    this.i += m[0].length;
    const negate = (c === 'P') !== (m[1] === '^');
    const name = m[2] ?? m[3]!;
    const prop = name.length <= 2 ? name : `Script=${name}`;
    return `\\${negate ? 'P' : 'p'}{${prop}}`;
  }

  private quoted(): string {
    const end = this.src.indexOf('\\E', this.i);
    const text = end < 0 ? this.src.slice(this.i) : this.src.slice(this.i, end);
    this.i = end < 0 ? this.src.length : end + 2;
    return [...text].map((ch) => literal(ch.codePointAt(0)!)).join('');
  }

  private charClass(): string {
    const s = this.src;
    const start = this.i;
    let out = '[';
    this.i++;
    if (s[this.i] === '^') {
      out += '^';
      this.i++;
    }
    let first = true;
    for (;;) {
      if (this.i >= s.length) throw parseError('missing closing ]', s.slice(start));
      const ch = s[this.i]!;
      if (ch === ']' && !first) break;
      first = false;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(s.slice(this.i));
      if (posix) {
        const body = POSIX[posix[2]!];
        if (!body) throw parseError('invalid character class range', posix[0]);
        if (posix[1]) throw new GoRegexError(`unsupported negated POSIX class: \`${posix[0]}\``);
        out += body;
        this.i += posix[0].length;
      } else if (ch === '\\') out += this.escape(true);
      else if (ch === '-') {
        out += '-';
        this.i++;
      } else {
        const cp = s.codePointAt(this.i)!;
        out += literal(cp, true);
        this.i += String.fromCodePoint(cp).length;
      }
    }
    this.i++;
    return out + ']';
  }
}
