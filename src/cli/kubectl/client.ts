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

  /**
   * GET a list's changes as server-sent events (`watch=true`), calling `onEvent` for each until the
   * server ends the stream or `signal` aborts it. Throws ApiError when the server refuses the watch
   * (410 Expired, 404), ConnectionError when it cannot be reached.
   */
  async watch(resource: string, query: Record<string, string | undefined>, onEvent: (event: StreamEvent) => void, signal?: AbortSignal): Promise<void> {
    const url = `${this.base}/${encodeURIComponent(resource)}${queryString({ ...query, watch: 'true' })}`;
    const response = await fetch(url, { signal, headers: this.authorization ? { authorization: this.authorization } : {} }).catch((err: unknown) => {
      if (signal?.aborted) return undefined;
      throw connectionError(this.host, err);
    });
    if (!response) return;
    if (!response.ok || !response.body) throw statusError(response.status, await response.text());
    // Aborting (the caller is done, or its timeout passed) ends the stream quietly, and so does a stream
    // the server cuts: kubectl's watch loop ignores how its watch ended.
    await readEventStream(response.body, onEvent).catch(() => undefined);
  }

  /** GET one object. */
  get(ref: ObjectRef): Promise<any> {
    return this.send('GET', objectPath(ref));
  }

  /** PATCH one object with a merge, strategic merge or JSON patch; resolves to the stored object. */
  patch(ref: ObjectRef, patch: unknown, type: 'merge' | 'strategic' | 'json'): Promise<any> {
    const contentType = { merge: 'application/merge-patch+json', strategic: 'application/strategic-merge-patch+json', json: 'application/json-patch+json' }[type];
    return this.send('PATCH', objectPath(ref), JSON.stringify(patch), contentType);
  }

  /** POST manifests to create (AlreadyExists per object when present): `{results}`. */
  create(text: string, namespace: string): Promise<any> {
    return this.send('POST', `/create${queryString({ namespace })}`, text, 'application/yaml');
  }

  /** POST requests through a Service: the TrafficReport. */
  traffic(namespace: string, service: string, requests: number): Promise<any> {
    return this.send('POST', `${objectPath({ resource: 'services', namespace, name: service })}/traffic`, JSON.stringify({ requests }));
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

  /** GET the cluster's clock: `{now, virtual}`. */
  clock(): Promise<{ now: string; virtual: boolean }> {
    return this.send('GET', '/clock');
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
    }).catch((err: unknown) => {
      throw connectionError(this.host, err);
    });
    const text = await response.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (response.ok) return json;
    throw statusError(response.status, text);
  }
}

/** One server-sent watch event: the change, the object, and its Table row at that moment. */
export interface StreamEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: any;
  row?: { cells: (string | number)[] };
}

function statusError(code: number, text: string): ApiError {
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (json && typeof json.reason === 'string') return new ApiError(json as ApiStatus);
  const message = json?.error ?? (text || `HTTP ${code}`);
  return new ApiError({ message: `the server could not find the requested resource (${message})`, reason: 'NotFound', code });
}

/** Reads `text/event-stream` frames and hands each `data:` payload, parsed, to `onEvent`. */
async function readEventStream(body: ReadableStream<Uint8Array>, onEvent: (event: StreamEvent) => void): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
      if (data) onEvent(JSON.parse(data) as StreamEvent);
    }
  }
}

/** Node's codes for a server certificate it could not verify, with Go's x509 wording. */
const CERTIFICATE_FAILURES: Record<string, string> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificate signed by unknown authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'certificate signed by unknown authority',
  SELF_SIGNED_CERT_IN_CHAIN: 'certificate signed by unknown authority',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'certificate signed by unknown authority',
  CERT_HAS_EXPIRED: 'certificate has expired or is not yet valid',
  CERT_NOT_YET_VALID: 'certificate has expired or is not yet valid',
};

/**
 * Why a request to `host` got no answer, in kubectl's words: a refused connection as kubectl says it, a
 * certificate Node could not verify as Go's x509 error (set NODE_EXTRA_CA_CERTS for a private CA), anything
 * else as `Unable to connect to the server: <cause>`.
 */
export function connectionError(host: string, err: unknown): ConnectionError {
  const cause = (err as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const code = cause?.code ?? '';
  if (code === 'ECONNREFUSED' || !cause) {
    return new ConnectionError(`The connection to the server ${host} was refused - did you specify the right host or port?`, { cause: err });
  }
  const x509 = CERTIFICATE_FAILURES[code];
  if (x509) return new ConnectionError(`Unable to connect to the server: tls: failed to verify certificate: x509: ${x509}`, { cause: err });
  return new ConnectionError(`Unable to connect to the server: ${cause.message ?? code}`, { cause: err });
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
