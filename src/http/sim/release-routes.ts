/**
 * Handlers of the release routes (see release-router.ts): each runs one release action on the named
 * cluster and answers JSON. Release errors answer `{"error": "<Helm's message>", "reason": "<class>"}`
 * with 404 (no such release), 409 (name in use, operation pending), 400 (bad request, bad chart) or
 * 422 (the operation ran and failed).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ClusterRegistry } from '../../cluster/index.js';
import { RenderError } from '../../helm/render/index.js';
import { SchemaCompileError, SchemaValidationError } from '../../helm/schema/index.js';
import { RepositoryError } from '../../repo/errors.js';
import {
  ALL_STATUSES, createReleaseManager, InvalidReleaseRequestError, NameInUseError, NoDeployedReleasesError, PendingOperationError,
  ReleaseError, type ReleaseManager, ReleaseNotFoundError, releaseValues, type ReleaseStatus, Status,
} from '../../release/index.js';
import { matchReleaseRoute, type ReleaseRouteMatch, type ReleaseRouteName } from './release-router.js';
import { chartOf, flag, integer, labelsOf, releaseBody, text, timeoutOf, valuesOf } from './release-requests.js';
import { releaseView } from './release-views.js';
import type { RenderBudget } from './render-budget.js';
import { BadBodyError, queryOf } from './sim-context.js';

interface ReleaseCall {
  request: FastifyRequest;
  match: ReleaseRouteMatch;
  releases: ReleaseManager;
  now: number;
}

type ReleaseHandler = (call: ReleaseCall) => Promise<unknown> | unknown;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function statusCode(err: ReleaseError | RenderError | RepositoryError | BadBodyError | SchemaValidationError | SchemaCompileError): number {
  if (err instanceof ReleaseNotFoundError || err instanceof NoDeployedReleasesError) return 404;
  if (err instanceof NameInUseError || err instanceof PendingOperationError) return 409;
  if (err instanceof InvalidReleaseRequestError || !(err instanceof ReleaseError)) return 400;
  return 422;
}

async function installRelease({ request, releases, now }: ReleaseCall): Promise<unknown> {
  const body = releaseBody(request);
  const chart = await chartOf(body);
  const base = text(body, 'nameBase') ?? chart.metadata.name;
  const name = flag(body, 'generateName') ? `${base}-${Math.floor(now / 1000)}` : text(body, 'name') ?? '';
  const release = await releases.install(chart, {
    releaseName: name, namespace: text(body, 'namespace') || 'default', values: valuesOf(body), replace: flag(body, 'replace'),
    createNamespace: flag(body, 'createNamespace'), dryRun: flag(body, 'dryRun'), wait: flag(body, 'wait'), atomic: flag(body, 'atomic'),
    timeoutMs: timeoutOf(body), description: text(body, 'description'), disableHooks: flag(body, 'disableHooks'), labels: labelsOf(body),
  });
  return { release: releaseView(release, flag(body, 'helmJson')) };
}

async function upgradeRelease({ request, match, releases }: ReleaseCall): Promise<unknown> {
  const body = releaseBody(request);
  const chart = await chartOf(body);
  const common = {
    namespace: match.namespace, values: valuesOf(body), dryRun: flag(body, 'dryRun'), wait: flag(body, 'wait'), atomic: flag(body, 'atomic'),
    timeoutMs: timeoutOf(body), description: text(body, 'description'), disableHooks: flag(body, 'disableHooks'), labels: labelsOf(body),
  };
  if (flag(body, 'install')) {
    // cmd/helm/upgrade.go: install when there is no history, or replace when the last revision is uninstalled.
    let last;
    try {
      last = releases.history(match.name, match.namespace).at(-1);
    } catch (e) {
      if (!(e instanceof ReleaseNotFoundError)) throw e;
    }
    if (!last || last.info.status === Status.Uninstalled) {
      const release = await releases.install(chart, { ...common, releaseName: match.name, replace: last !== undefined, createNamespace: flag(body, 'createNamespace') });
      return { release: releaseView(release, flag(body, 'helmJson')), installed: true };
    }
  }
  const release = await releases.upgrade(match.name, chart, {
    ...common, resetValues: flag(body, 'resetValues'), reuseValues: flag(body, 'reuseValues'),
    resetThenReuseValues: flag(body, 'resetThenReuseValues'), historyMax: integer(body, 'historyMax'),
  });
  return { release: releaseView(release, flag(body, 'helmJson')), installed: false };
}

async function rollbackRelease({ request, match, releases }: ReleaseCall): Promise<unknown> {
  const body = releaseBody(request);
  const release = await releases.rollback(match.name, {
    namespace: match.namespace, revision: integer(body, 'revision'), dryRun: flag(body, 'dryRun'), wait: flag(body, 'wait'),
    timeoutMs: timeoutOf(body), disableHooks: flag(body, 'disableHooks'), historyMax: integer(body, 'historyMax'),
  });
  return { release: releaseView(release) };
}

async function uninstallRelease({ request, match, releases }: ReleaseCall): Promise<unknown> {
  const q = queryOf(request);
  const result = await releases.uninstall(match.name, {
    namespace: match.namespace, keepHistory: q.keepHistory === 'true', disableHooks: q.disableHooks === 'true',
    ignoreNotFound: q.ignoreNotFound === 'true', description: q.description, wait: q.wait === 'true', timeoutMs: timeoutOf({ timeout: q.timeout }),
  });
  return { release: result.release ? releaseView(result.release) : null, info: result.info };
}

function listReleases({ request, releases }: ReleaseCall): unknown {
  const q = queryOf(request);
  const states = q.states ? q.states.split(',') : undefined;
  const unknown = states?.find((s) => !ALL_STATUSES.includes(s as ReleaseStatus));
  if (unknown !== undefined) throw new BadBodyError(`unknown release status "${unknown}"`);
  const list = releases.list({
    namespace: q.namespace || undefined, states: states ? new Set(states as ReleaseStatus[]) : undefined, filter: q.filter,
    selector: q.selector, byDate: q.byDate === 'true', reverse: q.reverse === 'true',
    max: q.max ? Number(q.max) : undefined, offset: q.offset ? Number(q.offset) : undefined,
  });
  return { releases: list.map((r) => releaseView(r)) };
}

function releaseStatus({ request, match, releases }: ReleaseCall): unknown {
  const q = queryOf(request);
  return { release: releaseView(releases.status(match.name, match.namespace, Number(q.revision ?? 0)), q.helmJson === 'true') };
}

function releaseHistory({ request, match, releases }: ReleaseCall): unknown {
  const max = queryOf(request).max;
  return { releases: releases.history(match.name, match.namespace, max ? Number(max) : undefined).map((r) => releaseView(r)) };
}

function getValues({ request, match, releases }: ReleaseCall): unknown {
  const q = queryOf(request);
  const rel = releases.status(match.name, match.namespace, Number(q.revision ?? 0));
  return { values: releaseValues(rel, q.all === 'true') };
}

function testRelease({ match, releases }: ReleaseCall): unknown {
  const result = releases.test(match.name, match.namespace);
  return { release: releaseView(result.release), ...(result.error === undefined ? {} : { error: result.error }) };
}

/** How the server runs release actions. */
export interface ReleaseRouteOptions {
  /** Longest a chart may take to render (`--sim-render-timeout`); the render pipeline's default when absent. */
  renderTimeoutMs?: number;
  /** Rendering time each client may spend per window on installs and upgrades; unlimited when absent. */
  renderBudget?: RenderBudget;
}

