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
  readonly codePoints: readonly number[];
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

function toCodePoints(s: string): number[] {
  const cps: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    cps.push(c);
    if (c > 0xffff) i++;
  }
  return cps;
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

/** yaml_emitter_analyze_scalar, keeping only the block-context answers. Pure. */
export function analyzeScalar(text: string): ScalarAnalysis {
  const cps = toCodePoints(text);
  const n = cps.length;
  let byteLength = 0;
  for (const c of cps) byteLength += utf8Length(c);
  if (n === 0) {
    return { text, codePoints: cps, isMultiline: false, isPlainAllowed: true, isSingleQuotedAllowed: true, isBlockAllowed: false, byteLength };
  }
  let blockIndicators = text.startsWith('---') || text.startsWith('...');
  let lineBreaks = false, special = false, leadingSpaceOrBreak = false, trailingSpace = false;
  let trailingBreak = false, breakSpace = false, spaceBreak = false;
  let precededByWhitespace = true, previousSpace = false, previousBreak = false;
  for (let i = 0; i < n; i++) {
    const c = cps[i]!;
    const followedByWhitespace = i + 1 >= n || isBlank(cps[i + 1]);
    if (i === 0) {
      if (INDICATORS_AT_START.has(c)) blockIndicators = true;
      else if ((c === 0x3f /* ? */ || c === 0x3a /* : */ || c === 0x2d /* - */) && followedByWhitespace) blockIndicators = true;
    } else if ((c === 0x3a && followedByWhitespace) || (c === 0x23 /* # */ && precededByWhitespace)) {
      blockIndicators = true;
    }
    if (!isPrintable(c)) special = true;
    if (c === SP) {
      if (i === 0) leadingSpaceOrBreak = true;
      if (i === n - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingSpaceOrBreak = true;
      if (i === n - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrBreakOrNul(c);
  }
  const isPlainAllowed = !(leadingSpaceOrBreak || trailingSpace || trailingBreak || breakSpace ||
    spaceBreak || special || lineBreaks || blockIndicators);
  return {
    text,
    codePoints: cps,
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
    if (a.codePoints.length === 0 && isSimpleKeyContext) style = 'single';
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
  else if (style === 'single') writeSingleQuoted(w, a.codePoints, allowBreaks);
  else if (style === 'double') writeDoubleQuoted(w, a.codePoints, allowBreaks);
  else writeLiteral(w, a.codePoints);
  w.popIndent();
}

function writeChar(w: GoYamlWriter, c: number): void {
  w.write(String.fromCodePoint(c), 1);
}

/** write_break: LF is a newline; CR, NEL, LS and PS are copied raw and reset the column. */
function writeBreakChar(w: GoYamlWriter, c: number): void {
  if (c === LF) {
    w.writeBreak();
  } else {
    writeChar(w, c);
    w.column = 0;
  }
}

/** True when no space in the text can start past column 80, so folding cannot happen. */
function fitsWithoutFolding(w: GoYamlWriter, cps: readonly number[]): boolean {
  return w.column + cps.length <= GO_YAML_WIDTH + 1;
}

function writePlain(w: GoYamlWriter, a: ScalarAnalysis, allowBreaks: boolean): void {
  const cps = a.codePoints;
  if (!w.whitespace) w.write(' ');
  if (fitsWithoutFolding(w, cps)) {
    w.write(a.text, cps.length);
  } else {
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i]!;
      if (c === SP) {
        if (allowBreaks && !spaces && w.column > GO_YAML_WIDTH && cps[i + 1] !== SP) w.writeIndent();
        else w.write(' ');
        spaces = true;
      } else {
        // Plain scalars never contain breaks: analysis forbids the style for them.
        writeChar(w, c);
        w.indention = false;
        spaces = false;
      }
    }
  }
  w.whitespace = false;
  w.indention = false;
}

function writeSingleQuoted(w: GoYamlWriter, cps: readonly number[], allowBreaks: boolean): void {
  w.writeIndicator("'", true, false, false);
  let spaces = false;
  let breaks = false;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    if (c === SP) {
      if (allowBreaks && !spaces && w.column > GO_YAML_WIDTH && i > 0 && i < cps.length - 1 && cps[i + 1] !== SP) {
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
      if (c === 0x27) w.write("'");
      writeChar(w, c);
      w.indention = false;
      spaces = false;
      breaks = false;
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

function writeDoubleQuoted(w: GoYamlWriter, cps: readonly number[], allowBreaks: boolean): void {
  w.writeIndicator('"', true, false, false);
  // go-yaml's is_bom looks at the start of the value, not the current character, so a value
  // that begins with U+FEFF gets every character escaped.
  const startsWithBom = cps[0] === 0xfeff;
  let spaces = false;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    if (startsWithBom || !isPrintable(c) || isBreak(c) || c === 0x22 || c === 0x5c) {
      const escaped = escapeCodePoint(c);
      w.write(escaped);
      spaces = false;
    } else if (c === SP) {
      if (allowBreaks && !spaces && w.column > GO_YAML_WIDTH && i > 0 && i < cps.length - 1) {
        w.writeIndent();
        if (cps[i + 1] === SP) w.write('\\');
      } else {
        w.write(' ');
      }
      spaces = true;
    } else {
      writeChar(w, c);
      spaces = false;
    }
  }
  w.writeIndicator('"', false, false, false);
  w.whitespace = false;
  w.indention = false;
}

/** yaml_emitter_write_block_scalar_hints: `2` when the text starts with a space or break, then `-`/`+`/clip. */
function blockScalarHints(cps: readonly number[]): string {
  const n = cps.length;
  const indentHint = cps[0] === SP || isBreak(cps[0]) ? String(GO_YAML_INDENT) : '';
  let chomp = '';
  if (n === 0 || !isBreak(cps[n - 1])) chomp = '-';
  else if (n === 1 || isBreak(cps[n - 2])) chomp = '+';
  return indentHint + chomp;
}

function writeLiteral(w: GoYamlWriter, cps: readonly number[]): void {
  w.writeIndicator('|', true, false, false);
  const hints = blockScalarHints(cps);
  if (hints !== '') w.writeIndicator(hints, false, false, false);
  w.writeBreak();
  w.indention = true;
  w.whitespace = true;
  let breaks = true;
  for (const c of cps) {
    if (isBreak(c)) {
      writeBreakChar(w, c);
      w.indention = true;
      breaks = true;
    } else {
      if (breaks) w.writeIndent();
      writeChar(w, c);
      w.indention = false;
      breaks = false;
    }
  }
}
