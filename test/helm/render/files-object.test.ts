/**
 * `.Files` cases from Helm's pkg/engine/files_test.go (helm.md §5.7 #68-#72), run through templates.
 */
import { describe, expect, it } from 'vitest';
import { Template, type GoValue } from '../../../src/gotemplate/index.js';
import { filesObject, globToRegExp } from '../../../src/helm/render/files-object.js';
import { helmFuncMap } from '../../../src/helm/render/helm-funcs.js';

const FILES = new Map<string, Buffer>(Object.entries({
  'ship/captain.txt': 'The Captain',
  'ship/stowaway.txt': 'Legatt',
  'story/name.txt': 'The Secret Sharer',
  'story/author.txt': 'Joseph Conrad',
  'multiline/test.txt': 'bar\nfoo\n',
  'multiline/test_with_blank_lines.txt': 'bar\nfoo\n\n\n',
  'empty.txt': '',
  'newline.txt': '\n',
}).map(([k, v]) => [k, Buffer.from(v)]));

function run(tpl: string): string {
  const dot = new Map<string, GoValue>([['Files', filesObject(FILES)]]);
  return new Template('t').option('missingkey=zero').funcs(helmFuncMap()).parse(tpl).execute(dot);
}

describe('.Files (pkg/engine/files_test.go)', () => {
  it('#68 Glob "story/**" selects the two story files; Get reads one', () => {
    expect(run('{{ (.Files.Glob "story/**").AsConfig }}')).toBe('author.txt: Joseph Conrad\nname.txt: The Secret Sharer');
    expect(run('{{ (.Files.Glob "story/**").Get "story/author.txt" }}')).toBe('Joseph Conrad');
  });

  it.each([
    [69, '{{ (.Files.Glob "**/captain.txt").AsConfig }}', 'captain.txt: The Captain'],
    [70, '{{ (.Files.Glob "ship/**").AsConfig }}', 'captain.txt: The Captain\nstowaway.txt: Legatt'],
    [71, '{{ (.Files.Glob "ship/**").AsSecrets }}', 'captain.txt: VGhlIENhcHRhaW4=\nstowaway.txt: TGVnYXR0'],
  ])('#%i %s', (_n, tpl, expected) => {
    expect(run(tpl)).toBe(expected);
  });

  it.each([
    ['multiline/test.txt', '[bar foo] 2'],
    ['multiline/test_with_blank_lines.txt', '[bar foo  ] 4'],
    ['empty.txt', '[] 0'],
    ['newline.txt', '[] 1'],
    ['missing.txt', '[] 0'],
  ])('#72 Lines %s', (path, expected) => {
    expect(run(`{{ $l := .Files.Lines "${path}" }}{{ $l }} {{ len $l }}`)).toBe(expected);
  });

  it('Get of a missing file is "", GetBytes gives []byte, AsConfig of nothing is ""', () => {
    expect(run('[{{ .Files.Get "nope" }}] {{ .Files.GetBytes "ship/stowaway.txt" | printf "%s" }} [{{ (.Files.Glob "none/*").AsConfig }}]'))
      .toBe('[] Legatt []');
  });

  it('gobwas/glob: * and ? stay in a segment, ** crosses, classes and alternatives', () => {
    expect(globToRegExp('ship/*').test('ship/a/b')).toBe(false);
    expect(globToRegExp('**.txt').test('ship/a/b.txt')).toBe(true);
    expect(globToRegExp('ship/?.txt').test('ship/a.txt')).toBe(true);
    expect(globToRegExp('{ship,story}/[a-c]*').test('story/author.txt')).toBe(true);
    expect(globToRegExp('[!s]*/*').test('story/author.txt')).toBe(false);
  });
});
