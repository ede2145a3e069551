/**
 * The console's entry point: reads the server's settings and routes on the URL hash, so every view has
 * an address that survives a reload and works under any --context-path (the server only ever serves `/`):
 *
 *   #/charts?repo=<tenant>&q=<filter>        the repository page
 *   #/chart?repo=<tenant>&name=<n>&version=  a chart's page
 *   #/cluster?cluster=<c>&namespace=<ns>     the cluster page (when the simulator is on)
 */
import { type Settings, readSettings } from './api.js';
import { showChart } from './chart-view.js';
import { showCluster } from './cluster-view.js';
import { h, replaceChildren } from './dom.js';
import { showRepository } from './repo-view.js';

let leaveView: (() => void) | undefined;

/** Shows the view the hash names; a failing view shows its error in place. */
async function route(settings: Settings): Promise<void> {
  const main = document.getElementById('main') as HTMLElement;
  leaveView?.();
  leaveView = undefined;
  const [path = '', query = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const view = path === '/cluster' && settings.simulator ? 'cluster' : path === '/chart' ? 'chart' : 'charts';
  for (const link of document.querySelectorAll('nav a')) {
    if (link.id === `nav-${view === 'chart' ? 'charts' : view}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const navigate = (hash: string): void => {
    location.hash = hash;
  };
  const repo = params.get('repo') ?? '';
  try {
    if (view === 'cluster') {
      document.title = 'Cluster · Chartroom';
      leaveView = await showCluster(main, settings, { cluster: params.get('cluster') ?? 'default', namespace: params.get('namespace') ?? 'default' }, navigate);
    } else if (view === 'chart') {
      document.title = `${params.get('name') ?? ''} · Chartroom`;
      await showChart(main, settings, { repo, name: params.get('name') ?? '', version: params.get('version') ?? '' }, navigate);
    } else {
      document.title = 'Charts · Chartroom';
      await showRepository(main, settings, { repo, filter: params.get('q') ?? '' }, navigate);
    }
  } catch (err) {
    replaceChildren(main, h('h1', {}, 'Something went wrong'), h('p', { class: 'warn', role: 'alert' }, (err as Error).message));
  }
}

const settings = readSettings();
// After a navigation, focus moves to the new view, so keyboard and screen-reader users start at its top.
// A field the new view kept focused (typed text carried over a redraw) keeps it.
window.addEventListener('hashchange', () => void route(settings).then(() => {
  const main = document.getElementById('main');
  if (!main?.contains(document.activeElement)) main?.focus({ preventScroll: true });
}));
void route(settings);
