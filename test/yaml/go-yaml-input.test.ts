// JS-side input model: forms Go has no spelling for (Map, toJSON, undefined, bigint) must
// marshal exactly like their JSON equivalents, whose output the Go oracle recorded.
import { describe, expect, it } from 'vitest';
import { compareGoYamlKeys, GoYamlMarshalError, marshalGoYaml } from '../../src/yaml/go-yaml-emitter.js';
import { KEY_ORDER_EXAMPLES } from './corpus/structures.js';
import { loadGolden } from './golden.js';

const golden = loadGolden();

function goOutput(name: string): string {
  const found = golden.find((g) => g.name === name);
  if (found?.yaml === undefined) throw new Error(`no golden output for ${name}`);
  return found.yaml;
}

describe('input model', () => {
  it('marshals a Map like the equivalent object, nested too', () => {
    const asMap = new Map<string, unknown>([['b', new Map<string, unknown>([['y', 1], ['x', [new Map()]]])], ['a', 'on']]);
    expect(marshalGoYaml(asMap)).toBe(goOutput('input model: map'));
  });

  it('honours toJSON like JSON.stringify, with the member key as argument', () => {
    const seen: string[] = [];
    const value = { when: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), custom: { toJSON: (k: string) => (seen.push(k), [k]) } };
    expect(marshalGoYaml(value)).toBe(goOutput('input model: toJSON'));
    expect(seen).toEqual(['custom']);
  });

  it('drops undefined, functions and symbols from objects and writes null for them in arrays', () => {
    const value = { a: undefined, b: () => 1, c: Symbol('s'), d: [undefined, () => 1], e: { toJSON: () => undefined } };
    expect(marshalGoYaml(value)).toBe(goOutput('input model: omitted members'));
    expect(marshalGoYaml({ a: undefined })).toBe(goOutput('empty map root'));
    expect(marshalGoYaml(undefined)).toBe(goOutput('null root'));
  });

  it('treats numbers as float64 and bigints as int64', () => {
    expect(marshalGoYaml([3, 3n, 2.5, 1e21, -0, 2 ** 64, 9223372036854775807n])).toBe(goOutput('input model: numbers'));
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(marshalGoYaml({ a: shared, b: [shared] })).toBe(goOutput('input model: shared object'));
  });

  it('fails where Go would, or where Go has no such value', () => {
    expect(() => marshalGoYaml({ a: NaN })).toThrow(GoYamlMarshalError);
    expect(() => marshalGoYaml(1n << 64n)).toThrow(GoYamlMarshalError);
    expect(() => marshalGoYaml(new Map([[1, 'x']]))).toThrow(GoYamlMarshalError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => marshalGoYaml(cyclic)).toThrow(GoYamlMarshalError);
  });
});

describe('compareGoYamlKeys', () => {
  it.each(KEY_ORDER_EXAMPLES.map((keys, i) => [i, keys] as const))('orders example %i like Go', (i, keys) => {
    const goOrder = goOutput(`key order example ${i}`).split('\n').slice(0, -1).map((line) => {
      const key = line.slice(0, line.lastIndexOf(': 0'));
      return key.startsWith('"') ? (JSON.parse(key) as string) : key.startsWith("'") ? key.slice(1, -1) : key;
    });
    expect([...keys].sort(compareGoYamlKeys)).toEqual(goOrder);
  });

  it('matches its doc example', () => {
    expect(['b', 'a10', 'a9', '_x', 'A'].sort(compareGoYamlKeys)).toEqual(['_x', 'A', 'a9', 'a10', 'b']);
  });
});
