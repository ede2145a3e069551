/**
 * The repository page in Debian's chromium against a real chartroom process with basic auth and
 * --auth-anonymous-get: a signed-in user uploads a chart by dropping it on the page, finds it by search
 * and opens its page (README rendered safely, Chart.yaml, values.yaml, templates, commands); an anonymous
 * reader sees the charts on a phone-sized screen, and a delete with wrong credentials is refused. Fails without chromium in CI or with
 * CHARTROOM_REQUIRE_PEERS=1, skips otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChart } from '../helpers/charts.js';
import { startChartroom, type RunningServer } from '../helpers/process.js';
import { tempDir } from '../helpers/server.js';
import { BROWSER_REQUIRED, HAS_CHROMIUM, launchBrowser, type TestBrowser } from './browser.js';
import { dropFile } from './page-actions.js';

// The functions passed to page.evaluate run inside chromium; the test program is type-checked without the
// DOM lib (see tsconfig.json), so the page's globals are declared here, for this file only.
declare const document: any, window: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const README = [
  '# Web server',
  '',
  'Serves **static** files with `nginx`. <img src=x onerror="window.pwned=1">',
  '',
  'Settings:',
  '| Key | Default |',
  '|-----|--------:|',
  '| `image.tag` | <b>1.25</b> |',
  '',
  '- [docs](https://example.com/docs)',
  '- [bad](javascript:window.pwned=2)',
  '- [worse](javascript:alert(1)) link',
].join('\n');

describe.skipIf(!HAS_CHROMIUM && !BROWSER_REQUIRED)('console: repository page in chromium', () => {
  let work: { path: string; cleanup: () => Promise<void> };
  let server: RunningServer;
  let browser: TestBrowser;
  let anonymous: TestBrowser;

  beforeAll(async () => {
    work = await tempDir('chartroom-console-');
    server = await startChartroom(['--storage', 'local', '--storage-local-rootdir', work.path, '--basic-auth-user', 'admin', '--basic-auth-pass', 'secret', '--auth-anonymous-get', '--context-path', '/cr'], {}, '/cr');
    browser = await launchBrowser({ httpCredentials: { username: 'admin', password: 'secret' } });
    // Reads need no credentials (--auth-anonymous-get), so this browser's go unused until a write is
    // challenged; then they are refused. (A browser without any would show its login prompt there, which
    // headless chromium waits on forever.)
    anonymous = await launchBrowser({ viewport: { width: 390, height: 844 }, httpCredentials: { username: 'admin', password: 'wrong' } });
  });

  afterAll(async () => {
    await browser?.close();
    await anonymous?.close();
    await server?.stop();
    await work?.cleanup();
  });

  it('uploads a dropped chart, finds it by search and opens its page', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#drop-zone');
    await dropFile(page, 'web-1.2.0.tgz', buildChart({
      name: 'web', version: '1.2.0',
      chart: { appVersion: '2.4.1', keywords: ['nginx'], description: 'A static web server' },
      files: { 'README.md': README, 'values.yaml': 'replicaCount: 2\n', 'templates/deploy.yaml': 'kind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n' },
    }));
    await dropFile(page, 'db-0.3.0.tgz', buildChart({ name: 'db', version: '0.3.0', chart: { description: 'A database' } }));
    await page.waitForSelector('[data-chart="db"]');
    expect(await page.textContent('#chart-count')).toBe('2 of 2 charts');
    expect(await page.textContent('[data-chart="web"]')).toContain('version 1.2.0 · app 2.4.1 · 1 version · created');

    await page.fill('#filter', 'NGINX');
    expect(await page.textContent('#chart-count')).toBe('1 of 2 charts');
    expect(await page.locator('[data-chart]').evaluateAll((els) => els.map((e) => e.getAttribute('data-chart')))).toEqual(['web']);

    await page.click('[data-chart="web"] h2 a');
    await page.waitForSelector('.readme');
    expect(await page.textContent('.readme h2')).toBe('Web server');
    expect(await page.textContent('.readme strong')).toBe('static');
    // The raw HTML of the README is text, and a javascript: link is no link.
    expect(await page.textContent('.readme')).toContain('<img src=x onerror="window.pwned=1">');
    expect(await page.locator('.readme a').evaluateAll((els) => els.map((e) => e.getAttribute('href')))).toEqual(['https://example.com/docs']);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    // A javascript: target with parentheses leaves its text alone, with no stray ")".
    expect(await page.textContent('.readme ul li:last-child')).toBe('worse link');
    // A table, its cells' inline code as code and raw HTML as text.
    expect(await page.locator('.readme table th').allTextContents()).toEqual(['Key', 'Default']);
    expect(await page.locator('.readme table td').allTextContents()).toEqual(['image.tag', '<b>1.25</b>']);
    expect(await page.locator('.readme table td code').count()).toBe(1);
    expect(await page.textContent('main')).toContain(`helm repo add chartroom ${server.url}\nhelm repo update\nhelm install my-web chartroom/web --version 1.2.0`);

    // A Copy button says it copied, on itself and in the toast, as the cluster page's do.
    await page.click('.cmd button.copy');
    await page.waitForFunction(() => document.querySelector('.cmd button.copy')?.textContent !== 'Copy');
    expect(await page.textContent('.cmd button.copy')).toBe('Copied');
    expect(await page.textContent('#toast')).toContain('Copied');

    await page.click('[role=tab]:has-text("Chart.yaml")');
    expect(await page.textContent('#file-panel')).toContain('appVersion: 2.4.1');
    await page.keyboard.press('ArrowRight');
    expect(await page.textContent('#file-panel')).toBe('replicaCount: 2\n');
    await page.keyboard.press('ArrowRight');
    expect(await page.textContent('#file-panel')).toContain('templates/deploy.yaml');
    expect(await page.textContent('#file-panel')).toContain('name: {{ .Release.Name }}');
    expect(errors).toEqual([]);
  });

  it('can be used from the keyboard alone, and labels every control', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector('[data-chart="web"]');
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, button')]
      .filter((el) => ((el as { labels?: unknown[] }).labels?.length ?? 0) === 0 && !el.getAttribute('aria-label') && !(el.textContent ?? '').trim())
      .map((el) => el.outerHTML));
    expect(unlabelled).toEqual([]);
    const focusId = (): Promise<string> => page.evaluate<string>("document.activeElement?.id || document.activeElement?.textContent || ''");
    for (let i = 0; i < 8 && (await focusId()) !== 'filter'; i += 1) await page.keyboard.press('Tab');
    expect(await focusId()).toBe('filter');
    await page.keyboard.type('data');
    expect(await page.textContent('#chart-count')).toBe('1 of 2 charts');
    for (let i = 0; i < 8 && (await focusId()) !== 'db'; i += 1) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[role=tab][aria-selected=true]');
    expect(await page.textContent('h1')).toBe('db');
  });

  it('shows the charts to an anonymous reader on a phone, and refuses a delete with wrong credentials', async () => {
    const page = await anonymous.context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${server.url}/#/charts?q=data`);
    await page.waitForSelector('[data-chart="db"]');
    // One column on a phone: the card fits the screen.
    const box = await page.locator('[data-chart="db"]').boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    await page.fill('#filter', '');
    await page.click('[data-chart="db"] button.danger');
    await page.waitForSelector('#toast .error');
    expect(await page.textContent('#toast .error')).toContain('Delete refused: unauthorized');
    const response = await fetch(`${server.url}/api/charts/db`);
    expect(response.status).toBe(200);
  });
});