/** Time of an install or upgrade that is never charged: ordinary charts, even on a loaded machine, stay under it. */
const FREE_RENDER_MS = 500;

/** The routes that render a chart, and so draw on the render budget. */
const RENDERING_ROUTES = new Set<ReleaseRouteName>(['releaseInstall', 'releaseUpgrade']);

const HANDLERS: Record<ReleaseRouteName, ReleaseHandler> = {
  releaseList: listReleases,
  releaseInstall: installRelease,
  releaseStatus,
  releaseHistory,
  releaseValues: getValues,
  releaseUpgrade: upgradeRelease,
  releaseRollback: rollbackRelease,
  releaseUninstall: uninstallRelease,
  releaseTest: testRelease,
};

/**
 * Answers a release request and returns true, or returns false when `path` is not a release route.
 * Cluster errors (a bad cluster name) propagate to the app's error handler.
 */
export async function dispatchReleases(request: FastifyRequest, reply: FastifyReply, path: string, clusters: ClusterRegistry, options: ReleaseRouteOptions = {}): Promise<boolean> {
  const match = matchReleaseRoute(request.method, path);
  if (!match) return false;
  request.simRoute = match.route;
  const cluster = clusters.get(match.cluster);
  const call = { request, match, releases: createReleaseManager(cluster, { sleep, renderLimits: { timeoutMs: options.renderTimeoutMs } }), now: cluster.now() };
  const budget = RENDERING_ROUTES.has(match.route) ? options.renderBudget : undefined;
  const client = request.principal?.name ?? request.ip;
  const wait = budget?.waitSeconds(client) ?? 0;
  if (wait > 0) {
    const error = `too much chart rendering from ${client}: ${budget!.budgetMs / 1000}s in ${budget!.windowMs / 1000}s; try again in ${wait}s`;
    await reply.code(429).header('retry-after', String(wait)).type('application/json; charset=utf-8').send({ error, reason: 'TooManyRequests' });
    return true;
  }
  const started = performance.now();
  // A successful --wait spends its time waiting for readiness, not rendering: it is not charged.
  let charged = true;
  try {
    const body = await HANDLERS[match.route](call);
    charged = (request.body as { wait?: unknown } | undefined)?.wait !== true;
    await reply.code(200).type('application/json; charset=utf-8').send(body);
  } catch (err) {
    const known = err instanceof ReleaseError || err instanceof RenderError || err instanceof RepositoryError || err instanceof BadBodyError
      || err instanceof SchemaValidationError || err instanceof SchemaCompileError;
    if (!known) throw err;
    await reply.code(statusCode(err)).type('application/json; charset=utf-8').send({ error: err.message, reason: err.name });
  } finally {
    if (charged) budget?.charge(client, Math.max(0, performance.now() - started - FREE_RENDER_MS));
  }
  return true;
}
