/**
 * How the console is served (fastify inject): browsers asking for text/html get the console page at `/`
 * and under --context-path, every other client keeps the plain welcome page; the scripts are served at
 * `/console/<module>.js` with an ETag; the page obeys the same auth as the welcome page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { wantsConsole } from '../../src/http/console/console-page.js';
import { testServer, type TestServer } from '../helpers/server.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('console page', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.app.close();
    server = undefined;
  });

  it('is what a browser gets at /; curl, helm and clients without Accept keep the welcome page', async () => {
    server = await testServer();
    const page = await server.app.inject({ url: '/', headers: { accept: BROWSER_ACCEPT, host: 'charts.example:8080' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers.vary).toBe('Accept');
    expect(page.body).toContain('<script type="module" src="/console/main.js?v=');
    const settings = JSON.parse(/<script type="application\/json" id="chartroom-config">(.*?)<\/script>/.exec(page.body)?.[1] ?? '{}');
    expect(settings).toMatchObject({ contextPath: '', depth: 0, simulator: false, baseUrl: 'http://charts.example:8080' });
    // Without scripts the page still says what the welcome page says.
    expect(page.body).toContain('<noscript>\n<h1>Welcome to Chartroom!</h1>');
    for (const accept of [undefined, '*/*', 'application/json']) {
      const plain = await server.app.inject({ url: '/', headers: accept ? { accept } : {} });
      expect(plain.body).toContain('Welcome to Chartroom!');
      expect(plain.body).not.toContain('chartroom-config');
    }
  });

  it('escapes what it embeds', async () => {
    server = await testServer();
    const page = await server.app.inject({ url: '/', headers: { accept: 'text/html', host: '"><script>x</script>' } });
    expect(page.body).not.toContain('<script>x</script>');
  });

  it('lives under --context-path, with its scripts beside it', async () => {
    server = await testServer({ contextPath: '/charts', depth: 1 });
    const page = await server.app.inject({ url: '/charts', headers: { accept: 'text/html' } });
    expect(page.body).toContain('src="/charts/console/main.js?v=');
    expect(page.body).toContain('"depth":1');
    const script = await server.app.inject({ url: '/charts/console/main.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toContain("from './api.js'");
    expect(script.body).not.toMatch(/: Settings\b/); // types are stripped
    const again = await server.app.inject({ url: '/charts/console/main.js', headers: { 'if-none-match': String(script.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect((await server.app.inject({ url: '/charts/console/nope.js' })).statusCode).toBe(404);
    expect((await server.app.inject({ url: '/console/main.js' })).statusCode).toBe(404);
  });

  it('names script requests in the metrics', async () => {
    server = await testServer({ enableMetrics: true });
    expect((await server.app.inject({ url: '/console/dom.js' })).statusCode).toBe(200);
    const metrics = (await server.app.inject({ url: '/metrics' })).body;
    expect(metrics).toMatch(/chartmuseum_requests_total\{[^}]*handler="console"[^}]*url="\/console\/:file"[^}]*\} 1/);
  });

  it('asks for the same credentials as the welcome page; anonymous reads are enough with --auth-anonymous-get', async () => {
    server = await testServer({ basicAuthUser: 'u', basicAuthPass: 'p' });
    const refused = await server.app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['www-authenticate']).toMatch(/^Basic/);
    const basic = `Basic ${Buffer.from('u:p').toString('base64')}`;
    expect((await server.app.inject({ url: '/', headers: { accept: 'text/html', authorization: basic } })).body).toContain('chartroom-config');
    await server.app.close();
    server = await testServer({ basicAuthUser: 'u', basicAuthPass: 'p', authAnonymousGet: true });
    expect((await server.app.inject({ url: '/', headers: { accept: 'text/html' } })).body).toContain('chartroom-config');
  });
});

describe('wantsConsole', () => {
  it.each([
    ['text/html', true],
    [BROWSER_ACCEPT, true],
    ['application/json, text/html;q=0.5', true],
    ['*/*', false],
    ['text/htmlx', false],
    [undefined, false],
  ])('%s → %s', (accept, expected) => {
    expect(wantsConsole(accept)).toBe(expected);
  });
});

describe('console colours', () => {
  /** WCAG 2 relative luminance and contrast ratio of two #rrggbb colours. */
  const luminance = (hex: string): number => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string): number => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };

  it('keep text at WCAG AA contrast (4.5:1) on every pod-state fill and for muted text, links and danger', async () => {
    const { CONSOLE_CSS } = await import('../../src/http/console/console-styles.js');
    const vars = Object.fromEntries([...CONSOLE_CSS.matchAll(/--([a-z]+):(#[0-9a-f]{6})/g)].map((m) => [m[1], m[2]]));
    for (const fill of ['pending', 'creating', 'notready', 'ready', 'terminating', 'failing', 'done', 'panel']) {
      expect(contrast(vars.fg as string, vars[fill] as string), fill).toBeGreaterThanOrEqual(4.5);
      expect(contrast(vars.muted as string, vars[fill] as string), `muted on ${fill}`).toBeGreaterThanOrEqual(4.5);
    }
    for (const colour of ['muted', 'accent', 'danger']) expect(contrast(vars[colour] as string, '#ffffff'), colour).toBeGreaterThanOrEqual(4.5);
  });
});
