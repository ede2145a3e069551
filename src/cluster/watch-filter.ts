/**
 * Watch filtering with watch-cache semantics: an event is kept when the object (before or after) matches
 * the kind, namespace, label and field selectors; an object that stops matching is reported as DELETED
 * (with its new state) and one that starts matching as ADDED.
 */
import { type FieldRequirement, matchesFields, parseFieldSelector } from './field-selector.js';
import { matches, parseSelector, type Selector } from './selector.js';
import type { WatchEvent } from './store.js';
import type { KubeObject } from './types.js';

/** What a watch is about. */
export interface WatchFilter {
  kind?: string;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/** A compiled filter: call it on each event; undefined means "not for this watcher". */
export type WatchEventFilter = (event: WatchEvent) => WatchEvent | undefined;

/** Compiles `filter`. Throws BadRequestError for bad selectors. */
export function compileWatchFilter(filter: WatchFilter = {}): WatchEventFilter {
  const labels: Selector | undefined = filter.labelSelector ? parseSelector(filter.labelSelector) : undefined;
  const fields: FieldRequirement[] = filter.kind && filter.fieldSelector ? parseFieldSelector(filter.kind, filter.fieldSelector) : [];
  const accepts = (obj: KubeObject | undefined): boolean =>
    !!obj &&
    (filter.kind === undefined || obj.kind === filter.kind) &&
    (filter.namespace === undefined || (obj.metadata.namespace ?? '') === filter.namespace) &&
    (!labels || matches(labels, obj.metadata.labels)) &&
    matchesFields(fields, obj);
  return (event) => {
    const now = accepts(event.object);
    if (event.type !== 'MODIFIED') return now ? event : undefined;
    const before = accepts(event.previous);
    if (now && before) return event;
    if (now) return { type: 'ADDED', object: event.object };
    if (before) return { type: 'DELETED', object: event.object, previous: event.previous };
    return undefined;
  };
}
