import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/cluster/cluster.js';
import { BadRequestError } from '../../src/cluster/errors.js';
import { applyJsonPatch, type JsonPatchOperation } from '../../src/cluster/patch/json-patch.js';
import { replicaSetsOf } from '../../src/cluster/rollout.js';
import type { Deployment, ReplicaSet } from '../../src/cluster/types.js';
import { deployment } from './scenarios/harness.js';

describe('JSON patch (RFC 6902 appendix A)', () => {
  const cases: [string, unknown, JsonPatchOperation[], unknown][] = [
    ['A.1 add an object member', { foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }], { baz: 'qux', foo: 'bar' }],
    ['A.2 add an array element', { foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }], { foo: ['bar', 'qux', 'baz'] }],
    ['A.3 remove an object member', { baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }], { foo: 'bar' }],
    ['A.4 remove an array element', { foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }], { foo: ['bar', 'baz'] }],
    ['A.5 replace a value', { baz: 'qux', foo: 'bar' }, [{ op: 'replace', path: '/baz', value: 'boo' }], { baz: 'boo', foo: 'bar' }],
    [
      'A.6 move a value',
      { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } },
      [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }],
      { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } },
    ],
    ['A.7 move an array element', { foo: ['all', 'grass', 'cows', 'eat'] }, [{ op: 'move', from: '/foo/1', path: '/foo/3' }], { foo: ['all', 'cows', 'eat', 'grass'] }],
    ['A.8 test a value', { baz: 'qux', foo: ['a', 2, 'c'] }, [{ op: 'test', path: '/baz', value: 'qux' }, { op: 'test', path: '/foo/1', value: 2 }], { baz: 'qux', foo: ['a', 2, 'c'] }],
    ['A.10 add a nested member', { foo: 'bar' }, [{ op: 'add', path: '/child', value: { grandchild: {} } }], { foo: 'bar', child: { grandchild: {} } }],
    ['A.14 ~ escape ordering', { '/': 9, '~1': 10 }, [{ op: 'test', path: '/~01', value: 10 }], { '/': 9, '~1': 10 }],
    ['A.16 add an array value', { foo: ['bar'] }, [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }], { foo: ['bar', ['abc', 'def']] }],
  ];
  it.each(cases)('%s', (_id, doc, ops, expected) => {
    expect(applyJsonPatch(doc, ops)).toEqual(expected);
  });

  it('A.9 / A.12 / A.15 fail on a failed test, a missing target, or a number compared with a string', () => {
    expect(() => applyJsonPatch({ baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }])).toThrow(BadRequestError);
    expect(() => applyJsonPatch({ foo: 'bar' }, [{ op: 'add', path: '/baz/bat', value: 'qux' }])).toThrow(BadRequestError);
    expect(() => applyJsonPatch({ '/': 9, '~1': 10 }, [{ op: 'test', path: '/~01', value: '10' }])).toThrow(BadRequestError);
  });

  it('performs kubectl rollout undo as real kubectl sends it, creationTimestamp null included', () => {
    const c = createCluster();
    c.apply(deployment({ replicas: 1, image: 'nginx:1' }));
    c.advance(10_000);
    c.apply(deployment({ replicas: 1, image: 'nginx:2' }));
    c.advance(10_000);
    const d = c.get<Deployment>('Deployment', 'default', 'vweb')!;
    const rev1 = replicaSetsOf(c, d).find((r) => r.metadata.annotations?.['deployment.kubernetes.io/revision'] === '1')!;
    const template = structuredClone(rev1.spec.template) as ReplicaSet['spec']['template'] & { metadata: Record<string, unknown> };
    delete (template.metadata.labels as Record<string, string>)['pod-template-hash'];
    template.metadata.creationTimestamp = null;
    c.patch('Deployment', 'default', 'vweb', [
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: { 'deployment.kubernetes.io/revision': '2' } },
    ], 'json');
    c.advance(10_000);
    expect(c.list('ReplicaSet')).toHaveLength(2);
    expect(c.get<ReplicaSet>('ReplicaSet', 'default', rev1.metadata.name)!.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
  });
});
