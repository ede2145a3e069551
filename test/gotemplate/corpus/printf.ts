/** Go fmt cases: every verb with flags, width and precision over every kind of value. */
import type { CorpusCase } from '../harness.js';

const data = {
  i: { $int: '42' }, ni: { $int: '-42' }, zi: { $int: '0' }, i64: { $int64: '9223372036854775807' },
  ni64: { $int64: '-9223372036854775808' }, u: { $uint: '18446744073709551615' }, u8: { $uint8: '65' },
  f: 3.14159, nf: -2.5, bigf: 1234567, hugef: 1e21, smallf: 0.000012345, zf: 0, intf: 3, halff: 2.5, f05: 0.5,
  nan: { $float64: 'NaN' }, inf: { $float64: '+Inf' }, ninf: { $float64: '-Inf' }, negz: { $float64: '-0' },
  maxf: { $float64: '1.7976931348623157e308' }, minf: { $float64: '5e-324' }, f1e20: 1e20, f123: 123456789.123,
  s: 'hello', us: 'héllo, 世界', es: '', q: 'say "hi"\n\ttab\\', ctl: '\u0007\u007f\u00ad', emoji: '\u{1F600}',
  t: true, fa: false, nul: null, l: [1, 'two', true, null, 2.5], m: { b: 2, a: 'x', c: [1] }, em: {}, el: [],
  strs: { $strings: ['a', 'b'] }, bytes: { $bytes: 'Hi!' }, nested: { a: { b: [1, { c: 'd' }] } },
};

const FIELDS = Object.keys(data);

const SPECS = [
  '%v', '%+v', '%#v', '%T', '%s', '%d', '%q', '%x', '%X', '%o', '%O', '%b', '%c', '%U', '%#U', '%t', '%e', '%E',
  '%f', '%F', '%g', '%G', '%5d', '%-5d|', '%05d', '%+d', '% d', '%.3d', '%8.3d', '%x', '%#x', '%#o', '%# x',
  '%10s|', '%-10s|', '%.2s', '%5.1s|', '%010s', '%.2f', '%8.3f|', '%-8.2f|', '%08.3f', '%+.1e', '%.0f', '%.3g',
  '%.10g', '%#g', '%#.3g', '%#f', '%#.0f', '%#e', '% .2f', '%+q', '%#q', '%010.4f', '%-010d|', '%6.2v|', '%3c|',
  '%-4q|', '%.1q', '%x', '%.1x', '% X', '%#X', '%08b', '%+v', '%.0e', '%.20f', '%20.10e', '%.1g', '%g',
];

/** The printf corpus: one case per format spec applied to every value, plus argument-handling cases. */
export function printfCases(): CorpusCase[] {
  const seen = new Set<string>();
  const cases: CorpusCase[] = [];
  for (const spec of SPECS) {
    if (seen.has(spec)) continue;
    seen.add(spec);
    const lit = JSON.stringify(spec);
    const tpl = FIELDS.map((f) => `${f}:{{printf ${lit} .${f}}}`).join('\n');
    cases.push({ name: `spec ${spec}`, tpl, data });
  }
  return [...cases, ...argumentCases()];
}

