/**
 * The parse tree of a Go regular expression (RE2 syntax, as Go's regexp/syntax parses it with Perl flags),
 * the parse flags, and the error type. parse.ts builds it, compile.ts turns it into a program for vm.ts.
 */

/** A pattern Go would reject; the message is Go's `error parsing regexp: <code>: `<expr>``. */
export class GoRegexError extends Error {
  override readonly name = 'GoRegexError' as const;
}

/** Go's parse error codes (regexp/syntax ErrorCode), spelled as Go spells them. */
export const ERR = {
  invalidCharRange: 'invalid character class range',
  invalidEscape: 'invalid escape sequence',
  invalidNamedCapture: 'invalid named capture',
  invalidPerlOp: 'invalid or unsupported Perl syntax',
  invalidRepeatOp: 'invalid nested repetition operator',
  invalidRepeatSize: 'invalid repeat count',
  missingBracket: 'missing closing ]',
  missingParen: 'missing closing )',
  missingRepeatArgument: 'missing argument to repetition operator',
  trailingBackslash: 'trailing backslash at end of expression',
  unexpectedParen: 'unexpected )',
  nestingDepth: 'expression nests too deeply',
  large: 'expression too large',
} as const;

/** Builds the GoRegexError Go reports for `code` at the pattern text `expr`. */
export function parseError(code: string, expr: string): GoRegexError {
  return new GoRegexError(`error parsing regexp: ${code}: \`${expr}\``);
}

/** Parse flags that change meaning mid-pattern (`(?imsU)`); Go's Perl mode starts with none set. */
export const FOLD_CASE = 1;
/** `m` clears Go's OneLine: `^`/`$` match at line boundaries. */
export const MULTI_LINE = 2;
/** `s`: `.` matches `\n`. */
export const DOT_NL = 4;
/** `U`: repetition operators are lazy unless followed by `?`. */
export const NON_GREEDY = 8;

/** Empty-width conditions (Go's syntax.EmptyOp bits). */
export const EMPTY_BEGIN_LINE = 1;
export const EMPTY_END_LINE = 2;
export const EMPTY_BEGIN_TEXT = 4;
export const EMPTY_END_TEXT = 8;
export const EMPTY_WORD_BOUNDARY = 16;
export const EMPTY_NO_WORD_BOUNDARY = 32;

/**
 * A character class as a JavaScript `v`-mode class body (`[...]`, every code point written `\u{…}`), and
 * whether it folds case. Under `vi` JavaScript folds a class, and complements negated parts after folding,
 * exactly as Go's parser does (appendFoldedClass, then negate).
 */
export interface ClassSpec {
  source: string;
  fold: boolean;
}

/** A node of the parse tree. `repeat` covers `*` (0,-1), `+` (1,-1), `?` (0,1) and `{n,m}` (max -1: no limit). */
export type RegexNode =
  | { op: 'empty' }
  | { op: 'literal'; cp: number; fold: boolean }
  | { op: 'class'; cls: ClassSpec }
  | { op: 'any'; nl: boolean }
  | { op: 'assert'; cond: number }
  | { op: 'capture'; index: number; name: string; sub: RegexNode }
  | { op: 'concat'; subs: RegexNode[] }
  | { op: 'alternate'; subs: RegexNode[] }
  | { op: 'repeat'; min: number; max: number; greedy: boolean; sub: RegexNode };

/** A parsed pattern: its tree and capture group names (index 0 is the whole match; unnamed groups are ""). */
export interface ParsedRegex {
  root: RegexNode;
  names: string[];
}
