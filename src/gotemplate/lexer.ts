/**
 * The template lexer: a port of the state machine in Go's text/template/parse/lex.go, producing the same
 * tokens, trim-marker handling (`{{- ` and ` -}}`), comments and error texts. Positions are UTF-16 offsets
 * into the input; the executor converts them to Go's byte columns when it reports an error. The state
 * functions live in lex-states.ts.
 */
import { countNewlines, hasRightTrimMarker, isSpace } from './lex-chars.js';
import { type Item, ItemType } from './lex-items.js';
import { type StateFn, lexInsideAction, lexText } from './lex-states.js';

export { type Item, ItemType, itemString } from './lex-items.js';
export { isAlphaNumeric, isSpace } from './lex-chars.js';

/** Options the parser sets before lexing. */
export interface LexOptions {
  emitComment: boolean;
  breakOK: boolean;
  continueOK: boolean;
}

/** The lexer: call `nextItem()` until it returns EOF or Error. */
export class Lexer {
  pos = 0;
  start = 0;
  atEOF = false;
  parenDepth = 0;
  line = 1;
  startLine = 1;
  item: Item = { typ: ItemType.EOF, pos: 0, val: 'EOF', line: 1 };
  insideAction = false;
  options: LexOptions = { emitComment: false, breakOK: true, continueOK: true };

  constructor(
    readonly name: string,
    public input: string,
    readonly leftDelim = '{{',
    readonly rightDelim = '}}',
  ) {}

  /** Returns the next token. */
  nextItem(): Item {
    this.item = { typ: ItemType.EOF, pos: this.pos, val: 'EOF', line: this.startLine };
    let state: StateFn = this.insideAction ? lexInsideAction : lexText;
    while (state) state = state(this);
    return this.item;
  }

  next(): string | undefined {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return undefined;
    }
    const code = this.input.charCodeAt(this.pos);
    const ch = code >= 0xd800 && code <= 0xdbff ? String.fromCodePoint(this.input.codePointAt(this.pos)!) : this.input[this.pos]!;
    this.pos += ch.length;
    if (ch === '\n') this.line++;
    return ch;
  }

  peek(): string | undefined {
    const r = this.next();
    this.backup();
    return r;
  }

  backup(): void {
    if (this.atEOF || this.pos <= 0) return;
    const lo = this.input.charCodeAt(this.pos - 1);
    const isPair = lo >= 0xdc00 && lo <= 0xdfff && this.pos >= 2 &&
      this.input.charCodeAt(this.pos - 2) >= 0xd800 && this.input.charCodeAt(this.pos - 2) <= 0xdbff;
    this.pos -= isPair ? 2 : 1;
    if (this.input[this.pos] === '\n') this.line--;
  }

  thisItem(typ: ItemType): Item {
    const i = { typ, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
    this.start = this.pos;
    this.startLine = this.line;
    return i;
  }

  emit(typ: ItemType): StateFn {
    return this.emitItem(this.thisItem(typ));
  }

  emitItem(i: Item): StateFn {
    this.item = i;
    return null;
  }

  ignore(): void {
    this.line += countNewlines(this.input, this.start, this.pos);
    this.start = this.pos;
    this.startLine = this.line;
  }

  accept(valid: string): boolean {
    const c = this.next();
    if (c !== undefined && valid.includes(c)) return true;
    this.backup();
    return false;
  }

  acceptRun(valid: string): void {
    for (;;) {
      const c = this.next();
      if (c === undefined || !valid.includes(c)) break;
    }
    this.backup();
  }

  errorf(msg: string): StateFn {
    this.item = { typ: ItemType.Error, pos: this.start, val: msg, line: this.startLine };
    this.start = 0;
    this.pos = 0;
    this.input = '';
    return null;
  }

  atRightDelim(): { delim: boolean; trimSpaces: boolean } {
    if (hasRightTrimMarker(this.input, this.pos) && this.input.startsWith(this.rightDelim, this.pos + 2)) {
      return { delim: true, trimSpaces: true };
    }
    return { delim: this.input.startsWith(this.rightDelim, this.pos), trimSpaces: false };
  }

  atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    if (r === undefined || '.,|:)('.includes(r)) return true;
    return this.input.startsWith(this.rightDelim, this.pos);
  }
}
