import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { DEFAULTS, type ServerConfig } from '../../src/config/settings.js';
import { setUpAuth } from '../../src/auth/setup.js';
import type { UsersFileSource } from '../../src/auth/users-source.js';
import { buildApp } from '../../src/http/app.js';
import { Metrics } from '../../src/http/metrics.js';
import { ChartRepository } from '../../src/repo/repository.js';
import type { StorageBackend } from '../../src/storage/backend.js';
import { MemoryStorage } from '../../src/storage/memory.js';

export interface TestServer {
  app: FastifyInstance;
  repository: ChartRepository;
  storage: StorageBackend;
  config: ServerConfig;
  /** The users file as the server reads it (with `authUsersFile`); `reload()` picks up changes. */
  usersFile?: UsersFileSource;
}

/**
 * Builds an app over the given storage (memory by default) with ChartMuseum's CLI defaults plus overrides,
 * including the auth settings (read as `chartroom serve` reads them; `now` also drives the login throttle).
 */
export async function testServer(overrides: Partial<ServerConfig> = {}, storage: StorageBackend = new MemoryStorage(), now?: () => Date, appOptions: FastifyServerOptions = {}): Promise<TestServer> {
  const config: ServerConfig = { ...DEFAULTS, ...overrides };
  const repository = new ChartRepository({
    storage,
    allowOverwrite: config.allowOverwrite,
    disableForceOverwrite: config.disableForceOverwrite,
    maxStorageObjects: config.maxStorageObjects,
    perChartLimit: config.perChartLimit,
    chartUrl: config.chartUrl,
    contextPath: config.contextPath,
    now,
  });
  const metrics = config.enableMetrics ? new Metrics() : undefined;
  const silent = { info: () => undefined, error: () => undefined };
  const { authorizer, usersFile } = await setUpAuth(config, silent, now ? () => now().getTime() : undefined);
  const app = await buildApp({ config, repository, metrics, authorizer }, appOptions);
  return { app, repository, storage, config, usersFile };
}

/** A fresh temporary folder, removed by the returned cleanup. */
export async function tempDir(prefix = 'chartroom-test-'): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, cleanup: () => rm(path, { recursive: true, force: true }) };
}

/** A multipart/form-data body with file parts. */
export function multipartBody(parts: { field: string; filename: string; data: Buffer }[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----chartroom-test-boundary';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.field}"; filename="${part.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    chunks.push(part.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
