/**
 * Structural cases (nesting, empties, key order, long keys) and an index.yaml-shaped document
 * built the way Helm's `repo.IndexFile` serialises (apiVersion, entries, generated).
 */
import { float64, int64, type CorpusCase, type Tagged } from './tagged.js';
import { TRICKY_STRINGS } from './strings.js';
import { createRandom, type Random } from './random.js';

const LONG_KEY = 'k'.repeat(129);

/** Key sets whose Go order the compareGoYamlKeys tests check (its doc example is the first). */
export const KEY_ORDER_EXAMPLES: readonly (readonly string[])[] = [
  ['b', 'a10', 'a9', '_x', 'A'],
  ['app-10', 'app-9', 'app-100', 'app-1'],
  ['v1.10.0', 'v1.9.0', 'v1.9.10'],
  ['x01', 'x1', 'x001'],
  ['a1b', 'a01b', 'a٣', 'a3', 'é', 'e', 'Z', '-', '~', '0', '00'],
];

/**
 * Keys on which go-yaml's comparator is not transitive (a3 < a10 < a1a < a1b < a3): Go prints
 * them in an order that changes from run to run, so no emitter can match it byte for byte.
 */
export const NON_TRANSITIVE_KEYS: readonly string[] = ['a1b', 'a1a', 'a10', 'a3'];

/** Nesting, empty collections, key ordering and key forms. */
export function structureCases(): CorpusCase[] {
  return [
    { name: 'null root', value: null },
    { name: 'true root', value: true },
    { name: 'empty map root', value: {} },
    { name: 'empty list root', value: [] },
    { name: 'empties nested', value: { a: {}, b: [], c: [[], {}, [[]], [{}]], d: { e: {} } } },
    { name: 'list of lists', value: [[1, 2], [[3]], [], [[], [4, [5]]]] },
    { name: 'list of maps', value: [{ a: 1, b: 2 }, { c: [{ d: null }] }, {}] },
    { name: 'map in list in map', value: { x: [{ y: [{ z: 'deep' }] }] } },
    { name: 'scalar types', value: { s: 'str', t: true, f: false, n: null, i: int64(42), x: 4.25 } },
    {
      name: 'key order natural',
      value: Object.fromEntries(
        ['a10', 'a9', 'a2b', 'a02', 'a002', 'a1', 'b', 'B', '_x', '1', '01', '10', '9', 'z9z', 'z10z', 'Ä', 'ä', 'a', 'ab', 'a b',
          'a-1', 'a_1', 'a.1', 'é', '日本', 'x1y2', 'x1y10', 'x01', 'x001', 'v1.10.0', 'v1.9.0', 'v1.9.10', 'a99999999999999999999',
          'a99999999999999999998', 'a٣', 'a3', ''].map((k, i) => [k, i]),
      ),
    },
    { name: 'key 128 bytes', value: { ['k'.repeat(128)]: 'v' } },
    { name: 'key 129 bytes', value: { [LONG_KEY]: 'v', short: 1 } },
    { name: 'long key with map value', value: { [LONG_KEY]: { a: 1 }, [`${LONG_KEY}2`]: [1, 2] } },
    { name: 'long key with spaces folds', value: { [`${'word '.repeat(30)}end`]: 'v' } },
    { name: 'multiline key', value: { 'a\nb': 'v', 'c\nd\n': { e: 1 }, 'f\ng': [1] } },
    { name: 'multiline key in list', value: [{ 'a\nb': [] }] },
    { name: 'key needing quotes', value: { 'a: b': 1, '1.0': 2, 'on': 3, '#': 4, ' lead': 5, 'tab\t': 6, '🚀': 7 } },
    { name: 'long key with emoji', value: { [`${'🚀'.repeat(40)}`]: 1 } },
    { name: 'multiline values at depth', value: { a: { b: { c: 'line1\nline2\n', d: ['x\ny', ' lead\n'] } } } },
    { name: 'literal keep', value: { a: 'x\n\n', b: '\n', c: 'x\n\n\n', d: ['x\n\n'] } },
    // JSON forms of the JS-only inputs exercised in go-yaml-input.test.ts
    { name: 'input model: map', value: { a: 'on', b: { x: [{}], y: 1 } } },
    { name: 'input model: toJSON', value: { custom: ['custom'], when: '2024-01-02T03:04:05.000Z' } },
    { name: 'input model: omitted members', value: { d: [null, null] } },
    { name: 'input model: numbers', value: [3, int64(3), 2.5, 1e21, float64(-0), 2 ** 64, int64(9223372036854775807n)] },
    { name: 'input model: shared object', value: { a: { x: 1 }, b: [{ x: 1 }] } },
    { name: 'key order non-transitive', value: Object.fromEntries(NON_TRANSITIVE_KEYS.map((k) => [k, 0])) },
    ...KEY_ORDER_EXAMPLES.map((keys, i) => ({ name: `key order example ${i}`, value: Object.fromEntries(keys.map((k) => [k, 0])) })),
  ];
}

