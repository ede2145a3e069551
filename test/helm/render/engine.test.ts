/**
 * Helm's engine cases (helm.md §5.7, from pkg/engine/engine_test.go at v3.21.4), run through
 * renderTemplates with the data Helm's tests use. Expected outputs and error texts are Helm's.
 */
import { describe, expect, it } from 'vitest';
import { type GoValue } from '../../../src/gotemplate/index.js';
import { fromPlain } from '../../../src/gotemplate/convert.js';
import { renderTemplates, sortTemplates, type Renderable } from '../../../src/helm/render/engine.js';
import { filesObject } from '../../../src/helm/render/files-object.js';
import { chartObject, releaseObject } from '../../../src/helm/render/objects.js';

type Data = Map<string, GoValue>;

function data(values: unknown = {}, extra: Record<string, GoValue> = {}): Data {
  return new Map<string, GoValue>([['Values', fromPlain(values)], ...Object.entries(extra)]);
}

function render(files: Record<string, string>, d: Data = data(), basePath = ''): Map<string, string> {
  const renderables: Renderable[] = Object.entries(files).map(([name, text]) => ({ name, text, data: d, basePath }));
  return renderTemplates(renderables);
}

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

const renderOne = (name: string, text: string, d?: Data): string => render({ [name]: text }, d).get(name)!;
const release = (name: string): GoValue => releaseObject({ name, namespace: 'default', isInstall: true, isUpgrade: false, revision: 1 });
const chart = (name: string, isRoot = true): GoValue => chartObject({ name, version: '0.1.0', apiVersion: 'v2' }, isRoot);

