/**
 * Hand-picked patterns for the differential test, each run on every input below: case folding orbits
 * (K/k/Kelvin sign, s/ſ, ß/ẞ, θ/ϑ/ϴ, ǅ), negated classes under (?i), Unicode names as Go 1.26 looks them
 * up, flag groups, repetition limits and nested counts, parse errors of every kind Go reports, octal and
 * hex escapes, empty-width loops, and the size and nesting limits.
 */
import type { RegexCase } from './generate.js';

const PATTERNS = [
  '(?i)K', '(?i)k', '(?i)[k]', '(?i)[^k]', '(?i)\\W', '(?i)[\\W]', '(?i)\\P{Lu}', '(?i)[[:^upper:]]', '(?i)ß', '(?i)ſ',
  '(?i)ǅ', '(?i)ϑ', '(?i)[a-z]+',
  '\\p{Old_Italic}', '\\p{Greek}', '\\p{greek}', '\\p{Letter}', '\\p{uppercase_letter}', '\\pn', '\\p{^Greek}',
  '\\P{^Greek}', '\\p{Any}', '\\p{Assigned}', '\\p{ASCII}', '\\p{LC}', '\\p{L', '\\p', '\\pé', '\\p{}',
  'x{2}{3}', '(?P<n>a)(?P<n>b)', '(?P<n>a)|(?P<n>b)', '\\Q*\\E+', '\\Qab', '(?U)a+?', '(?U)a+', '[[:foo:]]',
  '[[:alpha:]', '[[:alpha]]', '\\x{110000}', '\\x{10FFFF}', '\\x{}', '\\x', '\\x4', '\\xZ1', '\\x{zz}',
  'a{,5}', 'a{01}', 'a{1,01}', 'a{1000}', 'a{1001}', 'a{2,1}', 'a{99999999999}', 'a{1,99999999999}', '(a{100}){100}',
  '(a{10}){100}', '((a{10}){10}){10}', '((a{10}){10}){11}',
  '\\8', '\\_', '\\C', '\\Z', '\\z', '(?<name>x)', "(?'n'x)", '(?P>n)', '(?P=n)', '(?P<n', '(?P<n!>x)', '(?<>x)',
  '(?P<>x)', '(?i', '(?-)', '(?)', '(?i-)', '(?--i)', '(?i-i:a)', '(?:', '(?', ')', 'a)', '(a', '[a-\\d]', '[\\d-z]',
  '[a-]', '[-a]', '[]a]', '[^]a]', '[]', '[^]', '[', '[a', '[z-a]', '\\', 'a\\',
  '*', '+a', '(*)', '(|*)', 'a|*', '^*', '$+', '\\b*', '(?i)*', 'a(?i)*', 'a**', 'a*?*', 'a+?+?', 'a*\\Q\\E*', '(?:)*',
  '(?:)+', '()*', '(|a)*', '(a|)+', '(a*)+$', '(a*|b)*', '(?:a*)*', '(?:a+)+', '(?:a*?)*', '(a+|b+)*?c',
  '\\101\\0\\00\\000\\0000\\12', '[\\101-\\132]+', '\\a\\f\\t\\n\\r\\v', '[\\a-\\r]+', 'x*y*z*', '(?s).+', '.+', '(?m)^$',
  '(?m)$', '^$', '(?m)\\A^a$\\z', '\\B', '\\b',
  '('.repeat(999) + ')'.repeat(999), '('.repeat(1000) + ')'.repeat(1000), '(?:'.repeat(5000) + 'a' + ')'.repeat(5000),
  'x{1000}'.repeat(3400), '\\pL{1000}'.repeat(3400), '(?:a?){1000}', '(a?){1000}a{1000}',
];

const INPUTS = [
  '', 'a', 'aK\u212akKsSſß\u1e9eǄǅǆθϑΘϴ', 'ab\nba\n', 'abc αβγ 123 ÀÉ', '\u0000\u0007\f\t\n\r\u000b', 'x*y+AbZ', '😀a😀', 'aaa',
];

/** Every edge pattern on every edge input, with a template using a group number, a name and $0. */
export function edgeCases(): RegexCase[] {
  return PATTERNS.flatMap((p) => INPUTS.map((s) => ({ p, s, r: '<$1|${n}|$0>' })));
}
