/**
 * The public shape of a simulated cluster: what `createCluster` returns and the types of its arguments.
 * The HTTP layer and the CLI program against this interface.
 */
import type { Clock } from './clock.js';
import type { DeleteOptions } from './deletion.js';
import type { Selector } from './selector.js';
import type { SimulationSettings } from './settings.js';
import type { WatchEvent } from './store.js';
import type { KubeEvent, KubeObject } from './types.js';
import type { WatchFilter } from './watch-filter.js';
import type { JsonPatchOperation } from './patch/json-patch.js';

/**
 * `merge` = application/merge-patch+json, `strategic` = application/strategic-merge-patch+json,
 * `json` = application/json-patch+json (a list of operations).
 */
export type PatchType = 'merge' | 'strategic' | 'json';

/** Options of createCluster. */
export interface ClusterOptions {
  /** Cluster name (default "default"); also the default seed. */
  name?: string;
  /** The clock; default a virtual clock at 2026-01-01T00:00:00Z. */
  clock?: Clock;
  /** Seed of the cluster's random source (names, uids, IPs). */
  seed?: string | number;
  /** Simulation settings overriding DEFAULT_SETTINGS. */
  settings?: Partial<SimulationSettings>;
  /** Watch events retained for replay (default 10,000). */
  watchLogLimit?: number;
}

/** The outcome of `apply`, as kubectl reports it. */
export interface ApplyResult {
  action: 'created' | 'configured' | 'unchanged';
  object: KubeObject;
}

/** A filter for `events()`. */
export interface EventFilter {
  namespace?: string;
  involvedKind?: string;
  involvedName?: string;
}

/** A query for `list()`. */
export interface ListQuery {
  namespace?: string;
  /** A label selector in kubectl's syntax ("app=vweb,tier in (web)") or compiled. */
  labelSelector?: string | Selector;
  /** A field selector ("metadata.name=vweb", "involvedObject.kind=Pod"). */
  fieldSelector?: string;
}

/** One simulated cluster. */
export interface Cluster {
  readonly name: string;
  readonly clock: Clock;
  readonly settings: SimulationSettings;
  /**
   * kubectl apply of a whole manifest: creates the object, or replaces the stored one keeping its status
   * and labels/annotations added by others (see apply.ts). Throws InvalidError, NotFoundError (namespace).
   */
  apply(obj: KubeObject): ApplyResult;
  /** Creates the object. Throws AlreadyExistsError, InvalidError, NotFoundError (namespace). */
  create(obj: KubeObject): KubeObject;
  /** Replaces the stored object (a resourceVersion in `obj` must match). Throws NotFoundError, ConflictError, InvalidError. */
  replace(obj: KubeObject): KubeObject;
  /**
   * Patches the stored object as a user write (status is kept): a JSON merge patch (RFC 7386, default),
   * a strategic merge patch, or a JSON patch (RFC 6902). Throws NotFoundError, InvalidError, BadRequestError.
   */
  patch(kind: string, namespace: string | undefined, name: string, patch: Record<string, unknown> | JsonPatchOperation[], type?: PatchType): KubeObject;
  /** The stored object or undefined. */
  get<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined;
  /** Objects of `kind` sorted by namespace/name. Throws BadRequestError for a bad label or field selector. */
  list<T extends KubeObject = KubeObject>(kind: string, query?: ListQuery): T[];
  /** Deletes an object (pods gracefully unless gracePeriodSeconds is 0). Throws NotFoundError. */
  delete(kind: string, namespace: string | undefined, name: string, options?: DeleteOptions): KubeObject;
  /** Moves virtual time forward by `ms`, firing every timer due in order. Throws BadRequestError on a real clock. */
  advance(ms: number): void;
  /** Runs timers that are due by the current time (what a real clock's wake-up calls). */
  runDueTimers(): void;
  /** Current simulated time (epoch ms). */
  now(): number;
  /** Event objects in the order they were recorded. */
  events(filter?: EventFilter): KubeEvent[];
  /**
   * Watch events after `fromResourceVersion`, optionally filtered (see watch-filter.ts); "" or "0" gives a
   * synthetic ADDED per matching object. Throws ExpiredError (410) for a version older than the log.
   */
  watch(fromResourceVersion: string, filter?: WatchFilter): WatchEvent[];
  /** Calls `listener` for every (matching) change from now on; returns the unsubscribe function. */
  subscribe(listener: (event: WatchEvent) => void, filter?: WatchFilter): () => void;
  /** The latest resourceVersion. */
  resourceVersion(): string;
  /** Replaces the list of image patterns whose pulls fail (affects pods started afterwards). */
  setFailingImages(patterns: string[]): void;
  /** Stops a real clock's wake-ups. */
  dispose(): void;
}
