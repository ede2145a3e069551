/** The lexer's state functions (Go's lexText, lexInsideAction, lexNumber …) and character classes. */
import {
  LEFT_COMMENT, RIGHT_COMMENT, countNewlines, formatSharpU, hasLeftTrimMarker, hasRightTrimMarker, isAlphaNumeric,
  isSpace, leftTrimLength, rightTrimLength,
} from './lex-chars.js';
import { ItemType, KEYWORDS } from './lex-items.js';
import type { Lexer } from './lexer.js';
import { quote } from './strconv.js';

/** A lexer state: consumes input and returns the next state, or null once an item is ready. */
export type StateFn = ((l: Lexer) => StateFn) | null;

/** Scans text up to the next left delimiter (trimming before `{{- `). */
export function lexText(l: Lexer): StateFn {
  const x = l.input.indexOf(l.leftDelim, l.pos);
  if (x >= 0) {
    if (x > l.pos) {
      l.pos = x;
      let trimLength = 0;
      const delimEnd = l.pos + l.leftDelim.length;
      if (hasLeftTrimMarker(l.input, delimEnd)) trimLength = rightTrimLength(l.input.slice(l.start, l.pos));
      l.pos -= trimLength;
      l.line += countNewlines(l.input, l.start, l.pos);
      const i = l.thisItem(ItemType.Text);
      l.pos += trimLength;
      l.ignore();
      if (i.val.length > 0) return l.emitItem(i);
    }
    return lexLeftDelim;
  }
  l.pos = l.input.length;
  if (l.pos > l.start) {
    l.line += countNewlines(l.input, l.start, l.pos);
    return l.emit(ItemType.Text);
  }
  return l.emit(ItemType.EOF);
}

function lexLeftDelim(l: Lexer): StateFn {
  l.pos += l.leftDelim.length;
  const trimSpace = hasLeftTrimMarker(l.input, l.pos);
  const afterMarker = trimSpace ? 2 : 0;
  if (l.input.startsWith(LEFT_COMMENT, l.pos + afterMarker)) {
    l.pos += afterMarker;
    l.ignore();
    return lexComment;
  }
  const i = l.thisItem(ItemType.LeftDelim);
  l.insideAction = true;
  l.pos += afterMarker;
  l.ignore();
  l.parenDepth = 0;
  return l.emitItem(i);
}

function lexComment(l: Lexer): StateFn {
  l.pos += LEFT_COMMENT.length;
  const x = l.input.indexOf(RIGHT_COMMENT, l.pos);
  if (x < 0) return l.errorf('unclosed comment');
  l.pos = x + RIGHT_COMMENT.length;
  const { delim, trimSpaces } = l.atRightDelim();
  if (!delim) return l.errorf('comment ends before closing delimiter');
  l.line += countNewlines(l.input, l.start, l.pos);
  const i = l.thisItem(ItemType.Comment);
  if (trimSpaces) l.pos += 2;
  l.pos += l.rightDelim.length;
  if (trimSpaces) l.pos += leftTrimLength(l.input, l.pos);
  l.ignore();
  if (l.options.emitComment) return l.emitItem(i);
  return lexText;
}

function lexRightDelim(l: Lexer): StateFn {
  const { trimSpaces } = l.atRightDelim();
  if (trimSpaces) {
    l.pos += 2;
    l.ignore();
  }
  l.pos += l.rightDelim.length;
  const i = l.thisItem(ItemType.RightDelim);
  if (trimSpaces) {
    l.pos += leftTrimLength(l.input, l.pos);
    l.ignore();
  }
  l.insideAction = false;
  return l.emitItem(i);
}

/** Scans one token inside an action. */
export function lexInsideAction(l: Lexer): StateFn {
  if (l.atRightDelim().delim) {
    return l.parenDepth === 0 ? lexRightDelim : l.errorf('unclosed left paren');
  }
  const r = l.next();
  if (r === undefined) return l.errorf('unclosed action');
  if (isSpace(r)) {
    l.backup(); // put the space back in case we have " -}}"
    return lexSpace;
  }
  switch (r) {
    case '=': return l.emit(ItemType.Assign);
    case ':':
      if (l.next() !== '=') return l.errorf('expected :=');
      return l.emit(ItemType.Declare);
    case '|': return l.emit(ItemType.Pipe);
    case '"': return lexQuote;
    case '`': return lexRawQuote;
    case '$': return lexVariable;
    case "'": return lexChar;
    case '(':
      l.parenDepth++;
      return l.emit(ItemType.LeftParen);
    case ')':
      l.parenDepth--;
      if (l.parenDepth < 0) return l.errorf('unexpected right paren');
      return l.emit(ItemType.RightParen);
    default:
  }
  if (r === '.') {
    const n = l.input[l.pos];
    if (l.pos < l.input.length && (n! < '0' || n! > '9')) return lexField;
  }
  if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
    l.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(r)) {
    l.backup();
    return lexIdentifier;
  }
  const cp = r.codePointAt(0)!;
  if (cp <= 0x7f && cp >= 0x20 && cp !== 0x7f) return l.emit(ItemType.Char);
  return l.errorf(`unrecognized character in action: ${formatSharpU(r)}`);
}

