/**
 * The HTML document of the web console, answered at `GET /` to browsers (see wantsConsole). It carries the
 * server settings the page needs as JSON, the stylesheet, and a `<noscript>` block with the same welcome
 * text and commands the plain welcome page shows, so a browser without scripts still learns how to use
 * the repository. The markup is a TS module rather than an .html file because tsc copies only TS into
 * dist, and the Docker image ships dist alone.
 */
import { CHARTROOM_VERSION } from '../../version.js';
import { CONSOLE_CSS } from './console-styles.js';

/** What the page is told about the server; read by src/console/main.ts from `#chartroom-config`. */
export interface ConsoleSettings {
  version: string;
  contextPath: string;
  depth: number;
  depthDynamic: boolean;
  disableDelete: boolean;
  /** Whether /api/sim/ answers (simulated clusters exist and the API is on). */
  simulator: boolean;
  /** The base URL clients should use (`http://host:port/context`), for the commands shown. */
  baseUrl: string;
}

/**
 * True when the client asks for HTML by name (`Accept` lists `text/html`, as every browser's navigation
 * does). curl (`*\/*`), Helm and anything without an Accept header keep ChartMuseum's welcome answer.
 */
export function wantsConsole(accept: string | undefined): boolean {
  return typeof accept === 'string' && /(^|,)\s*text\/html\s*(;|,|$)/i.test(accept);
}

/** The console's HTML; every interpolated value is escaped. */
export function renderConsolePage(settings: ConsoleSettings): string {
  const base = escapeHtml(settings.baseUrl);
  const json = JSON.stringify(settings).replace(/</g, '\\u003c');
  const script = `${escapeHtml(settings.contextPath)}/console/main.js?v=${escapeHtml(CHARTROOM_VERSION)}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>Chartroom</title>
<link rel="icon" href="data:,">
<style>${CONSOLE_CSS}</style>
<script type="application/json" id="chartroom-config">${json}</script>
<script type="module" src="${script}"></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
  <span class="brand">Chartroom</span>
  <nav aria-label="Views"><a href="#/charts" id="nav-charts">Charts</a>${settings.simulator ? ' <a href="#/cluster" id="nav-cluster">Cluster</a>' : ''}</nav>
  <span class="version">v${escapeHtml(settings.version)}</span>
</header>
<main id="main" tabindex="-1">
<noscript>
<h1>Welcome to Chartroom!</h1>
<p>Chartroom is a Helm chart repository, compatible with ChartMuseum's API. The console needs JavaScript; without it:</p>
<pre>helm repo add chartroom ${base}
curl --data-binary "@mychart-0.1.0.tgz" ${base}/api/charts</pre>
</noscript>
</main>
<div id="toast" role="status" aria-live="polite"></div>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
