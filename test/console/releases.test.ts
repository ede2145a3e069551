/**
 * A Helm release driven from the console in Debian's chromium, against a real chartroom process on a
 * virtual clock: install chart version 1.0.0 from its page, upgrade to 1.1.0 (a new image) and roll back
 * to revision 1 from the cluster page, stepping the clock with the page's Step button; at every step the
 * page must equal `chartroom kubectl get deploy,rs,pods`; at the end its `kubectl get pods` pane must equal
 * `chartroom kubectl get pods`, and its history table and text pane what `chartroom helm history` prints.
 * Fails without chromium in CI or with CHARTROOM_REQUIRE_PEERS=1, skips otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChart } from '../helpers/charts.js';
import { siteChart } from './site-chart.js';
import { startChartroom, type RunningServer } from '../helpers/process.js';
import { tempDir } from '../helpers/server.js';
import { BROWSER_REQUIRED, HAS_CHROMIUM, launchBrowser, type TestBrowser } from './browser.js';
import { chartroom, type Snapshot, stepUntil } from './cluster-page.js';

// The functions passed to page.evaluate run inside chromium; the test program is type-checked without the
// DOM lib (see tsconfig.json), so the page's globals are declared here, for this file only.
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Done when every pod of `my-site` is ready and of one ReplicaSet, with `image` on the page. */
const settled = (s: Snapshot): boolean => s.deployments['my-site']?.join() === '2/2,2,2' && Object.keys(s.pods).length === 2 && Object.values(s.pods).every((p) => p === 'ready');