function lexSpace(l: Lexer): StateFn {
  let numSpaces = 0;
  while (isSpace(l.peek())) {
    l.next();
    numSpaces++;
  }
  if (hasRightTrimMarker(l.input, l.pos - 1) && l.input.startsWith(l.rightDelim, l.pos - 1 + 2)) {
    l.backup(); // before the space
    if (numSpaces === 1) return lexRightDelim; // on the delim, so go right to that
  }
  return l.emit(ItemType.Space);
}

function lexIdentifier(l: Lexer): StateFn {
  for (;;) {
    const r = l.next();
    if (isAlphaNumeric(r)) continue;
    l.backup();
    const word = l.input.slice(l.start, l.pos);
    if (!l.atTerminator()) return l.errorf(`bad character ${formatSharpU(r ?? '\uFFFD')}`);
    const kw = KEYWORDS[word];
    if (kw !== undefined && kw > ItemType.Keyword) {
      if ((kw === ItemType.Break && !l.options.breakOK) || (kw === ItemType.Continue && !l.options.continueOK)) {
        return l.emit(ItemType.Identifier);
      }
      return l.emit(kw);
    }
    if (word[0] === '.') return l.emit(ItemType.Field);
    if (word === 'true' || word === 'false') return l.emit(ItemType.Bool);
    return l.emit(ItemType.Identifier);
  }
}

function lexField(l: Lexer): StateFn {
  return lexFieldOrVariable(l, ItemType.Field);
}

function lexVariable(l: Lexer): StateFn {
  if (l.atTerminator()) return l.emit(ItemType.Variable);
  return lexFieldOrVariable(l, ItemType.Variable);
}

function lexFieldOrVariable(l: Lexer, typ: ItemType): StateFn {
  if (l.atTerminator()) return l.emit(typ === ItemType.Variable ? ItemType.Variable : ItemType.Dot);
  let r: string | undefined;
  for (;;) {
    r = l.next();
    if (!isAlphaNumeric(r)) {
      l.backup();
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${formatSharpU(r ?? '\uFFFD')}`);
  return l.emit(typ);
}

function lexChar(l: Lexer): StateFn {
  for (;;) {
    let c = l.next();
    if (c === '\\') {
      const r = l.next();
      if (r !== undefined && r !== '\n') continue;
      c = r;
    }
    if (c === undefined || c === '\n') return l.errorf('unterminated character constant');
    if (c === "'") break;
  }
  return l.emit(ItemType.CharConstant);
}

function lexNumber(l: Lexer): StateFn {
  if (!scanNumber(l)) return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos))}`);
  const sign = l.peek();
  if (sign === '+' || sign === '-') {
    if (!scanNumber(l) || l.input[l.pos - 1] !== 'i') {
      return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos))}`);
    }
    return l.emit(ItemType.Complex);
  }
  return l.emit(ItemType.Number);
}

function scanNumber(l: Lexer): boolean {
  l.accept('+-');
  let digits = '0123456789_';
  if (l.accept('0')) {
    if (l.accept('xX')) digits = '0123456789abcdefABCDEF_';
    else if (l.accept('oO')) digits = '01234567_';
    else if (l.accept('bB')) digits = '01_';
  }
  l.acceptRun(digits);
  if (l.accept('.')) l.acceptRun(digits);
  if (digits.length === 11 && l.accept('eE')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  if (digits.length === 23 && l.accept('pP')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  l.accept('i');
  if (isAlphaNumeric(l.peek())) {
    l.next();
    return false;
  }
  return true;
}

function lexQuote(l: Lexer): StateFn {
  for (;;) {
    let c = l.next();
    if (c === '\\') {
      const r = l.next();
      if (r !== undefined && r !== '\n') continue;
      c = r;
    }
    if (c === undefined || c === '\n') return l.errorf('unterminated quoted string');
    if (c === '"') break;
  }
  return l.emit(ItemType.String);
}

function lexRawQuote(l: Lexer): StateFn {
  for (;;) {
    const c = l.next();
    if (c === undefined) return l.errorf('unterminated raw quoted string');
    if (c === '`') break;
  }
  return l.emit(ItemType.RawString);
}
