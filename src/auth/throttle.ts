/**
 * Failed-login throttling per client address. After `maxFailures` failed logins (within the lockout window
 * of each other) the address is locked out for `lockoutMs`; each further failure once locked out doubles
 * the lockout, up to an hour. While locked out every login is refused, right or wrong, so guessing cannot
 * go on. A successful login does not clear the count: otherwise anyone with an account could interleave their
 * own logins with guesses at someone else's password and never be locked out. The count is forgotten after a
 * quiet spell instead: no failure for one lockout period, or, once locked out, for twice the last lockout.
 * Time comes from the injected clock.
 *
 * Worked example (maxFailures 3, lockout 60 s): failures at t = 0, 1, 2 s lock the address until 62 s; a
 * request at 10 s is told to retry after 52 s; a failure at 62 s (the first after the lockout) locks it
 * again for 120 s; with no failure after that until 302 s (2 × 120 s after it), the address starts afresh.
 */

/** Throttle settings (`--auth-max-failures`, `--auth-lockout`) and its clock (milliseconds). */
export interface ThrottleOptions {
  /** 0 disables throttling. */
  maxFailures: number;
  lockoutMs: number;
  now: () => number;
  /** Addresses tracked at most; the oldest entries are dropped beyond it (bounds memory under a spray). */
  maxTracked?: number;
}

interface Entry {
  failures: number;
  lastFailure: number;
  lockedUntil: number;
  lockouts: number;
}

const MAX_LOCKOUT_MS = 3_600_000;

/** How long without a failure before an address's failures are forgotten. */
function quietSpellMs(entry: Entry, lockoutMs: number): number {
  return entry.lockouts === 0 ? lockoutMs : 2 * Math.min(lockoutMs * 2 ** (entry.lockouts - 1), MAX_LOCKOUT_MS);
}

/** Counts failed logins per client address and says when one must wait. */
export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  /** Logins being checked right now, per address (a password check takes a while). */
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly options: ThrottleOptions) {}

  /** Seconds the address must still wait (rounded up), or 0 if it may try to log in now. */
  retryAfterSeconds(address: string): number {
    const entry = this.entries.get(address);
    const wait = entry ? entry.lockedUntil - this.options.now() : 0;
    return wait > 0 ? Math.ceil(wait / 1000) : 0;
  }

  /**
   * Starts checking a login from the address. False if its failures so far plus the logins already being
   * checked reach `maxFailures`: otherwise many guesses sent at once would all be checked before the first
   * failure is counted. Every true must be followed by one `endAttempt`.
   */
  beginAttempt(address: string): boolean {
    const { maxFailures } = this.options;
    const pending = this.inFlight.get(address) ?? 0;
    const failures = this.entries.get(address)?.failures ?? 0;
    // Past a lockout, the next failure locks again: one check at a time.
    const allowed = failures >= maxFailures ? 1 : maxFailures - failures;
    if (maxFailures > 0 && pending >= allowed) return false;
    this.inFlight.set(address, pending + 1);
    return true;
  }

  /** Ends a login check started with `beginAttempt` (record its outcome separately). */
  endAttempt(address: string): void {
    const pending = (this.inFlight.get(address) ?? 1) - 1;
    if (pending > 0) this.inFlight.set(address, pending);
    else this.inFlight.delete(address);
  }

  /** Records a failed login; returns the seconds to wait if this failure locked the address out, else 0. */
  recordFailure(address: string): number {
    const { maxFailures, lockoutMs, now } = this.options;
    if (maxFailures <= 0) return 0;
    const at = now();
    let entry = this.entries.get(address);
    if (entry && at - entry.lastFailure > quietSpellMs(entry, lockoutMs)) entry = undefined;
    entry ??= { failures: 0, lastFailure: at, lockedUntil: 0, lockouts: 0 };
    entry.failures += 1;
    entry.lastFailure = at;
    this.entries.delete(address);
    this.entries.set(address, entry);
    this.prune();
    if (entry.failures < maxFailures) return 0;
    entry.lockedUntil = at + Math.min(lockoutMs * 2 ** entry.lockouts, MAX_LOCKOUT_MS);
    entry.lockouts += 1;
    return this.retryAfterSeconds(address);
  }

  private prune(): void {
    const max = this.options.maxTracked ?? 10_000;
    for (const key of this.entries.keys()) {
      if (this.entries.size <= max) break;
      this.entries.delete(key);
    }
  }
}
