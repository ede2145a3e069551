/**
 * Choosing a scalar's style as go-yaml v2 does: the encoder's requested style (encode.go
 * `stringv`), the emitter's analysis of what the text allows (`yaml_emitter_analyze_scalar`) and
 * the final choice (`yaml_emitter_select_scalar_style`). The writers are in go-yaml-scalar-writers.ts.
 * Our value model never produces flow collections with content, so the flow-level branches of
 * the Go code (always level 0 here for scalars) are left out.
 */
import { isImplicitlyTyped } from './go-yaml-resolve.js';
import { isBlank, isBlankOrBreakOrNul, isBreak, isPrintable, SP, utf8Length } from './go-yaml-chars.js';

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
