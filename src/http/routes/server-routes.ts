import { CHARTROOM_VERSION } from '../../version.js';
import type { RouteContext } from '../context.js';
import { renderConsolePage, wantsConsole } from '../console/console-page.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** `GET /health`: liveness, never authenticated. */
export async function health({ reply }: RouteContext): Promise<unknown> {
  return reply.type(JSON_TYPE).send({ healthy: true });
}

/** `GET /info`: the server version, as ChartMuseum reports its own. */
export async function info({ reply }: RouteContext): Promise<unknown> {
  return reply.type(JSON_TYPE).send({ version: CHARTROOM_VERSION });
}

/** `GET /metrics`: Prometheus text format (only with `--enable-metrics`). */
export async function metrics({ reply, deps }: RouteContext): Promise<unknown> {
  const registry = deps.metrics?.registry;
  if (!registry) return reply.code(404).type(JSON_TYPE).send({ error: 'not found' });
  return reply.type(registry.contentType).send(await registry.metrics());
}

/**
 * `GET /`: the web console for browsers (an `Accept` naming text/html); for every other client the plain
 * HTML page naming the server and showing how to use it, as ChartMuseum answers.
 */
export async function welcome({ request, reply, deps }: RouteContext): Promise<unknown> {
  const { config } = deps;
  const rawBase = `${request.protocol}://${String(request.headers.host ?? 'localhost:8080')}${config.contextPath}`;
  if (wantsConsole(request.headers.accept)) {
    const page = renderConsolePage({
      version: CHARTROOM_VERSION,
      contextPath: config.contextPath,
      depth: config.depth,
      depthDynamic: config.depthDynamic,
      disableDelete: config.disableDelete,
      simulator: Boolean(deps.clusters) && !config.disableApi,
      baseUrl: rawBase,
    });
    // The page varies by Accept; the settings inside it may change with a restart.
    return reply.header('vary', 'Accept').header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page);
  }
  const host = escapeHtml(String(request.headers.host ?? 'localhost:8080'));
  const base = `${request.protocol}://${host}${config.contextPath}`;
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Welcome to Chartroom!</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1f24}code,pre{background:#f3f4f6;border-radius:4px;padding:.1rem .3rem}pre{padding:.75rem;overflow-x:auto}</style>
</head>
<body>
<h1>Welcome to Chartroom!</h1>
<p>Chartroom is a Helm chart repository, compatible with ChartMuseum's API (version ${CHARTROOM_VERSION}).</p>
<h2>Use it</h2>
<pre>helm repo add chartroom ${base}
curl --data-binary "@mychart-0.1.0.tgz" ${base}/api/charts
helm cm-push mychart/ chartroom</pre>
<p>The repository index is at <a href="${config.contextPath}/index.yaml"><code>index.yaml</code></a>; the chart API is under <code>/api/charts</code>.</p>
</body>
</html>
`;
  return reply.header('vary', 'Accept').type('text/html; charset=utf-8').send(html);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