/** One chart version as Helm's index would hold it (keys as in repo.ChartVersion JSON tags). */
function chartVersion(rnd: Random, name: string, version: string, i: number): Record<string, Tagged> {
  const entry: Record<string, Tagged> = {
    apiVersion: rnd.pick(['v1', 'v2']),
    appVersion: rnd.pick(['1.0', '1.16.0', 'v2.3.4', '2024-01-01', 'yes', '0755', TRICKY_STRINGS[i % TRICKY_STRINGS.length]!]),
    created: `2026-08-${String(1 + (i % 28)).padStart(2, '0')}T10:00:${String(i % 60).padStart(2, '0')}.123456789Z`,
    description: rnd.pick([
      'A Helm chart for Kubernetes',
      `${name} is a long description that keeps going well past the eighty column mark so that it folds ${i}`,
      `Chart: ${name} - deploys things; see https://example.com/${name}#readme for the details of what it deploys`,
      TRICKY_STRINGS[(i * 7) % TRICKY_STRINGS.length]!,
    ]),
    digest: rnd.hex(64),
    name,
    urls: [`charts/${name}-${version}.tgz`],
    version,
  };
  if (rnd.chance(0.5)) entry.home = `https://github.com/example/${name}`;
  if (rnd.chance(0.4)) entry.keywords = [name, 'on', rnd.word()];
  if (rnd.chance(0.4)) entry.maintainers = [{ name: 'Jane Doe', email: 'jane@example.com' }, { name: 'bot', url: 'https://x.io' }];
  if (rnd.chance(0.3)) entry.sources = [`https://github.com/example/${name}`];
  if (rnd.chance(0.3)) entry.type = rnd.pick(['application', 'library']);
  if (rnd.chance(0.2)) entry.deprecated = true;
  if (rnd.chance(0.3)) entry.kubeVersion = '>=1.19.0-0';
  if (rnd.chance(0.3)) {
    entry.annotations = {
      'artifacthub.io/changes': '- kind: added\n  description: something new\n',
      'category': 'Database',
      'example.com/long': `${'very long annotation value '.repeat(5)}end`,
    };
  }
  if (rnd.chance(0.3)) {
    entry.dependencies = [
      { name: 'common', repository: 'https://charts.bitnami.com/bitnami', version: '2.x.x', tags: ['bitnami-common'] },
      { name: 'redis', repository: '', condition: 'redis.enabled', alias: 'cache', 'import-values': ['child'] },
    ];
  }
  return entry;
}

/** An index.yaml-shaped document with `charts` charts of 1–6 versions each. */
export function indexDocument(seed: number, charts: number): Tagged {
  const rnd = createRandom(seed);
  const entries: Record<string, Tagged> = {};
  let n = 0;
  for (let c = 0; c < charts; c++) {
    const name = `${rnd.word()}-${c}`;
    const versions: Tagged[] = [];
    for (let v = rnd.int(1, 6); v > 0; v--) versions.push(chartVersion(rnd, name, `0.${v}.${c % 11}`, n++));
    entries[name] = versions;
  }
  return { apiVersion: 'v1', entries, generated: '2026-08-20T10:00:00.123456789Z' };
}
