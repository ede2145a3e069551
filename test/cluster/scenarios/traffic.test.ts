import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/cluster/cluster.js';
import { sendTraffic } from '../../../src/cluster/traffic.js';
import type { Deployment, KubeObject } from '../../../src/cluster/types.js';
import { deployment } from './harness.js';

function track(name: string, replicas: number, labels: Record<string, string>, image: string): Deployment {
  const d = deployment({ name, replicas, image });
  d.spec.selector = { matchLabels: { app: 'shop', ...labels } };
  d.spec.template.metadata!.labels = { app: 'shop', ...labels };
  return d;
}

function service(selector: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'shop' }, spec: { selector, ports: [{ port: 80 }] } };
}

describe('traffic through a Service (§8.1)', () => {
  it('splits a canary roughly by replica ratio (9 stable + 1 canary)', () => {
    const c = createCluster({ seed: 'canary' });
    c.apply(track('shop-stable', 9, { track: 'stable', version: 'v1' }, 'shop:1'));
    c.apply(track('shop-canary', 1, { track: 'canary', version: 'v2' }, 'shop:2'));
    c.apply(service({ app: 'shop' }));
    c.advance(10_000);
    const report = sendTraffic(c, 'default', 'shop', 1000);
    expect(report.failed).toBe(0);
    expect(report.pods).toHaveLength(10);
    const v2 = report.versions.find((v) => v.version === 'v2')!.requests;
    expect(v2).toBeGreaterThan(60);
    expect(v2).toBeLessThan(140);
    expect(sendTraffic(c, 'default', 'shop', 1000)).toEqual(report);
  });

  it('moves all traffic at once when a blue/green selector switches', () => {
    const c = createCluster({ seed: 'bluegreen' });
    c.apply(track('shop-blue', 3, { version: 'blue' }, 'shop:1'));
    c.apply(track('shop-green', 3, { version: 'green' }, 'shop:2'));
    c.apply(service({ app: 'shop', version: 'blue' }));
    c.advance(10_000);
    expect(sendTraffic(c, 'default', 'shop', 100).versions).toEqual([{ version: 'blue', requests: 100 }]);
    c.apply(service({ app: 'shop', version: 'green' }));
    expect(sendTraffic(c, 'default', 'shop', 100).versions).toEqual([{ version: 'green', requests: 100 }]);
  });

  it('fails no request during a maxUnavailable 0 rolling update, and every request with no ready pod', () => {
    const c = createCluster({ seed: 'rolling' });
    c.apply(track('shop', 3, {}, 'shop:1'));
    c.apply(service({ app: 'shop' }));
    expect(sendTraffic(c, 'default', 'shop', 10).failed).toBe(10);
    c.advance(10_000);
    const d = track('shop', 3, {}, 'shop:2');
    d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } };
    c.apply(d);
    for (let t = 0; t < 20; t++) {
      expect(sendTraffic(c, 'default', 'shop', 50).failed).toBe(0);
      c.advance(1000);
    }
    expect(sendTraffic(c, 'default', 'shop', 50).versions).toEqual([{ version: 'shop:2', requests: 50 }]);
  });
});
