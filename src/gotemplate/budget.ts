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
 * every level's copy, while one buffer or all files together growing past the limit still stop.
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

/** Nodes walked between clock readings. */
const TICKS_PER_CHECK = 1024;

/** Counts output and time for one execution set; throws BudgetExceededError past a limit. */
export class ExecBudget {
  private written = 0;
  private ticks = 0;
  private active = 0;
  private readonly deadline: number;

  constructor(readonly limits: BudgetLimits) {
    this.deadline = limits.now() + limits.timeoutMs;
  }

  /** Accounts for `n` more output units. */
  write(n: number): void {
    this.written += n;
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
    this.active++;
    try {
      return run();
    } finally {
      this.active--;
      if (this.active > 0) this.written = before;
    }
  }

  /** Accounts for one node walked; reads the clock every TICKS_PER_CHECK nodes. */
  tick(): void {
    if (++this.ticks % TICKS_PER_CHECK !== 0) return;
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
