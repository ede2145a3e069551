/**
 * Compiles a simplified RegexNode tree into a program for the Pike VM (vm.ts), with the instruction
 * shapes of Go's regexp/syntax compiler: an alternation tries its branches in order, a greedy loop prefers
 * another iteration, a lazy one prefers leaving, and x* where x can match empty is compiled as (x+)? so
 * that priorities come out as in Go (golang.org/issue/46123). Instructions are built back to front: each
 * node is compiled knowing the pc that follows it.
 */
import { EMPTY_BEGIN_TEXT, type RegexNode } from './ast.js';
import { CharTest, charTestFor, classChar } from './charset.js';

/** Instruction opcodes. */
export const OP_FAIL = 0;
export const OP_MATCH = 1;
/** Matches the code point in `arg`. */
export const OP_RUNE = 2;
/** Matches a code point accepted by `tests[arg]`. */
export const OP_CLASS = 3;
export const OP_ANY = 4;
export const OP_ANY_NOT_NL = 5;
/** Continues at `out` first, then at `arg`. */
export const OP_ALT = 6;
/** Continues when the empty-width conditions in `arg` hold. */
export const OP_EMPTY = 7;
/** Records the position in capture slot `arg`. */
export const OP_CAPTURE = 8;

/** A compiled program. pc 0 is OP_FAIL, so 0 can mean "nowhere". */
export interface Program {
  op: Uint8Array;
  out: Int32Array;
  arg: Int32Array;
  tests: CharTest[];
  start: number;
  /** Capture groups including group 0 (the whole match). */
  numGroups: number;
  /** Whether every match must start at the beginning of the text (Go's StartCond has EmptyBeginText). */
  anchored: boolean;
  /**
   * The OP_RUNE/OP_CLASS instructions a match must begin with, or null when a match can begin otherwise
   * (empty, with `.`, or after an assertion). The VM skips positions none of them accepts.
   */
  first: Int32Array | null;
}

function nullable(node: RegexNode): boolean {
  switch (node.op) {
    case 'empty': case 'assert': return true;
    case 'literal': case 'class': case 'any': return false;
    case 'capture': return nullable(node.sub);
    case 'concat': return node.subs.every(nullable);
    case 'alternate': return node.subs.some(nullable);
    case 'repeat': return node.min === 0 || nullable(node.sub);
  }
}

class Compiler {
  readonly op: number[] = [OP_FAIL];
  readonly out: number[] = [0];
  readonly arg: number[] = [0];
  readonly tests: CharTest[] = [];
  private readonly testIndex = new Map<CharTest, number>();

  emit(op: number, out: number, arg: number): number {
    this.op.push(op);
    this.out.push(out);
    this.arg.push(arg);
    return this.op.length - 1;
  }

  private test(t: CharTest, next: number): number {
    let index = this.testIndex.get(t);
    if (index === undefined) {
      index = this.tests.push(t) - 1;
      this.testIndex.set(t, index);
    }
    return this.emit(OP_CLASS, next, index);
  }

  /** An alternation point preferring `first`, then `second`. */
  private alt(first: number, second: number): number {
    return this.emit(OP_ALT, first, second);
  }

  /** A loop back edge at `loop` (already emitted) for body entry `body`. */
  private closeLoop(loop: number, body: number, next: number, greedy: boolean): void {
    this.out[loop] = greedy ? body : next;
    this.arg[loop] = greedy ? next : body;
  }

  /** x+ : the body, then a loop back to it. */
  private plus(sub: RegexNode, next: number, greedy: boolean): number {
    const loop = this.emit(OP_ALT, 0, 0);
    const body = this.compile(sub, loop);
    this.closeLoop(loop, body, next, greedy);
    return body;
  }

  private repeat(node: Extract<RegexNode, { op: 'repeat' }>, next: number): number {
    const { min, max, greedy, sub } = node;
    if (min === 1 && max === -1) return this.plus(sub, next, greedy);
    if (min === 0 && max === 1) {
      const body = this.compile(sub, next);
      return greedy ? this.alt(body, next) : this.alt(next, body);
    }
    if (nullable(sub)) {
      const body = this.plus(sub, next, greedy);
      return greedy ? this.alt(body, next) : this.alt(next, body);
    }
    const loop = this.emit(OP_ALT, 0, 0);
    this.closeLoop(loop, this.compile(sub, loop), next, greedy);
    return loop;
  }

  /** Compiles `node` so that it continues at `next`; returns its entry pc. */
  compile(node: RegexNode, next: number): number {
    switch (node.op) {
      case 'empty':
        return next;
      case 'literal':
        if (!node.fold || (node.cp < 0x80 && !/[A-Za-z]/.test(String.fromCharCode(node.cp)))) {
          return this.emit(OP_RUNE, next, node.cp);
        }
        return this.test(charTestFor({ source: `[${classChar(node.cp)}]`, fold: true }), next);
      case 'class':
        return this.test(charTestFor(node.cls), next);
      case 'any':
        return this.emit(node.nl ? OP_ANY : OP_ANY_NOT_NL, next, 0);
      case 'assert':
        return this.emit(OP_EMPTY, next, node.cond);
      case 'capture': {
        const close = this.emit(OP_CAPTURE, next, 2 * node.index + 1);
        return this.emit(OP_CAPTURE, this.compile(node.sub, close), 2 * node.index);
      }
      case 'concat':
        for (let k = node.subs.length - 1; k >= 0; k--) next = this.compile(node.subs[k]!, next);
        return next;
      case 'alternate': {
        const entries = node.subs.map((s) => this.compile(s, next));
        let entry = entries[entries.length - 1]!;
        for (let k = entries.length - 2; k >= 0; k--) entry = this.alt(entries[k]!, entry);
        return entry;
      }
      case 'repeat':
        return this.repeat(node, next);
    }
  }
}

/** Go's StartCond: whether the program can only match at the start of the text. */
function isAnchored(c: Compiler, pc: number): boolean {
  for (let guard = 0; guard < c.op.length; guard++) {
    if (c.op[pc] === OP_EMPTY && (c.arg[pc]! & EMPTY_BEGIN_TEXT) !== 0) return true;
    if (c.op[pc] !== OP_EMPTY && c.op[pc] !== OP_CAPTURE) return false;
    pc = c.out[pc]!;
  }
  return false;
}

/** The consuming instructions reachable from `start` through alternations and captures only. */
function firstInstructions(c: Compiler, start: number): Int32Array | null {
  const seen = new Set<number>();
  const found: number[] = [];
  const todo = [start];
  while (todo.length > 0) {
    const pc = todo.pop()!;
    if (seen.has(pc)) continue;
    seen.add(pc);
    const op = c.op[pc];
    if (op === OP_ALT) todo.push(c.out[pc]!, c.arg[pc]!);
    else if (op === OP_CAPTURE) todo.push(c.out[pc]!);
    else if (op === OP_RUNE || op === OP_CLASS) found.push(pc);
    else if (op !== OP_FAIL) return null;
    if (found.length > 8) return null;
  }
  return Int32Array.from(found);
}

/** Compiles a simplified tree with `numGroups` capture groups (group 0 included). */
export function compileProgram(root: RegexNode, numGroups: number): Program {
  const c = new Compiler();
  const match = c.emit(OP_MATCH, 0, 0);
  const start = c.compile(root, match);
  return {
    op: Uint8Array.from(c.op), out: Int32Array.from(c.out), arg: Int32Array.from(c.arg), tests: c.tests,
    start, numGroups, anchored: isAnchored(c, start), first: firstInstructions(c, start),
  };
}
