/**
 * Limits for running untrusted templates: total output bytes and wall time per execution set, checked as
 * the executor walks nodes and writes text, and a stack-overflow test that cannot itself fail.
 * Go's text/template has none of these (Helm relies on Go's large stacks); they keep a hostile chart from
 * hanging or exhausting memory here, and fail with BudgetExceededError.
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
  /** Most bytes (UTF-16 units) the templates may write in total, nested `include` output counted again. */
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
