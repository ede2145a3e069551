/**
 * Takes the web console's screenshots for the README: the repository page, a chart's page, and a rollout
 * in progress (desktop and phone width). Starts its own chartroom on a virtual clock with a throwaway
 * storage folder, drives Debian's chromium, and writes PNGs into docs/.
 *
 *   node --import tsx scripts/screenshots.ts
 */
import { join } from 'node:path';
import { buildChart } from '../test/helpers/charts.js';
import { PROJECT_ROOT, run, startChartroom } from '../test/helpers/process.js';
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

const CHARTS = [
  buildChart({ name: 'web', version: '1.2.0', chart: { appVersion: '1.26.0', description: 'nginx serving a static site', keywords: ['nginx', 'web'] }, files: { 'README.md': README, 'values.yaml': 'replicaCount: 3\nimage:\n  repository: nginx\n  tag: "1.26"\n', 'templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n' } }),
  buildChart({ name: 'web', version: '1.1.0', chart: { appVersion: '1.25.0', description: 'nginx serving a static site' } }),
  buildChart({ name: 'postgres', version: '0.4.2', chart: { appVersion: '16.2', description: 'A single PostgreSQL server with a persistent volume' } }),
  buildChart({ name: 'redis', version: '2.0.0', chart: { appVersion: '7.2', description: 'Redis as a cache, no persistence' } }),
];

async function main(): Promise<void> {
  const work = await tempDir('chartroom-shots-');
  const server = await startChartroom(['--storage', 'local', '--storage-local-rootdir', work.path, '--sim-clock=virtual']);
  const browser = await launchBrowser({ viewport: { width: 1200, height: 800 } });
  const chartroom = async (...args: string[]): Promise<void> => {
    const result = await run(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src/cli/main.ts'), ...args], { env: { CHARTROOM_SERVER: server.url } });
    if (result.code !== 0) throw new Error(`chartroom ${args.join(' ')}: ${result.stderr}`);
  };
  try {
    for (const chart of CHARTS) {
      const response = await fetch(`${server.url}/api/charts`, { method: 'POST', body: new Uint8Array(chart) });
      if (!response.ok) throw new Error(`upload: ${response.status}`);
    }
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector('[data-chart="web"]');
    await page.screenshot({ path: join(PROJECT_ROOT, 'docs/console-repository.png') });
    await page.goto(`${server.url}/#/chart?repo=&name=web`);
    await page.waitForSelector('.readme');
    await page.screenshot({ path: join(PROJECT_ROOT, 'docs/console-chart.png') });

    await chartroom('kubectl', 'apply', '-f', join(PROJECT_ROOT, 'examples/manifests/vweb.yaml'));
    await chartroom('sim', 'advance', '10s');
    await page.goto(`${server.url}/#/cluster?cluster=default&namespace=default`);
    await page.waitForSelector('[data-rs] [data-pod]');
    // The rollout is started and stepped from the page, so its timeline and command log fill in.
    await page.fill('#action-image', 'nginx:1.26');
    await page.click('form[aria-label="Set image"] button');
    await page.selectOption('#step-size', '2000');
    for (let i = 0; i < 4; i += 1) {
      const before = await page.textContent('#cluster-time');
      await page.click('#clock-step');
      await page.waitForFunction((old) => document.getElementById('cluster-time')?.textContent !== old, before);
    }
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

await main();
