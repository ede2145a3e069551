import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/cluster/cluster.js';
import { createRealClock, type WallClock } from '../../src/cluster/clock.js';
import { BadRequestError, InvalidError, NotFoundError } from '../../src/cluster/errors.js';
import type { KubeObject, Pod, ReplicaSet } from '../../src/cluster/types.js';
import { deployment } from './scenarios/harness.js';

const service: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'vweb', namespace: 'default' },
  spec: { selector: { app: 'vweb' }, ports: [{ port: 80 }] },
};

describe('createCluster', () => {
  it('starts with namespaces, nodes and the kubernetes Service', () => {
    const c = createCluster();
    expect(c.list('Namespace').map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    expect(c.list('Node').map((n) => n.metadata.name)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(c.get('Service', 'default', 'kubernetes')?.spec).toMatchObject({ clusterIP: '10.96.0.1', ports: [{ port: 443, protocol: 'TCP' }] });
  });

  it('gives the same names for the same seed and inputs', () => {
    const names = () => {
      const c = createCluster({ seed: 'class-1' });
      c.apply(deployment({ replicas: 3 }));
      c.advance(10_000);
      return c.list('Pod').map((p) => p.metadata.name);
    };
    const first = names();
    expect(first).toHaveLength(3);
    expect(first[0]).toMatch(/^vweb-[456789bcdf]{1,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(names()).toEqual(first);
  });

  it('reports created, unchanged and configured like kubectl apply', () => {
    const c = createCluster();
    expect(c.apply(deployment({ replicas: 1 })).action).toBe('created');
    expect(c.apply(deployment({ replicas: 1 })).action).toBe('unchanged');
    expect(c.apply(deployment({ replicas: 2 })).action).toBe('configured');
  });

  it('defaults a Deployment as the API server does', () => {
    const c = createCluster();
    const d = c.apply({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x' },
      spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    }).object;
    expect(d.spec).toMatchObject({
      replicas: 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: { spec: { restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', containers: [{ imagePullPolicy: 'Always' }] } },
    });
    expect(d.metadata.namespace).toBe('default');
  });

  it('rejects what the API server rejects', () => {
    const c = createCluster();
    const bad = deployment({ replicas: 1 });
    bad.spec.selector = { matchLabels: { app: 'other' } };
    expect(() => c.apply(bad)).toThrow(InvalidError);
    expect(() => c.apply(bad)).toThrow(/`selector` does not match template `labels`/);
    expect(() => c.apply(deployment({ replicas: 1, maxSurge: 0, maxUnavailable: 0 }))).toThrow(/may not be 0 when `maxSurge` is 0/);
    expect(() => c.apply({ ...deployment({ replicas: 1 }), metadata: { name: 'x', namespace: 'nope' } })).toThrow(NotFoundError);
    c.apply(deployment({ replicas: 1 }));
    const moved = deployment({ replicas: 1 });
    moved.spec.selector = { matchLabels: { app: 'vweb', v: '2' } };
    moved.spec.template.metadata!.labels = { app: 'vweb', v: '2' };
    expect(() => c.apply(moved)).toThrow(/field is immutable/);
  });

  it('keeps unknown kinds as they are', () => {
    const c = createCluster();
    const obj = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { size: 3 } };
    c.apply(obj);
    expect(c.get('Widget', 'default', 'w')).toMatchObject(obj);
  });
});

describe('pods, deletion and garbage collection', () => {
  it('keeps a deleted pod Terminating for terminate-after, and the ReplicaSet replaces it at once', () => {
    const c = createCluster({ settings: { terminateAfterMs: 3000 } });
    c.apply(deployment({ replicas: 1 }));
    c.advance(10_000);
    const [victim] = c.list<Pod>('Pod');
    c.delete('Pod', 'default', victim!.metadata.name);
    const pods = c.list<Pod>('Pod');
    expect(pods).toHaveLength(2);
    expect(c.get<Pod>('Pod', 'default', victim!.metadata.name)?.metadata.deletionTimestamp).toBe('2026-01-01T00:00:40Z');
    c.advance(3000);
    expect(c.list('Pod')).toHaveLength(1);
    const rsEvents = c.events({ involvedKind: 'ReplicaSet' }).map((e) => e.reason);
    expect(rsEvents.filter((r) => r === 'SuccessfulCreate')).toHaveLength(2);
  });

  it('removes a pod at once with grace period 0', () => {
    const c = createCluster();
    c.apply(deployment({ replicas: 1 }));
    const [p] = c.list<Pod>('Pod');
    c.delete('Pod', 'default', p!.metadata.name, { gracePeriodSeconds: 0 });
    expect(c.get('Pod', 'default', p!.metadata.name)).toBeUndefined();
  });

  it('deletes the ReplicaSets and pods of a deleted Deployment', () => {
    const c = createCluster();
    c.apply(deployment({ replicas: 2 }));
    c.advance(10_000);
    c.delete('Deployment', 'default', 'vweb');
    expect(c.list('ReplicaSet')).toEqual([]);
    expect(c.list<Pod>('Pod').every((p) => p.metadata.deletionTimestamp)).toBe(true);
    c.advance(2000);
    expect(c.list('Pod')).toEqual([]);
  });

  it('orphans dependents with propagationPolicy Orphan', () => {
    const c = createCluster();
    c.apply(deployment({ replicas: 1 }));
    c.delete('Deployment', 'default', 'vweb', { propagationPolicy: 'Orphan' });
    const [rs] = c.list<ReplicaSet>('ReplicaSet');
    expect(rs?.metadata.ownerReferences).toBeUndefined();
  });
});

describe('Services and Endpoints', () => {
  it('allocates a ClusterIP and lists Ready pods as endpoint addresses', () => {
    const c = createCluster();
    const svc = c.apply(service).object;
    expect(svc.spec).toMatchObject({ type: 'ClusterIP', ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] });
    expect((svc.spec as { clusterIP: string }).clusterIP).toMatch(/^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/);
    c.apply(deployment({ replicas: 2 }));
    c.advance(3000);
    const notReady = c.get('Endpoints', 'default', 'vweb') as unknown as { subsets: { addresses?: unknown[]; notReadyAddresses?: unknown[] }[] };
    expect(notReady.subsets[0]!.notReadyAddresses).toHaveLength(2);
    expect(notReady.subsets[0]!.addresses).toBeUndefined();
    c.advance(2000);
    const ready = c.get('Endpoints', 'default', 'vweb') as unknown as { subsets: { addresses: { ip: string; targetRef: { name: string } }[]; ports: unknown[] }[] };
    expect(ready.subsets[0]!.addresses).toHaveLength(2);
    expect(ready.subsets[0]!.ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    const podNames = c.list('Pod').map((p) => p.metadata.name).sort();
    expect(ready.subsets[0]!.addresses.map((a) => a.targetRef.name).sort()).toEqual(podNames);
  });
});

describe('watch and clocks', () => {
  it('replays changes from a resourceVersion, and lists everything as ADDED from "0"', () => {
    const c = createCluster();
    const rv = c.resourceVersion();
    c.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: '1' } });
    const events = c.watch(rv);
    expect(events.map((e) => [e.type, e.object.kind, e.object.metadata.name])).toEqual([['ADDED', 'ConfigMap', 'cfg']]);
    expect(c.watch('0').every((e) => e.type === 'ADDED')).toBe(true);
  });

  it('refuses to advance a real clock, and runs due timers when the wall clock wakes it', () => {
    let wallNow = Date.UTC(2026, 0, 1);
    let pending: (() => void) | undefined;
    const wall: WallClock = { now: () => wallNow, setTimeout: (fn) => (pending = fn), clearTimeout: () => (pending = undefined) };
    const c = createCluster({ clock: createRealClock(wall) });
    expect(() => c.advance(1000)).toThrow(BadRequestError);
    c.apply(deployment({ replicas: 1 }));
    expect(pending).toBeDefined();
    wallNow += 6000;
    pending!();
    pending!();
    expect(c.list<Pod>('Pod')[0]!.status?.phase).toBe('Running');
    c.dispose();
  });
});

describe('apply keeps what others added', () => {
  it('keeps the revision annotation and an annotate-d change-cause, but drops a label the manifest removed', () => {
    const c = createCluster();
    const first = deployment({ replicas: 1 });
    first.metadata.labels = { team: 'a', tier: 'web' };
    c.apply(first);
    const annotated = structuredClone(c.get('Deployment', 'default', 'vweb')!);
    annotated.metadata.annotations = { ...annotated.metadata.annotations, 'kubernetes.io/change-cause': 'by hand' };
    c.replace(annotated);
    const second = deployment({ replicas: 1 });
    second.metadata.labels = { team: 'a' };
    c.apply(second);
    const d = c.get('Deployment', 'default', 'vweb')!;
    expect(d.metadata.labels).toEqual({ team: 'a' });
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(d.metadata.annotations?.['kubernetes.io/change-cause']).toBe('by hand');
    expect(JSON.parse(d.metadata.annotations!['kubectl.kubernetes.io/last-applied-configuration']!)).toMatchObject({ metadata: { labels: { team: 'a' } } });
  });
});

describe('namespaces', () => {
  it('empties a deleted namespace, refuses new content meanwhile, then removes it', () => {
    const c = createCluster();
    c.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    c.apply({ ...deployment({ replicas: 2 }), metadata: { name: 'vweb', namespace: 'team' } });
    c.advance(10_000);
    c.delete('Namespace', undefined, 'team');
    expect(c.get('Namespace', undefined, 'team')?.status).toEqual({ phase: 'Terminating' });
    expect(() => c.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'team' } })).toThrow(
      'configmaps "x" is forbidden: unable to create new content in namespace team because it is being terminated',
    );
    c.advance(2000);
    expect(c.get('Namespace', undefined, 'team')).toBeUndefined();
    for (const kind of ['Deployment', 'ReplicaSet', 'Pod', 'Event']) expect(c.list(kind, { namespace: 'team' })).toEqual([]);
  });

  it('refuses to delete default', () => {
    const c = createCluster();
    expect(() => c.delete('Namespace', undefined, 'default')).toThrow('namespaces "default" is forbidden: this namespace may not be deleted');
  });

  it('runs a bare pod and deletes it gracefully', () => {
    const c = createCluster();
    c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'solo' }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] } });
    c.advance(5000);
    const pod = c.get<Pod>('Pod', 'default', 'solo')!;
    expect(pod.status?.phase).toBe('Running');
    expect(pod.spec.nodeName).toMatch(/^node-\d$/);
    expect(c.events({ involvedName: 'solo' }).map((e) => `${e.reason}: ${e.message}`)).toEqual([
      'Scheduled: Successfully assigned default/solo to node-1',
      'Pulled: Container image "busybox:1.36" already present on machine',
      'Created: Created container: c',
      'Started: Started container c',
    ]);
    c.delete('Pod', 'default', 'solo');
    c.advance(2000);
    expect(c.get('Pod', 'default', 'solo')).toBeUndefined();
  });
});

