/**
 * The repository list of the console in Debian's chromium, against a real chartroom process at --depth 2
 * with a users file: a student sees exactly the repositories her pull grants cover (the same list
 * `GET /api/chartroom/tenants` gives her), opens one from the list and sees its charts. Fails without
 * chromium in CI or with CHARTROOM_REQUIRE_PEERS=1, skips otherwise.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bcryptNewHash } from '../../src/util/bcrypt.js';
import { buildChart } from '../helpers/charts.js';
import { startChartroom, type RunningServer } from '../helpers/process.js';
import { tempDir } from '../helpers/server.js';
import { BROWSER_REQUIRED, HAS_CHROMIUM, launchBrowser, type TestBrowser } from './browser.js';

// The functions passed to page.evaluate run inside chromium; the test program is type-checked without the
// DOM lib (see tsconfig.json), so the page's globals are declared here, for this file only.
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const basic = (user: string, pass: string): string => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

describe.skipIf(!HAS_CHROMIUM && !BROWSER_REQUIRED)('console: the repositories a user may pull, in chromium', () => {
  let work: { path: string; cleanup: () => Promise<void> };
  let server: RunningServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    work = await tempDir('chartroom-console-tenants-');
    const users = join(work.path, 'users.yaml');
    await writeFile(users, `users:
  teacher:
    password: ${JSON.stringify(bcryptNewHash('teach', 4))}
    grants: [push *]
  alice:
    password: ${JSON.stringify(bcryptNewHash('alice-pw', 4))}
    grants: [push class/alice, pull class/*]
`);
    server = await startChartroom(['--storage', 'local', '--storage-local-rootdir', join(work.path, 'charts'), '--depth', '2', '--auth-users-file', users]);
    for (const [path, name] of [['class/alice', 'web'], ['class/bob', 'api'], ['staff/notes', 'grades']] as const) {
      const res = await fetch(`${server.url}/api/${path}/charts`, { method: 'POST', headers: { authorization: basic('teacher', 'teach') }, body: new Uint8Array(buildChart({ name, version: '1.0.0' })) });
      expect(res.status).toBe(201);
    }
    browser = await launchBrowser({ httpCredentials: { username: 'alice', password: 'alice-pw' } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await work?.cleanup();
  });

  it('lists the class repositories to alice, not the staff one, and opens one', async () => {
    const api = await (await fetch(`${server.url}/api/chartroom/tenants`, { headers: { authorization: basic('alice', 'alice-pw') } })).json() as { tenants: string[] };
    expect(api.tenants).toEqual(['class/alice', 'class/bob']);
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#tenant-list');
    expect(await page.locator('#tenant-list [data-tenant]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tenant')))).toEqual(api.tenants);
    await page.click('#tenant-list [data-tenant="class/bob"] a');
    await page.waitForSelector('[data-chart="api"]');
    expect(await page.textContent('h1')).toBe('Charts in class/bob');
    expect(await page.getAttribute('#tenant-list [data-tenant="class/bob"] a', 'aria-current')).toBe('page');
    expect(await page.evaluate(() => document.querySelectorAll('[data-chart]').length)).toBe(1);
    // This server asks for credentials: the commands to use the chart say how to pass them.
    await page.click('[data-chart="api"] h2 a');
    await page.waitForSelector('.cmd pre');
    const [helm = '', own = ''] = await page.locator('.cmd pre').allTextContents();
    expect(helm.split('\n').slice(0, 2)).toEqual([
      "export CHARTROOM_USER='<user>' CHARTROOM_PASSWORD='<password>'   # or CHARTROOM_TOKEN='<token>'",
      `helm repo add bob ${server.url}/class/bob --username "$CHARTROOM_USER" --password "$CHARTROOM_PASSWORD"`,
    ]);
    expect(own).toContain(`chartroom helm repo add bob ${server.url}/class/bob --username "$CHARTROOM_USER" --password "$CHARTROOM_PASSWORD"`);
  }, 120_000);

  it('asks for a repository at / instead of listing the root, and an upload waits for one', async () => {
    const page = await browser.context.newPage();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#tenant-list [data-tenant]');
    await page.waitForFunction(() => (document.getElementById('chart-count')?.textContent ?? '') !== '');
    expect(await page.textContent('#chart-count')).toBe('Pick a repository above, or type its path (2 segments, like org/team), to see its charts.');
    expect(asked).not.toContain('/api/charts');
    await page.setInputFiles('#upload-file', { name: 'x-1.0.0.tgz', mimeType: 'application/gzip', buffer: buildChart({ name: 'x', version: '1.0.0' }) });
    await page.waitForFunction(() => (document.getElementById('upload-status')?.textContent ?? '') !== '');
    expect(await page.textContent('#upload-status')).toBe('Pick a repository above or type its path, then upload into it.');
    expect(asked.filter((p) => p.endsWith('/charts') && !p.startsWith('/api/class/'))).toEqual([]);
    expect(await page.locator('#toast .error').count()).toBe(0);
  }, 120_000);

  it('at --depth 1 opens the only repository, and the first upload makes the empty-repository text go', async () => {
    const dir = await tempDir('chartroom-console-depth1-');
    const single = await startChartroom(['--storage', 'local', '--storage-local-rootdir', dir.path, '--depth', '1']);
    const anonymous = await launchBrowser();
    try {
      const page = await anonymous.context.newPage();
      await page.goto(`${single.url}/`);
      await page.waitForSelector('#tenant-list');
      expect(await page.textContent('#tenant-list')).toBe('No repository holds a chart yet: type a path below and upload one.');
      await page.fill('#tenant', 'team');
      await page.click('form[aria-label="Repository"] button');
      await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Charts in team');
      await page.setInputFiles('#upload-file', { name: 'web-1.0.0.tgz', mimeType: 'application/gzip', buffer: buildChart({ name: 'web', version: '1.0.0' }) });
      await page.waitForSelector('[data-chart="web"]');
      expect(await page.textContent('#upload-status')).toBe('Uploaded web-1.0.0.tgz to team.');
      await page.waitForSelector('#tenant-list [data-tenant="team"]');
      expect(await page.textContent('main')).not.toContain('No repository holds a chart yet');
      // Now the one repository opens by itself at /.
      const fresh = await anonymous.context.newPage();
      await fresh.goto(`${single.url}/`);
      await fresh.waitForSelector('[data-chart="web"]');
      expect(await fresh.textContent('h1')).toBe('Charts in team');
    } finally {
      await anonymous.close();
      await single.stop();
      await dir.cleanup();
    }
  }, 120_000);
});