function argumentCases(): CorpusCase[] {
  const c = (name: string, tpl: string): CorpusCase => ({ name, tpl, data });
  return [
    c('args-missing', '{{printf "%d %s %v"}} {{printf "%d %s" 1}}'),
    c('args-extra', '{{printf "%d" 1 2 "x" nil .l}}'),
    c('args-extra-no-verbs', '{{printf "hi" 1}}'),
    c('args-percent', '{{printf "100%%"}} {{printf "%5%"}} {{printf "%"}}'),
    c('args-noverb', '{{printf "abc%"}} {{printf "%-"}} {{printf "%5"}} {{printf "%.2"}}'),
    c('args-index', '{{printf "%[2]d %[1]d" 1 2}} {{printf "%[3]d" 1 2}} {{printf "%[0]d" 1}} {{printf "%[x]d" 1}}'),
    c('args-index-reuse', '{{printf "%[1]d %d %d" 1 2 3}}'),
    c('args-index-width', '{{printf "%[2]*[1]d|" 12 5}} {{printf "%[1]*d" 4 7}} {{printf "%[3]2d" 1 2 3}}'),
    c('args-index-extra', '{{printf "%[1]d" 1 2}}'),
    c('args-index-bad-close', '{{printf "%[1d" 1}} {{printf "%[]d" 1}} {{printf "%[" 1}}'),
    c('args-star', '{{printf "%*d|" 5 42}} {{printf "%-*d|" 5 42}} {{printf "%*d|" -5 42}} {{printf "%.*f" 2 3.14159}}'),
    c('args-star-bad', '{{printf "%*d" "x" 42}} {{printf "%.*d" "x" 42}} {{printf "%*d" 1.5 4}} {{printf "%.*d" -1 42}}'),
    c('args-star-int64', '{{printf "%*d|" .i64 1}} {{printf "%*d|" (i64 4) 1}}'),
    c('args-star-huge', '{{printf "%*d|" 10000000 1}}'),
    c('args-width-huge', '{{printf "%100000000d" 1}}|{{printf "%.100000000d" 1}}'),
    c('args-flags-combos', '{{printf "%-+05d|%+-5d|%0-5d|% +d" 3 3 3 3}}'),
    c('args-uppercase-unknown', '{{printf "%Z %y %!" 1 2 3}}'),
    c('args-w-verb', '{{printf "%w" 1}}'),
    c('args-p-verb-nil', '{{printf "%p" nil}}'),
    c('args-unicode-format', '{{printf "é%sé%dé" "x" 1}}'),
    c('args-unicode-verb', '{{printf "%é" 1}}'),
    c('args-sprint-mixed', '{{print 1 2 "s" 3 nil 4 .l "x" .m}}'),
    c('args-sprintln-mixed', '{{println 1 "s" nil .m}}'),
    c('float-rounding', '{{printf "%.0f %.0f %.0f %.1f %.1f %.2f %.2f" 0.5 1.5 2.5 0.25 0.35 1.005 2.675}}'),
    c('float-shortest', '{{print 0.1 0.2 0.30000000000000004 1e21 1e20 123456 1234567 12345678.9 100000 1000000 0.0001 0.00001 1e-7 5e-324}}'),
    c('float-g-prec', '{{printf "%.1g %.2g %.3g %.5g %.0g %g %g %g" 123456.0 123456.0 0.000123456 100.0 5.0 1e6 1e-5 1e100}}'),
    c('float-e-prec', '{{printf "%e %.0e %.1e %e %E" 0.0 5.0 123456.0 1e-300 1e300}}'),
    c('float-large-f', '{{printf "%f %.3f" 1e22 1e15}}'),
    c('int-bases-negative', '{{printf "%b %o %x %X %O" -5 -8 -255 -255 -8}}'),
    c('int-char-edge', '{{printf "%c %c %q %q %U" -1 1114112 -1 1114112 -1}}'),
    c('int-q-controls', "{{printf \"%q %q %q %+q %#q\" 10 0 127 233 '\\''}}"),
    c('bool-verbs', '{{printf "%t %v %5t| %-6t| %d %s" true false true false true false}}'),
    c('string-width-unicode', '{{printf "%6s|%-6s|%.2s|%.1q" "é世" "é世" "é世界" "é世"}}'),
    c('string-x-space', '{{printf "% x|%#x|% #x|%X|%10x|%-10x|%.2x" "ab" "ab" "ab" "ab" "ab" "ab" "abc"}}'),
    c('string-x-empty', '{{printf "%x|%5x|%#x" "" "" ""}}'),
    c('nil-verbs', '{{printf "%v %s %d %T %q %x %5v|%-5v|" nil nil nil nil nil nil nil nil}}'),
    c('bad-verb-width', '{{printf "%5d|%-5d|%05d" "ab" "ab" "ab"}}'),
    c('bad-verb-nested', '{{printf "%d" .l}} {{printf "%s" .m}} {{printf "%d" .nested}}'),
    c('map-verbs', '{{printf "%v|%+v|%#v|%s|%d|%q|%x" .m .m .m .m .m .m .m}}'),
    c('slice-verbs', '{{printf "%v|%+v|%#v|%s|%d|%q|%x|%5v" .l .l .l .l .l .l .l .l}}'),
    c('typed-slice-verbs', '{{printf "%v|%#v|%s|%q|%x|%d" .strs .strs .strs .strs .strs .strs}}'),
    c('bytes-verbs', '{{printf "%v|%#v|%s|%q|%x|%X|% x|%d|%c" .bytes .bytes .bytes .bytes .bytes .bytes .bytes .bytes .bytes}}'),
    c('empty-containers', '{{printf "%v %v %#v %#v %d %s" .em .el .em .el .el .em}}'),
    c('nested-sharp', '{{printf "%#v" .nested}}'),
    c('sharp-v-scalars', '{{printf "%#v %#v %#v %#v %#v %#v %#v" 1 "s" 1.5 true .u8 .i64 1e21}}'),
    c('sharp-v-floats', '{{printf "%#v %#v %#v %#v" 1.0 100000000.0 0.000001 -0.0}}'),
    c('plus-v-nested', '{{printf "%+v" .nested}}'),
  ];
}
