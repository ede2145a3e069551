/**
 * Go's fmt.Sprint, fmt.Sprintln and fmt.Sprintf over Go values: missing and extra arguments, argument
 * indexes (`%[2]d`), `*` widths and precisions, and the `%!(NOVERB)` family of complaints.
 */
import type { GoValue } from '../value.js';
import { GoInt, typeName as typeNameOf } from '../value.js';
import { clearFlags } from './format.js';
import { Printer } from './printer.js';

/** Go's fmt.Sprint: operands separated by a space when neither side is a string. */
export function sprint(args: GoValue[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = typeof arg === 'string';
    if (i > 0 && !isString && !prevString) p.out += ' ';
    p.f = clearFlags();
    p.printArg(arg, 'v');
    prevString = isString;
  });
  return p.out;
}

/** Go's fmt.Sprintln: operands always separated by spaces, newline appended. */
export function sprintln(args: GoValue[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.out += ' ';
    p.f = clearFlags();
    p.printArg(arg, 'v');
  });
  return p.out + '\n';
}


function tooLarge(n: number): boolean {
  return n > 1e6 || n < -1e6;
}

/** Go's parsenum: a decimal number at s[start:end). */
function parseNum(s: string, start: number, end: number): { num: number; isNum: boolean; next: number } {
  if (start >= end) return { num: 0, isNum: false, next: end };
  let num = 0;
  let isNum = false;
  let i = start;
  for (; i < end && s[i]! >= '0' && s[i]! <= '9'; i++) {
    if (tooLarge(num)) return { num: 0, isNum: false, next: end };
    num = num * 10 + (s.charCodeAt(i) - 48);
    isNum = true;
  }
  return { num, isNum, next: i };
}

/** Go's intFromArg: a `*` width or precision must be an integer operand. */
function intFromArg(a: GoValue[], argNum: number): { num: number; isInt: boolean; newArgNum: number } {
  if (argNum >= a.length) return { num: 0, isInt: false, newArgNum: argNum };
  const v = a[argNum];
  let num = 0;
  let isInt = false;
  if (v instanceof GoInt && v.value >= -(1n << 63n) && v.value < 1n << 63n) {
    num = Number(v.value);
    isInt = true;
  }
  if (tooLarge(num)) {
    num = 0;
    isInt = false;
  }
  return { num, isInt, newArgNum: argNum + 1 };
}

class FormatState extends Printer {
  argNum = 0;
  reordered = false;
  goodArgNum = true;

  /** Go's argNumber: an optional `[n]` at format[i]. */
  argNumber(format: string, i: number, numArgs: number): { i: number; found: boolean } {
    if (format.length <= i || format[i] !== '[') return { i, found: false };
    this.reordered = true;
    const close = format.indexOf(']', i + 1);
    if (format.length - i < 3 || close < 0) {
      this.goodArgNum = false;
      return { i: i + 1, found: false };
    }
    const { num, isNum, next } = parseNum(format, i + 1, close);
    if (!isNum || next !== close) {
      this.goodArgNum = false;
      return { i: close + 1, found: false };
    }
    const index = num - 1;
    if (index >= 0 && index < numArgs) {
      this.argNum = index;
      return { i: close + 1, found: true };
    }
    this.goodArgNum = false;
    return { i: close + 1, found: true };
  }
}

