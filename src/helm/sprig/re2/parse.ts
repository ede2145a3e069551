/**
 * Go's regexp parser (regexp/syntax Parse with syntax.Perl) producing a RegexNode tree: literals, `.`,
 * classes, anchors, `\b`, greedy and lazy repetition with Go's 1000 limits, capturing, named and
 * non-capturing groups, and flags `(?imsU)`, `(?i-s:…)` anywhere in the pattern. Groups are kept on an
 * explicit stack, so deep nesting cannot overflow the JavaScript stack; trees higher than Go's 1000 are
 * rejected as Go rejects them.
 *
 *   parseRegex('(?i)a(?P<n>b+)?') → names ['', 'n'], root concat(literal a fold, repeat 0..1 capture 1)
 */
import {
  DOT_NL, EMPTY_BEGIN_LINE, EMPTY_BEGIN_TEXT, EMPTY_END_LINE, EMPTY_END_TEXT, EMPTY_NO_WORD_BOUNDARY,
  EMPTY_WORD_BOUNDARY, ERR, FOLD_CASE, MULTI_LINE, NON_GREEDY, type ParsedRegex, type RegexNode, parseError,
} from './ast.js';
import { checkLimits, nodeHeight, setHeight } from './limits.js';
import { cpWidth, parseClass, parseEscape, parsePerlClass, parseUnicodeClass } from './parse-escape.js';
import { parsePerlFlags } from './parse-flags.js';

/** Go's maxRepeat: the largest count in x{n,m}, and the largest product of nested counts. */
const MAX_REPEAT = 1000;
/** Go's maxHeight: the deepest parse tree Go accepts. */
const MAX_HEIGHT = 1000;

/** An open group: finished alternatives, the concatenation being read, and what to restore at `)`. */
interface Frame {
  alts: RegexNode[];
  items: RegexNode[];
  capture: number;
  name: string;
  flagsBefore: number;
}

function concatOf(items: RegexNode[]): RegexNode {
  if (items.length === 0) return { op: 'empty' };
  return items.length === 1 ? items[0]! : setHeight({ op: 'concat', subs: items });
}

function alternationOf(frame: Frame): RegexNode {
  const alts = [...frame.alts, concatOf(frame.items)];
  return alts.length === 1 ? alts[0]! : setHeight({ op: 'alternate', subs: alts });
}

/** Go's repeatIsValid: nested counts multiply to at most `n` copies of the innermost expression. */
function repeatIsValid(node: RegexNode, n: number): boolean {
  if (node.op === 'repeat') {
    const m = node.max === -1 ? node.min : node.max;
    if (node.max === 0) return true;
    if (m > n) return false;
    if (m > 0) n = Math.floor(n / m);
  }
  if (node.op === 'capture' || node.op === 'repeat') return repeatIsValid(node.sub, n);
  if (node.op === 'concat' || node.op === 'alternate') return node.subs.every((s) => repeatIsValid(s, n));
  return true;
}

const BRACES = /\{(\d+)(,(\d*))?\}/y;

/** Parses {min}, {min,} or {min,max} at `i`: undefined when it is not one (then `{` is a literal). */
function parseRepeatBraces(src: string, i: number): { min: number; max: number; end: number } | undefined {
  BRACES.lastIndex = i;
  const m = BRACES.exec(src);
  if (!m || (m[1]!.length > 1 && m[1]![0] === '0') || (m[3] && m[3].length > 1 && m[3][0] === '0')) return undefined;
  const num = (digits: string): number => (digits.length > 8 ? -1 : Number(digits));
  const min = num(m[1]!);
  const max = m[2] === undefined ? min : m[3] === '' ? -1 : num(m[3]!);
  // A too-large max (-1 from num) makes the whole count invalid, as Go's parseRepeat does.
  return { min: m[3] !== undefined && m[3] !== '' && max === -1 ? -1 : min, max, end: i + m[0].length };
}

/** Parses one Go pattern; throws GoRegexError with Go's message. */
export class RegexParser {
  private i = 0;
  flags = 0;
  private readonly stack: Frame[] = [{ alts: [], items: [], capture: 0, name: '', flagsBefore: 0 }];
  private readonly names: string[] = [''];
  /** Index where the previous token began, when it was a repetition operator (x** is an error). */
  private lastRepeat = -1;

  constructor(private readonly src: string) {}

  private get top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  /** Parses the whole pattern. */
  parse(): ParsedRegex {
    while (this.i < this.src.length) {
      const start = this.i;
      this.token();
      if (this.lastRepeat !== start) this.lastRepeat = -1;
    }
    if (this.stack.length > 1) throw parseError(ERR.missingParen, this.src);
    const root = alternationOf(this.top);
    checkLimits(root, this.src);
    return { root, names: this.names };
  }

  private push(node: RegexNode): void {
    if (nodeHeight(node) > MAX_HEIGHT) throw parseError(ERR.nestingDepth, this.src);
    this.top.items.push(node);
  }

  /** Opens a group; called by parsePerlFlags too. */
  openGroup(capture: boolean, name: string, flagsBefore: number): void {
    const index = capture ? this.names.push(name) - 1 : 0;
    this.stack.push({ alts: [], items: [], capture: index, name, flagsBefore });
  }

