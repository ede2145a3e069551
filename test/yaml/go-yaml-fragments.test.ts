// The fragment functions must reassemble, byte for byte, the documents the Go oracle produced.
import { describe, expect, it } from 'vitest';
import {
  compareGoYamlKeys,
  GoYamlMarshalError,
  marshalGoYaml,
  marshalGoYamlMapEntry,
  marshalGoYamlMapKey,
  marshalGoYamlSequenceItem,
} from '../../src/yaml/go-yaml-emitter.js';
import { INDEX_ALL_KEYS_CASE, INDEX_CASE } from './corpus/index.js';
import { untag } from './corpus/tagged.js';
import { loadGolden, type GoldenCase } from './golden.js';

const golden = loadGolden();

function isPlainMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v !== 'bigint';
}

function sortedKeys(m: Record<string, unknown>): string[] {
  return Object.keys(m).sort(compareGoYamlKeys);
}

/** Renders one entry at `indent`, splitting block collections into key line + child fragments. */
function renderEntryInPieces(key: string, value: unknown, indent: number): string {
  if (Buffer.byteLength(key) > 128 || /[\n\r\u2028\u2029]/.test(key)) return marshalGoYamlMapEntry(key, value, indent);
  if (Array.isArray(value) && value.length > 0) {
    return marshalGoYamlMapKey(key, indent) + value.map((item) => marshalGoYamlSequenceItem(item, indent)).join('');
  }
  if (isPlainMap(value) && Object.keys(value).length > 0) {
    const m = value;
    return marshalGoYamlMapKey(key, indent) + sortedKeys(m).map((k) => marshalGoYamlMapEntry(k, m[k], indent + 2)).join('');
  }
  return marshalGoYamlMapEntry(key, value, indent);
}

const mapCases = golden.filter((g): g is GoldenCase & { yaml: string } => {
  const v = untag(g.value);
  return g.yaml !== undefined && !g.unstable && isPlainMap(v) && Object.keys(v).length > 0;
});

describe('fragments reassemble oracle documents', () => {
  it('covers a broad share of the corpus', () => {
    expect(mapCases.length).toBeGreaterThan(600);
  });

  it.each(mapCases.map((g) => [g.name, g] as const))('%s: top-level entries at indent 0', (_name, g) => {
    const m = untag(g.value) as Record<string, unknown>;
    expect(sortedKeys(m).map((k) => marshalGoYamlMapEntry(k, m[k], 0)).join('')).toBe(g.yaml);
  });

  it.each(mapCases.map((g) => [g.name, g] as const))('%s: key lines plus items and nested entries', (_name, g) => {
    const m = untag(g.value) as Record<string, unknown>;
    expect(sortedKeys(m).map((k) => renderEntryInPieces(k, m[k], 0)).join('')).toBe(g.yaml);
  });
});

describe('index.yaml assembled from cached chart blocks', () => {
  const index = golden.find((g) => g.name === INDEX_CASE)!;
  const doc = untag(index.value) as { apiVersion: string; entries: Record<string, unknown[]>; generated: string };
  const names = Object.keys(doc.entries).sort(compareGoYamlKeys);

  it('equals Go output when each chart block is one map entry at indent 2', () => {
    const blocks = names.map((name) => marshalGoYamlMapEntry(name, doc.entries[name], 2));
    expect(blocks[0]).toMatch(/^ {2}[a-z]+-\d+:\n {2}- apiVersion: v[12]\n {4}appVersion: /);
    const assembled = marshalGoYamlMapEntry('apiVersion', doc.apiVersion, 0) + marshalGoYamlMapKey('entries', 0) +
      blocks.join('') + marshalGoYamlMapEntry('generated', doc.generated, 0);
    expect(assembled).toBe(index.yaml);
    expect(marshalGoYaml(doc)).toBe(index.yaml);
  });

  it('equals Go output when versions are cached one by one as sequence items', () => {
    const blocks = names.map((name) =>
      marshalGoYamlMapKey(name, 2) + doc.entries[name]!.map((v) => marshalGoYamlSequenceItem(v, 2)).join(''));
    const assembled = 'apiVersion: v1\n' + marshalGoYamlMapKey('entries', 0) + blocks.join('') +
      marshalGoYamlMapEntry('generated', doc.generated, 0);
    expect(assembled).toBe(index.yaml);
  });

  it('sorts chart names naturally, as Go does (name-9 before name-10)', () => {
    expect(index.yaml!.indexOf(`  ${names[0]}:`)).toBeLessThan(index.yaml!.indexOf(`  ${names[1]}:`));
    expect(['app-10', 'app-9', 'app-100'].sort(compareGoYamlKeys)).toEqual(['app-9', 'app-10', 'app-100']);
  });

  it('writes an index without charts as "entries: {}" like Go', () => {
    const empty = golden.find((g) => g.name === 'index document empty entries')!;
    expect(marshalGoYamlMapEntry('apiVersion', 'v1', 0) + marshalGoYamlMapEntry('entries', {}, 0) +
      marshalGoYamlMapEntry('generated', '2026-08-20T10:00:00Z', 0)).toBe(empty.yaml);
  });
});

describe('the index.yaml recipe in go-yaml-emitter.ts', () => {
  it('reproduces Go output with annotations, publicKeys and serverInfo', () => {
    const g = golden.find((c) => c.name === INDEX_ALL_KEYS_CASE)!;
    const doc = untag(g.value) as Record<string, unknown> & { entries: Record<string, unknown[]> };
    const names = Object.keys(doc.entries);
    const block = (name: string): string => marshalGoYamlMapEntry(name, doc.entries[name], 2);
    const assembled = marshalGoYamlMapEntry('annotations', doc.annotations, 0) +
      marshalGoYamlMapEntry('apiVersion', 'v1', 0) +
      (names.length ? marshalGoYamlMapKey('entries', 0) + names.sort(compareGoYamlKeys).map(block).join('')
        : marshalGoYamlMapEntry('entries', {}, 0)) +
      marshalGoYamlMapEntry('generated', doc.generated, 0) +
      marshalGoYamlMapEntry('publicKeys', doc.publicKeys, 0) +
      marshalGoYamlMapEntry('serverInfo', doc.serverInfo, 0);
    expect(assembled).toBe(g.yaml);
  });
});

describe('fragment contracts', () => {
  it('returns "" for an entry a map would omit', () => {
    expect(marshalGoYamlMapEntry('a', undefined, 0)).toBe('');
    expect(marshalGoYamlMapEntry('a', { toJSON: () => undefined }, 2)).toBe('');
  });

  it('rejects a bad indent with RangeError', () => {
    expect(() => marshalGoYamlMapEntry('a', 1, -1)).toThrow(RangeError);
    expect(() => marshalGoYamlSequenceItem(1, 1.5)).toThrow(RangeError);
  });

  it('refuses a key line for keys go-yaml writes as "? key"', () => {
    expect(() => marshalGoYamlMapKey('k'.repeat(129), 0)).toThrow(GoYamlMarshalError);
    expect(() => marshalGoYamlMapKey('a\nb', 0)).toThrow(GoYamlMarshalError);
    expect(marshalGoYamlMapKey('k'.repeat(128), 4)).toBe(`    ${'k'.repeat(128)}:\n`);
  });

  it('quotes keys in key lines like whole documents do', () => {
    expect(marshalGoYamlMapKey('y', 2)).toBe('  "y":\n');
    expect(marshalGoYamlMapKey('a: b', 0)).toBe("'a: b':\n");
  });
});
