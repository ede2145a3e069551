/**
 * Splitting and sorting rendered files, ported from Helm's pkg/releaseutil/manifest_test.go
 * (TestSplitManifest) and manifest_sorter_test.go (TestSortManifests).
 */
import { describe, expect, it } from 'vitest';
import { sortManifests, splitManifests } from '../../../src/helm/render/manifests.js';

const NEMO = `apiVersion: v1
kind: Pod
metadata:
  name: finding-nemo,
  annotations:
    "helm.sh/hook": test
spec:
  containers:
  - name: nemo-test
    image: fake-image
    cmd: fake-command`;

const FILES: Record<string, string> = {
  one: 'apiVersion: v1\nkind: Job\nmetadata:\n  name: first\n  labels:\n    doesnot: matter\n  annotations:\n    "helm.sh/hook": pre-install\n',
  two: 'kind: ReplicaSet\napiVersion: v1beta1\nmetadata:\n  name: second\n  annotations:\n    "helm.sh/hook": post-install\n',
  three: 'kind: ReplicaSet\napiVersion: v1beta1\nmetadata:\n  name: third\n  annotations:\n    "helm.sh/hook": no-such-hook\n',
  four: 'kind: Pod\napiVersion: v1\nmetadata:\n  name: fourth\n  annotations:\n    nothing: here',
  five: 'kind: ReplicaSet\napiVersion: v1beta1\nmetadata:\n  name: fifth\n  annotations:\n    "helm.sh/hook": post-delete, post-install\n',
  'six/_six': 'invalid manifest',
  seven: '',
  eight: 'kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: eighth\ndata:\n  name: value\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: example-test\n  annotations:\n    "helm.sh/hook": test-success\n',
};

describe('manifests (pkg/releaseutil)', () => {
  it('TestSplitManifest: leading blank lines and separator dropped, document trimmed', () => {
    expect(splitManifests(`\n\n---\n${NEMO}\n`)).toEqual([NEMO]);
  });

  it('TestSortManifests: partials and empty files skipped, unknown hooks dropped, events parsed, kinds ordered', () => {
    const { manifests, hooks } = sortManifests(new Map(Object.entries(FILES)));
    expect(manifests.map((m) => [m.path, m.kind])).toEqual([['eight', 'ConfigMap'], ['four', 'Pod']]);
    expect(hooks.map((h) => [h.name, h.events])).toEqual([
      ['example-test', ['test']], ['fifth', ['post-delete', 'post-install']], ['second', ['post-install']], ['first', ['pre-install']],
    ]);
  });
});

describe('splitManifests in one pass', () => {
  // Go's separator and TrimSpace written as the RegExps they are in Go: the reference for random texts.
  const SEPARATOR = /(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*/;
  const SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
  const TRIM = new RegExp(`^${SPACE}+|${SPACE}+$`, 'g');
  const trim = (s: string) => s.replace(TRIM, '');
  const reference = (text: string) => trim(text).split(SEPARATOR).filter((d) => d !== '').map(trim);

  it('splits 50,000 random texts as Go\'s regexp split does', () => {
    const parts = ['---', '\n', ' ', '\t', '\v', 'a', 'b: 1', '\r\n', '\u00a0', '-', '--', '---x', '\n---\n', '\u2028'];
    let seed = 20261126;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let i = 0; i < 50_000; i++) {
      const text = Array.from({ length: next(12) }, () => parts[next(parts.length)]).join('');
      expect(splitManifests(text), JSON.stringify(text)).toEqual(reference(text));
    }
  });

  it('handles a document of long indented lines (a RegExp trim was quadratic on them)', () => {
    const doc = `a: |\n${`${' '.repeat(3000)}x\n`.repeat(2000)}`;
    expect(splitManifests(`${doc}---\nb: 1\n`)).toEqual([doc.trimEnd(), 'b: 1']);
  });
});
