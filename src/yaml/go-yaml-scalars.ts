/**
 * Scalars as go-yaml v2 writes them: the encoder's requested style (encode.go `stringv`), the
 * emitter's analysis of what the text allows (`yaml_emitter_analyze_scalar`), the final choice
 * (`yaml_emitter_select_scalar_style`) and the four writers with their 80-column folding.
 * Our value model never produces flow collections with content, so the flow-level branches of
 * the Go code (always level 0 here for scalars) are left out.
 */
import { isImplicitlyTyped } from './go-yaml-resolve.js';
import { GO_YAML_INDENT, GO_YAML_WIDTH, type GoYamlWriter } from './go-yaml-writer.js';

/** The scalar styles go-yaml's encoder uses. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

/** What the text of a scalar permits (the fields of go-yaml's scalar_data). */
export interface ScalarAnalysis {
  readonly text: string;
  /** Length in code points: go-yaml's columns advance by one per character. */
  readonly length: number;
  readonly isMultiline: boolean;
  readonly isPlainAllowed: boolean;
  readonly isSingleQuotedAllowed: boolean;
  readonly isBlockAllowed: boolean;
  /** UTF-8 length, which decides whether a key may be a simple (`key:`) key. */
  readonly byteLength: number;
}

const SP = 0x20;
const LF = 0x0a;

function isBlank(c: number | undefined): boolean {
  return c === SP || c === 0x09;
}

function isBreak(c: number | undefined): boolean {
  return c === LF || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}

function isBlankOrBreakOrNul(c: number): boolean {
  return isBlank(c) || isBreak(c) || c === 0;
}

/** go-yaml's is_printable: LF, printable ASCII, BMP minus surrogates, FEFF, FFFE, FFFF; no astral. */
function isPrintable(c: number): boolean {
  return c === LF || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}

