/**
 * Issue #7's proof as one run of the console in Debian's chromium, against a real chartroom process at
 * --depth 1 on a virtual clock: pick a repository from the page's list, upload a chart by drag and drop,
 * find it, install it with `--set`, `--set-json` and `--set-literal`, upgrade its image with `--set` (a bad pair first, which must
 * show Helm's message), watch the pod tiles change state through the rollout, roll back; at every Step the
 * page's numbers must equal `chartroom kubectl get deploy,rs,pods`, and its `helm history` pane must equal
 * `chartroom helm history` byte for byte. Then the page's Play mode runs a rollout to its end with no Step
 * pressed. Fails without chromium in CI or with CHARTROOM_REQUIRE_PEERS=1, skips otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildChart } from '../helpers/charts.js';
import { siteChart } from './site-chart.js';
import { startChartroom, type RunningServer } from '../helpers/process.js';
import { tempDir } from '../helpers/server.js';
import { BROWSER_REQUIRED, HAS_CHROMIUM, launchBrowser, type TestBrowser } from './browser.js';
import { chartroom, expectPageMatchesKubectl, readPage, type Snapshot, stepUntil } from './cluster-page.js';
import { dropFile } from './page-actions.js';

// The functions passed to page.evaluate run inside chromium; the test program is type-checked without the
// DOM lib (see tsconfig.json), so the page's globals are declared here, for this file only.
declare const document: any, window: any, MutationObserver: any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Done when `my-site` has three ready pods, all of one ReplicaSet. */
const settled = (s: Snapshot): boolean => s.deployments['my-site']?.join() === '3/3,3,3' && Object.keys(s.pods).length === 3 && Object.values(s.pods).every((p) => p === 'ready');

