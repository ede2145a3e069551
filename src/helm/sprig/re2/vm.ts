/**
 * A Pike VM (Thompson NFA simulation with submatch tracking), following Go's regexp machine (exec.go):
 * all threads advance together one code point at a time, at most one thread per instruction, kept in
 * priority order, so a search costs O(pattern × text) whatever the pattern and gives Go's leftmost-first
 * match and submatch positions. Positions are UTF-16 indexes into the JavaScript string; a surrogate pair
 * is one code point, a lone surrogate is one code point of its own.
 */
import * as ast from './ast.js';
import * as code from './compile.js';
import type { Program } from './compile.js';

// Local copies: some module loaders turn imported bindings into getters, too slow for the inner loops.
const { OP_ALT, OP_ANY, OP_ANY_NOT_NL, OP_CAPTURE, OP_CLASS, OP_EMPTY, OP_MATCH, OP_RUNE } = code;
const { EMPTY_BEGIN_LINE, EMPTY_BEGIN_TEXT, EMPTY_END_LINE, EMPTY_END_TEXT } = ast;
const { EMPTY_NO_WORD_BOUNDARY, EMPTY_WORD_BOUNDARY } = ast;

/** The capture slots of every thread when no slots are tracked. */
const NO_CAPS = new Int32Array(0);

/** Thread steps between calls to the caller's check (e.g. a render time limit). */
const STEPS_PER_CHECK = 1 << 16;

function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/** Go's EmptyOpContext: the empty-width conditions between `r1` and `r2` (-1 is the edge of the text). */
function context(r1: number, r2: number): number {
  let op = EMPTY_NO_WORD_BOUNDARY;
  if (r1 < 0) op |= EMPTY_BEGIN_TEXT | EMPTY_BEGIN_LINE;
  else if (r1 === 10) op |= EMPTY_BEGIN_LINE;
  if (r2 < 0) op |= EMPTY_END_TEXT | EMPTY_END_LINE;
  else if (r2 === 10) op |= EMPTY_END_LINE;
  if (isWordChar(r1) !== isWordChar(r2)) op ^= EMPTY_WORD_BOUNDARY | EMPTY_NO_WORD_BOUNDARY;
  return op;
}

/** The code point at `pos`, or -1 at the end. */
function codePointAt(s: string, pos: number): number {
  return pos < s.length ? s.codePointAt(pos)! : -1;
}

/** A sparse set of pcs in insertion (= priority) order, each with its thread's capture slots. */
class Queue {
  readonly sparse: Int32Array;
  readonly pcs: Int32Array;
  readonly caps: (Int32Array | null)[];
  n = 0;

  constructor(size: number) {
    this.sparse = new Int32Array(size);
    this.pcs = new Int32Array(size);
    this.caps = new Array<Int32Array | null>(size).fill(null);
  }

  /** Adds `pc` unless present; returns its index, or -1 when it was already there. */
  insert(pc: number): number {
    const j = this.sparse[pc]!;
    if (j < this.n && this.pcs[j] === pc) return -1;
    this.sparse[pc] = this.n;
    this.pcs[this.n] = pc;
    this.caps[this.n] = null;
    return this.n++;
  }
}

/**
 * Runs one program; reusable for successive searches (not re-entrant). `exec` returns whether a match
 * starts at or after `pos`, leaving its capture positions in `matchcap`.
 */
export class Machine {
  private runq: Queue;
  private nextq: Queue;
  private readonly stack: Int32Array;
  private pool: Int32Array[] = [];
  private ncap = 0;
  private startCap = new Int32Array(0);
  private matched = false;
  /** Thread steps taken, counted across searches, so that many short searches reach a check too. */
  private steps = 0;
  private nextCheck = STEPS_PER_CHECK;
  /** Capture positions of the match: [start, end, group 1 start, group 1 end, …], -1 when unset. */
  matchcap = new Int32Array(0);

  /** Instructions in the program (for memory accounting). */
  get size(): number {
    return this.prog.op.length;
  }

  constructor(private readonly prog: Program) {
    const size = prog.op.length;
    this.runq = new Queue(size);
    this.nextq = new Queue(size);
    this.stack = new Int32Array(2 * size + 2);
  }

  /** A thread's own copy of the working capture slots (threads without slots share NO_CAPS). */
  private copyCaps(cap: Int32Array): Int32Array {
    if (this.ncap === 0) return NO_CAPS;
    const t = this.pool.pop() ?? new Int32Array(this.ncap);
    t.set(cap);
    return t;
  }

  private release(cap: Int32Array): void {
    if (cap !== NO_CAPS) this.pool.push(cap);
  }

