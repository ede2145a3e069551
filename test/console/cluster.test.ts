/**
 * The cluster page in Debian's chromium against a real chartroom process on a virtual clock: a Deployment
 * applied and given a new image with `chartroom kubectl`, the clock stepped with the page's own Step
 * button, and at every step the page's counters, ReplicaSets and pod tiles must equal what `chartroom
 * kubectl get deploy,rs,pods` prints at that moment. Fails without chromium in CI or with
 * CHARTROOM_REQUIRE_PEERS=1, skips otherwise.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, startChartroom, type RunningServer } from '../helpers/process.js';
import { tempDir } from '../helpers/server.js';
import { BROWSER_REQUIRED, HAS_CHROMIUM, launchBrowser, type TestBrowser } from './browser.js';
import { chartroom, expectPageMatchesKubectl as matchKubectl, readPage, type Snapshot, step } from './cluster-page.js';
import type { Page } from 'playwright-core';

// The functions passed to page.evaluate run inside chromium; the test program is type-checked without the
// DOM lib (see tsconfig.json), so the page's globals are declared here, for this file only.
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.skipIf(!HAS_CHROMIUM && !BROWSER_REQUIRED)('console: a rollout in chromium, step by step', () => {
  let work: { path: string; cleanup: () => Promise<void> };
  let server: RunningServer;
  let browser: TestBrowser;
  const kubectl = (...args: string[]): Promise<string> => chartroom(server.url, 'kubectl', ...args);
  const expectPageMatchesKubectl = (page: Page): Promise<Snapshot> => matchKubectl(page, server.url);

  beforeAll(async () => {
    work = await tempDir('chartroom-console-sim-');
    server = await startChartroom(['--storage', 'local', '--storage-local-rootdir', work.path, '--sim-clock=virtual']);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await work?.cleanup();
  });

  it('draws the rollout of a new image as kubectl sees it at each step', async () => {
    await kubectl('apply', '-f', join(PROJECT_ROOT, 'examples/manifests/vweb.yaml'));
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/#/cluster?cluster=default&namespace=default`);
    await page.waitForSelector('[data-workload="Deployment/vweb"] [data-pod]');
    await page.selectOption('#step-size', '2000');
    await expectPageMatchesKubectl(page);
    for (let i = 0; i < 4; i += 1) {
      await step(page);
      await expectPageMatchesKubectl(page);
    }
    expect(Object.values((await readPage(page)).pods)).toEqual(['ready', 'ready', 'ready']);

    await kubectl('set', 'image', 'deploy/vweb', 'web=nginx:1.26');
    const seen: Snapshot[] = [await expectPageMatchesKubectl(page)];
    const isDone = (s: Snapshot): boolean => s.deployments.vweb?.join() === '3/3,3,3' && Object.keys(s.pods).length === 3;
    for (let i = 0; i < 15 && !isDone(seen.at(-1) as Snapshot); i += 1) {
      await step(page);
      seen.push(await expectPageMatchesKubectl(page));
    }
    const last = seen.at(-1) as Snapshot;
    expect(Object.values(last.replicaSets).sort()).toEqual([['0', '0', '0'], ['3', '3', '3']]);
    expect(last.deployments.vweb).toEqual(['3/3', '3', '3']);
    // The rollout was drawn as it happened: two ReplicaSets with pods at once, new pods being created.
    expect(seen.some((s) => Object.values(s.replicaSets).filter(([, current]) => current !== '0').length === 2)).toBe(true);
    expect(seen.flatMap((s) => Object.values(s.pods))).toContain('creating');
    const tile = page.locator('[data-pod]').first();
    expect(await tile.textContent()).toContain('nginx:1.26');
    expect(await page.textContent('[data-condition="Progressing"]')).toContain('NewReplicaSetAvailable');
    expect(await page.textContent('#events')).toContain('Scaled down replica set');
    // The timeline ends with the new ReplicaSet at 3 desired/3 available and the old one at 0/0.
    const rows = await page.locator('.timeline-figure tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect((rows.at(-1) as string).replace(/^\+\d+s/, '')).toMatch(/^(3\/30\/0|0\/03\/3)$/);
    expect(await page.locator('.timeline polyline').count()).toBe(4);
    // Both ends of the time axis name the cluster time; the table states where its seconds count from.
    const axis = await page.locator('.timeline text').allTextContents();
    expect(axis.filter((t) => /^\d\d:\d\d:\d\d/.test(t))).toHaveLength(2);
    expect(axis.at(-1)).toMatch(/^\d\d:\d\d:\d\d \(\+\d+ s\)$/);
    expect(await page.locator('.timeline-figure caption').textContent({ timeout: 1000 }).catch(() => '')).toMatch(/^Seconds after 2026-01-01T\d\d:\d\d:\d\dZ \(cluster time\)$/);
    // On a phone the page is one column that fits the screen: nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }, 420_000);

  it('changes the strategy and the image from the page, and the next rollout obeys maxSurge=0 maxUnavailable=1', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/#/cluster?cluster=default&namespace=default`);
    await page.waitForSelector('[data-workload="Deployment/vweb"] [data-pod]');
    expect(await page.inputValue('#action-image')).toBe('nginx:1.26');
    await page.selectOption('#step-size', '2000');
    await page.fill('#action-max-surge', '0');
    await page.fill('#action-max-unavailable', '1');
    await page.click('form[aria-label="Set strategy"] button');
    await page.waitForSelector('#command-log li');
    const deployment = await (await fetch(`${server.url}/api/sim/clusters/default/deployments/default/vweb`)).json() as { spec: { strategy: unknown } };
    expect(deployment.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } });
    await page.fill('#action-image', 'nginx:1.27');
    await page.click('form[aria-label="Set image"] button');
    await page.waitForFunction(() => document.querySelectorAll('#command-log li').length === 2);
    expect(await page.textContent('#command-log li:first-child pre')).toBe('chartroom kubectl set image deployment/vweb web=nginx:1.27 -n default');
    const seen: Snapshot[] = [];
    for (let i = 0; i < 12 && !(seen.at(-1)?.deployments.vweb?.join() === '3/3,3,3' && Object.keys(seen.at(-1)?.pods ?? {}).length === 3); i += 1) {
      await step(page);
      seen.push(await expectPageMatchesKubectl(page));
    }
    // maxSurge 0: never more than 3 pods wanted; maxUnavailable 1: the old ReplicaSet first went down to 2.
    for (const s of seen) expect(Object.values(s.replicaSets).reduce((sum, [desired]) => sum + Number(desired), 0)).toBeLessThanOrEqual(3);
    expect(Object.values(seen[0]?.replicaSets ?? {}).map(([desired]) => desired).sort()).toEqual(['0', '1', '2']);
    expect(seen.at(-1)?.deployments.vweb).toEqual(['3/3', '3', '3']);
    // The steps are one command that pastes and does the same: their sum, not "2s ×N".
    expect(await page.textContent('#command-log li:first-child pre')).toBe(`chartroom sim advance ${2 * seen.length}s`);
  }, 420_000);

  it('follows the clock and the Deployment when a shell moves them, but keeps a field the user is editing', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/#/cluster?cluster=default&namespace=default`);
    await page.waitForSelector('[data-workload="Deployment/vweb"] [data-pod]');
    const clockNow = async (): Promise<string> => ((await (await fetch(`${server.url}/api/sim/clusters/default/clock`)).json()) as { now: string }).now;
    const pods = async (): Promise<string> => chartroom(server.url, 'kubectl', 'get', 'pods');
    // The clock moved from a shell, with nothing else changing: the time and the AGE column follow.
    await chartroom(server.url, 'sim', 'advance', '20s');
    const now = await clockNow();
    await page.waitForFunction((t) => document.getElementById('cluster-time')?.textContent === t, now, { timeout: 15_000 });
    await page.waitForFunction((text) => document.getElementById('kubectl-pods')?.textContent === text, await pods(), { timeout: 15_000 });
    expect(await page.locator('#events thead th').first().textContent()).toBe('LAST SEEN');
    // Nothing changed since the page opened: no chart yet, and the page says why.
    expect(await page.textContent('[data-workload="Deployment/vweb"] .timeline-note')).toContain('starts at their next change');
    expect(await page.locator('#events tbody tr td').first().textContent()).toMatch(/^\d+s$/);

    // A scale and a new image from a shell reach the fields, so Set image / Scale never apply old values.
    await kubectl('scale', 'deploy/vweb', '--replicas=4');
    await kubectl('set', 'image', 'deploy/vweb', 'web=nginx:1.28');
    await page.waitForFunction(() => (document.getElementById('action-image') as { value: string }).value === 'nginx:1.28');
    await page.waitForFunction(() => (document.getElementById('action-replicas') as { value: string }).value === '4');
    // What the user is typing stays, though the Deployment changes again underneath.
    await page.fill('#action-image', 'nginx:mine');
    await page.click('#action-replicas');
    await kubectl('set', 'image', 'deploy/vweb', 'web=nginx:1.29');
    await kubectl('scale', 'deploy/vweb', '--replicas=3');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-rs] h3')].some((el) => (el.textContent ?? '').includes('nginx:1.29')));
    await page.waitForFunction(() => document.querySelector('[data-workload="Deployment/vweb"] [data-counter="READY"] b')?.textContent?.endsWith('/3'));
    expect(await page.inputValue('#action-image')).toBe('nginx:mine');
    expect(await page.inputValue('#action-replicas')).toBe('4');
    // A refused change is said under its form, without the command in front.
    await page.fill('#action-max-surge', '0');
    await page.fill('#action-max-unavailable', '0');
    await page.click('form[aria-label="Set strategy"] button');
    await page.waitForFunction(() => (document.querySelector('form[aria-label="Set strategy"] .form-error')?.textContent ?? '') !== '');
    expect(await page.textContent('form[aria-label="Set strategy"] .form-error')).toMatch(/^Refused: .*maxUnavailable/);
  }, 420_000);
});
