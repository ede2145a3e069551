/**
 * The whole oracle corpus, in a stable order. `npx tsx test/yaml/corpus/print.ts` writes it as
 * the JSON the Go oracle reads (see test/yaml/oracle/regen.sh).
 */
import { ERROR_CASES, LONG_KEY_CASES, stringCases } from './strings.js';
import { foldingCases } from './folding.js';
import { indexDocument, structureCases } from './structures.js';
import { createRandom, randomValue } from './random.js';
import type { CorpusCase } from './tagged.js';

/** Number of randomized values (fixed seed) compared with the oracle. */
export const RANDOM_CASES = 400;
/** Name of the index.yaml-shaped case the fragment tests reassemble. */
export const INDEX_CASE = 'index document 80 charts';

/** Name of an index case with annotations, publicKeys and serverInfo as well. */
export const INDEX_ALL_KEYS_CASE = 'index document all top-level keys';

function indexWithAllTopLevelKeys(): CorpusCase['value'] {
  const base = indexDocument(11, 5) as Record<string, CorpusCase['value']>;
  return {
    ...base,
    annotations: { 'chartroom.dev/tenant': 'team-a', 'yes': 'on' },
    publicKeys: ['-----BEGIN PGP PUBLIC KEY BLOCK-----\nabc\n-----END PGP PUBLIC KEY BLOCK-----\n'],
    serverInfo: { contextPath: '/charts' },
  };
}

/** Builds every case sent to the oracle. Deterministic. */
export function buildCorpus(): CorpusCase[] {
  const rnd = createRandom(20260820);
  const random = Array.from({ length: RANDOM_CASES }, (_, i) => ({ name: `random ${i}`, value: randomValue(rnd) }));
  return [
    ...stringCases(),
    ...structureCases(),
    ...foldingCases(),
    ...ERROR_CASES,
    ...LONG_KEY_CASES,
    { name: INDEX_CASE, value: indexDocument(7, 80) },
    { name: 'index document empty entries', value: { apiVersion: 'v1', entries: {}, generated: '2026-08-20T10:00:00Z' } },
    { name: INDEX_ALL_KEYS_CASE, value: indexWithAllTopLevelKeys() },
    ...random,
  ];
}
