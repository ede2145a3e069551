import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../src/cluster/errors.js';
import { EVERYTHING, fromLabelSelector, matches, NOTHING, parseSelector } from '../../src/cluster/selector.js';

describe('label selectors', () => {
  const labels = { app: 'vweb', tier: 'web', env: 'prod' };

  it.each([
    ['app=vweb', true],
    ['app==vweb', true],
    ['app!=vweb', false],
    ['app=vweb,tier=db', false],
    ['env in (prod, staging)', true],
    ['env notin (prod)', false],
    ['tier', true],
    ['!legacy', true],
    ['!tier', false],
    ['', true],
    ['missing!=x', true],
  ])('%s → %s', (text, expected) => {
    expect(matches(parseSelector(text), labels)).toBe(expected);
  });

  it('rejects garbage', () => {
    expect(() => parseSelector('app=(x')).toThrow(BadRequestError);
  });

  it('compiles matchLabels and matchExpressions', () => {
    const s = fromLabelSelector({
      matchLabels: { app: 'vweb' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod'] },
        { key: 'legacy', operator: 'DoesNotExist' },
      ],
    });
    expect(matches(s, labels)).toBe(true);
    expect(matches(s, { ...labels, legacy: 'yes' })).toBe(false);
    expect(() => fromLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] })).toThrow(BadRequestError);
  });

  it('treats {} as everything and a missing selector as nothing', () => {
    expect(matches(fromLabelSelector({}), labels)).toBe(true);
    expect(matches(fromLabelSelector(undefined), labels)).toBe(false);
    expect(matches(EVERYTHING, {})).toBe(true);
    expect(matches(NOTHING, {})).toBe(false);
  });
});

describe('field selectors', () => {
  it('filters lists by metadata.name and event fields, and rejects unknown fields', async () => {
    const { createCluster } = await import('../../src/cluster/cluster.js');
    const c = createCluster();
    c.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } });
    c.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } });
    expect(c.list('ConfigMap', { fieldSelector: 'metadata.name=b' }).map((o) => o.metadata.name)).toEqual(['b']);
    expect(c.list('ConfigMap', { fieldSelector: 'metadata.name!=b,metadata.namespace=default' }).map((o) => o.metadata.name)).toEqual(['a']);
    c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x:1' }] } });
    expect(c.list('Event', { fieldSelector: 'involvedObject.kind=Pod,involvedObject.name=p,reason=Scheduled' })).toHaveLength(1);
    expect(() => c.list('ConfigMap', { fieldSelector: 'data.x=1' })).toThrow('field label not supported: data.x');
  });
});
