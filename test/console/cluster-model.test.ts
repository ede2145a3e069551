/**
 * The console's cluster model, in Node: pod tile states from kubectl's READY/STATUS cells, and workloads
 * assembled from stream events by ownership (Deployment → ReplicaSets → pods), newest revision first.
 */
import { describe, expect, it } from 'vitest';
import { ClusterModel, podState, type KubeObject, type StreamEvent } from '../../src/console/cluster-model.js';

describe('podState', () => {
  it.each([
    ['0/1', 'Pending', 'pending'],
    ['0/1', 'ContainerCreating', 'creating'],
    ['0/1', 'Running', 'notready'],
    ['1/2', 'Running', 'notready'],
    ['2/2', 'Running', 'ready'],
    ['1/1', 'Terminating', 'terminating'],
    ['0/1', 'CrashLoopBackOff', 'failing'],
    ['0/1', 'ImagePullBackOff', 'failing'],
    ['0/1', 'Error', 'failing'],
    ['0/1', 'Completed', 'done'],
  ])('READY %s STATUS %s is %s', (ready, status, state) => {
    expect(podState(ready, status)).toBe(state);
  });
});

function object(kind: string, name: string, rv: number, extra: Partial<KubeObject> & { owner?: string; revision?: string } = {}): KubeObject {
  const { owner, revision, ...rest } = extra;
  return {
    kind,
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      resourceVersion: String(rv),
      ...(owner ? { ownerReferences: [{ uid: `uid-${owner}`, kind: 'x', name: owner }] } : {}),
      ...(revision ? { annotations: { 'deployment.kubernetes.io/revision': revision } } : {}),
    },
    ...rest,
  };
}

const added = (obj: KubeObject, cells: string[]): StreamEvent => ({ type: 'ADDED', object: obj, row: { cells } });

describe('ClusterModel', () => {
  it('groups pods under their ReplicaSets, newest revision first, and follows deletions', () => {
    const model = new ClusterModel();
    model.apply(added(object('Deployment', 'web', 1), ['web', '2/3', '1', '2', '5s']));
    model.apply(added(object('ReplicaSet', 'web-old', 2, { owner: 'web', revision: '1' }), ['web-old', '2', '2', '2', '5s']));
    model.apply(added(object('ReplicaSet', 'web-new', 3, { owner: 'web', revision: '2' }), ['web-new', '1', '1', '0', '1s']));
    model.apply(added(object('Pod', 'web-old-a', 4, { owner: 'web-old', spec: { containers: [{ image: 'nginx:1.25' }] } }), ['web-old-a', '1/1', 'Running', '0', '5s']));
    model.apply(added(object('Pod', 'web-old-b', 5, { owner: 'web-old' }), ['web-old-b', '1/1', 'Terminating', '0', '5s']));
    model.apply(added(object('Pod', 'web-new-a', 6, { owner: 'web-new', spec: { containers: [{ image: 'nginx:1.26' }] } }), ['web-new-a', '0/1', 'ContainerCreating', '0', '1s']));
    model.apply(added(object('Pod', 'stray', 7), ['stray', '1/1', 'Running', '0', '1s']));

    const [web] = model.workloads('default');
    expect(web?.groups.map((g) => [g.entry.object.metadata.name, g.revision, g.pods.map((p) => `${p.entry.object.metadata.name}:${p.state}:${p.images}`)])).toEqual([
      ['web-new', '2', ['web-new-a:creating:nginx:1.26']],
      ['web-old', '1', ['web-old-a:ready:nginx:1.25', 'web-old-b:terminating:']],
    ]);
    expect(model.resourceVersion).toBe(7);

    model.apply({ type: 'DELETED', object: object('Pod', 'web-old-b', 8, { owner: 'web-old' }) });
    expect(model.workloads('default')[0]?.groups[1]?.pods.map((p) => p.entry.object.metadata.name)).toEqual(['web-old-a']);
    expect(model.workloads('other')).toEqual([]);
  });

  it('gives StatefulSets and DaemonSets one group of their own pods, and lists namespaces and events', () => {
    const model = new ClusterModel();
    model.apply(added(object('StatefulSet', 'db', 1), ['db', '1/2', '1s']));
    model.apply(added({ ...object('ControllerRevision', 'db-5d8', 1), revision: 1 }, []));
    model.apply(added({ ...object('ControllerRevision', 'db-7b6', 1), revision: 2 }, []));
    const pod = (name: string, hash: string, owner = 'db'): KubeObject => {
      const o = object('Pod', name, 2, { owner });
      return { ...o, metadata: { ...o.metadata, labels: { 'controller-revision-hash': hash } } };
    };
    model.apply(added(pod('db-0', 'db-5d8'), ['db-0', '1/1', 'Running', '0', '1s']));
    model.apply(added(pod('db-1', 'db-7b6'), ['db-1', '0/1', 'ContainerCreating', '0', '1s']));
    model.apply(added(object('Event', 'db-0.1', 4, { type: 'Normal', reason: 'Created' }), []));
    model.apply(added(object('Event', 'db-0.0', 3, { type: 'Normal', reason: 'Scheduled' }), []));
    model.apply(added({ kind: 'Namespace', metadata: { name: 'kube-system' } }, []));
    const [db] = model.workloads('default');
    // Newest revision first, as ReplicaSets are.
    expect(db?.groups.map((g) => [g.revision, g.revisionName, g.pods.map((p) => p.state)])).toEqual([['2', 'db-7b6', ['creating']], ['1', 'db-5d8', ['ready']]]);
    // A DaemonSet's pods carry the bare hash.
    model.apply(added(object('DaemonSet', 'agent', 5), ['agent', '1', '1', '1', '1', '1', '<none>', '1s']));
    model.apply(added({ ...object('ControllerRevision', 'agent-585', 5), revision: 1 }, []));
    model.apply(added(pod('agent-x', '585', 'agent'), ['agent-x', '1/1', 'Running', '0', '1s']));
    expect(model.workloads('default')[1]?.groups.map((g) => [g.revision, g.revisionName])).toEqual([['1', 'agent-585']]);
    expect(model.events('default').map((e) => e.reason)).toEqual(['Scheduled', 'Created']);
    expect(model.namespaces()).toEqual(['default', 'kube-system']);
  });
});
