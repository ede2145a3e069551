/**
 * Helm's function cases (helm.md §5.7, from pkg/engine/funcs_test.go at v3.21.4): each template runs with
 * Helm's function map over the given dot and must print exactly Helm's expected output.
 */
import { describe, expect, it } from 'vitest';
import { Template, type GoValue } from '../../../src/gotemplate/index.js';
import { fromPlain } from '../../../src/gotemplate/convert.js';
import { helmFuncMap } from '../../../src/helm/render/helm-funcs.js';

function run(tpl: string, dot: GoValue): string {
  const t = new Template('test').option('missingkey=zero').funcs(helmFuncMap());
  return t.parse(tpl).execute(dot);
}

const f = (v: unknown): GoValue => fromPlain(v);
const ints = (v: unknown): GoValue => fromPlain(v, { numbers: 'int64' });

const CASES: [number, string, GoValue, string][] = [
  [1, '{{ toYaml . }}', f({ foo: 'bar' }), 'foo: bar'],
  [2, '{{ toYamlPretty . }}', ints({ baz: [1, 2, 3] }), 'baz:\n  - 1\n  - 2\n  - 3'],
  [8, '{{ toJson . }}', f({ foo: 'bar' }), '{"foo":"bar"}'],
  [9, '{{ fromYaml . }}', 'hello: world', 'map[hello:world]'],
  [10, '{{ fromYamlArray . }}', '- one\n- 2\n- name: helm\n', '[one 2 map[name:helm]]'],
  [11, '{{ fromYamlArray . }}', '["one", 2, { "name": "helm" }]', '[one 2 map[name:helm]]'],
  [13, '{{ fromYaml . }}', '- one\n- two\n',
    'map[Error:error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}]'],
  [14, '{{ fromJson .}}', '{"hello":"world"}', 'map[hello:world]'],
  [15, '{{ fromJson . }}', '["one", "two"]', 'map[Error:json: cannot unmarshal array into Go value of type map[string]interface {}]'],
  [16, '{{ fromJsonArray . }}', '["one", 2, { "name": "helm" }]', '[one 2 map[name:helm]]'],
  [17, '{{ fromJsonArray . }}', '{"hello": "world"}', '[json: cannot unmarshal object into Go value of type []interface {}]'],
  [18, '{{ merge .dict (fromYaml .yaml) }}', f({ dict: { a: { b: 'c' } }, yaml: '{"a":{"b":"d"}}' }), 'map[a:map[b:c]]'],
  [19, '{{ merge (fromYaml .yaml) .dict }}', f({ dict: { a: { b: 'c' } }, yaml: '{"a":{"b":"d"}}' }), 'map[a:map[b:d]]'],
  [20, '{{ fromYaml . }}', '["one", "two"]',
    'map[Error:error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}]'],
  [21, '{{ fromYamlArray . }}', 'hello: world',
    '[error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}]'],
  [22, '{{ lookup "v1" "Namespace" "" "unlikelynamespace99999999" }}', null, 'map[]'],
];

describe('Helm functions (pkg/engine/funcs_test.go)', () => {
  it.each(CASES)('#%i %s', (_n, tpl, dot, expected) => {
    expect(run(tpl, dot)).toBe(expected);
  });

  it('#23 merge: dst keeps its values, gains missing keys from the sources in order', () => {
    const dot = ints({
      dst: { a: 'one', c: 3, d: { f: 5 }, g: [8, 9], i: 'eye', k: { l: true } },
      src1: { a: 1, b: 2, d: { e: 'four' }, g: [6, 7], i: 'aye', j: 'jay', k: { l: false } },
      src2: { h: 10, i: 'i', j: 'j' },
    });
    expect(run('{{merge .dst .src1 .src2}}{{"|"}}{{.dst}}', dot)).toBe(
      'map[a:one b:2 c:3 d:map[e:four f:5] g:[8 9] h:10 i:eye j:jay k:map[l:true]]|map[a:one b:2 c:3 d:map[e:four f:5] g:[8 9] h:10 i:eye j:jay k:map[l:true]]',
    );
  });

  it('Helm removes env and expandenv', () => {
    expect(() => run('{{ env "HOME" }}', null)).toThrow('function "env" not defined');
    expect(() => run('{{ expandenv "$HOME" }}', null)).toThrow('function "expandenv" not defined');
  });

  it('#28 getHostByName returns "" without --enable-dns', () => {
    expect(run('{{getHostByName "helm.sh"}}', null)).toBe('');
  });
});
