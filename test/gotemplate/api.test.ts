/**
 * The engine's own API (shapes other code relies on). Go's output texts are covered by the differential
 * corpus; these tests check structure: error classes and fields, set isolation, conversions.
 */
import { describe, expect, it } from 'vitest';
import {
  GoInt, GoStruct, Template, TemplateExecError, TemplateNotFoundError, TemplateParseError, goMap,
} from '../../src/gotemplate/index.js';
import { UnconvertibleValueError, fromPlain, toPlain } from '../../src/gotemplate/convert.js';

describe('Template API', () => {
  it('reports parse errors with name, line and Go detail', () => {
    const err = (() => {
      try {
        new Template('x.yaml').parse('a\n{{ if }}');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(TemplateParseError);
    expect(err).toMatchObject({ name: 'TemplateParseError', templateName: 'x.yaml', line: 2 });
  });

  it('reports exec errors with a structured location', () => {
    const t = new Template('x.yaml').option('missingkey=zero').parse('a\n  {{ .a.b }}');
    try {
      t.execute(goMap({}));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateExecError);
        // Go positions a field chain at its second field
    expect((e as TemplateExecError).location).toEqual({ parseName: 'x.yaml', line: 2, col: 7, context: '.a.b' });
      expect((e as TemplateExecError).detail).toBe('nil pointer evaluating interface {}.b');
    }
  });

  it('keeps the thrown error of a failing function as the cause', () => {
    const boom = new Error('boom');
    const t = new Template('t').funcs({ f: { params: [], fn: () => { throw boom; } } }).parse('{{f}}');
    expect(() => t.execute(null)).toThrow(expect.objectContaining({ cause: boom }));
  });

  it('throws TemplateNotFoundError for an unknown template name', () => {
    expect(() => new Template('t').executeTemplate('nope', null)).toThrow(TemplateNotFoundError);
  });

  it('isolates a clone: templates parsed into it do not leak back', () => {
    const t = new Template('root');
    t.new('a').parse('A');
    const c = t.clone();
    c.new('b').parse('B');
    expect(c.executeTemplate('a', null)).toBe('A');
    expect(t.lookup('b')).toBeUndefined();
    expect(c.root).toBe(c);
    expect(t.lookup('a')?.root).toBe(t);
  });

  it('rejects function names Go would reject', () => {
    expect(() => new Template('t').funcs({ 'a-b': { params: [], fn: () => null } })).toThrow(/not a valid identifier/);
  });

  it('lets functions re-enter the set with executeTemplate', () => {
    const t = new Template('t').funcs({
      twice: { params: ['string'], fn: ([n], ctx) => ctx.executeTemplate(n as string, null).repeat(2) },
    });
    t.parse('{{define "x"}}x{{end}}{{twice "x"}}');
    expect(t.execute(null)).toBe('xx');
  });
});

describe('struct methods (how Helm exposes .Files and .Capabilities)', () => {
  const files = new GoStruct('engine.files', new Map(), new Map([
    ['Get', { params: ['string'], result: 'string', fn: ([name]) => (name === 'a.txt' ? 'A' : '') }],
  ]));
  const apis = new GoStruct('chartutil.VersionSet', new Map(), new Map([
    ['Has', { params: ['string'], result: 'bool', fn: ([v]) => v === 'apps/v1' }],
  ]));
  const caps = new GoStruct('chartutil.Capabilities', new Map([['APIVersions', apis]]), new Map(), true);
  const data = goMap({ Files: files, Capabilities: caps });

  it('calls methods with arguments and with a piped final argument', () => {
    const t = new Template('t').parse('{{ .Files.Get "a.txt" }}|{{ "a.txt" | .Files.Get }}|{{ .Capabilities.APIVersions.Has "apps/v1" }}|{{ if .Capabilities.APIVersions.Has "x/v1" }}y{{ else }}n{{ end }}');
    expect(t.execute(data)).toBe('A|A|true|n');
  });

  it('reports a method called with the wrong arguments as Go does', () => {
    const t = new Template('t').parse('{{ .Files.Get }}');
    expect(() => t.execute(data)).toThrow('wrong number of args for Get: want 1 got 0');
  });
});

describe('fromPlain / toPlain', () => {
  it('makes file values float64 and --set values int64', () => {
    expect(fromPlain({ n: 3 })).toEqual(new Map([['n', 3]]));
    expect(fromPlain({ n: 3, f: 1.5 }, { numbers: 'int64' })).toEqual(new Map<string, unknown>([['n', new GoInt('int64', 3n)], ['f', 1.5]]));
  });

  it('round-trips nested data', () => {
    const plain = { a: [1, 'x', null, { b: true }], big: 2n ** 60n };
    expect(toPlain(fromPlain(plain, { numbers: 'int64' }))).toEqual({ a: [1, 'x', null, { b: true }], big: 2n ** 60n });
  });

  it('refuses values with no Go counterpart', () => {
    expect(() => fromPlain({ d: new Date(0) })).toThrow(UnconvertibleValueError);
  });
});
