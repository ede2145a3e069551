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
