// Every corpus value, marshalled by us, must equal the bytes sigs.k8s.io/yaml Marshal produced.
import { describe, expect, it } from 'vitest';
import { GoYamlMarshalError, marshalGoYaml } from '../../src/yaml/go-yaml-emitter.js';
import { buildCorpus } from './corpus/index.js';
import { untag } from './corpus/tagged.js';
import { loadGolden, sortedLines } from './golden.js';

const golden = loadGolden();

describe('golden file', () => {
  it('matches the current corpus (run test/yaml/oracle/regen.sh after changing it)', () => {
    const corpus = buildCorpus();
    expect(golden.map((g) => g.name)).toEqual(corpus.map((c) => c.name));
    expect(golden.map((g) => JSON.stringify(g.value))).toEqual(corpus.map((c) => JSON.stringify(c.value)));
  });
});

describe('marshalGoYaml against the Go oracle', () => {
  const ok = golden.filter((g) => g.yaml !== undefined && !g.unstable);
  const unstable = golden.filter((g) => g.lines !== undefined && g.unstable);
  const failing = golden.filter((g) => g.error !== undefined);

  it.each(ok.map((g) => [g.name, g] as const))('%s', (_name, g) => {
    expect(marshalGoYaml(untag(g.value))).toBe(g.yaml);
  });

  it('finds Go unstable only where keys are non-transitive', () => {
    expect(unstable.map((g) => g.name)).toContain('key order non-transitive');
    expect(unstable.length).toBeLessThan(10);
  });

  // Go's own line order varies here, so only the lines themselves can be compared.
  it.each(unstable.map((g) => [g.name, g] as const))('%s has the same lines as Go (order unstable in Go)', (_name, g) => {
    expect(sortedLines(marshalGoYaml(untag(g.value)))).toEqual(g.lines);
  });

  it.each(failing.map((g) => [g.name, g] as const))('%s fails like Go', (_name, g) => {
    expect(() => marshalGoYaml(untag(g.value))).toThrow(GoYamlMarshalError);
  });
});
