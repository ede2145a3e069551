/**
 * The differential corpus: every case under test/fixtures/gotemplate/ was run through Go's text/template
 * by the oracle (oracle/regen.sh); the TypeScript engine must print the same output or the same error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CorpusCase, runCase } from './harness.js';

const dir = join(import.meta.dirname, '../fixtures/gotemplate');

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const cases = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CorpusCase[];
  describe(`gotemplate corpus ${file}`, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const got = runCase(c);
      if (c.err !== undefined) {
        expect(got.err ?? `no error; output ${JSON.stringify(got.out)}`).toBe(c.err);
      } else {
        expect(got.err).toBeUndefined();
        expect(got.out).toBe(c.out);
      }
    });
  });
}
