import { afterEach, describe, expect, it } from 'vitest';
import { simApp, type SimApp, VWEB } from './sim-app.js';

/**
 * The writing routes through `inject`. Expected numbers come from the reference: the §4.1 sequence
 * (R=3, maxSurge 1, maxUnavailable 0, D = the simulator's default 5 s), §7.1 status lines, §7.2 history
 * and §7.3 messages.
 */
let sim: SimApp;
afterEach(async () => sim?.close());
const C = '/api/sim/clusters/default';
const D = `${C}/deployments/default/vweb`;

async function readyVweb(): Promise<void> {
  sim = await simApp();
  await sim.call('POST', `${C}/apply`, VWEB, 'application/yaml');
  await sim.call('POST', `${C}/advance`, { ms: 5000 });
}

const rsSizes = async (): Promise<number[]> => {
  const list = await sim.call('GET', `${C}/rs?namespace=default`);
  return list.json.items.map((rs: any) => rs.spec.replicas);
};

describe('sim API: writes', () => {
  it('sets an image (a new revision), steps the §4.1 rollout with advance, and reports status and history', async () => {
    await readyVweb();
    const set = await sim.call('POST', `${D}/set-image`, { images: { web: 'nginx:1.26' } });
    expect(set.status).toBe(200);
    expect(set.json.changed).toBe(true);
    expect(set.json.object.spec.template.spec.containers[0].image).toBe('nginx:1.26');
    // RS lists are sorted by name: the old RS (vweb-5cf677557d) first, the new one second.
    expect(await rsSizes()).toEqual([3, 1]);
    expect((await sim.call('GET', `${D}/rollout/status`)).json).toEqual({ message: 'Waiting for deployment "vweb" rollout to finish: 1 out of 3 new replicas have been updated...', done: false });
    await sim.call('POST', `${C}/advance`, { ms: 5000 });
    expect(await rsSizes()).toEqual([2, 2]);
    await sim.call('POST', `${C}/advance`, { ms: 5000 });
    expect(await rsSizes()).toEqual([1, 3]);
    await sim.call('POST', `${C}/advance`, { ms: 5000 });
    expect(await rsSizes()).toEqual([0, 3]);
    expect((await sim.call('GET', `${D}/rollout/status`)).json).toEqual({ message: 'deployment "vweb" successfully rolled out', done: true });
    const history = await sim.call('GET', `${D}/rollout/history`);
    expect(history.json.text).toBe('REVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n');
    expect((await sim.call('POST', `${D}/set-image`, { images: { web: 'nginx:1.26' } })).json.changed).toBe(false);
    expect((await sim.call('POST', `${D}/set-image`, { images: { nope: 'x' } })).json).toMatchObject({ reason: 'Invalid', message: 'unable to find container named "nope"' });
  });

  it('undoes to a revision with kubectl messages and errors', async () => {
    await readyVweb();
    expect((await sim.call('POST', `${D}/rollout/undo`, {})).json).toMatchObject({ code: 400, message: 'no rollout history found for deployment "vweb"' });
    await sim.call('POST', `${D}/set-image`, { images: { web: 'nginx:1.26' } });
    expect((await sim.call('POST', `${D}/rollout/undo`, { toRevision: 1 })).json).toEqual({ message: 'rolled back' });
    expect((await sim.call('GET', `${D}/rollout/history`)).json.text).toBe('REVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n');
    expect((await sim.call('POST', `${D}/rollout/undo`, { toRevision: 3 })).json).toEqual({ message: 'skipped rollback (current template already matches revision 3)' });
    const missing = await sim.call('POST', `${D}/rollout/undo`, { toRevision: 7 });
    expect(missing.status).toBe(400);
    expect(missing.json.message).toBe('unable to find specified revision 7 in history');
  });

  it('scales (replicas-only change: no new revision), patches and deletes', async () => {
    await readyVweb();
    const scaled = await sim.call('POST', `${D}/scale`, { replicas: 5 });
    expect(scaled.json.spec.replicas).toBe(5);
    expect(await rsSizes()).toEqual([5]);
    expect((await sim.call('POST', `${D}/scale`, { replicas: -1 })).status).toBe(400);
    const patched = await sim.call('PATCH', D, { metadata: { labels: { tier: 'web' } } }, 'application/merge-patch+json');
    expect(patched.json.metadata.labels).toEqual({ tier: 'web' });
    const deleted = await sim.call('DELETE', `${C}/svc/default/vweb`);
    expect(deleted.json.metadata.name).toBe('vweb');
    expect((await sim.call('GET', `${C}/svc/default/vweb`)).json.message).toBe('services "vweb" not found');
    expect((await sim.call('DELETE', `${C}/svc/default/vweb`)).status).toBe(404);
  });

  it('lists events with their Table', async () => {
    await readyVweb();
    const events = await sim.call('GET', `${C}/events?namespace=default`);
    const messages = events.json.items.map((e: any) => e.message);
    expect(messages).toContain('Scaled up replica set vweb-5cf677557d to 3');
    expect(events.json.table.rows).toHaveLength(events.json.items.length);
  });
});
