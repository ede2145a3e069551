/**
 * Takes the web console's screenshots for the README: the repository page, a chart's page, and a rollout
 * in progress (desktop and phone width). Starts its own chartroom on a virtual clock with a throwaway
 * storage folder, drives Debian's chromium, and writes PNGs into docs/.
 *
 *   node --import tsx scripts/screenshots.ts
 */
import { join } from 'node:path';
import { buildChart } from '../test/helpers/charts.js';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT, startChartroom } from '../test/helpers/process.js';
import { tempDir } from '../test/helpers/server.js';
import { launchBrowser } from '../test/console/browser.js';

const README = `# web

A small web server chart for the class.

## Install

\`\`\`
helm install web chartroom/web --set replicaCount=3
\`\`\`

- **replicaCount**: how many pods
- **image.tag**: the nginx version ([tags](https://hub.docker.com/_/nginx))
`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels: {app: {{ .Release.Name }}}
  strategy:
    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
  template:
    metadata:
      labels: {app: {{ .Release.Name }}}
    spec:
      containers:
      - name: web
        image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
`;

/** The charts of each repository path (the server runs at --depth 1). */
const CHARTS: [string, Buffer][] = [
  ['class', buildChart({ name: 'web', version: '1.2.0', chart: { appVersion: '1.26.0', description: 'nginx serving a static site', keywords: ['nginx', 'web'] }, files: { 'README.md': README, 'values.yaml': 'replicaCount: 2\nimage:\n  repository: nginx\n  tag: "1.26"\n', 'templates/deployment.yaml': DEPLOYMENT } })],
  ['class', buildChart({ name: 'web', version: '1.1.0', chart: { appVersion: '1.25.0', description: 'nginx serving a static site' } })],
  ['class', buildChart({ name: 'postgres', version: '0.4.2', chart: { appVersion: '16.2', description: 'A single PostgreSQL server with a persistent volume' } })],
  ['class', buildChart({ name: 'redis', version: '2.0.0', chart: { appVersion: '7.2', description: 'Redis as a cache, no persistence' } })],
  ['staff', buildChart({ name: 'grader', version: '0.1.0', chart: { description: 'Runs the tests of the exercises' } })],
];

async function main(): Promise<void> {
  const work = await tempDir('chartroom-shots-');
  const server = await startChartroom(['--storage', 'local', '--storage-local-rootdir', work.path, '--depth', '1', '--sim-clock=virtual']);
  const browser = await launchBrowser({ viewport: { width: 1200, height: 800 } });
  try {
    for (const [repo, chart] of CHARTS) {
      const response = await fetch(`${server.url}/api/${repo}/charts`, { method: 'POST', body: new Uint8Array(chart) });
      if (!response.ok) throw new Error(`upload: ${response.status}`);
    }
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/#/charts?repo=class`);
    await page.waitForSelector('[data-chart="web"]');
    await page.screenshot({ path: join(PROJECT_ROOT, 'docs/console-repository.png') });
    await page.goto(`${server.url}/#/chart?repo=class&name=web`);
    await page.waitForSelector('.readme');
    await page.screenshot({ path: join(PROJECT_ROOT, 'docs/console-chart.png') });

    // Installed and upgraded from the page, with --set pairs, so the release panel, its history and the
    // command log fill in; the clock is stepped from the page.
    await page.fill('#install-set', 'replicaCount=3');
    await page.click('form.install button[type=submit]');
    await page.waitForSelector('[data-release="my-web"]');
    await page.selectOption('#step-size', '2000');
    await step(page, 5);
    await page.waitForSelector('#upgrade-version option[value="1.2.0"]', { state: 'attached' });
    await page.fill('#upgrade-set', 'image.tag=1.27');
    await page.click('form[aria-label="Upgrade my-web"] button[type=submit]');
    await page.waitForSelector('[data-revision="2"]');
    await step(page, 3);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(PROJECT_ROOT, 'docs/console-rollout.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(PROJECT_ROOT, 'docs/console-rollout-phone.png') });
  } finally {
    await browser.close();
    await server.stop();
    await work.cleanup();
  }
}

/** Presses the page's Step button `times` times, each time waiting for the cluster time to move. */
async function step(page: Page, times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) {
    const before = await page.textContent('#cluster-time');
    await page.click('#clock-step');
    await page.waitForFunction((old) => document.getElementById('cluster-time')?.textContent !== old, before);
  }
}

await main();
