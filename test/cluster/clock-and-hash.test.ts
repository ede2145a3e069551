import { describe, expect, it } from 'vitest';
import { createRealClock, createVirtualClock, type WallClock } from '../../src/cluster/clock.js';
import { computeHash, safeEncodeString } from '../../src/cluster/hash.js';
import { createRandom } from '../../src/cluster/random.js';
import { formatGoDuration, formatTime, parseDuration } from '../../src/cluster/time.js';

describe('clocks', () => {
  it('moves a virtual clock only forward', () => {
    const clock = createVirtualClock(1000);
    clock.setTime(5000);
    expect(clock.now()).toBe(5000);
    expect(() => clock.setTime(10)).toThrow(RangeError);
  });

  it('follows an injected wall clock at a speed, and wakes through its timer', () => {
    let wallNow = 1_000_000;
    const timers: { fn: () => void; delay: number }[] = [];
    const wall: WallClock = { now: () => wallNow, setTimeout: (fn, delay) => timers.push({ fn, delay }), clearTimeout: () => undefined };
    const clock = createRealClock(wall, 10);
    wallNow += 500;
    expect(clock.now()).toBe(1_005_000);
    let woke = false;
    clock.wakeAt(1_015_000, () => (woke = true));
    expect(timers[0]!.delay).toBe(1000);
    timers[0]!.fn();
    expect(woke).toBe(true);
  });
});

describe('names and hashes', () => {
  it('maps digits through SafeEncodeString', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  it('gives a pod-template-hash of the real shape, stable for equal templates, changed by collisionCount', () => {
    const t = { metadata: { labels: { app: 'vweb' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };
    const h = computeHash(t);
    expect(h).toMatch(/^[456789bcdf]{1,10}$/);
    expect(computeHash(structuredClone(t))).toBe(h);
    expect(computeHash(t, 1)).not.toBe(h);
  });

  it('repeats a seeded random sequence', () => {
    const a = createRandom('seed');
    const b = createRandom('seed');
    expect([a.string(5), a.uuid()]).toEqual([b.string(5), b.uuid()]);
  });
});

describe('time', () => {
  it.each([
    ['5s', 5000],
    ['1m30s', 90_000],
    ['250ms', 250],
    ['1.5s', 1500],
    ['0', 0],
    ['2h', 7_200_000],
  ])('parses %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it('rejects bad durations', () => {
    expect(() => parseDuration('5')).toThrow(RangeError);
    expect(() => parseDuration('-5s')).toThrow(RangeError);
  });

  it.each([
    [10_000, '10s'],
    [80_000, '1m20s'],
    [300_000, '5m0s'],
    [3_723_000, '1h2m3s'],
    [1500, '1.5s'],
    [0, '0s'],
  ])('formats %i ms as Go does: %s', (ms, text) => {
    expect(formatGoDuration(ms)).toBe(text);
  });

  it('formats metav1.Time with whole seconds', () => {
    expect(formatTime(Date.UTC(2026, 0, 1, 0, 0, 5, 999))).toBe('2026-01-01T00:00:05Z');
  });
});
