import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setUpAuth, USERS_FILE_POLL_MS } from '../auth/setup.js';
import { type Clock, createClusterRegistry, createRealClock, createVirtualClock, type ClusterRegistry } from '../cluster/index.js';
import type { ServerConfig } from '../config/settings.js';
import { buildApp } from '../http/app.js';
import { Metrics } from '../http/metrics.js';
import { ChartRepository } from '../repo/repository.js';
import { LocalStorage } from '../storage/local.js';
import type { StorageBackend } from '../storage/backend.js';
import { StorageUnavailableError } from '../storage/errors.js';
import { CHARTROOM_VERSION } from '../version.js';
import { createLogger } from './logger.js';

/** How often each loaded tenant reads the journal records other replicas wrote (bounds replica staleness). */
const REPLICA_SYNC_INTERVAL_MS = 500;

/** Calls `syncAll` every `interval` ms, never overlapping runs. */
function startSyncLoop(repository: ChartRepository, interval: number): { stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = (): void => {
    timer = setTimeout(() => {
      void repository.syncAll().finally(() => {
        if (!stopped) tick();
      });
    }, interval);
    timer.unref();
  };
  tick();
  return { stop: () => ((stopped = true), clearTimeout(timer)) };
}

/**
 * Creates the storage backend a configuration names. S3 credentials come from the AWS SDK's default chain
 * (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, web identity, instance metadata).
 */
export async function openStorage(config: ServerConfig): Promise<StorageBackend> {
  if (config.storage === 'amazon') {
    // Imported on demand: the AWS SDK costs ~0.2 s of startup that local-disk users need not pay.
    const { S3Storage } = await import('../storage/s3.js');
    return new S3Storage({
      bucket: config.storageAmazonBucket,
      prefix: config.storageAmazonPrefix,
      region: config.storageAmazonRegion,
      endpoint: config.storageAmazonEndpoint,
      serverSideEncryption: config.storageAmazonSse,
      forcePathStyle: config.storageAmazonForcePathStyle,
    });
  }
  const root = resolve(config.storageLocalRootdir);
  await mkdir(root, { recursive: true });
  return new LocalStorage(root);
}

/**
 * `chartroom serve`: opens storage, loads the root index (at depth 0), starts the rescan timer and listens.
 * With `--gen-index` it prints the root index.yaml instead and returns. Resolves when the server stops.
 */
export async function serve(config: ServerConfig, notes: readonly string[]): Promise<void> {
  const logger = createLogger({ json: config.logJson, debug: config.debug });
  for (const note of notes) logger.warn(note);
  const storage = await openStorage(config);
  const repository = new ChartRepository({
    storage,
    allowOverwrite: config.allowOverwrite,
    disableForceOverwrite: config.disableForceOverwrite,
    maxStorageObjects: config.maxStorageObjects,
    perChartLimit: config.perChartLimit,
    chartUrl: config.chartUrl,
    contextPath: config.contextPath,
    log: (message, details) => logger.warn(details ?? {}, message),
  });
  if (config.genIndex) {
    const body = (await repository.indexDocument('')).body;
    // Wait for the write to flush: the caller exits the process, which would cut a piped stdout short.
    await new Promise<void>((done, fail) => process.stdout.write(body, (err) => (err ? fail(err) : done())));
    return;
  }
  if (config.depth === 0 && !config.depthDynamic) await preloadRootIndex(repository, logger);
  const metrics = config.enableMetrics ? new Metrics() : undefined;
  const { authorizer, usersFile } = await setUpAuth(config, logger);
  if (config.bearerAuth && config.basicAuthUser) logger.warn('--bearer-auth takes precedence: --basic-auth-user and --basic-auth-pass are ignored, as in ChartMuseum');
  const usersWatch = usersFile?.watch(USERS_FILE_POLL_MS);
  const clusters = createSimClusters(config);
  const app = await buildApp({ config, repository, metrics, clusters, authorizer }, { loggerInstance: logger });
  const timer = config.cacheInterval > 0 ? setInterval(() => void repository.rescanAll(), config.cacheInterval) : undefined;
  timer?.unref();
  const sync = startSyncLoop(repository, REPLICA_SYNC_INTERVAL_MS);
  const stop = async (): Promise<void> => {
    clearInterval(timer);
    sync.stop();
    usersWatch?.stop();
    clusters.dispose();
    await app.close();
    await repository.settle();
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  const address = await app.listen({ port: config.port, host: config.listenHost });
  logger.info({ version: CHARTROOM_VERSION, storage: storage.description, address: address + config.contextPath, auth: authModes(config) }, 'Starting Chartroom');
  await new Promise<void>((done) => app.server.once('close', () => done()));
}

/** The forms of authentication in force, for the start-up line (`none` when the server is open). */
function authModes(config: ServerConfig): string {
  const modes = [
    config.bearerAuth ? 'bearer' : config.basicAuthUser ? 'basic' : '',
    config.authUsersFile ? 'users-file' : '',
    config.authAnonymousGet && (config.bearerAuth || config.basicAuthUser || config.authUsersFile) ? 'anonymous-get' : '',
  ].filter(Boolean);
  return modes.length > 0 ? modes.join(',') : 'none';
}

/** The simulated clusters, on the clock `--sim-clock` names: the wall clock, or virtual time. */
export function createSimClusters(config: ServerConfig): ClusterRegistry {
  const wall = { now: () => Date.now(), setTimeout: (f: () => void, ms: number) => setTimeout(f, ms).unref(), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };
  const makeClock = (): Clock => (config.simClock === 'virtual' ? createVirtualClock() : createRealClock(wall));
  return createClusterRegistry({ makeClock, maxClusters: config.simMaxClusters });
}

/**
 * Loads the root index before listening. If storage cannot be reached (S3 down, bucket missing), the server
 * starts anyway and answers 503 until it can: a failed load is not cached, so the first request after
 * storage returns loads the index. Any other failure stops the start-up.
 */
async function preloadRootIndex(repository: ChartRepository, logger: ReturnType<typeof createLogger>): Promise<void> {
  try {
    await repository.tenant('');
  } catch (err) {
    if (!(err instanceof StorageUnavailableError)) throw err;
    logger.warn({ error: err.message }, 'Storage is unavailable; serving 503 until it answers');
  }
}
