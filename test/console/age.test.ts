/**
 * The page's AGE / LAST SEEN text (src/console/age.ts) equals the simulator's kubectl formatting
 * (src/cluster/views/human-duration.ts), which the browser build cannot import.
 */
import { describe, expect, it } from 'vitest';
import { eventAge, humanDuration } from '../../src/console/age.js';
import { humanDuration as clusterHumanDuration } from '../../src/cluster/index.js';

describe('age text', () => {
  it('is kubectl\'s HumanDuration at every boundary', () => {
    const s = 1000;
    const samples = [-5 * s, -500, 0, 999, 45 * s, 119 * s, 120 * s, 192 * s, 180 * s, 599 * s, 600 * s, 47 * 60 * s, 180 * 60 * s, 185 * 60 * s,
      8 * 3600 * s, 20 * 3600 * s, 48 * 3600 * s, 76 * 3600 * s, 96 * 3600 * s, 8 * 86400 * s, 45 * 86400 * s, 730 * 86400 * s, 743 * 86400 * s, 1095 * 86400 * s, 3000 * 86400 * s];
    for (const ms of samples) expect(humanDuration(ms), String(ms)).toBe(clusterHumanDuration(ms));
  });

  it('counts an event from its last timestamp, else its first or its eventTime', () => {
    expect(eventAge({ lastTimestamp: '2026-01-01T00:00:05Z', firstTimestamp: '2026-01-01T00:00:00Z' }, '2026-01-01T00:00:25Z')).toBe('20s');
    expect(eventAge({ eventTime: '2026-01-01T00:00:00.000000Z' }, '2026-01-01T00:03:00Z')).toBe('3m');
    expect(eventAge({}, '2026-01-01T00:00:25Z')).toBe('<unknown>');
  });
});
