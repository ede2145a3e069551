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
