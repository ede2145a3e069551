/**
 * Table tests for the `--set` parser, with the cases of Helm's own pkg/strvals tests (TestParseSet,
 * TestParseInto, TestParseJSON, TestParseLiteral, TestSetIndex) and the error texts `helm template` prints
 * for them (checked against Helm 3.22 by hand; the differential suite re-checks many through real helm).
 */
import { describe, expect, it } from 'vitest';
import { type GoValue } from '../../../src/gotemplate/index.js';
import { parseSet, StrvalsError, type SetKind } from '../../../src/helm/values/index.js';
import { parseHelmYaml } from '../../../src/helm/render/yaml-values.js';
import { showValue } from './show-values.js';

const base = (yaml: string): Map<string, GoValue> => parseHelmYaml(yaml) as Map<string, GoValue>;
const show = (kind: SetKind, expr: string, start = new Map<string, GoValue>()): string => showValue(parseSet(kind, expr, start));
const error = (kind: SetKind, expr: string, start = new Map<string, GoValue>()): string => {
  try {
    parseSet(kind, expr, start);
  } catch (e) {
    expect(e).toBeInstanceOf(StrvalsError);
    return (e as Error).message;
  }
  throw new Error(`${expr} parsed without error`);
};

describe('--set (TestParseSet)', () => {
  const cases: [string, string][] = [
    ['name1=null,f=false,t=true', '{f: false, name1: nil, t: true}'],
    ['name1=value1', '{name1: "value1"}'],
    ['name1=value1,name2=value2,', '{name1: "value1", name2: "value2"}'],
    ['name1=,name2=value2', '{name1: "", name2: "value2"}'],
    ['leading_zeros=00009', '{leading_zeros: "00009"}'],
    ['zero_int=0,long_int=1234567890', '{long_int: 1234567890, zero_int: 0}'],
    ['neg=-007,plus=+5,negzero=-0,float=1.5,exp=1e3,big=9223372036854775808', '{big: "9223372036854775808", exp: "1e3", float: "1.5", neg: -7, negzero: 0, plus: 5}'],
    ['a=TRUE,b=False,c=NULL,d=falſe', '{a: true, b: false, c: nil, d: false}'],
    ['name1=one\\,two,name2=three\\,four', '{name1: "one,two", name2: "three,four"}'],
    ['name1=one\\=two,name2=three\\=four', '{name1: "one=two", name2: "three=four"}'],
    ['name1=one two three,name2=three two one', '{name1: "one two three", name2: "three two one"}'],
    ['outer.inner1=value,outer.middle.inner=value', '{outer: {inner1: "value", middle: {inner: "value"}}}'],
    ['name1.name2=', '{name1: {name2: ""}}'],
    ['name1={value1,value2},name2={1021,902}', '{name1: ["value1", "value2"], name2: [1021, 902]}'],
    ['name1.name2={value1,value2}', '{name1: {name2: ["value1", "value2"]}}'],
    ['a={},b={,}', '{a: [""], b: ["", ""]}'],
    ['list[0]=foo,list[1]=bar,', '{list: ["foo", "bar"]}'],
    ['list[0].foo=bar,list[0].hello=world', '{list: [{foo: "bar", hello: "world"}]}'],
    ['list[0]=foo,list[3]=bar', '{list: ["foo", nil, nil, "bar"]}'],
    ['noval[0]', '{noval: []}'],
    ['noval[0]=', '{noval: [""]}'],
    ['nested[0][0]=1', '{nested: [[1]]}'],
    ['nested[1][1]=1', '{nested: [nil, [nil, 1]]}'],
    ['name1.name2[1].foo=bar,name1.name2[0].foo=bar', '{name1: {name2: [{foo: "bar"}, {foo: "bar"}]}}'],
    ['name1.name2[1].foo=bar', '{name1: {name2: [nil, {foo: "bar"}]}}'],
    ['a[1].b=1,a[0]=2', '{a: [2, {b: 1}]}'],
    ['foo\\.bar=v,a=b=c,.x=1', '{a: "b=c", foo.bar: "v"}'],
    [' a = b ', '{ a : " b "}'],
  ];
  it.each(cases)('%s', (expr, want) => expect(show('set', expr)).toBe(want));

  const errors: [string, string][] = [
    ['name1=value1,,,,name2=value2,', 'key "" has no value (cannot end with ,)'],
    ['name1,name2=', 'key "name1" has no value (cannot end with ,)'],
    ['name1', 'key "name1" has no value'],
    ['name1.name2', 'key "name2" has no value'],
    ['name1.=name2', 'key map "name1" has no value'],
    ['name1={1021,902', "list must terminate with '}'"],
    ['list[0].foo=bar,list[-30].hello=world', 'negative -30 index not allowed'],
    ['list[65537]=x', 'index of 65537 is greater than maximum supported index of 65536'],
    ['illegal[0]name.foo=bar', "unexpected data at end of array index: ['n' 'a' 'm' 'e']"],
    ["a[0]x'y=1", "unexpected data at end of array index: ['x' '\\'' 'y']"],
    ['a[x]=1', 'error parsing index: strconv.Atoi: parsing "x": invalid syntax'],
    ['a[99999999999999999999]=1', 'error parsing index: strconv.Atoi: parsing "99999999999999999999": value out of range'],
    ['a[1', 'error parsing index: EOF'],
    [']={}].', 'unable to parse key: interface conversion: interface {} is []interface {}, not map[string]interface {}'],
    ['a=1,a.b=2', 'unable to parse key: interface conversion: interface {} is int64, not map[string]interface {}'],
    ['a[0]=1,a.b=2', 'unable to parse key: interface conversion: interface {} is []interface {}, not map[string]interface {}'],
    ['a=x,a[0]=1', 'unable to parse key: interface conversion: interface {} is string, not []interface {}'],
    ['a=null,a.b=1', 'unable to parse key: interface conversion: interface {} is nil, not map[string]interface {}'],
    ['a[0]=1,a[0][0]=1', 'unable to parse key: interface conversion: interface {} is int64, not []interface {}'],
    [`${Array.from({ length: 32 }, (_, i) => `k${i}`).join('.')}=1`, 'value name nested level is greater than maximum supported nested level of 30'],
  ];
  it.each(errors)('error: %s', (expr, want) => expect(error('set', expr)).toBe(want));

  it('accepts 30 levels of nesting and index 65536', () => {
    expect(show('set', `${Array.from({ length: 31 }, (_, i) => `k${i}`).join('.')}`.replace(/\.k30$/, '.k30=1'))).toContain('k29: {k30: 1}');
    expect((parseSet('set', 'l[65536]=x').get('l') as GoValue[]).length).toBe(65537);
  });
});

