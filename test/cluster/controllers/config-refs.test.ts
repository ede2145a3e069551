import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/cluster/cluster.js';
import { findMissingConfig } from '../../../src/cluster/controllers/kubelet/config-refs.js';
import type { Pod } from '../../../src/cluster/types.js';
import { podCells } from '../../../src/cluster/views/pod-view.js';

const pod = (spec: Record<string, unknown>): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default' },
  spec: { containers: [{ name: 'web', image: 'nginx:1.25', ...spec }] },
});

describe('missing ConfigMaps and Secrets', () => {
  const lookup = (kind: 'ConfigMap' | 'Secret', name: string) => (kind === 'ConfigMap' && name === 'present' ? ['color'] : undefined);

  it('names the missing object or key as the kubelet does', () => {
    expect(findMissingConfig(pod({ envFrom: [{ configMapRef: { name: 'app-config' } }] }), lookup)).toEqual({ via: 'env', message: 'configmap "app-config" not found' });
    expect(findMissingConfig(pod({ env: [{ name: 'C', valueFrom: { configMapKeyRef: { name: 'present', key: 'size' } } }] }), lookup)).toEqual({
      via: 'env',
      message: "couldn't find key size in ConfigMap default/present",
    });
    expect(findMissingConfig(pod({ env: [{ name: 'S', valueFrom: { secretKeyRef: { name: 'db', key: 'pw', optional: true } } }] }), lookup)).toBeUndefined();
    const withVolume = { ...pod({}), spec: { containers: [{ name: 'web' }], volumes: [{ name: 'tls', secret: { secretName: 'tls' } }] } } as Pod;
    expect(findMissingConfig(withVolume, lookup)).toEqual({ via: 'volume', message: 'MountVolume.SetUp failed for volume "tls" : secret "tls" not found' });
  });

  it('holds a pod in CreateContainerConfigError until the ConfigMap exists, then starts it at the next retry', () => {
    const c = createCluster();
    c.apply({ ...pod({ envFrom: [{ configMapRef: { name: 'app-config' } }] }), spec: { containers: [{ name: 'web', image: 'nginx:1.25', envFrom: [{ configMapRef: { name: 'app-config' } }] }] } } as Pod);
    c.advance(2500);
    const blocked = c.get<Pod>('Pod', 'default', 'web')!;
    expect(podCells(blocked, c.now())).toEqual({ ready: '0/1', status: 'CreateContainerConfigError', restarts: '0' });
    expect(c.events({ involvedName: 'web' }).at(-1)).toMatchObject({ type: 'Warning', reason: 'Failed', message: 'Error: configmap "app-config" not found' });
    c.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config' }, data: { color: 'blue' } });
    c.advance(9999);
    expect(podCells(c.get<Pod>('Pod', 'default', 'web')!, c.now()).status).toBe('CreateContainerConfigError');
    c.advance(1);
    expect(podCells(c.get<Pod>('Pod', 'default', 'web')!, c.now())).toEqual({ ready: '0/1', status: 'Running', restarts: '0' });
    c.advance(2500);
    expect(podCells(c.get<Pod>('Pod', 'default', 'web')!, c.now())).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
  });
});
