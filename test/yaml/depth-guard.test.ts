/**
 * The YAML nesting guard: it must never let deeper text through (the `yaml` package recurses per level and
 * can take the process down past its stack), and must pass ordinary charts and their quoted brackets.
 */
import { describe, expect, it } from 'vitest';
import { assertYamlDepth, YamlDepthError } from '../../src/yaml/depth-guard.js';

const refused = (text: string, limit = 10) => {
  try {
    assertYamlDepth(text, limit);
    return false;
  } catch (e) {
    expect(e).toBeInstanceOf(YamlDepthError);
    expect((e as Error).message).toBe(`exceeded max depth of ${limit}`);
    return true;
  }
};

describe('assertYamlDepth', () => {
  it.each([
    ['flow sequences', 'a: [[[[[[[[[[[1]]]]]]]]]]]'],
    ['flow maps', 'a: {b: {c: {d: {e: {f: {g: {h: {i: {j: {k: {l: 1}}}}}}}}}}}'],
    ['block sequences on one line', '- - - - - - - - - - - x'],
    ['indented block maps', Array.from({ length: 12 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1'],
    ['flow inside deep blocks', Array.from({ length: 8 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' [[[ 1 ]]]'],
    ['entries whose node starts on the next line', Array.from({ length: 12 }, (_, i) => `${' '.repeat(2 * i)}-`).join('\n') + ' x'],
    ['sequences under keys at the same indentation', Array.from({ length: 6 }, (_, i) => `${' '.repeat(2 * i)}- k:`).join('\n') + ' 1'],
    ['closers hidden in quotes', 'a: [ "]" [ "]" [ "]" [ "]" [ "]" [ "]" [ "]" [ "]" [ "]" [ "]" [ 1 ]]]]]]]]]]]'],
    ['closers hidden in single quotes', "a: [ ']' [ ']' [ ']' [ ']' [ ']' [ ']' [ ']' [ ']' [ ']' [ ']' [ 1 ]]]]]]]]]]]"],
    ['a stray quote in a plain scalar first', "a: it 's\nb: [[[[[[[[[[[1]]]]]]]]]]]"],
    ['brackets after a block scalar with a lone quote', "s: |\n  echo 'x\nb: [[[[[[[[[[[1]]]]]]]]]]]"],
  ])('refuses %s past the limit', (_label, text) => {
    expect(refused(text)).toBe(true);
  });

  it.each([
    ['a flat chart', 'apiVersion: v2\nname: web\nversion: 0.1.0\nkeywords: [a, b]\n'],
    ['balanced brackets side by side', 'a: ' + '[1], '.repeat(1000) + '[2]'],
    ['closers in quotes after the openers closed', 'a: [[1]]\nb: "]]]]]]"\nc: [[2]]'],
    ['brackets in a comment', '# [[[[[[[[[[[[[[[[\na: 1'],
    ['nine levels', 'a: [[[[[[[[[1]]]]]]]]]'],
    ['a block scalar indented far', `a: |\n${' '.repeat(500)}x\n${' '.repeat(500)}y\nb: 1`],
    ['deep indentation that closes again, many times', Array.from({ length: 50 }, () => `k:\n${' '.repeat(300)}x: 1`).join('\n')],
  ])('passes %s', (_label, text) => {
    expect(refused(text)).toBe(false);
  });

  it.each([
    ['brackets in a quoted string', `a: "${'['.repeat(1000)}"\nb: '${'{'.repeat(1000)}'`],
    ['brackets in a plain scalar', `a: x${'['.repeat(1000)}`],
    ['unclosed brackets in strings across lines', Array.from({ length: 500 }, (_, i) => `k${i}: "x{"`).join('\n')],
    ['a block scalar of nginx blocks', `conf: |\n${'  server {\n'.repeat(500)}${'  }\n'.repeat(500)}`],
    ['a block scalar indented further on every line', `script: |\n${Array.from({ length: 500 }, (_, i) => `${' '.repeat(i + 2)}x`).join('\n')}`],
    ['200 nested block sequences', `a:\n${'- '.repeat(200)}x`],
  ])('passes %s that the estimate alone would refuse (measured exactly)', (_label, text) => {
    expect(() => assertYamlDepth(text)).not.toThrow();
  });

  it('has a default far above real charts and far below the parser\'s stack', () => {
    expect(() => assertYamlDepth(`a: ${'['.repeat(300)}${']'.repeat(300)}`)).not.toThrow();
    expect(() => assertYamlDepth(`a: ${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toThrow('exceeded max depth of 400');
  });
});