describe.skipIf(!HAS_CHROMIUM && !BROWSER_REQUIRED)('console: install, upgrade and roll back a release in chromium', () => {
  let work: { path: string; cleanup: () => Promise<void> };
  let server: RunningServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    work = await tempDir('chartroom-console-rel-');
    server = await startChartroom(['--storage', 'local', '--storage-local-rootdir', work.path, '--sim-clock=virtual']);
    browser = await launchBrowser();
    for (const [version, tag] of [['1.0.0', '1.25'], ['1.1.0', '1.26']] as const) {
      expect((await fetch(`${server.url}/api/charts`, { method: 'POST', body: new Uint8Array(siteChart(version, tag)) })).status).toBe(201);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await work?.cleanup();
  });

  it('plays each rollout on the page as kubectl and helm see it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/#/chart?name=site&version=1.1.0`);
    await page.waitForSelector('form.install');
    // Picking another version redraws the page once its versions arrive (held back a second here): what
    // was typed meanwhile stays in the install form, which sends it.
    await page.route('**/api/charts/site', async (route) => {
      await new Promise((done) => setTimeout(done, 1000));
      await route.continue();
    });
    await page.selectOption('#version', '1.0.0');
    await page.fill('#install-name', 'my-site');
    await page.fill('#install-set', 'replicaCount=2');
    await page.waitForTimeout(2000);
    await page.unroute('**/api/charts/site');
    // The page was drawn again for 1.0.0 (its appVersion), with the typed text and the focus where they were.
    expect(await page.textContent('.card p.meta')).toContain('app 1.25');
    expect([await page.inputValue('#install-name'), await page.inputValue('#install-set'), await page.inputValue('#version')]).toEqual(['my-site', 'replicaCount=2', '1.0.0']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('install-set');
    await page.click('form.install button[type=submit]');
    await page.waitForSelector('[data-release="my-site"]');
    expect(await page.textContent('#command-log li')).toContain('chartroom helm install my-site chartroom/site --version 1.0.0 -n default');
    expect(await page.textContent('#command-log li')).toContain('--set replicaCount=2');
    await page.selectOption('#step-size', '2000');
    await stepUntil(page, server.url, settled);
    const tileImages = async (): Promise<string[]> => page.locator('[data-pod] .meta').allTextContents();
    expect(await tileImages()).toEqual(['nginx:1.25', 'nginx:1.25']);

    await page.click('[data-release="my-site"] button');
    await page.selectOption('#upgrade-version', '1.1.0');
    await page.fill('#upgrade-set', 'unused=typed');
    // Another release of the namespace changes (no pods of its own): the form keeps what was chosen and typed.
    const other = buildChart({ name: 'cfg', version: '1.0.0', files: { 'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata: {a: "1"}\n' } });
    const installed = await fetch(`${server.url}/api/sim/clusters/default/releases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'cfg', namespace: 'default', chart: { archive: other.toString('base64') } }) });
    expect(installed.ok, await installed.clone().text()).toBe(true);
    await page.waitForSelector('[data-release="cfg"]');
    await page.waitForTimeout(300);
    expect(await page.inputValue('#upgrade-version')).toBe('1.1.0');
    expect(await page.inputValue('#upgrade-set')).toBe('unused=typed');
    await page.fill('#upgrade-set', '');
    // Sent from the keyboard, the focus stays on the form's button (not lost to <body> by the redraw).
    await page.focus('form[aria-label="Upgrade my-site"] button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-revision="2"]');
    await page.waitForFunction(() => document.querySelector('form[aria-label="Upgrade my-site"] select option:checked')?.textContent === '1.1.0');
    expect(await page.evaluate(() => document.activeElement?.closest('form')?.getAttribute('aria-label') + ' ' + document.activeElement?.textContent)).toBe('Upgrade my-site Upgrade');
    const upgrade = await stepUntil(page, server.url, (s) => settled(s) && Object.keys(s.replicaSets).length === 2);
    expect(upgrade.some((s) => Object.values(s.pods).includes('creating'))).toBe(true);
    expect(await tileImages()).toEqual(['nginx:1.26', 'nginx:1.26']);

    await page.click('[data-revision="1"] button');
    await page.waitForSelector('[data-revision="3"]');
    await stepUntil(page, server.url, (s) => settled(s) && Object.values(s.replicaSets).some(([desired]) => desired === '0'));
    expect(await tileImages()).toEqual(['nginx:1.25', 'nginx:1.25']);
    // The side pane prints what `kubectl get pods` prints now, byte for byte.
    const pods = await chartroom(server.url, 'kubectl', 'get', 'pods');
    await page.waitForFunction((text) => document.getElementById('kubectl-pods')?.textContent === text, pods, { timeout: 10_000 });
    expect(await page.textContent('section[aria-label="kubectl get pods"] h2')).toBe('chartroom kubectl get pods -n default');

    const [header = '', ...lines] = (await chartroom(server.url, 'helm', 'history', 'my-site')).trimEnd().split('\n');
    // Columns are cut where the header's words start (UPDATED itself holds runs of spaces).
    const starts = [...header.matchAll(/\S+(?: \S+)*/g)].map((m) => m.index ?? 0);
    const helm = lines.map((line) => starts.map((start, i) => line.slice(start, starts[i + 1]).trim()));
    const shown = await page.locator('#release-history tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent ?? '')));
    // helm history: REVISION UPDATED STATUS CHART APP VERSION DESCRIPTION; the page leaves out the time.
    expect(shown).toEqual(helm.map((cells) => [cells[0], cells[2], cells[3], cells[5]]));
    expect(shown.map((r) => r[1])).toEqual(['superseded', 'superseded', 'deployed']);
    // The text pane prints exactly what `chartroom helm history my-site -n default` prints.
    const text = await chartroom(server.url, 'helm', 'history', 'my-site', '-n', 'default');
    await page.waitForFunction((expected) => document.getElementById('helm-history')?.textContent === expected, text, { timeout: 10_000 });
    expect(await page.textContent('#command-log')).toContain('chartroom helm rollback my-site 1 -n default');

    // Layout at a laptop's and a phone's width: no word broken in two, no button outside its card, the
    // Events MESSAGE column readable; what does not fit scrolls inside its table.
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const layout = await page.evaluate(() => {
        const lines = (el: any): number => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return new Set([...range.getClientRects()].map((r: any) => Math.round(r.top))).size;
        };
        const words = [...document.querySelectorAll('#releases td, #releases th, #release-history td:nth-child(-n+3), #release-history th')].filter((el: any) => el.textContent && !el.textContent.includes(' ') && !el.querySelector('button'));
        const card = document.querySelector('section[aria-label="Releases"]').getBoundingClientRect();
        // Every Roll back button lies inside the Releases pane (none hidden in a sideways scroll).
        const outside = [...document.querySelectorAll('#release-history button')].filter((b: any) => {
          const box = b.getBoundingClientRect();
          return box.right > card.right + 0.5 || box.left < card.left - 0.5;
        });
        const message = document.querySelector('#events td:last-child')?.getBoundingClientRect();
        return {
          broken: words.filter((el: any) => lines(el) > 1).map((el: any) => el.textContent),
          clipped: [...document.querySelectorAll('#releases th, #release-history th')].filter((th: any) => th.scrollWidth > th.clientWidth).map((th: any) => th.textContent),
          outside: outside.length,
          message: message?.width ?? 0,
          // The Events MESSAGE is on screen, not scrolled out of a phone's view.
          messageOnScreen: Boolean(message && message.left >= 0 && message.right <= document.documentElement.clientWidth + 0.5),
          pageWidth: document.documentElement.scrollWidth,
          scrolling: ['releases', 'release-history'].filter((id) => {
            const table = document.getElementById(id);
            return table.scrollWidth > table.clientWidth + 1;
          }),
        };
      });
      // On a laptop both release tables fit their card; on a phone they may scroll sideways.
      expect(layout, `at ${width} px`).toEqual({ broken: [], clipped: [], outside: 0, message: expect.any(Number), messageOnScreen: true, pageWidth: width, scrolling: width === 1280 ? [] : expect.any(Array) });
      expect(layout.message, `Events MESSAGE width at ${width} px`).toBeGreaterThan(150);
      if (process.env.CHARTROOM_SHOT) await page.screenshot({ path: `${process.env.CHARTROOM_SHOT}-${width}.png`, fullPage: true });
    }
  }, 420_000);
});