  /** Reads one token: a group bracket, `|`, an anchor, `.`, a class, a repetition, an escape or a literal. */
  private token(): void {
    const ch = this.src[this.i]!;
    if (ch === '(') return this.openParen();
    if (ch === '|') return this.verticalBar();
    if (ch === ')') return this.closeGroup();
    if (ch === '^') return this.assert(this.flags & MULTI_LINE ? EMPTY_BEGIN_LINE : EMPTY_BEGIN_TEXT, 1);
    if (ch === '$') return this.assert(this.flags & MULTI_LINE ? EMPTY_END_LINE : EMPTY_END_TEXT, 1);
    if (ch === '.') return this.dot();
    if (ch === '[') return this.bracket();
    if (ch === '*' || ch === '+' || ch === '?') return this.repeat(ch === '+' ? 1 : 0, ch === '?' ? 1 : -1, this.i + 1, false);
    if (ch === '{') {
      const braces = parseRepeatBraces(this.src, this.i);
      return braces ? this.braceRepeat(braces.min, braces.max, braces.end) : this.literal(0x7b, 1);
    }
    if (ch === '\\') return this.escape();
    const cp = this.src.codePointAt(this.i)!;
    return this.literal(cp, cpWidth(cp));
  }

  private openParen(): void {
    if (this.src[this.i + 1] === '?') {
      this.i = parsePerlFlags(this, this.src, this.i);
      return;
    }
    this.openGroup(true, '', this.flags);
    this.i++;
  }

  private verticalBar(): void {
    this.top.alts.push(concatOf(this.top.items));
    this.top.items = [];
    this.i++;
  }

  private dot(): void {
    this.push({ op: 'any', nl: (this.flags & DOT_NL) !== 0 });
    this.i++;
  }

  private bracket(): void {
    const { cls, end } = parseClass(this.src, this.i, (this.flags & FOLD_CASE) !== 0);
    this.push({ op: 'class', cls });
    this.i = end;
  }

  private literal(cp: number, width: number): void {
    this.push({ op: 'literal', cp, fold: (this.flags & FOLD_CASE) !== 0 });
    this.i += width;
  }

  private assert(cond: number, width: number): void {
    this.push({ op: 'assert', cond });
    this.i += width;
  }

  private closeGroup(): void {
    if (this.stack.length === 1) throw parseError(ERR.unexpectedParen, this.src);
    const frame = this.stack.pop()!;
    const body = alternationOf(frame);
    this.flags = frame.flagsBefore;
    this.push(frame.capture ? setHeight({ op: 'capture', index: frame.capture, name: frame.name, sub: body }) : body);
    this.i++;
  }

  private braceRepeat(min: number, max: number, end: number): void {
    if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) {
      throw parseError(ERR.invalidRepeatSize, this.src.slice(this.i, end));
    }
    this.repeat(min, max, end, true);
  }

  /** Applies a repetition operator (from this.i to `after`, plus an optional `?`) to the last item. */
  private repeat(min: number, max: number, after: number, braces: boolean): void {
    const start = this.i;
    let greedy = (this.flags & NON_GREEDY) === 0;
    if (this.src[after] === '?') {
      after++;
      greedy = !greedy;
    }
    if (this.lastRepeat >= 0) throw parseError(ERR.invalidRepeatOp, this.src.slice(this.lastRepeat, after));
    const items = this.top.items;
    if (items.length === 0) throw parseError(ERR.missingRepeatArgument, this.src.slice(start, after));
    const node = setHeight({ op: 'repeat', min, max, greedy, sub: items.pop()! });
    this.push(node);
    if (braces && (min >= 2 || max >= 2) && !repeatIsValid(node, MAX_REPEAT)) {
      throw parseError(ERR.invalidRepeatSize, this.src.slice(start, after));
    }
    this.i = after;
    this.lastRepeat = start;
  }

  private escape(): void {
    const src = this.src;
    const next = src[this.i + 1];
    const asserts: Record<string, number> = { A: EMPTY_BEGIN_TEXT, z: EMPTY_END_TEXT, b: EMPTY_WORD_BOUNDARY, B: EMPTY_NO_WORD_BOUNDARY };
    if (next !== undefined && asserts[next] !== undefined) return this.assert(asserts[next]!, 2);
    if (next === 'C') throw parseError(ERR.invalidEscape, '\\C');
    if (next === 'Q') return this.quoted();
    const fold = (this.flags & FOLD_CASE) !== 0;
    const cls = next === 'p' || next === 'P' ? parseUnicodeClass(src, this.i) : parsePerlClass(src, this.i);
    if (cls) {
      this.push({ op: 'class', cls: { source: `[${cls.text}]`, fold } });
      this.i = cls.end;
      return;
    }
    const { cp, end } = parseEscape(src, this.i);
    this.push({ op: 'literal', cp, fold });
    this.i = end;
  }

  /** `\Q…\E`: everything up to `\E` (or the end) is literal. */
  private quoted(): void {
    const close = this.src.indexOf('\\E', this.i + 2);
    const end = close < 0 ? this.src.length : close;
    for (let k = this.i + 2; k < end; ) {
      const cp = this.src.codePointAt(k)!;
      this.push({ op: 'literal', cp, fold: (this.flags & FOLD_CASE) !== 0 });
      k += cpWidth(cp);
    }
    this.i = close < 0 ? end : close + 2;
  }
}

/** Parses a Go pattern into its tree and group names; throws GoRegexError. */
export function parseRegex(src: string): ParsedRegex {
  return new RegexParser(src).parse();
}
