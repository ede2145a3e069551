import type { FastifyInstance } from 'fastify';
import { createClusterRegistry, createRealClock, createVirtualClock, type ClusterRegistry } from '../../../src/cluster/index.js';
import { DEFAULTS, type ServerConfig } from '../../../src/config/settings.js';
import { buildApp } from '../../../src/http/app.js';
import { Metrics } from '../../../src/http/metrics.js';
import { ChartRepository } from '../../../src/repo/repository.js';
import { MemoryStorage } from '../../../src/storage/memory.js';

/** A Deployment (R=3, maxSurge 1, maxUnavailable 0) and its Service, as one YAML body. */
export const VWEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: vweb
spec:
  replicas: 3
  selector:
    matchLabels: {app: vweb}
  strategy:
    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
  template:
    metadata:
      labels: {app: vweb}
    spec:
      containers:
      - name: web
        image: nginx:1.25
---
apiVersion: v1
kind: Service
metadata:
  name: vweb
spec:
  selector: {app: vweb}
  ports:
  - port: 80
`;

/** An app with a cluster registry on the given clock, and `call` to inject JSON or text requests. */
export interface SimApp {
  app: FastifyInstance;
  clusters: ClusterRegistry;
  call: (method: 'GET' | 'POST' | 'DELETE' | 'PATCH', url: string, payload?: unknown, contentType?: string) => Promise<{ status: number; json: any }>;
  close: () => Promise<void>;
}

/** Builds the app (never listening); `withClusters: false` leaves the sim routes out. */
export async function simApp(clock: 'virtual' | 'real' = 'virtual', withClusters = true, overrides: Partial<ServerConfig> = {}, watchLogLimit?: number): Promise<SimApp> {
  const config = { ...DEFAULTS, ...overrides };
  const repository = new ChartRepository({ storage: new MemoryStorage(), allowOverwrite: false, disableForceOverwrite: false, maxStorageObjects: 0, perChartLimit: 0, chartUrl: '', contextPath: '' });
  const wall = { now: () => Date.now(), setTimeout: (f: () => void, ms: number) => setTimeout(f, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };
  const clusters = createClusterRegistry({ makeClock: () => (clock === 'virtual' ? createVirtualClock() : createRealClock(wall)), watchLogLimit });
  const metrics = config.enableMetrics ? new Metrics() : undefined;
  const app = await buildApp({ config, repository, metrics, ...(withClusters ? { clusters } : {}) });
  const call: SimApp['call'] = async (method, url, payload, contentType = 'application/json') => {
    const body = typeof payload === 'string' ? payload : payload === undefined ? undefined : JSON.stringify(payload);
    const res = await app.inject({ method, url, payload: body, headers: body === undefined ? {} : { 'content-type': contentType } });
    return { status: res.statusCode, json: res.json() };
  };
  return { app, clusters, call, close: async () => (await app.close(), clusters.dispose()) };
}
