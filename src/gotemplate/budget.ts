/**
 * Limits for running untrusted templates: output bytes held and wall time per execution set, checked as
 * the executor walks nodes and writes text, and a stack-overflow test that cannot itself fail.
 * Go's text/template has none of these (Helm relies on Go's large stacks); they keep a hostile chart from
 * hanging or exhausting memory here, and fail with BudgetExceededError.
 *
 * The output count is of bytes held in execution buffers: every top-level execution's output (the
 * rendered files, kept until the render ends) plus the buffers of nested executions (`include`, `tpl`)
 * still being written. A nested execution's bytes are released when it returns, since its caller charges
 * whatever it then writes; so a deep `include … | nindent` chain costs its final size, not the sum of
 * every level's copy, while one buffer or all files together growing past the limit still stop. Returned
 * results are also counted as pending until later output matches them, with a limit four times the output
 * limit, so results held in variables instead of written cannot grow without bound either.
 *
 *   const budget = new ExecBudget({ maxOutputBytes: 1 << 20, timeoutMs: 5000, now: () => performance.now() });
 *   template.setBudget(budget);
 */

/** An execution ran past its output or time limit. */
export class BudgetExceededError extends Error {
  override readonly name = 'BudgetExceededError' as const;
}

/** The limits of one execution set. */
export interface BudgetLimits {
  /** Most bytes (UTF-16 units) held at once: all top-level output plus nested buffers being written. */
  maxOutputBytes: number;
  /** Most milliseconds from the budget's creation. */
  timeoutMs: number;
  /** A monotonic clock in milliseconds. */
  now: () => number;
}

/** How many times the output limit the results of include/tpl may total before output pays them off. */
const PENDING_FACTOR = 4;

/** Nodes walked between clock readings. */
const TICKS_PER_CHECK = 1024;

/** Counts output and time for one execution set; throws BudgetExceededError past a limit. */
export class ExecBudget {
  private written = 0;
  /**
   * Per nesting level (index = executions active), bytes of nested results returned to that level and not
   * yet matched by output it wrote since (see `release`).
   */
  private readonly pending: number[] = [0];
  private pendingTotal = 0;
  private ticks = 0;
  private active = 0;
  private readonly deadline: number;

  constructor(readonly limits: BudgetLimits) {
    this.deadline = limits.now() + limits.timeoutMs;
  }

  /** Accounts for `n` more output units (which also pay off results pending since their return). */
  write(n: number): void {
    this.written += n;
    const level = this.active;
    const paid = Math.min(this.pending[level] ?? 0, n);
    if (paid > 0) {
      this.pending[level]! -= paid;
      this.pendingTotal -= paid;
    }
    if (this.written > this.limits.maxOutputBytes) {
      throw new BudgetExceededError(`template output exceeds the limit of ${this.limits.maxOutputBytes} bytes`);
    }
  }

  /**
   * Runs one execution of the set: when it is nested inside another (an `include` or `tpl` call), the
   * bytes it wrote are released once it returns or fails. Returns `run`'s result.
   */
  execution<T>(run: () => T): T {
    const before = this.written;
    let returned = false;
    this.active++;
    try {
      const result = run();
      returned = true;
      return result;
    } finally {
      this.active--;
      // what the finished execution left unpaid may have escaped into shared data: its caller inherits it
      const level = this.active;
      this.pending[level] = (this.pending[level] ?? 0) + (this.pending[level + 1] ?? 0);
      this.pending[level + 1] = 0;
      if (level > 0) this.release(this.written - before, returned);
    }
  }

  /**
   * Releases a nested execution's `n` bytes (called with `active` already back at the caller's level); a
   * returned result stays pending until the caller writes as many bytes, so results kept aside (appended
   * to a list in a loop) cannot pile up past PENDING_FACTOR times the output limit, while results written
   * out (`include … | nindent`) clear at once and checksummed ones as the output grows.
   */
  private release(n: number, returned: boolean): void {
    this.written -= n;
    if (!returned) return;
    this.pending[this.active]! += n;
    this.pendingTotal += n;
    const limit = this.limits.maxOutputBytes * PENDING_FACTOR;
    if (this.pendingTotal > limit) {
      throw new BudgetExceededError(`include and tpl results not written out exceed the limit of ${limit} bytes`);
    }
  }

  /** Accounts for one node walked; reads the clock every TICKS_PER_CHECK nodes. */
  tick(): void {
    if (++this.ticks % TICKS_PER_CHECK === 0) this.checkTime();
  }

  /** Reads the clock now; for long-running functions (a regexp search) that call it every so often. */
  checkTime(): void {
    if (this.limits.now() > this.deadline) {
      throw new BudgetExceededError(`template execution exceeds the time limit of ${this.limits.timeoutMs}ms`);
    }
  }
}

/**
 * Whether `e` is V8 running out of stack: a RangeError, or a SyntaxError from compiling a RegExp with no
 * stack left. Reads only the message with `indexOf` (no RegExp, no allocation) and never throws.
 */
export function isStackOverflow(e: unknown): boolean {
  try {
    if (!(e instanceof RangeError) && !(e instanceof SyntaxError)) return false;
    return e.message.indexOf('call stack') !== -1;
  } catch {
    return true;
  }
}
