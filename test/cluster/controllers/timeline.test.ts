import { describe, expect, it } from 'vitest';
import { backoffMs, runtimeStateAt } from '../../../src/cluster/controllers/kubelet/timeline.js';

describe('pod runtime timeline (readyAfter 5 s)', () => {
  it('goes ContainerCreating → Running (not ready) → Ready', () => {
    expect(runtimeStateAt(0, 5000)).toMatchObject({ stage: 'ContainerCreating', nextChangeAt: 2500 });
    expect(runtimeStateAt(2500, 5000)).toMatchObject({ stage: 'Running', startedAt: 2500, nextChangeAt: 5000 });
    expect(runtimeStateAt(5000, 5000)).toMatchObject({ stage: 'Ready', since: 5000 });
    expect(runtimeStateAt(5000, 5000).nextChangeAt).toBeUndefined();
  });

  it('never becomes ready with NotReady', () => {
    expect(runtimeStateAt(3_600_000, 5000, 'NotReady')).toMatchObject({ stage: 'Running' });
    expect(runtimeStateAt(3_600_000, 5000, 'NotReady').nextChangeAt).toBeUndefined();
  });

  it('alternates ErrImagePull and ImagePullBackOff with a doubling back-off', () => {
    expect(runtimeStateAt(2500, 5000, 'ErrImagePull')).toMatchObject({ stage: 'ErrImagePull', nextChangeAt: 3500 });
    expect(runtimeStateAt(3500, 5000, 'ErrImagePull')).toMatchObject({ stage: 'ImagePullBackOff', backoffMs: 10_000, nextChangeAt: 13_500 });
    expect(runtimeStateAt(13_500, 5000, 'ErrImagePull')).toMatchObject({ stage: 'ErrImagePull', nextChangeAt: 14_500 });
    expect(runtimeStateAt(14_500, 5000, 'ErrImagePull')).toMatchObject({ stage: 'ImagePullBackOff', backoffMs: 20_000, nextChangeAt: 34_500 });
  });

  it('crash-loops: Running → Error → CrashLoopBackOff → Running with one more restart', () => {
    expect(runtimeStateAt(4999, 5000, 'CrashLoopBackOff')).toMatchObject({ stage: 'Running', restartCount: 0, nextChangeAt: 5000 });
    expect(runtimeStateAt(5000, 5000, 'CrashLoopBackOff')).toMatchObject({ stage: 'Error', restartCount: 0, nextChangeAt: 6000 });
    expect(runtimeStateAt(6000, 5000, 'CrashLoopBackOff')).toMatchObject({ stage: 'CrashLoopBackOff', backoffMs: 10_000, nextChangeAt: 16_000 });
    expect(runtimeStateAt(16_000, 5000, 'CrashLoopBackOff')).toMatchObject({
      stage: 'Running',
      restartCount: 1,
      lastRun: { startedAt: 2500, finishedAt: 5000 },
      nextChangeAt: 18_500,
    });
  });

  it('caps the back-off at five minutes and stays exact after many hours', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(backoffMs)).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    const late = runtimeStateAt(10 * 3_600_000, 5000, 'ErrImagePull');
    expect(late.stage === 'ImagePullBackOff' || late.stage === 'ErrImagePull').toBe(true);
    expect(late.nextChangeAt! > 10 * 3_600_000).toBe(true);
  });
});
