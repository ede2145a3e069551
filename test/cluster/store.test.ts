import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/cluster/clock.js';
import { AlreadyExistsError, ConflictError, ExpiredError, NotFoundError } from '../../src/cluster/errors.js';
import { createRandom } from '../../src/cluster/random.js';
import { ObjectStore } from '../../src/cluster/store.js';
import type { KubeObject } from '../../src/cluster/types.js';

const newStore = (logLimit?: number) => new ObjectStore({ clock: createVirtualClock(), random: createRandom('store'), logLimit });
const cm = (name: string, namespace = 'default', data: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace, labels: { app: name } },
  data,
});

describe('ObjectStore', () => {
  it('assigns uid, creationTimestamp and increasing resourceVersions', () => {
    const store = newStore();
    const a = store.create(cm('a'));
    const b = store.create(cm('b'));
    expect(a.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z');
    expect([a.metadata.resourceVersion, b.metadata.resourceVersion]).toEqual(['1', '2']);
    expect(() => store.create(cm('a'))).toThrow(AlreadyExistsError);
    expect(() => store.create(cm('a'))).toThrow('configmaps "a" already exists');
  });

  it('generates names from generateName with the safe alphabet', () => {
    const store = newStore();
    const pod = store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: '', generateName: 'vweb-7d7496cdc6-' }, spec: { containers: [] } });
    expect(pod.metadata.name).toMatch(/^vweb-7d7496cdc6-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('sorts lists by namespace then name and filters by selector', () => {
    const store = newStore();
    for (const [n, ns] of [['b', 'x'], ['a', 'y'], ['c', 'x'], ['a', 'x']] as const) store.create(cm(n, ns));
    expect(store.list('ConfigMap').map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['x/a', 'x/b', 'x/c', 'y/a']);
    expect(store.list('ConfigMap', { namespace: 'y' })).toHaveLength(1);
  });

  it('bumps generation on spec changes only, and ignores writes that change nothing', () => {
    const store = newStore();
    const d: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'default' }, spec: { replicas: 1 } };
    const created = store.create(d);
    expect(created.metadata.generation).toBe(1);
    const same = store.update({ ...d, metadata: { ...d.metadata } });
    expect(same.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
    const withStatus = store.update({ ...d, status: { replicas: 1 } });
    expect(withStatus.metadata.generation).toBe(1);
    const scaled = store.update({ ...d, spec: { replicas: 2 }, status: { replicas: 1 } });
    expect(scaled.metadata.generation).toBe(2);
    expect(Number(scaled.metadata.resourceVersion)).toBeGreaterThan(Number(withStatus.metadata.resourceVersion));
  });

  it('rejects a stale resourceVersion and a missing object', () => {
    const store = newStore();
    const a = store.create(cm('a'));
    store.update({ ...cm('a', 'default', { k: 'v' }) });
    expect(() => store.update({ ...cm('a', 'default', { k: 'w' }), metadata: { ...a.metadata } })).toThrow(ConflictError);
    expect(() => store.update(cm('zz'))).toThrow(NotFoundError);
    expect(() => store.remove('ConfigMap', 'default', 'zz')).toThrow('configmaps "zz" not found');
  });

  it('replays watch events after a resourceVersion and expires old ones', () => {
    // A limit of 2 keeps at least the last 2 events (the log is trimmed in batches).
    const store = newStore(2);
    store.create(cm('a'));
    store.create(cm('b'));
    store.update(cm('a', 'default', { k: 'v' }));
    store.remove('ConfigMap', 'default', 'b');
    const events = store.eventsSince('2');
    expect(events.map((e) => [e.type, e.object.metadata.name, e.object.metadata.resourceVersion])).toEqual([
      ['MODIFIED', 'a', '3'],
      ['DELETED', 'b', '4'],
    ]);
    expect(() => store.eventsSince('1')).toThrow(ExpiredError);
    expect(() => store.eventsSince('1')).toThrow('too old resource version: 1');
    expect(store.eventsSince('4')).toEqual([]);
  });

  it('freezes stored objects so that readers cannot change them', () => {
    const store = newStore();
    const a = store.create(cm('a'));
    expect(() => {
      (a.metadata.labels as Record<string, string>).app = 'changed';
    }).toThrow(TypeError);
  });

  it('indexes dependents by owner uid', () => {
    const store = newStore();
    const owner = store.create(cm('owner'));
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid!, controller: true };
    store.create({ ...cm('dep'), metadata: { ...cm('dep').metadata, ownerReferences: [ref] } });
    expect(store.dependents(owner.metadata.uid!).map((o) => o.metadata.name)).toEqual(['dep']);
    store.remove('ConfigMap', 'default', 'dep');
    expect(store.dependents(owner.metadata.uid!)).toEqual([]);
  });
});
