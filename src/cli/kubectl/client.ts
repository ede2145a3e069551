/**
 * The HTTP client of `chartroom kubectl` and `chartroom sim`: one method per simulator route (see
 * src/http/sim/sim-router.ts). Failures come back as ApiError carrying the server's Status.
 */

/** A Kubernetes Status as the simulator API answers errors. */
export interface ApiStatus {
  message: string;
  reason: string;
  code: number;
}

/** A non-2xx answer; `status` is the server's Status (or one made up from a non-Status body). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(readonly status: ApiStatus) {
    super(status.message);
  }
}

/** The server did not answer; the message is kubectl's (`The connection to the server ... was refused ...`). */
export class ConnectionError extends Error {
  override readonly name = 'ConnectionError';
}

/** Where the client sends requests. */
export interface ClientOptions {
  /** e.g. http://localhost:8080 (a context path may follow). */
  server: string;
  cluster: string;
  /** Authorization header value for a server with access control (see src/auth/client-credentials.ts). */
  authorization?: string;
}

/** Which object a request is about; namespace undefined for cluster-scoped kinds. */
export interface ObjectRef {
  resource: string;
  namespace?: string;
  name: string;
}

/** A thin client of the simulator API. */
export class SimClient {
  private readonly base: string;
  private readonly host: string;
  private readonly authorization: string | undefined;

  constructor(options: ClientOptions) {
    this.authorization = options.authorization;
    this.host = hostOf(options.server);
    this.base = `${options.server.replace(/\/+$/, '')}/api/sim/clusters/${encodeURIComponent(options.cluster)}`;
  }

  /** GET a list: `{items, table}`. */
  list(resource: string, query: Record<string, string | undefined>): Promise<any> {
    return this.send('GET', `/${encodeURIComponent(resource)}${queryString(query)}`);
  }

  /** GET one object. */
  get(ref: ObjectRef): Promise<any> {
    return this.send('GET', objectPath(ref));
  }

  /** DELETE one object. */
  delete(ref: ObjectRef, gracePeriodSeconds?: number): Promise<any> {
    const query = gracePeriodSeconds === undefined ? '' : `?gracePeriodSeconds=${gracePeriodSeconds}`;
    return this.send('DELETE', `${objectPath(ref)}${query}`);
  }

  /** POST an action on one object (`scale`, `set-image`, `rollout/undo`) or GET a view (`rollout/history`). */
  action(method: 'GET' | 'POST', ref: ObjectRef, action: string, body?: unknown): Promise<any> {
    return this.send(method, `${objectPath(ref)}/${action}`, body === undefined ? undefined : JSON.stringify(body));
  }

  /** POST manifests (YAML or JSON text) to apply: `{results}`. */
  apply(text: string, namespace: string): Promise<any> {
    return this.send('POST', `/apply${queryString({ namespace })}`, text, 'application/yaml');
  }

  /** POST advance by `ms` of virtual time: `{now}`. */
  advance(ms: number): Promise<any> {
    return this.send('POST', '/advance', JSON.stringify({ ms }));
  }

  private async send(method: string, path: string, body?: string, contentType = 'application/json'): Promise<any> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      body,
      headers: {
        ...(body === undefined ? {} : { 'content-type': contentType }),
        ...(this.authorization ? { authorization: this.authorization } : {}),
      },
    }).catch(() => {
      throw new ConnectionError(`The connection to the server ${this.host} was refused - did you specify the right host or port?`);
    });
    const text = await response.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (response.ok) return json;
    if (json && typeof json.reason === 'string') throw new ApiError(json as ApiStatus);
    const message = json?.error ?? (text || `HTTP ${response.status}`);
    throw new ApiError({ message: `the server could not find the requested resource (${message})`, reason: 'NotFound', code: response.status });
  }
}

function hostOf(server: string): string {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}

function objectPath(ref: ObjectRef): string {
  return `/${encodeURIComponent(ref.resource)}/${encodeURIComponent(ref.namespace ?? '-')}/${encodeURIComponent(ref.name)}`;
}

function queryString(query: Record<string, string | undefined>): string {
  const pairs = Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '');
  return pairs.length === 0 ? '' : `?${new URLSearchParams(pairs).toString()}`;
}
