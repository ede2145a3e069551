/**
 * The console's view of the server: the settings the page was served with, and fetch wrappers for the
 * ChartMuseum API and the simulator API. Requests carry no credentials of their own: the browser sends
 * the Authorization it already holds for this origin (the login prompt of a 401 challenge), so the page
 * has exactly the rights of its user, and with --auth-anonymous-get reads need none.
 */

/** The settings in `#chartroom-config` (src/http/console/console-page.ts). */
export interface Settings {
  version: string;
  contextPath: string;
  depth: number;
  depthDynamic: boolean;
  disableDelete: boolean;
  simulator: boolean;
  baseUrl: string;
}

/** A refused or failed request: status and the server's `error` (ChartMuseum) or `message` (Status). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Reads the settings the server embedded in the page. */
export function readSettings(): Settings {
  const node = document.getElementById('chartroom-config');
  return JSON.parse(node?.textContent ?? '{}') as Settings;
}

/** `repo` as a path prefix: '' at depth 0, `org/team/` otherwise (segments URL-encoded). */
export function tenantPrefix(repo: string): string {
  const segments = repo.split('/').filter((s) => s !== '');
  return segments.length === 0 ? '' : `${segments.map(encodeURIComponent).join('/')}/`;
}

/** Fetches `path` (under the context path) and parses JSON. Throws ApiError for a non-2xx answer. */
export async function getJson<T>(settings: Settings, path: string, init: RequestInit = {}): Promise<T> {
  const response = await request(settings, path, init);
  return (await response.json()) as T;
}

/** Fetches `path` (under the context path). Throws ApiError for a non-2xx answer. */
export async function request(settings: Settings, path: string, init: RequestInit = {}): Promise<Response> {
  const url = /^https?:/.test(path) ? path : `${settings.contextPath}${path}`;
  const response = await fetch(url, { credentials: 'same-origin', ...init });
  if (!response.ok) throw new ApiError(response.status, await errorText(response));
  return response;
}

async function errorText(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: string; message?: string };
    return body.error ?? body.message ?? text;
  } catch {
    return text || response.statusText;
  }
}

/** A chart version as ChartMuseum's API returns it (the index entry plus `created`, `digest`, `urls`). */
export interface ChartVersion {
  name: string;
  version: string;
  appVersion?: string;
  description?: string;
  icon?: string;
  home?: string;
  keywords?: string[];
  created?: string;
  digest?: string;
  urls: string[];
  deprecated?: boolean;
}

/** Where a version's archive downloads from: its absolute URL, or `charts/x.tgz` under the tenant. */
export function archiveUrl(settings: Settings, repo: string, version: ChartVersion): string {
  const url = version.urls[0] ?? '';
  if (/^https?:\/\//.test(url) || url.startsWith('/')) return url;
  return `${settings.contextPath}/${tenantPrefix(repo)}${url}`;
}
