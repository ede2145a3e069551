/**
 * What every simulated controller is: a function from watch events to work-queue keys, and a reconcile
 * function for one key. A sync reads the store, makes its writes and returns; anything it needs to look at
 * again later it asks for with `requeueAfter`. The cluster runs queued keys to a fixpoint.
 */
import type { Clock } from '../clock.js';
import type { EventRecorder } from '../events.js';
import type { Random } from '../random.js';
import type { ObjectStore, WatchEvent } from '../store.js';
import type { SimulationSettings } from '../settings.js';

/** Services a controller gets from the cluster. */
export interface ControllerContext {
  store: ObjectStore;
  clock: Clock;
  random: Random;
  settings: SimulationSettings;
  /** Records events as this controller's component. */
  recorder: EventRecorder;
  /** Queues `key` for this controller again after `delayMs` of simulated time. */
  requeueAfter(key: string, delayMs: number): void;
}

/** A reconcile loop. */
export interface Controller {
  /** The component name used for events, e.g. "deployment-controller". */
  readonly name: string;
  /** The keys (usually "namespace/name") to reconcile because of `event`. */
  keysFor(event: WatchEvent): string[];
  /** Reconciles one key. Must not throw for objects that have disappeared. */
  sync(key: string): void;
}

/** "namespace/name" for a namespaced object. */
export function keyOf(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/** Splits a "namespace/name" key. */
export function splitKey(key: string): [namespace: string, name: string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}

/** The controlling owner reference of an object, if any. */
export function controllerRefOf(obj: { metadata: { ownerReferences?: { controller?: boolean; kind: string; name: string; uid: string }[] } }) {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}
