/**
 * The HTTP client of `chartroom helm` for the simulator's release routes (src/http/sim/release-router.ts).
 * Failures come back as HelmApiError carrying the server's message (Helm's own text).
 */
import { ConnectionError, connectionError } from '../kubectl/client.js';

/** A release as the API returns it (Helm's JSON field names). */
export interface ReleaseView {
  /** Helm's own JSON of the release, when asked for (`-o json|yaml`). */
  helmJson?: string;
  name: string;
  namespace: string;
  version: number;
  info: { first_deployed: string; last_deployed: string; deleted: string; description: string; status: string; notes: string };
  chart: { metadata: { name: string; version: string; appVersion?: string } };
  config: Record<string, unknown>;
  manifest: string;
  hooks: { name: string; kind: string; path: string; manifest: string; events: string[]; weight: number; last_run: { started_at: string; completed_at: string; phase: string } }[];
  labels: Record<string, string>;
}

/** A non-2xx answer: `message` is Helm's error text, `reason` the server's error class. */
export class HelmApiError extends Error {
  override readonly name = 'HelmApiError';
  constructor(message: string, readonly reason: string, readonly code: number) {
    super(message);
  }
}

/** Where to send requests. */
export interface HelmClientOptions {
  server: string;
  cluster: string;
  /** The Authorization header to send (see authorizationFromEnv), on a server with access control. */
  authorization?: string;
}

/** A thin client of the release routes. */
export class ReleaseClient {
  private readonly base: string;
  private readonly host: string;
  private readonly authorization: string | undefined;

  constructor(options: HelmClientOptions) {
    this.authorization = options.authorization;
    this.base = `${options.server.replace(/\/+$/, '')}/api/sim/clusters/${encodeURIComponent(options.cluster)}/releases`;
    try {
      this.host = new URL(options.server).host;
    } catch {
      this.host = options.server;
    }
  }

  /** POST an install body: `{release}`. */
  install(body: Record<string, unknown>): Promise<{ release: ReleaseView }> {
    return this.send('POST', '', body);
  }

  /** POST an upgrade body: `{release, installed}`. */
  upgrade(namespace: string, name: string, body: Record<string, unknown>): Promise<{ release: ReleaseView; installed: boolean }> {
    return this.send('POST', `${ref(namespace, name)}/upgrade`, body);
  }

  /** POST a rollback: `{release}`. */
  rollback(namespace: string, name: string, body: Record<string, unknown>): Promise<{ release: ReleaseView }> {
    return this.send('POST', `${ref(namespace, name)}/rollback`, body);
  }

  /** POST test: `{release, error?}` (a failed test is not an HTTP error: Helm prints the status first). */
  test(namespace: string, name: string): Promise<{ release: ReleaseView; error?: string }> {
    return this.send('POST', `${ref(namespace, name)}/test`, {});
  }

  /** DELETE (uninstall): `{release, info}`. */
  uninstall(namespace: string, name: string, query: Record<string, string>): Promise<{ release: ReleaseView | null; info: string }> {
    return this.send('DELETE', `${ref(namespace, name)}${qs(query)}`);
  }

  /** GET one revision (0 = latest). */
  status(namespace: string, name: string, revision: number, helmJson = false): Promise<{ release: ReleaseView }> {
    return this.send('GET', `${ref(namespace, name)}${qs({ revision: revision ? String(revision) : '', helmJson: helmJson ? 'true' : '' })}`);
  }

  /** GET the newest `max` revisions, ascending. */
  history(namespace: string, name: string, max: number): Promise<{ releases: ReleaseView[] }> {
    return this.send('GET', `${ref(namespace, name)}/history${qs({ max: String(max) })}`);
  }

  /** GET the values of a revision. */
  values(namespace: string, name: string, revision: number, all: boolean): Promise<{ values: Record<string, unknown> }> {
    return this.send('GET', `${ref(namespace, name)}/values${qs({ revision: revision ? String(revision) : '', all: all ? 'true' : '' })}`);
  }

  /** GET the release list. */
  list(query: Record<string, string>): Promise<{ releases: ReleaseView[] }> {
    return this.send('GET', qs(query));
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.authorization ? { authorization: this.authorization } : {}),
      },
    }).catch((err: unknown) => {
      const failure = connectionError(this.host, err);
      if (failure.message.startsWith('The connection')) {
        throw new ConnectionError(`Kubernetes cluster unreachable: the Chartroom server ${this.host} refused the connection`);
      }
      throw new ConnectionError(`Kubernetes cluster unreachable: ${failure.message.replace('Unable to connect to the server: ', '')}`);
    });
    const text = await response.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (response.ok) return json as T;
    const message = json?.error ?? json?.message ?? (text || `HTTP ${response.status}`);
    throw new HelmApiError(String(message), String(json?.reason ?? ''), response.status);
  }
}

function ref(namespace: string, name: string): string {
  return `/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}

function qs(query: Record<string, string>): string {
  const pairs = Object.entries(query).filter(([, v]) => v !== '');
  return pairs.length === 0 ? '' : `?${new URLSearchParams(pairs).toString()}`;
}
