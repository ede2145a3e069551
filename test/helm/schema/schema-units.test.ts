/**
 * Pure parts of the schema validator: the English number printer's layout (figures observed in Helm 3.22's
 * messages), exact rational comparisons, and error-tree printing.
 */
import { describe, expect, it } from 'vitest';
import { GoInt } from '../../../src/gotemplate/index.js';
import { formatXTextFloat, formatXTextInt, validateAgainstSchema } from '../../../src/helm/schema/index.js';
import { compareRationals, isMultipleOf, rationalOf } from '../../../src/helm/schema/rational.js';
import { parseHelmYaml } from '../../../src/helm/render/yaml-values.js';

describe('x/text number layout', () => {
  it.each([
    [1500, '1,500'], [1234567, '1.234567×10⁰⁶'], [12345678901, '1.2345678901×10¹⁰'], [1e20, '1×10²⁰'], [1e21, '1×10²¹'],
    [1.5e-7, '1.5×10⁻⁰⁷'], [0.0001, '0.0001'], [-2500, '-2,500'], [123456.75, '123,456.75'], [0.5, '0.5'], [0, '0'],
  ])('%s → %s', (n, text) => expect(formatXTextFloat(n)).toBe(text));
  it('groups integers', () => expect([formatXTextInt(1234), formatXTextInt(-1234567), formatXTextInt(12)]).toEqual(['1,234', '-1,234,567', '12']));
});

describe('rationals', () => {
  it('compares decimals exactly', () => {
    expect(isMultipleOf(rationalOf(0.3), rationalOf(0.1))).toBe(true);
    expect(isMultipleOf(rationalOf(0.3), rationalOf(0.5))).toBe(false);
    expect(compareRationals(rationalOf(new GoInt('int64', 5n)), rationalOf(5.0))).toBe(0);
    // A float64 counts by its shortest text, as Go's %v gives it: 2^62 is not exactly 4611686018427387904.
    expect(compareRationals(rationalOf(new GoInt('int64', 2n ** 62n)), rationalOf(2 ** 62))).toBe(-1);
    expect(compareRationals(rationalOf(1e-7), rationalOf(0))).toBe(1);
    expect(compareRationals(rationalOf(-1.5), rationalOf(-1))).toBe(-1);
  });
});

describe('validateAgainstSchema', () => {
  const check = (schema: unknown, yaml: string): string => validateAgainstSchema(JSON.stringify(schema), parseHelmYaml(yaml));
  it('flattens a single failing property into its causes', () => {
    expect(check({ properties: { name: { maxLength: 2, pattern: '^[a-z]+$' } } }, 'name: A12')).toBe(
      "- at '/name': maxLength: got 3, want 2\n- at '/name': 'A12' does not match pattern '^[a-z]+$'\n",
    );
  });
  it('groups several errors of one property below `validation failed`', () => {
    expect(check({ properties: { name: { maxLength: 2, pattern: '^[a-z]+$' } }, required: ['q'] }, 'name: A12')).toBe(
      "- at '': missing property 'q'\n- at '/name': validation failed\n  - at '/name': maxLength: got 3, want 2\n  - at '/name': 'A12' does not match pattern '^[a-z]+$'\n",
    );
  });
  it('escapes pointer tokens and quotes', () => {
    expect(check({ properties: { 'a/b~c': { const: "it's" } } }, 'a/b~c: x')).toBe("- at '/a~1b~0c': value must be 'it\\'s'\n");
  });
  it('conforming values give no text; a truncated schema reports unexpected EOF', () => {
    expect(check({ type: 'object' }, 'a: 1')).toBe('');
    expect(validateAgainstSchema('{"type": ', new Map())).toBe('unexpected EOF');
  });
});
