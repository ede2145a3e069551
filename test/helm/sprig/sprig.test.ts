/**
 * The Sprig differential corpus: every case under test/fixtures/sprig/ was run through Go's text/template
 * with Masterminds/sprig v3.3.0 (oracle/regen.sh); our functions must print the same output or error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sprigFuncMap } from '../../../src/helm/sprig/index.js';
import { type CorpusCase, runCase } from '../../gotemplate/harness.js';

const dir = join(import.meta.dirname, '../../fixtures/sprig');
const funcs = sprigFuncMap();

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const cases = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CorpusCase[];
  describe(`sprig corpus ${file}`, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const got = runCase(c, funcs);
      if (c.err !== undefined) {
        expect(got.err ?? `no error; output ${JSON.stringify(got.out)}`).toBe(c.err);
      } else {
        expect(got.err).toBeUndefined();
        expect(got.out).toBe(c.out);
      }
    });
  });
}
