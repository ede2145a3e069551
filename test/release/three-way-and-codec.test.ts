import { describe, expect, it } from 'vitest';
import { goJson, goJsonString, goTime } from '../../src/release/codec.js';
import { threeWayMergePatch } from '../../src/release/index.js';

const deployment = (replicas: number, image: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: { app: 'web' } },
  spec: { replicas, template: { spec: { containers: [{ name: 'web', image, ...extra }] } } },
});

describe('threeWayMergePatch (strategicpatch.CreateThreeWayMergePatch with overwrite)', () => {
  const cases: { name: string; original: any; modified: any; live: any; patch: Record<string, unknown> }[] = [
    {
      name: 'a replicas-only change patches replicas only',
      original: deployment(1, 'nginx:1.25'), modified: deployment(3, 'nginx:1.25'),
      live: { ...deployment(1, 'nginx:1.25', { imagePullPolicy: 'IfNotPresent' }), status: { replicas: 1 } },
      patch: { spec: { replicas: 3 } },
    },
    {
      name: 'an image change patches the container by its merge key, with the element order',
      original: deployment(1, 'nginx:1.25'), modified: deployment(1, 'nginx:1.26'), live: deployment(1, 'nginx:1.25', { imagePullPolicy: 'IfNotPresent' }),
      patch: { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.26' }], '$setElementOrder/containers': [{ name: 'web' }] } } } },
    },
    {
      name: 'an unchanged manifest over an unchanged object is an empty patch',
      original: deployment(2, 'a'), modified: deployment(2, 'a'), live: { ...deployment(2, 'a'), metadata: { name: 'web', labels: { app: 'web' }, uid: 'u1' } },
      patch: {},
    },
    {
      name: 'a live change to a field the chart sets is reverted (Helm 3 reconciles against the live object)',
      original: deployment(1, 'a'), modified: deployment(1, 'a'), live: deployment(5, 'a'),
      patch: { spec: { replicas: 1 } },
    },
    {
      name: 'a field the new manifest dropped is deleted; one nobody manifests stays',
      original: { kind: 'ConfigMap', data: { a: '1', b: '2' } }, modified: { kind: 'ConfigMap', data: { a: '1' } },
      live: { kind: 'ConfigMap', data: { a: '1', b: '2', c: '3' } },
      patch: { data: { b: null } },
    },
    {
      name: 'a container the new manifest dropped is deleted with $patch',
      original: { kind: 'Pod', spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } },
      modified: { kind: 'Pod', spec: { containers: [{ name: 'a', image: 'x' }] } },
      live: { kind: 'Pod', spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } },
      patch: { spec: { containers: [{ name: 'b', $patch: 'delete' }], '$setElementOrder/containers': [{ name: 'a' }] } },
    },
    {
      name: 'lists without a merge key are replaced whole',
      original: { kind: 'Pod', spec: { containers: [{ name: 'a', args: ['1'] }] } }, modified: { kind: 'Pod', spec: { containers: [{ name: 'a', args: ['1', '2'] }] } },
      live: { kind: 'Pod', spec: { containers: [{ name: 'a', args: ['1'] }] } },
      patch: { spec: { containers: [{ name: 'a', args: ['1', '2'] }], '$setElementOrder/containers': [{ name: 'a' }] } },
    },
  ];
  for (const c of cases) {
    it(c.name, () => expect(threeWayMergePatch(c.original.kind, c.original, c.modified, c.live)).toEqual(c.patch));
  }
});

describe('Go JSON as Helm stores releases', () => {
  it('escapes as encoding/json does', () => {
    expect(goJsonString('<a & b>\u2028\b\f\t"\\b')).toBe('"\\u003ca \\u0026 b\\u003e\\u2028\\u0008\\u000c\\t\\"\\\\b"');
  });
  it('sorts map keys by bytes and keeps numbers as Go prints float64', () => {
    expect(goJson({ b: 1, B: 2.5, a: [true, null, 'x'] })).toBe('{"B":2.5,"a":[true,null,"x"],"b":1}');
  });
  it('prints times as RFC 3339 with trailing zeros trimmed, the zero time as ""', () => {
    expect([goTime(Date.UTC(2026, 0, 1)), goTime(Date.UTC(2026, 0, 1, 0, 0, 5, 250)), goTime(undefined)]).toEqual(['2026-01-01T00:00:00Z', '2026-01-01T00:00:05.25Z', '']);
  });
});
