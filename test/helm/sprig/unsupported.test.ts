/** The certificate functions are registered (so charts parse) but fail when called. */
import { describe, expect, it } from 'vitest';
import { Template } from '../../../src/gotemplate/index.js';
import { UnsupportedFunctionError } from '../../../src/helm/sprig/crypto.js';
import { sprigFuncMap } from '../../../src/helm/sprig/index.js';

describe('unsupported Sprig functions', () => {
  it('parses a template that only mentions genCA in an untaken branch', () => {
    const t = new Template('t').funcs(sprigFuncMap()).parse('{{ if false }}{{ genCA "x" 365 }}{{ end }}ok');
    expect(t.execute(null)).toBe('ok');
  });

  it('fails with a typed cause when genCA runs', () => {
    const t = new Template('t').funcs(sprigFuncMap()).parse('{{ genCA "x" 365 }}');
    expect(() => t.execute(null)).toThrow(expect.objectContaining({ cause: expect.any(UnsupportedFunctionError) }));
  });
});