describe('filtered watches', () => {
  it('reports an object leaving a label selector as DELETED and one entering it as ADDED', () => {
    const c = createCluster();
    const rv = c.resourceVersion();
    const cm = (labels: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', labels } });
    c.apply(cm({ tier: 'web' }));
    c.apply(cm({ tier: 'db' }));
    c.apply(cm({ tier: 'web' }));
    const seen = c.watch(rv, { kind: 'ConfigMap', labelSelector: 'tier=web' }).map((e) => `${e.type} ${e.object.metadata.labels?.tier}`);
    expect(seen).toEqual(['ADDED web', 'DELETED db', 'ADDED web']);
    const live: string[] = [];
    const stop = c.subscribe((e) => live.push(`${e.type} ${e.object.metadata.name}`), { kind: 'ConfigMap', fieldSelector: 'metadata.name=other' });
    c.apply(cm({ tier: 'x' }));
    c.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other' } });
    stop();
    expect(live).toEqual(['ADDED other']);
  });
});

describe('event aggregation', () => {
  it('counts a repeated identical event on the first Event object', () => {
    const c = createCluster({ settings: { failingImages: ['nginx:bad'] } });
    c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bad' }, spec: { containers: [{ name: 'c', image: 'nginx:bad' }] } });
    c.advance(120_000);
    const backoffs = c.events({ involvedName: 'bad' }).filter((e) => e.reason === 'BackOff');
    expect(backoffs).toHaveLength(1);
    expect(backoffs[0]!.message).toBe('Back-off pulling image "nginx:bad"');
    expect(backoffs[0]!.count).toBe(4);
    expect(backoffs[0]!.firstTimestamp).toBe('2026-01-01T00:00:03Z');
    // Back-off stages begin at 3.5 s, 14.5 s, 35.5 s and 76.5 s (1 s of ErrImagePull, then 10, 20, 40 s of back-off).
    expect(backoffs[0]!.lastTimestamp).toBe('2026-01-01T00:01:16Z');
  });
});

describe('cluster registry', () => {
  it('always has default, creates others on first use with their own clock and seed', async () => {
    const { createClusterRegistry } = await import('../../src/cluster/registry.js');
    const { createVirtualClock } = await import('../../src/cluster/clock.js');
    const registry = createClusterRegistry({ makeClock: () => createVirtualClock() });
    expect(registry.names()).toEqual(['default']);
    const alice = registry.get('alice');
    expect(registry.get('alice')).toBe(alice);
    alice.advance(5000);
    expect(registry.get('default').now()).toBe(Date.UTC(2026, 0, 1));
    expect(registry.names()).toEqual(['alice', 'default']);
    expect(() => registry.get('Not Valid')).toThrow(BadRequestError);
    expect(registry.remove('default')).toBe(false);
    expect(registry.remove('alice')).toBe(true);
    registry.dispose();
  });
});

describe('ReplicaSet adoption and release', () => {
  it('releases a pod relabelled out of the selector and replaces it; adopts it back when relabelled', () => {
    const c = createCluster();
    c.apply(deployment({ replicas: 2 }));
    c.advance(10_000);
    const [victim] = c.list<Pod>('Pod');
    const relabelled = structuredClone(victim!);
    relabelled.metadata.labels = { ...relabelled.metadata.labels, app: 'debug' };
    c.replace(relabelled);
    const pods = c.list<Pod>('Pod');
    expect(pods).toHaveLength(3);
    expect(c.get<Pod>('Pod', 'default', victim!.metadata.name)!.metadata.ownerReferences).toBeUndefined();
    const back = structuredClone(c.get<Pod>('Pod', 'default', victim!.metadata.name)!);
    back.metadata.labels = { ...back.metadata.labels, app: 'vweb' };
    c.replace(back);
    const owned = c.list<Pod>('Pod').filter((p) => p.metadata.ownerReferences && !p.metadata.deletionTimestamp);
    expect(owned).toHaveLength(2);
    expect(c.get<Pod>('Pod', 'default', victim!.metadata.name)!.metadata.ownerReferences?.[0]?.kind).toBe('ReplicaSet');
  });
});