describe.skipIf(!HAS_CHROMIUM && !BROWSER_REQUIRED)('console: issue #7 proof in chromium, at --depth 1', () => {
  let work: { path: string; cleanup: () => Promise<void> };
  let server: RunningServer;
  let browser: TestBrowser;
  const tileImages = (page: Page): Promise<string[]> => page.locator('[data-pod] .meta').allTextContents();
  /** Waits until the page's history pane holds what `chartroom helm history my-site -n default` prints now. */
  const expectHistoryMatchesHelm = async (page: Page): Promise<string> => {
    const text = await chartroom(server.url, 'helm', 'history', 'my-site', '-n', 'default');
    await page.waitForFunction((expected) => document.getElementById('helm-history')?.textContent === expected, text, { timeout: 10_000 })
      .catch(async () => expect(await page.textContent('#helm-history')).toBe(text));
    return text;
  };

  beforeAll(async () => {
    work = await tempDir('chartroom-console-proof-');
    server = await startChartroom(['--storage', 'local', '--storage-local-rootdir', work.path, '--depth', '1', '--sim-clock=virtual']);
    browser = await launchBrowser();
    const other = await fetch(`${server.url}/api/other/charts`, { method: 'POST', body: new Uint8Array(buildChart({ name: 'db', version: '0.1.0' })) });
    expect(other.status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await work?.cleanup();
  });

  it('uploads, finds, installs, upgrades with --set and rolls back, matching kubectl and helm at every step', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
    await page.goto(`${server.url}/`);
    // At --depth 1 the root holds no charts: the only repository opens by itself, and the list names it.
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Charts in other');
    // The repositories that hold charts are listed; a new one is opened by typing its path.
    expect(await page.locator('#tenant-list [data-tenant]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tenant')))).toEqual(['other']);
    await page.fill('#tenant', 'class');
    await page.click('form[aria-label="Repository"] button');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Charts in class');
    await dropFile(page, 'site-1.0.0.tgz', siteChart('1.0.0', '1.25', 'A small web site'));
    await dropFile(page, 'site-1.1.0.tgz', siteChart('1.1.0', '1.26', 'A small web site'));
    await page.waitForFunction(() => document.querySelector('[data-chart="site"]')?.textContent.includes('2 versions'));
    await page.reload();
    await page.waitForSelector('#tenant-list [data-tenant="class"] a[aria-current=page]');
    await page.fill('#filter', 'web site');
    await page.click('[data-chart="site"] h2 a');
    const latestForm = await page.waitForSelector('form.install');
    await page.selectOption('#version', '1.0.0');
    // Choosing a version redraws the page: wait for the new form before typing into it.
    await page.waitForFunction((old) => !old.isConnected && document.querySelector('form.install'), latestForm);
    expect(await page.inputValue('#version')).toBe('1.0.0');

    await page.fill('#install-set', 'replicaCount=3');
    await page.click('form.install summary');
    await page.fill('#install-set-json', 'extra={"team":"blue"}');
    await page.fill('#install-set-literal', 'motd=hello, world');
    await page.click('form.install button[type=submit]');
    await page.waitForSelector('[data-release="my-site"]');
    expect(await page.textContent('#command-log li pre')).toBe(`chartroom helm install my-site class/site --version 1.0.0 -n default --set replicaCount=3 --set-json 'extra={"team":"blue"}' --set-literal 'motd=hello, world'`);
    await page.selectOption('#step-size', '2000');
    await stepUntil(page, server.url, settled);
    expect(await tileImages(page)).toEqual(['nginx:1.25', 'nginx:1.25', 'nginx:1.25']);
    await expectHistoryMatchesHelm(page);

    // The release's chart lives in tenant `class`: the upgrade form offers that repository's versions.
    await page.waitForSelector('#upgrade-version option[value="1.1.0"]', { state: 'attached' });
    expect(await page.inputValue('#upgrade-repo')).toBe('class');
    await page.selectOption('#upgrade-version', '1.1.0');
    await page.fill('#upgrade-set', 'image.tag');
    await page.click('form[aria-label="Upgrade my-site"] button[type=submit]');
    // Helm's own text for this pair (`helm template x ./site --set image.tag` prints the same after "Error: ").
    await page.waitForFunction(() => document.getElementById('upgrade-error')?.textContent !== '');
    expect(await page.textContent('#upgrade-error')).toBe('Upgrade refused: failed parsing --set data: key "tag" has no value');
    await page.fill('#upgrade-set', 'image.tag=1.27');
    await page.click('form[aria-label="Upgrade my-site"] button[type=submit]');
    await page.waitForSelector('[data-revision="2"]');
    // The values box held the release's values as YAML; the command passes them on stdin, so it runs as pasted.
    expect(await page.textContent('#command-log li pre')).toBe(`chartroom helm upgrade my-site class/site --version 1.1.0 -n default --set image.tag=1.27 -f - <<'EOF'\nextra:\n  team: blue\nmotd: "hello, world"\nreplicaCount: 3\nEOF`);
    const upgrade = await stepUntil(page, server.url, (s) => settled(s) && Object.keys(s.replicaSets).length === 2);
    expect(upgrade.flatMap((s) => Object.values(s.pods))).toEqual(expect.arrayContaining(['creating', 'ready']));
    expect(await tileImages(page)).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.27']);
    const values = await (await fetch(`${server.url}/api/sim/clusters/default/releases/default/my-site/values`)).json() as { values: unknown };
    expect(values.values).toEqual({ replicaCount: 3, extra: { team: 'blue' }, motd: 'hello, world', image: { tag: '1.27' } });
    await expectHistoryMatchesHelm(page);

    await page.click('[data-revision="1"] button');
    await page.waitForSelector('[data-revision="3"]');
    await stepUntil(page, server.url, (s) => settled(s) && Object.values(s.replicaSets).some(([desired]) => desired === '0'));
    expect(await tileImages(page)).toEqual(['nginx:1.25', 'nginx:1.25', 'nginx:1.25']);
    const history = await expectHistoryMatchesHelm(page);
    expect(history.split('\n').slice(1, 4).map((l) => l.split('\t')[2]?.trim())).toEqual(['superseded', 'superseded', 'deployed']);
    expect(await page.textContent('#command-log')).toContain('chartroom helm rollback my-site 1 -n default');
    expect(errors).toEqual([]);
    // At --depth 1 nothing asks for the root's index; the credentials probe of clusters runs once per session.
    expect(requests.filter((r) => r.endsWith(' /index.yaml'))).toEqual([]);
    expect(requests.filter((r) => r.includes('/Auth_Probe/'))).toEqual(['POST /api/sim/clusters/Auth_Probe/advance']);
  }, 420_000);

  it('plays a rollout to its end at 5× speed, with no Step pressed', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/#/cluster?cluster=default&namespace=default`);
    await page.waitForSelector('[data-workload="Deployment/my-site"] [data-pod]');
    expect(settled(await expectPageMatchesKubectl(page, server.url))).toBe(true);
    // Every control of the cluster page has a name a screen reader can say.
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea, button')]
      .filter((el) => (el.labels?.length ?? 0) === 0 && !el.getAttribute('aria-label') && !(el.textContent ?? '').trim())
      .map((el) => el.outerHTML));
    expect(unlabelled).toEqual([]);
    // Every state a pod tile takes while the clock plays is recorded, and every press of Step counted.
    await page.evaluate(() => {
      window.seenStates = [];
      window.steps = 0;
      document.getElementById('clock-step').addEventListener('click', () => (window.steps += 1));
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('[data-pod]')) window.seenStates.push(el.getAttribute('data-state'));
      }).observe(document.getElementById('workloads'), { childList: true, subtree: true });
    });
    const started = await page.textContent('#cluster-time');
    await page.fill('#action-image', 'nginx:1.28');
    await page.click('form[aria-label="Set image"] button');
    await page.waitForSelector('#command-log li');
    await page.selectOption('#speed', '5');
    await page.click('#clock-play');
    expect(await page.getAttribute('#clock-play', 'aria-pressed')).toBe('true');
    // Done when the page shows three ready pods, all with the new image.
    await page.waitForFunction(() => {
      const tiles = [...document.querySelectorAll('[data-pod]')];
      return tiles.length === 3 && tiles.every((t) => t.getAttribute('data-state') === 'ready' && t.textContent.includes('nginx:1.28'));
    }, undefined, { timeout: 60_000, polling: 100 });
    await page.click('#clock-play');
    expect(await page.getAttribute('#clock-play', 'aria-pressed')).toBe('false');
    expect(await page.evaluate(() => window.steps)).toBe(0);
    expect(await page.evaluate(() => window.seenStates)).toEqual(expect.arrayContaining(['creating', 'ready']));
    expect(await page.textContent('#cluster-time')).not.toBe(started);
    // Paused, the page and `chartroom kubectl get rs` agree: the new ReplicaSet has all three, the others none.
    const shown = await expectPageMatchesKubectl(page, server.url);
    // `get rs` alone prints bare names under NAME DESIRED CURRENT READY AGE.
    const [, ...lines] = (await chartroom(server.url, 'kubectl', 'get', 'rs')).trimEnd().split('\n');
    const rs = Object.fromEntries(lines.map((line) => line.split(/\s+/)).map(([name = '', ...counts]) => [name, counts.slice(0, 3)]));
    expect((await readPage(page)).replicaSets).toEqual(rs);
    expect(Object.values(rs).map((counts) => counts.join()).sort()).toEqual(['0,0,0', '0,0,0', '3,3,3']);
    expect(shown.deployments['my-site']).toEqual(['3/3', '3', '3']);
  }, 240_000);
});
