/** The per-client budget of chart-rendering time (src/http/sim/render-budget.ts), on an injected clock. */
import { describe, expect, it } from 'vitest';
import { RenderBudget } from '../../../src/http/sim/render-budget.js';

describe('RenderBudget', () => {
  it('lets a client render until it has spent its budget in the window, then says how long to wait', () => {
    let now = 0;
    const budget = new RenderBudget(6_000, 60_000, () => now);
    expect(budget.waitSeconds('alice')).toBe(0);
    budget.charge('alice', 3_000);
    now = 10_000;
    expect(budget.waitSeconds('alice')).toBe(0);
    budget.charge('alice', 3_000);
    expect(budget.waitSeconds('alice')).toBe(50);
    expect(budget.waitSeconds('bob')).toBe(0);
    now = 59_500;
    expect(budget.waitSeconds('alice')).toBe(1);
    now = 60_000;
    expect(budget.waitSeconds('alice')).toBe(0);
    budget.charge('alice', 10);
    expect(budget.waitSeconds('alice')).toBe(0);
  });
});
