/**
 * Kubernetes Event objects, recorded the way client-go's event recorder writes them: name
 * `<object>.<unix nanos in hex>`, involvedObject, reason, message, source component. An event identical
 * to an earlier one (same source, object, type, reason and message) updates that one instead: count + 1
 * and a new lastTimestamp, as the recorder's EventLogger does. (Its "similar events" aggregation, which
 * rewrites messages as "(combined from similar events)", is not modelled.)
 */
import type { Clock } from './clock.js';
import type { ObjectStore } from './store.js';
import { formatTime } from './time.js';
import type { KubeEvent, KubeObject } from './types.js';

/** Event type: `Normal` or `Warning`. */
export type EventType = 'Normal' | 'Warning';

/** Records events for one controller (`source.component`). */
export interface EventRecorder {
  /**
   * Writes one Event about `obj`; `host` names the node for kubelet events, `fieldPath` the container
   * (`spec.containers{web}`).
   */
  event(obj: KubeObject, type: EventType, reason: string, message: string, host?: string, fieldPath?: string): void;
}

/** Makes recorders for one cluster; event names stay unique across all of them. */
export interface EventSink {
  /** A recorder writing as `component` (e.g. "deployment-controller"), with an optional host (kubelet). */
  recorder(component: string, host?: string): EventRecorder;
}

/** How long events live, as kube-apiserver's --event-ttl default (1 h). */
export const DEFAULT_EVENT_TTL_MS = 3_600_000;

/**
 * Creates the event sink of one cluster, writing Event objects into `store`. Events older than `ttlMs`
 * are deleted when later events are recorded, as the API server lets them expire.
 */
export function createEventSink(store: ObjectStore, clock: Clock, ttlMs = DEFAULT_EVENT_TTL_MS): EventSink {
  let lastNanos = 0n;
  const expiries: { at: number; namespace: string; name: string }[] = [];
  let head = 0;
  const expire = (now: number): void => {
    while (head < expiries.length && expiries[head]!.at <= now) {
      const { namespace, name } = expiries[head++]!;
      if (store.get('Event', namespace, name)) store.remove('Event', namespace, name);
    }
    if (head > 1024 && head * 2 > expiries.length) expiries.splice(0, head), (head = 0);
  };
  const byKey = new Map<string, string>();
  const record = (event: KubeEvent): void => {
    expire(clock.now());
    const key = eventKey(event);
    const earlier = byKey.get(key);
    const existing = earlier ? store.get<KubeEvent>('Event', event.metadata.namespace, earlier) : undefined;
    if (existing) {
      store.update({ ...existing, count: existing.count + 1, lastTimestamp: event.lastTimestamp, metadata: { ...existing.metadata, resourceVersion: undefined } });
      return;
    }
    const created = store.create(event);
    byKey.set(key, created.metadata.name);
    expiries.push({ at: clock.now() + ttlMs, namespace: created.metadata.namespace!, name: created.metadata.name });
  };
  /** Unix nanoseconds in hex, made strictly increasing so that two events never share a name. */
  const nextNanosHex = (nowMs: number): string => {
    let nanos = BigInt(nowMs) * 1_000_000n;
    if (nanos <= lastNanos) nanos = lastNanos + 1n;
    lastNanos = nanos;
    return nanos.toString(16);
  };
  return { recorder: (component, host) => createRecorder(clock, nextNanosHex, record, component, host) };
}

/** client-go's getEventKey: everything that makes two events "the same". */
function eventKey(e: KubeEvent): string {
  const o = e.involvedObject;
  return [e.source.component, e.source.host ?? '', o.kind, o.namespace ?? '', o.name, o.fieldPath ?? '', o.uid ?? '', o.apiVersion, e.type, e.reason, e.message].join('\u0000');
}

function createRecorder(
  clock: Clock,
  nextNanosHex: (nowMs: number) => string,
  record: (e: KubeEvent) => void,
  component: string,
  defaultHost?: string,
): EventRecorder {
  return {
    event(obj, type, reason, message, host = defaultHost, fieldPath) {
      const now = clock.now();
      const stamp = formatTime(now);
      const event: KubeEvent = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `${obj.metadata.name}.${nextNanosHex(now)}`, namespace: obj.metadata.namespace ?? 'default' },
        involvedObject: {
          kind: obj.kind,
          namespace: obj.metadata.namespace,
          name: obj.metadata.name,
          uid: obj.metadata.uid,
          apiVersion: obj.apiVersion,
          resourceVersion: obj.metadata.resourceVersion,
          ...(fieldPath ? { fieldPath } : {}),
        },
        reason,
        message,
        source: host ? { component, host } : { component },
        firstTimestamp: stamp,
        lastTimestamp: stamp,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: component,
        reportingInstance: host ?? '',
      };
      record(event);
    },
  };
}
