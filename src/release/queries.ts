/**
 * Read-only release actions: history, status (one revision), list (pkg/action/list.go) and the values
 * `helm get values` prints.
 */
import type { ActionContext } from './context.js';
import { computedValues, valuesToPlain } from './context.js';
import { InvalidReleaseRequestError, ReleaseNotFoundError } from './errors.js';
import { type Release, type ReleaseStatus, Status } from './record.js';
import { matches, parseSelector } from '../cluster/index.js';
import { type GoRegexp, compileGoRegexp, matchString } from '../helm/sprig/re2.js';

/** `helm history NAME --max N`: the newest `max` revisions (default 256), ascending. Throws ReleaseNotFoundError. */
export function history(ctx: ActionContext, name: string, namespace: string, max = 256): Release[] {
  const all = ctx.storage.history(name, namespace);
  if (all.length === 0) throw new ReleaseNotFoundError();
  return max > 0 ? all.slice(-max) : all;
}

/** `helm status NAME [--revision N]`: the latest revision (whatever its status) or revision N. Throws ReleaseNotFoundError. */
export function status(ctx: ActionContext, name: string, namespace: string, revision = 0): Release {
  return revision > 0 ? ctx.storage.get(name, namespace, revision) : ctx.storage.last(name, namespace);
}

/** `helm get values`: the user-supplied config, or with `all` the chart defaults coalesced with it. */
export function releaseValues(r: Release, all: boolean): Record<string, unknown> {
  return all ? valuesToPlain(computedValues(r)) : r.config;
}

/** Options of `helm list`, named after its flags. */
export interface ListOptions {
  /** Undefined = every namespace (`-A`). */
  namespace?: string;
  /** Statuses to show; default deployed and failed. */
  states?: ReadonlySet<ReleaseStatus>;
  /** `-f`: a regular expression on the release name. */
  filter?: string;
  /** `-l`: a selector on the storage labels. */
  selector?: string;
  byDate?: boolean;
  reverse?: boolean;
  /** `-m`, default 256 (0 = no limit). */
  max?: number;
  offset?: number;
}

/** The default `helm list` states. */
export const DEFAULT_LIST_STATES: ReadonlySet<ReleaseStatus> = new Set([Status.Deployed, Status.Failed]);

function latestPerRelease(releases: Release[]): Release[] {
  const latest = new Map<string, Release>();
  for (const r of releases) {
    const key = `${r.namespace}/${r.name}`;
    const seen = latest.get(key);
    if (!seen || seen.version <= r.version) latest.set(key, r);
  }
  return [...latest.values()];
}

function sortReleases(list: Release[], opts: ListOptions): Release[] {
  const byName = (a: Release, b: Release): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const byDate = (a: Release, b: Release): number => Math.floor((a.info.lastDeployed ?? 0) / 1000) - Math.floor((b.info.lastDeployed ?? 0) / 1000);
  const cmp = opts.byDate ? byDate : byName;
  // `-d` sorts oldest first (releaseutil.SortByDate); `-r` reverses either order.
  return [...list].sort((a, b) => (opts.reverse ? -cmp(a, b) : cmp(a, b)));
}

/** `helm list`. Throws InvalidReleaseRequestError for a bad filter or selector. */
export function list(ctx: ActionContext, opts: ListOptions = {}): Release[] {
  // Helm compiles the filter with Go's regexp: Go syntax, Go's error text, and no backtracking.
  let filter: GoRegexp | undefined;
  try {
    filter = opts.filter ? compileGoRegexp(opts.filter) : undefined;
  } catch (e) {
    throw new InvalidReleaseRequestError((e as Error).message);
  }
  const states = opts.states ?? DEFAULT_LIST_STATES;
  let results = ctx.storage.all(opts.namespace).filter((r) => !filter || matchString(filter, r.name));
  const onlySuperseded = states.size === 1 && states.has(Status.Superseded);
  if (!onlySuperseded) results = latestPerRelease(results);
  results = results.filter((r) => states.has(r.info.status));
  if (opts.selector) {
    let selector;
    try {
      selector = parseSelector(opts.selector);
    } catch (e) {
      throw new InvalidReleaseRequestError((e as Error).message);
    }
    results = results.filter((r) => matches(selector, { ...r.labels, name: r.name, owner: 'helm', status: r.info.status, version: String(r.version) }));
  }
  results = sortReleases(results, opts);
  const offset = opts.offset ?? 0;
  if (offset >= results.length) return [];
  const max = opts.max ?? 256;
  return results.slice(offset, max > 0 ? offset + max : undefined);
}
