/**
 * go-yaml v2's four scalar writers (plain, single-quoted, double-quoted, literal) with their
 * 80-column folding: a space is turned into a line break when the column is already past 80 (a
 * plain or quoted scalar therefore breaks at the first space after column 80, not before it).
 */
import { isBreak, isPrintable, LF, SP } from './go-yaml-chars.js';
import type { ScalarAnalysis, ScalarStyle } from './go-yaml-scalar-style.js';
import { GO_YAML_INDENT, GO_YAML_WIDTH, type GoYamlWriter } from './go-yaml-writer.js';

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
function fitsWithoutFolding(w: GoYamlWriter, a: ScalarAnalysis): boolean {
  return w.column + a.length <= GO_YAML_WIDTH + 1;
}

function writePlain(w: GoYamlWriter, a: ScalarAnalysis, allowBreaks: boolean): void {
  if (!w.whitespace) w.write(' ');
  const text = a.text;
  if (!allowBreaks || fitsWithoutFolding(w, a)) {
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
  if ((!allowBreaks || fitsWithoutFolding(w, a)) && !/['\r\n\u0085\u2028\u2029]/.test(text)) {
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
  if ((!allowBreaks || fitsWithoutFolding(w, a)) && DOUBLE_QUOTE_SAFE.test(text)) {
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
