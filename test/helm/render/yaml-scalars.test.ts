import { describe, expect, it } from 'vitest';
import { parseHelmYaml } from '../../../src/helm/render/yaml-values.js';

/**
 * Plain scalars typed as Helm types them (go-yaml v2 through sigs.k8s.io/yaml): the expected column is what
 * `helm template` (v3.22.0) printed for `{{ printf "%v %T" .Values.k .Values.k }}` with each value in
 * values.yaml, on 2026-11-26.
 */
const CASES: [string, string][] = [
  ['e2', 'e2 string'], ['._', '._ string'], ['0x_', '0x_ string'], ['1:20', '1:20 string'], ['1.5', '1.5 float64'],
  ['.5', '0.5 float64'], ['1e3', '1000 float64'], ['1_000', '1000 float64'], ['0x1F', '31 float64'],
  ['0b101', '5 float64'], ['+e1', '+e1 string'], ['E10', 'E10 string'], ['e-1', 'e-1 string'], ['0b_', '0b_ string'],
  ['-1.5e-3', '-0.0015 float64'], ['1.', '1 float64'], ['yes', 'true bool'], ['0755', '493 float64'],
  ['1.2.3', '1.2.3 string'], ['12:30:45', '12:30:45 string'], ['0o17', '15 float64'], ['1__0', '10 float64'],
  ['_1', '_1 string'], ['.e1', '.e1 string'], ['1e', '1e string'], ['0x1_F', '31 float64'], ['-0x1F', '-31 float64'],
  ['+.5', '0.5 float64'], ['0b1_0', '2 float64'],
];

describe('plain scalars in values files', () => {
  it.each(CASES)('%s reads as Helm reads it', (source, expected) => {
    const value = (parseHelmYaml(`k: ${source}\n`) as Map<string, unknown>).get('k');
    const shown = typeof value === 'number' ? `${value} float64` : typeof value === 'boolean' ? `${value} bool` : `${String(value)} string`;
    expect(shown).toBe(expected);
  });
});