describe('--set into existing values (TestParseInto, TestParseIntoString)', () => {
  it('overwrites and adds inside maps from files (floats stay floats)', () => {
    const start = base('outer: {inner1: overwrite, inner2: value2, num: 1}');
    expect(show('set', 'outer.inner1=value1,outer.inner3=value3,outer.inner4=4', start))
      .toBe('{outer: {inner1: "value1", inner2: "value2", inner3: "value3", inner4: 4, num: 1f}}');
    expect(showValue(start)).toBe('{outer: {inner1: "overwrite", inner2: "value2", num: 1f}}');
  });
  it('extends nested lists of maps across arguments', () => {
    const once = parseSet('set', 'listOuter[0][0].type=listValue');
    expect(show('set', 'listOuter[0][0].status=alive', once)).toBe('{listOuter: [[{status: "alive", type: "listValue"}]]}');
    expect(show('set', 'listOuter[1][0].status=alive', once)).toBe('{listOuter: [[{type: "listValue"}], [{status: "alive"}]]}');
    const deep = base('listOuter: [[[{exited: old}]]]');
    expect(show('set', 'listOuter[0][0][1].status=alive', parseSet('set', 'listOuter[0][1][0].type=listValue', deep)))
      .toBe('{listOuter: [[[{exited: "old"}, {status: "alive"}], [{type: "listValue"}]]]}');
  });
  it('--set-string keeps every value a string', () => {
    expect(show('set-string', 'outer.inner1=1,outer.inner3=3,b=true,n=null,z=0,l={1,2}', base('outer: {inner1: overwrite, inner2: value2}')))
      .toBe('{b: "true", l: ["1", "2"], n: "null", outer: {inner1: "1", inner2: "value2", inner3: "3"}, z: "0"}');
  });
});

describe('--set-json (TestParseJSON)', () => {
  it('scalars, with one key replaced', () => {
    expect(show('set-json', 'outer.inner1="1",outer.inner3=3,outer.inner4=true,outer.inner5="true"', base('outer: {inner1: overwrite, inner2: value2}')))
      .toBe('{outer: {inner1: "1", inner2: "value2", inner3: 3f, inner4: true, inner5: "true"}}');
  });
  it('objects and arrays', () => {
    expect(show('set-json', 'o.a={"a":"1","b":2,"c":[1,2,3]},o.b=["v1","v2"],o.c=[{"A":"1","C":[1,2e3]}]'))
      .toBe('{o: {a: {a: "1", b: 2f, c: [1f, 2f, 3f]}, b: ["v1", "v2"], c: [{A: "1", C: [1f, 2000f]}]}}');
  });
  it('an empty value is null; later keys index into earlier JSON', () => {
    expect(show('set-json', 'outer.inner1=,outer.inner3={"cc":[1,2,3]},outer.inner3.cc[1]=null', base('outer: {inner1: {x: y}, inner2: v}')))
      .toBe('{outer: {inner1: nil, inner2: "v", inner3: {cc: [1f, nil, 3f]}}}');
    expect(show('set-json', 'a[1]=3 , b="q"')).toBe(`{ b: "q", a: [nil, 3f]}`);
  });
  it('rejects bad JSON and trailing data', () => {
    expect(() => parseSet('set-json', 'o.a={"a":1},o.b={"A":"1"}]')).toThrow();
    expect(() => parseSet('set-json', 'a={bad')).toThrow();
    expect(() => parseSet('set-json', 'a=1 2')).toThrow(StrvalsError);
  });
});

describe('--set-literal (TestParseLiteral) and --set-file (TestParseFile)', () => {
  it('takes the rest of the argument literally, commas and backslashes included', () => {
    expect(show('set-literal', 'a=x,y=z\\,w')).toBe('{a: "x,y=z\\\\,w"}');
    expect(show('set-literal', 'a.b[0]=1,2')).toBe('{a: {b: ["1,2"]}}');
    expect(show('set-literal', 'name1=true')).toBe('{name1: "true"}');
    expect(error('set-literal', 'a')).toBe('key "a" has no value');
  });
  it('reads each value as a path', () => {
    const files: Record<string, string> = { path1: 'value1', 'p,2': 'v2' };
    const read = (p: string): string => files[p] ?? '';
    expect(showValue(parseSet('set-file', 'name1=path1,x={path1,p\\,2}', new Map(), read))).toBe('{name1: "value1", x: ["value1", "v2"]}');
  });
});
