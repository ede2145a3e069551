/**
 * Values coalescing, ported from Helm's pkg/chartutil/coalesce_test.go (TestCoalesceValues without its
 * subcharts, TestCoalesceRoot) and the -f merge of pkg/cli/values/options.go (mergeMaps). The cases not in
 * Helm's tests (a null without a default, -f order) were checked against `helm template` 3.22 with a chart
 * printing `toYaml .Values`; feature-chart.test.ts checks the same rules differentially.
 */
import { describe, expect, it } from 'vitest';
import { type GoValue } from '../../../src/gotemplate/index.js';
import { fromPlain, toPlain } from '../../../src/gotemplate/convert.js';
import { parseValuesYaml } from '../../../src/helm/render/chart-loader.js';
import { coalesceValues, mergeMaps, mergeValueFiles, type Values } from '../../../src/helm/render/values.js';

const v = (x: unknown): Values => fromPlain(x) as Values;

const TEST_COALESCE_VALUES_YAML = `
top: yup
bottom: null
right: Null
left: NULL
front: ~
back: ""
nested:
  boat: null

global:
  name: Ishmael
  subject: Queequeg
  nested:
    boat: true
`;

describe('coalesceValues (coalesce_test.go)', () => {
  it('TestCoalesceValues, root chart part: YAML nulls delete defaults, inputs untouched', () => {
    const defaults = v({
      back: 'exists', bottom: 'exists', front: 'exists', left: 'exists', name: 'moby', nested: { boat: true },
      override: 'bad', right: 'exists', scope: 'moby', top: 'nope',
    });
    const user = parseValuesYaml(TEST_COALESCE_VALUES_YAML);
    const before = JSON.stringify(toPlain(user));
    const out = coalesceValues('moby', defaults, user);
    expect(out.get('top')).toBe('yup');
    expect(out.get('back')).toBe('');
    expect(out.get('name')).toBe('moby');
    for (const key of ['bottom', 'right', 'left', 'front']) expect(out.has(key)).toBe(false);
    expect((out.get('nested') as Values).has('boat')).toBe(false);
    expect(toPlain(out.get('global') as GoValue)).toEqual({ name: 'Ishmael', subject: 'Queequeg', nested: { boat: true } });
    expect(JSON.stringify(toPlain(user))).toBe(before);
  });

  it('TestCoalesceRoot: user values win, tables merge, nulls delete, clashes keep the user value', () => {
    const main = v({
      name: 'Ishmael', address: { street: '123 Spouter Inn Ct.', city: 'Nantucket', country: null },
      details: { friends: ['Tashtego'] }, boat: 'pequod', hole: null,
    });
    const secondary = v({
      occupation: 'whaler', address: { state: 'MA', street: '234 Spouter Inn Ct.', country: 'US' }, details: 'empty',
      boat: { mast: true }, hole: 'black',
    });
    const warnings: string[] = [];
    const out = coalesceValues('root', secondary, main, (m) => warnings.push(m));
    expect(toPlain(out)).toEqual({
      name: 'Ishmael', occupation: 'whaler', address: { street: '123 Spouter Inn Ct.', city: 'Nantucket', state: 'MA' },
      details: { friends: ['Tashtego'] }, boat: 'pequod',
    });
    expect(warnings).toEqual(['warning: skipped value for root.details: Not a table.']);
  });

  it('a user null with no default stays null', () => {
    expect(toPlain(coalesceValues('c', v({ a: { b: 1 } }), v({ a: { n: null }, m: null })))).toEqual({ a: { b: 1, n: null }, m: null });
  });
});

describe('mergeValueFiles (-f files in order)', () => {
  it('maps deep-merge, lists and scalars are replaced by the later file', () => {
    const a = v({ x: { y: 1, l: [1, 2] }, s: 'a', t: { k: 1 } });
    const b = v({ x: { z: 2, l: [3] }, s: { now: 'table' }, t: 'scalar' });
    expect(toPlain(mergeValueFiles([a, b]))).toEqual({ x: { y: 1, z: 2, l: [3] }, s: { now: 'table' }, t: 'scalar' });
    expect(toPlain(mergeMaps(b, a))).toEqual({ x: { y: 1, z: 2, l: [1, 2] }, s: 'a', t: { k: 1 } });
  });
});
