/**
 * Time for the simulated cluster. Controllers never read the wall clock: they get a Clock, and the cluster
 * keeps its own timer queue (see timers.ts) which the clock is asked to wake.
 *
 * Two implementations:
 * - the virtual clock, where time moves only when the cluster is told to `advance`;
 * - the real clock, which follows an injected wall clock, optionally sped up, and wakes the cluster with an
 *   injected timer function. The wall clock is a parameter so that nothing in `cluster/` calls Date.now().
 */

/** A source of simulated time, in milliseconds since the Unix epoch. */
export interface Clock {
  /** 'virtual' clocks move only through `advance`; 'real' clocks follow the wall. */
  readonly kind: 'virtual' | 'real';
  /** The current simulated time in epoch milliseconds. Never decreases. */
  now(): number;
  /**
   * Asks to have `onDue` called once simulated time reaches `at` (or to cancel the request when `at` is
   * undefined). A later request replaces an earlier one. Virtual clocks ignore it.
   */
  wakeAt(at: number | undefined, onDue: () => void): void;
}

/** A clock that moves only when told to. */
export interface VirtualClock extends Clock {
  readonly kind: 'virtual';
  /** Moves time forward to `at`. Throws RangeError if `at` is in the past. */
  setTime(at: number): void;
}

/** 2026-01-01T00:00:00Z: the default start of virtual time, so that outputs are reproducible. */
export const DEFAULT_VIRTUAL_EPOCH_MS = Date.UTC(2026, 0, 1);

/** Creates a virtual clock that starts at `startMs` (default DEFAULT_VIRTUAL_EPOCH_MS). */
export function createVirtualClock(startMs: number = DEFAULT_VIRTUAL_EPOCH_MS): VirtualClock {
  let current = startMs;
  return {
    kind: 'virtual',
    now: () => current,
    wakeAt: () => undefined,
    setTime(at: number): void {
      if (at < current) throw new RangeError(`virtual time cannot go back from ${current} to ${at}`);
      current = at;
    },
  };
}

/** The wall clock and timer functions a real clock needs; the server passes Date.now and setTimeout. */
export interface WallClock {
  now(): number;
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** A real clock, with `stop()` to cancel its pending wake-up when the cluster is dropped. */
export interface RealClock extends Clock {
  readonly kind: 'real';
  /** Cancels any pending wake-up. */
  stop(): void;
}

/**
 * Creates a clock that follows `wall`, scaled by `speed` (2 = twice as fast) from the moment of creation.
 * Throws RangeError for a speed that is not a positive finite number.
 */
export function createRealClock(wall: WallClock, speed = 1): RealClock {
  if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`invalid clock speed ${speed}`);
  const wallStart = wall.now();
  let handle: unknown;
  const now = (): number => wallStart + Math.floor((wall.now() - wallStart) * speed);
  const stop = (): void => {
    if (handle !== undefined) wall.clearTimeout(handle);
    handle = undefined;
  };
  return {
    kind: 'real',
    now,
    stop,
    wakeAt(at: number | undefined, onDue: () => void): void {
      stop();
      if (at === undefined) return;
      const delay = Math.max(0, Math.ceil((at - now()) / speed));
      handle = wall.setTimeout(() => {
        handle = undefined;
        onDue();
      }, delay);
    },
  };
}