describe('Helm engine (pkg/engine/engine_test.go)', () => {
  it('#24-#27 values, missing values and toJson', () => {
    const d = data({ outer: 'spouter', inner: 'inn', global: { callme: 'Ishmael' } });
    const out = render({
      a: '{{.Values.outer | title }} {{.Values.inner | title}}', b: '{{.Values.global.callme | lower }}',
      c: '{{.noValue}}', d: '{{toJson .Values}}',
    }, d);
    expect([...out.values()].sort()).toEqual(
      ['', 'Spouter Inn', 'ishmael', '{"global":{"callme":"Ishmael"},"inner":"inn","outer":"spouter"}'].sort(),
    );
  });

  it('#29 the parent chart\'s define wins over a subchart\'s, every time', () => {
    for (let i = 0; i < 20; i++) {
      const out = render({
        'parent/templates/_helpers.tpl': '{{define "test"}}parent value{{end}}',
        'parent/charts/child/templates/_helpers.tpl': '{{define "test"}}child value{{end}}',
        'parent/templates/x.yaml': '{{ tpl "{{ include \\"test\\" . }}" . }}',
      });
      expect(out.get('parent/templates/x.yaml')).toBe('parent value');
    }
  });

  it('#30-#32 files are named templates', () => {
    const out = render({ one: 'Hello {{title .Name}}', two: 'Goodbye {{upper .Value}}', three: '{{template "two" dict "Value" "three"}}' },
      fromPlain({ Name: 'one', Value: 'two' }) as Data);
    expect([out.get('one'), out.get('two'), out.get('three')]).toEqual(['Hello One', 'Goodbye TWO', 'Goodbye THREE']);
  });

  it.each([
    [33, 'undefined_function', '{{foo}}', 'parse error at (undefined_function:1): function "foo" not defined'],
    [34, 'missing_required', '{{required "foo is required" .Values.foo}}', 'execution error at (missing_required:1:2): foo is required'],
    [35, 'missing_required_with_colons', '{{required ":this: message: has many: colons:" .Values.foo}}',
      'execution error at (missing_required_with_colons:1:2): :this: message: has many: colons:'],
    [36, 'issue6044', '{{ $someEmptyValue := "" }}\n{{ $myvar := "abc" }}\n{{- required (printf "%s: something is missing" $myvar) $someEmptyValue | repeat 0 }}',
      'execution error at (issue6044:3:4): abc: something is missing'],
    [37, 'issue9981', '{{required "foo is required\\nmore info after the break" .Values.foo}}',
      'execution error at (issue9981:1:2): foo is required\nmore info after the break'],
    [38, 'issue9981', '{{fail "something is wrong\\nlinebreak"}}', 'execution error at (issue9981:1:2): something is wrong\nlinebreak'],
    [39, 'failtpl', 'All your base are belong to us{{ fail "This is an error" }}', 'execution error at (failtpl:1:33): This is an error'],
  ])('#%i error text', (_n, name, text, message) => {
    expect(errorOf(() => render({ [name]: text }))).toBe(message);
  });

  it('#41 defines in a subchart are global', () => {
    const out = render({ 'p/charts/s/templates/x': '{{define "myblock"}}World{{end}}', 'p/templates/y': 'Hello {{template "myblock"}}' });
    expect(out.get('p/templates/y')).toBe('Hello World');
    expect(out.get('p/charts/s/templates/x')).toBe('');
  });

  it('#47 .Template.Name, .Chart.Name, .Release.Name', () => {
    const d = data({}, { Chart: chart('Troy'), Release: release('Aeneid') });
    expect(renderOne('Troy/templates/Aeneas', '{{.Template.Name}}{{.Chart.Name}}{{.Release.Name}}', d)).toBe('Troy/templates/AeneasTroyAeneid');
  });

  it('#51 include is pipeable', () => {
    const out = render({
      'conrad/templates/_partial': '{{.Release.Name}} - he',
      'conrad/templates/main': '{{include "conrad/templates/_partial" . | indent 2}} dead.',
    }, data({}, { Release: release('Mistah Kurtz') }));
    expect(out.get('conrad/templates/main')).toBe('  Mistah Kurtz - he dead.');
    expect(out.has('conrad/templates/_partial')).toBe(false);
  });

  it('#52 a file including itself is a nested reference', () => {
    expect(errorOf(() => render({ 'c/templates/self': '{{include "c/templates/self" .}}' }))).toMatch(/rendering template has a nested reference name: c\/templates\/self/);
  });

  it('#57 a define including itself fails with Helm\'s text', () => {
    expect(errorOf(() => render({ 'c/templates/r': '{{define "recursion"}}{{include "recursion" . }}{{end}}{{include "recursion" . }}' })))
      .toMatch(/rendering template has a nested reference name: recursion: unable to execute template$/);
  });

  it('#58 many sequential includes are not recursion', () => {
    const text = '{{define "overlook"}}All work and no play makes Jack a dull boy\n{{end}}' + '{{include "overlook" . }}'.repeat(4000);
    expect(renderOne('c/templates/o', text)).toBe('All work and no play makes Jack a dull boy\n'.repeat(4000));
  });

  it('#53 required passes present values', () => {
    const d = data({ who: 'us', bases: 2 });
    expect(renderOne('a', 'All your base are belong to {{ required "A valid \'who\' is required" .Values.who }}', d)).toBe('All your base are belong to us');
    expect(renderOne('b', 'All {{ required "A valid \'bases\' is required" .Values.bases }} of them!', d)).toBe('All 2 of them!');
  });

  it.each([
    [54, 'Evaluate tpl {{tpl "Value: {{ .Values.value}}" .}}', 'Evaluate tpl Value: myvalue'],
    [55, 'Evaluate tpl {{tpl "Value: {{ .Values.value | quote}}" .}}', 'Evaluate tpl Value: "myvalue"'],
    [60, '{{tpl "" .}}{{tpl "{{ \\"\\"}}" .}}{{tpl "{{define \\"not-invoked\\"}}not-rendered{{end}}" .}}', ''],
    [65, 'missingValue: {{tpl "{{.Values.noSuchKey}}" .}}', 'missingValue: '],
  ])('#%i tpl', (_n, text, expected) => {
    expect(renderOne('TplFunction/templates/base', text, data({ value: 'myvalue' }))).toBe(expected);
  });

  it('#56 tpl sees the defines and .Template of the running file', () => {
    const out = render({
      'TplFunction/templates/base': '{{ tpl "{{include `TplFunction/templates/_partial` .  | quote }}" .}}',
      'TplFunction/templates/_partial': '{{.Template.Name}}',
    }, data(), );
    expect(out.get('TplFunction/templates/base')).toBe('"TplFunction/templates/base"');
  });

  it('#61 tpl resolves .Template from the data', () => {
    const out = render({ 'TplTemplateNames/templates/default-name': '{{tpl "{{ .Template.BasePath }}" .}} {{tpl "{{ .Template.Name }}" .}}' },
      data(), 'TplTemplateNames/templates');
    expect(out.get('TplTemplateNames/templates/default-name')).toBe('TplTemplateNames/templates TplTemplateNames/templates/default-name');
  });

  it('#62 tpl with other data sees that data\'s .Template', () => {
    const d = data({ dot: { Template: { BasePath: 'path/to/template', Name: 'name-of-template', Field: 'extra-field' } } });
    const text = '{{tpl "{{ .Template.BasePath }}" .Values.dot}} {{tpl "{{ .Template.Name }}" .Values.dot}} {{tpl "{{ .Template.Field }}" .Values.dot}}';
    expect(renderOne('c/templates/t', text, d)).toBe('path/to/template name-of-template extra-field');
  });

  it('#63 a define made inside tpl does not leak out', () => {
    const d = data({ partialText: '{{define "partial"}}redefined-in-tpl{{end}}tpl: {{include "partial" .}}' });
    const out = render({
      'c/templates/_partial': '{{define "partial"}}original-in-partial{{end}}',
      'c/templates/base': 'before: {{include "partial" .}}\\n{{tpl .Values.partialText .}}\\nafter: {{include "partial" .}}',
    }, d);
    expect(out.get('c/templates/base')).toBe('before: original-in-partial\\ntpl: redefined-in-tpl\\nafter: original-in-partial');
  });

  it('#64 tpl sees defines made by the running file', () => {
    const d = data({ partialText: 'tpl: {{include "manifest-only" .}}' });
    const text = '{{define "manifest-only"}}only-in-manifest{{end}}before: {{include "manifest-only" .}}\\n{{tpl .Values.partialText .}}\\nafter: {{include "manifest-only" .}}';
    expect(renderOne('c/templates/base', text, d)).toBe('before: only-in-manifest\\ntpl: only-in-manifest\\nafter: only-in-manifest');
  });

  it('#59 nested tpl over .Files', () => {
    const files = new Map([['test', Buffer.from('{{ tpl (.Files.Get .Values.filename2) .}}')],
      ['test2', Buffer.from('{{include "test-function" .}}{{define "nested-define"}}nested-define-content{{end}} {{include "nested-define" .}}')]]);
    const d = data({ filename: 'test', filename2: 'test2' }, { Files: filesObject(files) });
    const out = render({
      'c/templates/base': '{{ tpl (.Files.Get .Values.filename) . }}',
      'c/templates/_function': '{{define "test-function"}}test-function{{end}}',
    }, d);
    expect(out.get('c/templates/base')).toBe('test-function nested-define-content');
  });

  it('#67 parse order: deepest first, then reverse lexical', () => {
    const keys = ['/mychart/templates/foo.tpl', '/mychart/charts/foo/charts/bar/templates/foo.tpl', '/mychart/templates/bar.tpl',
      '/mychart/charts/foo/templates/bar.tpl', '/mychart/templates/_foo.tpl', '/mychart/charts/foo/templates/foo.tpl',
      '/mychart/charts/bar/templates/foo.tpl'];
    expect(sortTemplates(keys)).toEqual(['/mychart/charts/foo/charts/bar/templates/foo.tpl', '/mychart/charts/foo/templates/foo.tpl',
      '/mychart/charts/foo/templates/bar.tpl', '/mychart/charts/bar/templates/foo.tpl', '/mychart/templates/foo.tpl',
      '/mychart/templates/bar.tpl', '/mychart/templates/_foo.tpl']);
  });

  it('`<no value>` is removed from output', () => {
    expect(renderOne('c/templates/n', 'a<no value>b{{ .Values.missing }}', data())).toBe('ab');
  });
});
