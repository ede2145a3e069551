/**
 * A budget of chart-rendering time per client for release installs and upgrades. Charts render on the
 * server's event loop, so a client that keeps sending charts that run to `--sim-render-timeout` would stall
 * everyone for as long as it likes; once a client has spent `budgetMs` rendering within a window, its next
 * install or upgrade is refused (429 with Retry-After) until the window moves on. A real chart renders in
 * milliseconds and never comes near it.
 *
 *   const budget = new RenderBudget(6_000);
 *   budget.waitSeconds('alice');   // 0: go ahead
 *   budget.charge('alice', 3_000);
 */

/** What one client has spent in its current window. */
interface Spending {
  since: number;
  ms: number;
}

/** Per-client rendering time within a sliding window (the window starts at a client's first charge). */
export class RenderBudget {
  private readonly spent = new Map<string, Spending>();

  constructor(
    readonly budgetMs: number,
    readonly windowMs = 60_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Whole seconds until `client` may render again; 0 when it may now. */
  waitSeconds(client: string): number {
    const spending = this.current(client);
    if (!spending || spending.ms < this.budgetMs) return 0;
    return Math.max(1, Math.ceil((spending.since + this.windowMs - this.now()) / 1000));
  }

  /** Adds `ms` of rendering by `client`. */
  charge(client: string, ms: number): void {
    const spending = this.current(client) ?? { since: this.now(), ms: 0 };
    spending.ms += ms;
    this.spent.set(client, spending);
  }

  /** The client's spending in a window that has not ended; forgets ended windows. */
  private current(client: string): Spending | undefined {
    const spending = this.spent.get(client);
    if (spending && this.now() - spending.since >= this.windowMs) {
      this.spent.delete(client);
      return undefined;
    }
    return spending;
  }
}