function utf8Length(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/** The style go-yaml's encoder asks for: `stringv` for strings, plain for numbers, bools, null. */
export function requestedStyle(text: string, isString: boolean): ScalarStyle {
  if (!isString) return 'plain';
  if (text.includes('\n')) return 'literal';
  return isImplicitlyTyped(text) ? 'double' : 'plain';
}

const INDICATORS_AT_START = new Set([...'#,[]{}&*!|>\'"%@`'].map((ch) => ch.charCodeAt(0)));

// ASCII without blanks, breaks, '#', quotes or flow indicators, not starting with an indicator
// or '.'/'-', and no ':' before a space or the end: every style is allowed, so the character
// loop below can be skipped. Names, versions, digests and URLs all take this path.
const UNREMARKABLE = /^[A-Za-z0-9_/+(=~$^;<)](?:[A-Za-z0-9_./+=~$^;<>()-]|:(?! |$))*$/;

/** yaml_emitter_analyze_scalar, keeping only the block-context answers. Pure. */
export function analyzeScalar(text: string): ScalarAnalysis {
  if (UNREMARKABLE.test(text)) {
    const n = text.length;
    return { text, length: n, isMultiline: false, isPlainAllowed: true, isSingleQuotedAllowed: true, isBlockAllowed: true, byteLength: n };
  }
  if (text === '') {
    return { text, length: 0, isMultiline: false, isPlainAllowed: true, isSingleQuotedAllowed: true, isBlockAllowed: false, byteLength: 0 };
  }
  let blockIndicators = text.startsWith('---') || text.startsWith('...');
  let lineBreaks = false, special = false, leadingSpaceOrBreak = false, trailingSpace = false;
  let trailingBreak = false, breakSpace = false, spaceBreak = false;
  let precededByWhitespace = true, previousSpace = false, previousBreak = false;
  let length = 0, byteLength = 0;
  for (let i = 0; i < text.length; length++) {
    const c = text.codePointAt(i)!;
    const w = c > 0xffff ? 2 : 1;
    const isFirst = i === 0;
    const isLast = i + w >= text.length;
    const followedByWhitespace = isLast || isBlank(text.charCodeAt(i + w));
    byteLength += utf8Length(c);
    if (isFirst) {
      if (INDICATORS_AT_START.has(c)) blockIndicators = true;
      else if ((c === 0x3f /* ? */ || c === 0x3a /* : */ || c === 0x2d /* - */) && followedByWhitespace) blockIndicators = true;
    } else if ((c === 0x3a && followedByWhitespace) || (c === 0x23 /* # */ && precededByWhitespace)) {
      blockIndicators = true;
    }
    if (!isPrintable(c)) special = true;
    if (c === SP) {
      if (isFirst) leadingSpaceOrBreak = true;
      if (isLast) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (isFirst) leadingSpaceOrBreak = true;
      if (isLast) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrBreakOrNul(c);
    i += w;
  }
  const isPlainAllowed = !(leadingSpaceOrBreak || trailingSpace || trailingBreak || breakSpace ||
    spaceBreak || special || lineBreaks || blockIndicators);
  return {
    text,
    length,
    isMultiline: lineBreaks,
    isPlainAllowed,
    isSingleQuotedAllowed: !(breakSpace || spaceBreak || special),
    isBlockAllowed: !(trailingSpace || spaceBreak || special),
    byteLength,
  };
}

/** Reports whether go-yaml writes a mapping key with this analysis as `key:` rather than `? key`. */
export function isSimpleKey(a: ScalarAnalysis): boolean {
  return !a.isMultiline && a.byteLength <= 128;
}

/** yaml_emitter_select_scalar_style for block context. */
export function selectScalarStyle(requested: ScalarStyle, a: ScalarAnalysis, isSimpleKeyContext: boolean): ScalarStyle {
  let style = requested;
  if (isSimpleKeyContext && a.isMultiline) style = 'double';
  if (style === 'plain') {
    if (!a.isPlainAllowed) style = 'single';
    if (a.length === 0 && isSimpleKeyContext) style = 'single';
  }
  if (style === 'single' && !a.isSingleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.isBlockAllowed || isSimpleKeyContext)) style = 'double';
  return style;
}

/**
 * Writes a scalar the way yaml_emitter_emit_scalar does: continuation lines sit one indent step
 * deeper than the current indent, and folding is off for simple keys.
 */
export function writeScalar(w: GoYamlWriter, a: ScalarAnalysis, style: ScalarStyle, isSimpleKeyContext: boolean): void {
  w.increaseIndent(true, false);
  const allowBreaks = !isSimpleKeyContext;
  if (style === 'plain') writePlain(w, a, allowBreaks);
  else if (style === 'single') writeSingleQuoted(w, a, allowBreaks);
  else if (style === 'double') writeDoubleQuoted(w, a, allowBreaks);
  else writeLiteral(w, a.text);
  w.popIndent();
}

/** write_break: LF is a newline; CR, NEL, LS and PS are copied raw and reset the column. */
function writeBreakChar(w: GoYamlWriter, c: number): void {
  if (c === LF) {
    w.writeBreak();
  } else {
    w.write(String.fromCodePoint(c), 1);
    w.column = 0;
  }
}

/** True when no space in the text can start past column 80, so folding cannot happen. */
function fitsWithoutFolding(w: GoYamlWriter, a: ScalarAnalysis, quotes: number): boolean {
  return w.column + a.length + quotes <= GO_YAML_WIDTH + 1;
}

function writePlain(w: GoYamlWriter, a: ScalarAnalysis, allowBreaks: boolean): void {
  if (!w.whitespace) w.write(' ');
  const text = a.text;
  if (!allowBreaks || fitsWithoutFolding(w, a, 0)) {
    w.write(text, a.length);
  } else {
    // Plain scalars never contain breaks: the analysis forbids the style for them.
    let spaces = false;
    let run = 0;
    let runLength = 0;
    for (let i = 0; i < text.length; ) {
      const c = text.codePointAt(i)!;
      const width = c > 0xffff ? 2 : 1;
      if (c === SP && !spaces && w.column + runLength > GO_YAML_WIDTH && text.charCodeAt(i + 1) !== SP) {
        w.write(text.slice(run, i), runLength);
        w.writeIndent();
        run = i + 1;
        runLength = 0;
      } else {
        runLength++;
      }
      spaces = c === SP;
      i += width;
    }
    w.write(text.slice(run), runLength);
  }
  w.whitespace = false;
  w.indention = false;
}

function writeSingleQuoted(w: GoYamlWriter, a: ScalarAnalysis, allowBreaks: boolean): void {
  w.writeIndicator("'", true, false, false);
  const text = a.text;
  if ((!allowBreaks || fitsWithoutFolding(w, a, 0)) && !/['\r\n\u0085\u2028\u2029]/.test(text)) {
    w.write(text, a.length);
  } else {
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < text.length; ) {
      const c = text.codePointAt(i)!;
      const width = c > 0xffff ? 2 : 1;
      if (c === SP) {
        if (allowBreaks && !spaces && w.column > GO_YAML_WIDTH && i > 0 && i + 1 < text.length && text.charCodeAt(i + 1) !== SP) {
          w.writeIndent();
        } else {
          w.write(' ');
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === LF) w.writeBreak();
        writeBreakChar(w, c);
        w.indention = true;
        breaks = true;
      } else {
        if (breaks) w.writeIndent();
        w.write(c === 0x27 ? "''" : text.slice(i, i + width), c === 0x27 ? 2 : 1);
        w.indention = false;
        spaces = false;
        breaks = false;
      }
      i += width;
    }
  }
  w.writeIndicator("'", false, false, false);
  w.whitespace = false;
  w.indention = false;
}

const SHORT_ESCAPES = new Map<number, string>([
  [0x00, '0'], [0x07, 'a'], [0x08, 'b'], [0x09, 't'], [0x0a, 'n'], [0x0b, 'v'], [0x0c, 'f'],
  [0x0d, 'r'], [0x1b, 'e'], [0x22, '"'], [0x5c, '\\'], [0x85, 'N'], [0xa0, '_'],
  [0x2028, 'L'], [0x2029, 'P'],
]);

/** go-yaml's escape for one code point: `\n`, `\x7F`-style, `\uFEFF`, `\U0001F680`. */
function escapeCodePoint(c: number): string {
  const short = SHORT_ESCAPES.get(c);
  if (short !== undefined) return '\\' + short;
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return '\\x' + hex.padStart(2, '0');
  if (c <= 0xffff) return '\\u' + hex.padStart(4, '0');
  return '\\U' + hex.padStart(8, '0');
}

// Printable ASCII except '"' and '\': written as is inside double quotes.
const DOUBLE_QUOTE_SAFE = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function writeDoubleQuoted(w: GoYamlWriter, a: ScalarAnalysis, allowBreaks: boolean): void {
  w.writeIndicator('"', true, false, false);
  const text = a.text;
  if ((!allowBreaks || fitsWithoutFolding(w, a, 0)) && DOUBLE_QUOTE_SAFE.test(text)) {
    w.write(text, a.length);
  } else {
    writeDoubleQuotedBody(w, text, allowBreaks);
  }
  w.writeIndicator('"', false, false, false);
  w.whitespace = false;
  w.indention = false;
}

function writeDoubleQuotedBody(w: GoYamlWriter, text: string, allowBreaks: boolean): void {
  // go-yaml's is_bom looks at the start of the value, not the current character, so a value
  // that begins with U+FEFF gets every character escaped.
  const startsWithBom = text.charCodeAt(0) === 0xfeff;
  let spaces = false;
  for (let i = 0; i < text.length; ) {
    const c = text.codePointAt(i)!;
    const width = c > 0xffff ? 2 : 1;
    if (startsWithBom || !isPrintable(c) || isBreak(c) || c === 0x22 || c === 0x5c) {
      const escaped = escapeCodePoint(c);
      w.write(escaped);
      spaces = false;
    } else if (c === SP) {
      if (allowBreaks && !spaces && w.column > GO_YAML_WIDTH && i > 0 && i + 1 < text.length) {
        w.writeIndent();
        if (text.charCodeAt(i + 1) === SP) w.write('\\');
      } else {
        w.write(' ');
      }
      spaces = true;
    } else {
      w.write(text.slice(i, i + width), 1);
      spaces = false;
    }
    i += width;
  }
}

/** yaml_emitter_write_block_scalar_hints: `2` when the text starts with a space or break, then `-`/`+`/clip. */
function blockScalarHints(text: string): string {
  const n = text.length;
  const first = text.charCodeAt(0);
  const indentHint = first === SP || isBreak(first) ? String(GO_YAML_INDENT) : '';
  let chomp = '';
  // Breaks are BMP characters, so UTF-16 indexing finds the last two characters here.
  if (n === 0 || !isBreak(text.charCodeAt(n - 1))) chomp = '-';
  else if (n === 1 || isBreak(text.charCodeAt(n - 2))) chomp = '+';
  return indentHint + chomp;
}

function writeLiteral(w: GoYamlWriter, text: string): void {
  w.writeIndicator('|', true, false, false);
  const hints = blockScalarHints(text);
  if (hints !== '') w.writeIndicator(hints, false, false, false);
  w.writeBreak();
  w.indention = true;
  w.whitespace = true;
  let breaks = true;
  for (let i = 0; i < text.length; ) {
    const c = text.codePointAt(i)!;
    const width = c > 0xffff ? 2 : 1;
    if (isBreak(c)) {
      writeBreakChar(w, c);
      w.indention = true;
      breaks = true;
    } else {
      if (breaks) w.writeIndent();
      w.write(text.slice(i, i + width), 1);
      w.indention = false;
      breaks = false;
    }
    i += width;
  }
}