/** Go's fmt.Sprintf. */
export function sprintf(format: string, a: GoValue[]): string {
  const p = new FormatState();
  const end = format.length;
  let afterIndex = false;
  for (let i = 0; i < end; ) {
    p.goodArgNum = true;
    const pct = format.indexOf('%', i);
    const stop = pct < 0 ? end : pct;
    p.out += format.slice(i, stop);
    i = stop;
    if (i >= end) break;
    i++;
    p.f = clearFlags();
    const simple = parseFlagsAndSimpleVerb(p, format, i, a);
    if (simple.done) {
      i = simple.i;
      continue;
    }
    i = simple.i;
    ({ i, afterIndex } = parseWidthAndPrecision(p, format, i, a));
    if (i >= end) {
      p.out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    printVerb(p, verb, a);
  }
  writeExtra(p, a);
  return p.out;
}

/** Reads `[n]`, width (`*` or digits), `.precision` and a trailing `[n]` (Go's doPrintf middle part). */
function parseWidthAndPrecision(p: FormatState, format: string, i: number, a: GoValue[]): { i: number; afterIndex: boolean } {
  const end = format.length;
  let afterIndex: boolean;
  let r = p.argNumber(format, i, a.length);
  i = r.i;
  afterIndex = r.found;
  if (i < end && format[i] === '*') {
    i++;
    const w = intFromArg(a, p.argNum);
    p.f.wid = w.num; p.f.widPresent = w.isInt; p.argNum = w.newArgNum;
    if (!p.f.widPresent) p.out += '%!(BADWIDTH)';
    if (p.f.wid < 0) { p.f.wid = -p.f.wid; p.f.minus = true; p.f.zero = false; }
    afterIndex = false;
  } else {
    const w = parseNum(format, i, end);
    p.f.wid = w.num; p.f.widPresent = w.isNum; i = w.next;
    if (afterIndex && p.f.widPresent) p.goodArgNum = false;
  }
  if (i + 1 < end && format[i] === '.') {
    i++;
    if (afterIndex) p.goodArgNum = false;
    r = p.argNumber(format, i, a.length);
    i = r.i;
    afterIndex = r.found;
    if (i < end && format[i] === '*') {
      i++;
      const w = intFromArg(a, p.argNum);
      p.f.prec = w.num; p.f.precPresent = w.isInt; p.argNum = w.newArgNum;
      if (p.f.prec < 0) { p.f.prec = 0; p.f.precPresent = false; }
      if (!p.f.precPresent) p.out += '%!(BADPREC)';
      afterIndex = false;
    } else {
      const w = parseNum(format, i, end);
      p.f.prec = w.num; p.f.precPresent = w.isNum; i = w.next;
      if (!p.f.precPresent) { p.f.prec = 0; p.f.precPresent = true; }
    }
  }
  if (!afterIndex) {
    r = p.argNumber(format, i, a.length);
    i = r.i;
    afterIndex = r.found;
  }
  return { i, afterIndex };
}

/** Reads flags; handles the fast path of a plain lowercase verb. */
function parseFlagsAndSimpleVerb(p: FormatState, format: string, i: number, a: GoValue[]): { i: number; done: boolean } {
  for (; i < format.length; i++) {
    const c = format[i]!;
    switch (c) {
      case '#': p.f.sharp = true; continue;
      case '0': p.f.zero = true; continue;
      case '+': p.f.plus = true; continue;
      case '-': p.f.minus = true; continue;
      case ' ': p.f.space = true; continue;
      default:
    }
    if (c >= 'a' && c <= 'z' && p.argNum < a.length) {
      if (c === 'v' || c === 'w') moveSharpPlus(p);
      p.printArg(a[p.argNum]!, c);
      p.argNum++;
      return { i: i + 1, done: true };
    }
    break;
  }
  return { i, done: false };
}

function moveSharpPlus(p: FormatState): void {
  p.f.sharpV = p.f.sharp;
  p.f.sharp = false;
  p.f.plusV = p.f.plus;
  p.f.plus = false;
}

function printVerb(p: FormatState, verb: string, a: GoValue[]): void {
  if (verb === '%') {
    p.out += '%';
  } else if (!p.goodArgNum) {
    p.out += '%!' + verb + '(BADINDEX)';
  } else if (p.argNum >= a.length) {
    p.out += '%!' + verb + '(MISSING)';
  } else {
    if (verb === 'v' || verb === 'w') moveSharpPlus(p);
    p.printArg(a[p.argNum]!, verb);
    p.argNum++;
  }
}

function writeExtra(p: FormatState, a: GoValue[]): void {
  if (p.reordered || p.argNum >= a.length) return;
  p.f = clearFlags();
  p.out += '%!(EXTRA ';
  a.slice(p.argNum).forEach((arg, i) => {
    if (i > 0) p.out += ', ';
    if (arg === null) p.out += '<nil>';
    else {
      p.out += typeNameOf(arg) + '=';
      p.printArg(arg, 'v');
    }
  });
  p.out += ')';
}