  /** Go's machine.add: follows empty transitions from `pc0`, adding threads in priority order. */
  private add(q: Queue, pc0: number, pos: number, cap: Int32Array, cond: number): void {
    const { op, out, arg } = this.prog;
    const st = this.stack;
    let sp = 0;
    st[sp++] = pc0;
    while (sp > 0) {
      const e = st[--sp]!;
      if (e < 0) {
        cap[-e - 1] = st[--sp]!;
        continue;
      }
      for (let pc = e; pc !== 0; ) {
        const j = q.insert(pc);
        if (j < 0) break;
        const o = op[pc]!;
        if (o === OP_ALT) {
          st[sp++] = arg[pc]!;
          pc = out[pc]!;
        } else if (o === OP_EMPTY) {
          pc = (arg[pc]! & ~cond) === 0 ? out[pc]! : 0;
        } else if (o === OP_CAPTURE) {
          const slot = arg[pc]!;
          if (slot < this.ncap) {
            st[sp++] = cap[slot]!;
            st[sp++] = -slot - 1;
            cap[slot] = pos;
          }
          pc = out[pc]!;
        } else {
          if (o !== 0) q.caps[j] = this.copyCaps(cap);
          break;
        }
      }
    }
  }

  /** Whether a match can begin with `c` (always, when the program has no first-instruction set). */
  private canStart(c: number): boolean {
    const { first, op, arg, tests } = this.prog;
    if (first === null) return true;
    for (let k = 0; k < first.length; k++) {
      const pc = first[k]!;
      if (op[pc] === OP_RUNE ? c === arg[pc] : tests[arg[pc]!]!.has(c)) return true;
    }
    return false;
  }

  /** Go's machine.step: advances every thread over `c`; a match cuts off the lower-priority threads. */
  private step(pos: number, nextPos: number, c: number, nextCond: number): void {
    const { op, out, arg, tests } = this.prog;
    const runq = this.runq;
    for (let j = 0; j < runq.n; j++) {
      const cap = runq.caps[j];
      if (!cap) continue;
      const pc = runq.pcs[j]!;
      const o = op[pc]!;
      let ok = false;
      if (o === OP_MATCH) {
        if (this.ncap > 0) cap[1] = pos;
        this.matchcap.set(cap);
        for (let k = j; k < runq.n; k++) if (runq.caps[k]) this.release(runq.caps[k]!);
        this.matched = true;
        break;
      } else if (c >= 0) {
        if (o === OP_RUNE) ok = c === arg[pc];
        else if (o === OP_CLASS) ok = tests[arg[pc]!]!.has(c);
        else ok = o === OP_ANY || (o === OP_ANY_NOT_NL && c !== 10);
      }
      if (ok) this.add(this.nextq, out[pc]!, nextPos, cap, nextCond);
      this.release(cap);
    }
    this.steps += runq.n + 1;
    runq.n = 0;
  }

  /** Clears the state of the previous search; returns the working capture slots for new threads. */
  private reset(ncap: number): Int32Array {
    if (ncap !== this.ncap) {
      this.pool = [];
      this.ncap = ncap;
      this.matchcap = new Int32Array(ncap);
      this.startCap = new Int32Array(ncap);
    }
    this.matchcap.fill(-1);
    this.runq.n = this.nextq.n = 0;
    this.matched = false;
    return this.startCap.fill(-1);
  }

  /** The first position after `pos` where a match can begin (or the end): Go's prefix skip, generalised. */
  private skip(s: string, pos: number): number {
    for (let c = codePointAt(s, pos); c >= 0; c = codePointAt(s, pos)) {
      pos += c > 0xffff ? 2 : 1;
      const next = codePointAt(s, pos);
      if (next < 0 || this.canStart(next)) break;
    }
    return pos;
  }

  /**
   * Searches `s` from `pos` (context before `pos` counts for `^`, `\b`). `ncap` is how many capture slots
   * to track: 0 to learn only whether there is a match, 2 for its bounds, 2 × groups for submatches.
   * Calls `check` every STEPS_PER_CHECK thread steps (counted over this machine's searches); whatever it
   * throws ends the search.
   */
  exec(s: string, pos: number, ncap: number, check?: () => void): boolean {
    // With ncap 0 the write of slot 0 below falls outside the array and is dropped, as intended.
    const startCap = this.reset(ncap);
    const { anchored, start } = this.prog;
    let c = codePointAt(s, pos);
    let cond = context(pos === 0 ? -1 : s.charCodeAt(pos - 1), c);
    for (;;) {
      if (this.runq.n === 0) {
        if ((anchored && pos !== 0) || this.matched) break;
        if (c >= 0 && !this.canStart(c)) {
          pos = this.skip(s, pos);
          c = codePointAt(s, pos);
          cond = context(s.charCodeAt(pos - 1), c);
        }
      }
      if (!this.matched && (!anchored || pos === 0)) {
        startCap[0] = pos;
        this.add(this.runq, start, pos, startCap, cond);
      }
      const w = c > 0xffff ? 2 : c < 0 ? 0 : 1;
      const c1 = c < 0 ? -1 : codePointAt(s, pos + w);
      const nextCond = context(c, c1);
      this.step(pos, pos + w, c, nextCond);
      if (w === 0 || (ncap === 0 && this.matched)) break;
      pos += w;
      c = c1;
      cond = nextCond;
      this.swapQueues();
      if (this.steps >= this.nextCheck) {
        this.nextCheck = this.steps + STEPS_PER_CHECK;
        check?.();
      }
    }
    this.nextq.n = 0;
    return this.matched;
  }

  private swapQueues(): void {
    const q = this.runq;
    this.runq = this.nextq;
    this.nextq = q;
  }
}
