/**
 * Server-sent events of a cluster's changes, for `kubectl get -w` and the web console:
 *
 *   GET .../<c>/<r>?watch=true&namespace=&labelSelector=&resourceVersion=N   one resource type
 *   GET .../<c>/stream?resourceVersion=N                                     every object and Event
 *
 * Each change is one event: `id:` the object's resourceVersion, `event:` ADDED, MODIFIED or DELETED,
 * `data:` `{"type","object","row"}` where `row` is the object's server-side Table row (the cells
 * `kubectl get` prints). The stream replays every change after `resourceVersion` (or the `Last-Event-ID`
 * header a reconnecting EventSource sends), then follows live changes. Without either it starts with an
 * ADDED per existing object. A version older than the cluster's log answers 410 Expired before the
 * stream opens. `timeoutSeconds=N` closes the stream after N seconds of wall time; a comment line every
 * 15 s keeps proxies from closing an idle stream.
 */
import type { ServerResponse } from 'node:http';
import { type Cluster, type KubeObject, toTable, type WatchEvent, type WatchFilter } from '../../cluster/index.js';
import { clusterOf, kindOf, queryOf, type SimContext } from './sim-context.js';

const HEARTBEAT_MS = 15_000;

/** Open streams per app, so that closing the app ends them instead of waiting on them forever. */
const openStreams = new WeakMap<object, Set<ServerResponse>>();

/** Ends every stream `app` has open (its preClose hook calls this). */
export function endStreams(app: object): void {
  for (const raw of openStreams.get(app) ?? []) raw.end();
}

/** Whether a list request asks for a watch (`watch=true` or `watch=1`). */
export function isWatchRequest(context: SimContext): boolean {
  const watch = queryOf(context.request).watch;
  return watch === 'true' || watch === '1';
}

/** GET .../<r>?watch=true: the changes of one resource type. Throws ExpiredError, BadRequestError. */
export function watchResource(context: SimContext): void {
  const info = kindOf(context.match);
  const q = queryOf(context.request);
  openStream(context, {
    kind: info.kind,
    namespace: info.namespaced ? q.namespace || undefined : undefined,
    labelSelector: q.labelSelector || undefined,
    fieldSelector: q.fieldSelector || undefined,
  });
}

/** GET .../<c>/stream: every change of the cluster (objects and Events). Throws ExpiredError. */
export function watchCluster(context: SimContext): void {
  openStream(context, {});
}

function openStream(context: SimContext, filter: WatchFilter): void {
  const cluster = clusterOf(context);
  const q = queryOf(context.request);
  const from = q.resourceVersion ?? String(context.request.headers['last-event-id'] ?? '');
  // Replayed first, synchronously: a version too old throws here and is answered as a 410 Status.
  const backlog = cluster.watch(from, filter);
  const { reply } = context;
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...corsHeader(reply.getHeader('access-control-allow-origin')),
  });
  raw.write(': watching\n\n');
  for (const event of backlog) writeEvent(raw, cluster, event);
  const unsubscribe = cluster.subscribe((event) => writeEvent(raw, cluster, event), filter);
  const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
  const seconds = Number(q.timeoutSeconds ?? 0);
  const timeout = seconds > 0 ? setTimeout(() => raw.end(), seconds * 1000) : undefined;
  const close = (): void => {
    unsubscribe();
    clearInterval(heartbeat);
    if (timeout) clearTimeout(timeout);
  };
  raw.once('close', close);
  context.request.raw.once('close', () => raw.end());
  const app = context.request.server;
  const streams = openStreams.get(app) ?? new Set<ServerResponse>();
  openStreams.set(app, streams.add(raw));
  raw.once('close', () => streams.delete(raw));
}

function corsHeader(value: unknown): Record<string, string> {
  return typeof value === 'string' ? { 'access-control-allow-origin': value } : {};
}

/** One SSE event; the row is computed at the moment of the change, as a Table would show it then. */
function writeEvent(raw: ServerResponse, cluster: Cluster, event: WatchEvent): void {
  const object: KubeObject = event.object;
  const row = toTable(object.kind, [object], { nowMs: cluster.now(), resourceVersion: cluster.resourceVersion(), includeObject: 'None' }).rows[0];
  const data = JSON.stringify({ type: event.type, object, row: row ? { cells: row.cells } : undefined });
  raw.write(`id: ${object.metadata.resourceVersion ?? ''}\nevent: ${event.type}\ndata: ${data}\n\n`);
}
