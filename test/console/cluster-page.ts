/**
 * Shared by the cluster-page browser tests: the facts the page shows (Deployment and ReplicaSet
 * counters, each pod's tile state) read from its DOM and from `chartroom kubectl get deploy,rs,pods`, and
 * the page's Step button.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { podState } from '../../src/console/cluster-model.js';
import { PROJECT_ROOT, run } from '../helpers/process.js';

// The functions passed to page.evaluate run inside chromium; the test program is type-checked without the
// DOM lib (see tsconfig.json), so the page's globals are declared here, for this file only.
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What both sides show: Deployment and ReplicaSet counters by name, and each pod's tile state. */
export interface Snapshot {
  deployments: Record<string, string[]>;
  replicaSets: Record<string, string[]>;
  pods: Record<string, string>;
}

/** Runs `chartroom <args>` from source against `server`; fails the test on a non-zero exit. */
export async function chartroom(server: string, ...args: string[]): Promise<string> {
  const result = await run(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src/cli/main.ts'), ...args], { env: { CHARTROOM_SERVER: server } });
  expect(result.code, `chartroom ${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

/** Parses `kubectl get deploy,rs,pods` (one table per type, blank-line separated, names kind-prefixed). */
export function parseKubectl(text: string): Snapshot {
  const snapshot: Snapshot = { deployments: {}, replicaSets: {}, pods: {} };
  for (const line of text.split('\n')) {
    const [kindName = '', ...rest] = line.trim().split(/\s+/);
    const [kind, name = ''] = kindName.split('/');
    if (kind === 'deployment.apps') snapshot.deployments[name] = rest.slice(0, 3);
    else if (kind === 'replicaset.apps') snapshot.replicaSets[name] = rest.slice(0, 3);
    else if (kind === 'pod') snapshot.pods[name] = podState(rest[0] ?? '', rest[1] ?? '');
  }
  return snapshot;
}

/** The same facts read from the page's DOM. */
export function readPage(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    const counters = (el: { querySelectorAll: (s: string) => Iterable<{ textContent: string | null }> }): string[] =>
      [...el.querySelectorAll(':scope > .counters [data-counter] b')].map((b) => b.textContent ?? '');
    const snapshot = { deployments: {} as Record<string, string[]>, replicaSets: {} as Record<string, string[]>, pods: {} as Record<string, string> };
    for (const el of document.querySelectorAll('[data-workload^="Deployment/"]')) snapshot.deployments[(el.getAttribute('data-workload') ?? '').slice('Deployment/'.length)] = counters(el);
    for (const el of document.querySelectorAll('[data-rs]')) snapshot.replicaSets[el.getAttribute('data-rs') ?? ''] = counters(el);
    for (const el of document.querySelectorAll('[data-pod]')) snapshot.pods[el.getAttribute('data-pod') ?? ''] = el.getAttribute('data-state') ?? '';
    return snapshot;
  });
}

/** Waits until the page shows what kubectl shows now (the stream is asynchronous), or fails with both. */
export async function expectPageMatchesKubectl(page: Page, server: string): Promise<Snapshot> {
  const expected = parseKubectl(await chartroom(server, 'kubectl', 'get', 'deploy,rs,pods'));
  let shown = await readPage(page);
  for (let i = 0; i < 50 && JSON.stringify(shown) !== JSON.stringify(expected); i += 1) {
    await page.waitForTimeout(100);
    shown = await readPage(page);
  }
  expect(shown).toEqual(expected);
  return shown;
}

/** Presses the page's Step button and waits for the cluster time it shows to move. */
export async function step(page: Page): Promise<void> {
  const before = await page.textContent('#cluster-time');
  await page.click('#clock-step');
  await page.waitForFunction((old) => document.getElementById('cluster-time')?.textContent !== old, before);
}

/** Steps until `isDone` holds for the page (at most `max` steps), comparing with kubectl at each step. */
export async function stepUntil(page: Page, server: string, isDone: (s: Snapshot) => boolean, max = 15): Promise<Snapshot[]> {
  const seen = [await expectPageMatchesKubectl(page, server)];
  for (let i = 0; i < max && !isDone(seen.at(-1) as Snapshot); i += 1) {
    await step(page);
    seen.push(await expectPageMatchesKubectl(page, server));
  }
  if (process.env.CHARTROOM_STEPS) console.log(`stepUntil: ${seen.length - 1} steps, cluster time ${await page.textContent('#cluster-time')}, step size ${await page.inputValue('#step-size')}`);
  expect(isDone(seen.at(-1) as Snapshot), 'the rollout did not finish').toBe(true);
  return seen;
}
