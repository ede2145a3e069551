/**
 * Sprig corpus lists by name (the golden file names under test/fixtures/sprig/). Cases call each function
 * with typical Helm inputs (values-file floats, `--set` int64s, missing values) and with edge cases.
 */
import type { CorpusCase } from '../../../gotemplate/harness.js';

type Extra = Partial<CorpusCase>;
const c = (name: string, tpl: string, data?: unknown, extra: Extra = {}): CorpusCase => ({ name, tpl, data, ...extra });
const i64 = (n: number | string) => ({ $int64: String(n) });

const d = {
  s: 'Hello World', e: '', u: 'héllo wörld', n: 3, f: 2.5, big: 1234567, i: i64(7), ni: i64(-3), t: true, fa: false,
  nul: null, l: ['b', 'a', 'c'], nl: [3, 1, 2], ml: ['a', 1, null, true, 2.5, ''], el: [],
  m: { a: 1, b: 'two', c: { d: 'deep' } }, em: {}, strs: { $strings: ['x', 'y', 'x'] }, bytes: { $bytes: 'hi' },
  ws: '  \t padded \n ', csv: 'a,b,,c', path: '/usr/local/bin/helm.tar.gz', dashed: 'foo-bar_baz Qux',
};

function strings(): CorpusCase[] {
  return [
    c('trim', '[{{trim .ws}}] [{{trim ""}}] [{{trim "\\u00a0x\\u00a0"}}]', d),
    c('trimAll', '{{trimAll "$" "$$5.00$"}} {{trimAll "ab" "abcba"}} {{trimall "-" "--x--"}}'),
    c('trimPrefix-Suffix', '{{trimSuffix "-" "name-"}} {{trimPrefix "v" "v1.2"}} {{trimSuffix "x" "abc"}} {{"chart-" | trimSuffix "-"}}'),
    c('upper-lower', '{{upper .s}} {{lower .s}} {{upper .u}} {{lower "ÀÉ"}}', d),
    c('title-untitle', '{{title "hello world-foo_bar 9am x.y"}} {{untitle "Hello World"}} {{title .u}}', d),
    c('repeat', '{{repeat 3 "ab"}}|{{repeat 0 "x"}}', d),
    c('repeat-negative', '{{repeat -1 "x"}}'),
    c('substr', '{{substr 0 5 .s}}|{{substr 6 -1 .s}}|{{substr -1 5 .s}}|{{substr 3 100 .s}}|{{substr 2 2 .s}}', d),
    c('substr-bad', '{{substr 5 2 "abcdef"}}'),
    c('substr-start-past-end', '{{substr 9 -1 "abc"}}'),
    c('substr-neg-end', '{{substr -1 -1 "abc"}}'),
    c('substr-unicode', '{{substr 0 2 "héllo"}}'),
    c('trunc', '{{trunc 5 .s}}|{{trunc -5 .s}}|{{trunc 50 .s}}|{{trunc 0 .s}}|{{trunc -50 .s}}', d),
    c('trunc-63', '{{ printf "%s-%s" "a-very-long-release-name-that-goes-on" "and-on-chart-name-too" | trunc 63 | trimSuffix "-" }}'),
    c('trunc-float-arg', '{{trunc .n "abc"}}', d),
    c('trunc-int64-arg', '{{trunc .i "abcdefghij"}}', d),
    c('abbrev', '{{abbrev 5 .s}}|{{abbrev 3 .s}}|{{abbrev 20 .s}}|{{abbrev 4 "abcdef"}}', d),
    c('abbrevboth', '{{abbrevboth 5 10 "1234 5678 9123"}}|{{abbrevboth 0 4 "abcdefg"}}|{{abbrevboth 1 6 "abcdefghij"}}|{{abbrevboth 10 7 "abcdefghijklmno"}}'),
    c('initials', '{{initials "First Try"}} {{initials .u}} {{initials ""}}', d),
    c('nospace', '{{nospace .ws}}|{{nospace "a b\\tc"}}|{{nospace "é x"}}|{{nospace "éx"}}', d),
    c('swapcase', '{{swapcase "This Is A.Test"}} {{swapcase "hello WORLD x"}}'),
    c('wrap', '{{wrap 5 "Hello World foo bar"}}|{{wrap 3 "abcdefgh ij"}}|{{wrap 0 "a b"}}'),
    c('wrapWith', '{{wrapWith 5 "\\t" "Hello World"}}|{{wrapWith 3 "|" "abcdefgh ij"}}'),
    c('contains-prefix-suffix', '{{contains "ell" .s}} {{contains "z" .s}} {{hasPrefix "He" .s}} {{hasSuffix "ld" .s}} {{hasPrefix "x" .s}}', d),
    c('contains-pipe', '{{.s | contains "World"}}', d),
    c('contains-nil', '{{contains "a" .missing}}', d),
    c('quote', '{{quote "a"}} {{quote 1 2.5 .nul "x\\"y"}} {{quote .missing}}|{{quote .l}} {{quote .i}} {{quote .t}}', d),
    c('quote-missing-only', 'x{{.missing | quote}}y', d),
    c('squote', "{{squote \"a\"}} {{squote 1 .nul .t}} {{squote .m}}|{{.missing | squote}}", d),
    c('cat', '{{cat "a" 1 .nul "b" .l}}|{{cat}}|{{cat .nul}}', d),
    c('indent', '{{indent 2 "a\\nb\\n"}}|{{indent 0 "x"}}', d),
    c('indent-negative', '{{indent -1 "x"}}'),
    c('nindent', '{{nindent 4 "a: 1\\nb: 2"}}', d),
    c('replace', '{{replace "o" "0" .s}} {{replace "" "-" "abc"}} {{"a.b.c" | replace "." "-"}} {{replace "x" "x" "xx"}}', d),
    c('plural', '{{plural "one" "many" 1}} {{plural "one" "many" 2}} {{plural "one" "many" 0}}'),
    c('plural-float', '{{plural "one" "many" .n}}', d),
    c('hashes', '{{sha1sum "abc"}} {{sha256sum "abc"}} {{adler32sum "abc"}} {{adler32sum ""}}'),
    c('sha512', '{{sha512sum "abc"}} {{sha256sum .u}}', d),
    c('toString', '{{toString 1}} {{toString 2.5}} {{toString .big}} {{toString .nul}} {{toString .l}} {{toString .m}} {{toString .bytes}} {{toString .t}} {{toString "s"}}', d),
    c('toString-typeOf', '{{toString 1 | typeOf}}'),
    c('split', '{{split "," .csv}} {{(split "," .csv)._1}} {{(split "," .csv)._9}}|{{split "," .csv | typeOf}}', d),
    c('splitList', '{{splitList "," .csv}} {{splitList "" "abc"}} {{splitList "," ""}} {{splitList "," .csv | typeOf}}', d),
    c('splitn', '{{splitn "," 2 .csv}} {{splitn "," 0 .csv}} {{splitn "," -1 .csv}} {{splitn "" 2 "abc"}}', d),
    c('split-index-image', '{{ $p := split ":" "nginx:1.25" }}{{ $p._0 }} {{ $p._1 }}'),
    c('toStrings', '{{toStrings .ml}} {{toStrings .nl | typeOf}} {{toStrings "x"}} {{toStrings .nul}} {{toStrings .strs}} {{toStrings 5}}', d),
    c('join', '{{join "," .l}} {{join "-" .ml}} {{join "," "abc"}} {{join "," .nul}} {{join "," .strs}} {{join "," .nl}}', d),
    c('b64', '{{b64enc "hello"}} {{b64dec "aGVsbG8="}} {{b64enc ""}} {{b64dec "!!"}} {{b64dec "aGVsbG8"}}'),
    c('atoi', '{{atoi "42"}} {{atoi "-7"}} {{atoi "x"}} {{atoi "1.5"}} {{atoi " 1"}} {{atoi "42" | typeOf}}'),
    c('wrong-arg-type-upper', '{{upper .n}}', d),
    c('wrong-arg-type-indent', '{{indent .n "x"}}', d),
    c('nil-arg-string', '{{upper .missing}}', d),
    c('nil-arg-trunc', '{{trunc 3 .missing}}', d),
    c('helm-fullname', '{{- $name := default "chart" .nameOverride -}}{{- if contains $name "rel-chart" -}}{{ "rel-chart" | trunc 63 | trimSuffix "-" }}{{- else -}}{{ printf "%s-%s" "rel" $name | trunc 63 | trimSuffix "-" }}{{- end -}}', {}),
    c('helm-chart-label', '{{ printf "%s-%s" "my-chart" "1.0.0+build" | replace "+" "_" | trunc 63 | trimSuffix "-" }}'),
  ];
}

function lists(): CorpusCase[] {
  return [
    c('list', '{{list 1 "a" .nul .n}} {{list | typeOf}} {{list}} {{tuple 1 2}}', d),
    c('first-last', '{{first .l}} {{last .l}} {{first .el}}|{{last .el}}|{{first .strs}} {{first .nl | typeOf}}', d),
    c('first-string', '{{first "abc"}}'),
    c('first-nil', '{{first .missing}}', d),
    c('mustFirst-string', '{{mustFirst "abc"}}'),
    c('rest-initial', '{{rest .l}} {{initial .l}} {{rest .el}} {{initial .el}} {{rest .strs}} {{rest .el | typeOf}}', d),
    c('append-prepend', '{{append .l "z"}} {{prepend .l "z"}} {{append .strs 1}} {{push .el 1}} {{.l}}', d),
    c('append-map', '{{append .m 1}}', d),
    c('append-nil', '{{append .missing 1}}', d),
    c('mustAppend-int', '{{mustAppend 1 2}}'),
    c('reverse', '{{reverse .l}} {{reverse .el}} {{reverse .strs}}', d),
    c('reverse-int', '{{reverse 5}}'),
    c('uniq', '{{uniq .strs}} {{uniq (list 1 1 2 "1" 1.0 2.0)}} {{uniq (list .m .m)}} {{uniq .el}}', d),
    c('compact', '{{compact .ml}} {{compact .el}} {{compact (list 0 false "" .nul 1)}}', d),
    c('without', '{{without .l "a"}} {{without .ml .nul 1 ""}} {{without .nl 1}} {{without .nl 1.0}}', d),
    c('has', '{{has "a" .l}} {{has "z" .l}} {{has 1.0 .nl}} {{has 1 .nl}} {{has "x" .nul}} {{has .nul .ml}}', d),
    c('has-bad', '{{has 1 "abc"}}'),
    c('slice', '{{slice .l 1}} {{slice .l 1 2}} {{slice .l}} {{slice .el}}|{{slice .strs 1 | typeOf}}', d),
    c('slice-bad', '{{slice .l 2 1}}', d),
    c('slice-out', '{{slice .l 0 9}}', d),
    c('slice-string', '{{slice "abc" 1}}'),
    c('slice-float-index', '{{slice .l .n}}', { ...d, n: 1 }),
    c('concat', '{{concat .l .nl}} {{concat .el .el}} {{concat .strs (list 1)}} {{concat | typeOf}}', d),
    c('concat-bad', '{{concat .l "x"}}', d),
    c('chunk', '{{chunk 2 .l}} {{chunk 3 (list 1 2 3 4 5 6)}} {{chunk 2 .el}} {{chunk 1 .strs}}', d),
    c('chunk-zero', '{{chunk 0 .l}}', d),
    c('sortAlpha', '{{sortAlpha .l}} {{sortAlpha .nl}} {{sortAlpha .ml}} {{sortAlpha "x"}} {{sortAlpha (list "B" "a" "é" "Z")}}', d),
    c('until', '{{until 3}} {{until 0}} {{until -3}} {{untilStep 0 10 3}} {{untilStep 10 0 -3}} {{untilStep 0 10 -1}} {{until 2 | typeOf}}', d),
    c('range-until', '{{range until 3}}{{.}}{{end}}'),
    c('seq', '[{{seq 3}}] [{{seq 0}}] [{{seq -2}}] [{{seq 2 5}}] [{{seq 5 2}}] [{{seq 0 2 10}}] [{{seq 10 -3 1}}] [{{seq 1 2 3 4}}] [{{seq}}] [{{seq 10 2 1}}]'),
  ];
}

function dicts(): CorpusCase[] {
  return [
    c('dict', '{{dict "a" 1 "b" "two"}} {{dict}} {{dict "odd"}} {{dict 1 2 .nul 3}} {{dict | typeOf}}', d),
    c('get-set-unset', '{{get .m "a"}} {{get .m "zz" | printf "%q"}} {{$_ := set .m "z" 9}}{{.m}} {{$_ := unset .m "a"}}{{.m}}', d),
    c('hasKey', '{{hasKey .m "a"}} {{hasKey .m "zz"}} {{hasKey .em "a"}}', d),
    c('hasKey-nil', '{{hasKey .missing "a"}}', d),
    c('hasKey-list', '{{hasKey .l "a"}}', d),
    c('pluck', '{{pluck "a" .m (dict "a" 2) (dict "b" 3)}} {{pluck "z" .m}}', d),
    c('keys-sorted', '{{keys .m | sortAlpha}} {{keys .m (dict "x" 1) | sortAlpha}} {{keys .em}}', d),
    c('keys-one', '{{keys (dict "only" 1)}}'),
    c('values-one', '{{values (dict "only" 1)}} {{values .em}}', d),
    c('pick-omit', '{{pick .m "a" "zz"}} {{omit .m "a"}} {{pick .m}} {{omit .m}}', d),
    c('dig', '{{dig "c" "d" "dflt" .m}} {{dig "c" "zz" "dflt" .m}} {{dig "a" "dflt" .m}} {{dig "zz" "y" "dflt" .m}}', d),
    c('dig-through-scalar', '{{dig "a" "b" "dflt" .m}}', d),
    c('dig-too-few', '{{dig "a" .m}}', d),
    c('dig-not-map', '{{dig "a" "x" "str"}}'),
    c('dig-key-not-string', '{{dig 1 "x" .m}}', d),
    c('merge-helm-23', '{{merge .dst .src1 .src2}}|{{.dst}}', {
      dst: { a: 'one', c: 3, d: { f: 5 }, g: [8, 9], i: 'eye', k: { l: true } },
      src1: { a: 1, b: 2, d: { e: 'four' }, g: [6, 7], i: 'aye', j: 'jay', k: { l: false } },
      src2: { h: 10, i: 'i', j: 'j' },
    }),
    c('mergeOverwrite', '{{mergeOverwrite .dst .src}}', {
      dst: { a: 'one', c: 3, d: { f: 5, x: 'keep' }, g: [8, 9], e: '', n: 'not-nil', z: 'z' },
      src: { a: 1, b: 2, d: { f: 'six' }, g: [6], e: 'filled', n: null, z: '' },
    }),
    c('merge-empties', '{{merge .dst .src}}', {
      dst: { e: '', z: 0, f: false, l: [], m: {}, nul: null, s: 'x', mm: { a: 1 } },
      src: { e: 'E', z: 5, f: true, l: [1], m: { k: 1 }, nul: 'N', s: 'y', mm: 'str', new: [1] },
    }),
    c('merge-map-over-scalar', '{{merge .dst .src}} {{mergeOverwrite .dst2 .src}}', { dst: { a: 'x' }, dst2: { a: 'x' }, src: { a: { b: 1 } } }),
    c('merge-wrong-type', '{{merge .m .l}}', d),
    c('merge-nil', '{{merge .m .missing}}', d),
    c('deepCopy', '{{$c := deepCopy .m}}{{$_ := set $c "a" 100}}{{.m.a}} {{$c.a}} {{deepCopy .l}} {{deepCopy 5}}', d),
    c('typed-map-arg', '{{hasKey (split "," "a,b") "_0"}}'),
  ];
}

function defaultsMathTypes(): CorpusCase[] {
  return [
    c('default', '{{default "d" .missing}} {{default "d" ""}} {{default "d" "x"}} {{default 5 0}} {{default true false}} {{default "d" .el}} {{default "d" .em}} {{default "d" .l}} {{default "d"}}', d),
    c('default-pipe', '{{.missing | default "fallback"}} {{.n | default 1}} {{.i | default 9}}', d),
    c('default-types', '{{default 1 .missing | typeOf}} {{default "x" .n | typeOf}}', d),
    c('empty', '{{empty .missing}} {{empty ""}} {{empty 0}} {{empty 0.0}} {{empty .i}} {{empty .el}} {{empty .em}} {{empty .l}} {{empty false}} {{empty .nul}}', d),
    c('coalesce', '{{coalesce .missing "" 0 "x" "y"}} {{coalesce}} {{coalesce .nul .e}}|{{coalesce .el .l}}', d),
    c('all-any', '{{all 1 "a" .t}} {{all 1 ""}} {{all}} {{any 0 "" .nul}} {{any 0 "x"}} {{any}}', d),
    c('ternary', '{{ternary "yes" "no" true}} {{ternary "yes" "no" false}} {{true | ternary 1 2}}', d),
    c('ternary-nonbool', '{{ternary 1 2 .n}}', d),
    c('fail', '{{fail "boom: it failed"}}'),
    c('int-conversions', '{{int .n}} {{int64 .f}} {{int "42"}} {{int "0x1F"}} {{int "1.0"}} {{int "1.5"}} {{int .t}} {{int .nul}} {{int64 .big}} {{int "abc"}} {{int "010"}} {{int "1_000"}}', d),
    c('int-types', '{{int .n | typeOf}} {{int64 .n | typeOf}} {{float64 .i | typeOf}}', d),
    c('float64-conversions', '{{float64 .i}} {{float64 "1.5"}} {{float64 "1e3"}} {{float64 "inf"}} {{float64 "x"}} {{float64 .t}} {{float64 .nul}} {{float64 "0x1p4"}} {{float64 "NaN"}}', d),
    c('int-from-float-huge', '{{int64 1e300}} {{int 1e19}} {{int64 -1e300}}'),
    c('add-sub-mul-div-mod', '{{add 1 2 3}} {{add}} {{add .n .i}} {{sub 10 .n}} {{mul 2 3 4}} {{div 7 2}} {{mod 7 2}} {{div -7 2}} {{mod -7 2}} {{add1 .f}}', d),
    c('math-types', '{{add 1 2 | typeOf}} {{add1f 1 | typeOf}}', d),
    c('div-zero', '{{div 1 0}}'),
    c('mod-zero', '{{mod 1 0}}'),
    c('int64-overflow', '{{add 9223372036854775807 1}} {{mul 9223372036854775807 2}}'),
    c('float-ops', '{{addf 0.1 0.2}} {{subf 1.5 0.25 0.25}} {{mulf 1.1 3}} {{divf 10 3}} {{divf 1 8}} {{add1f 1.5}} {{addf}} {{divf 2 3}} {{divf -2 3}}', d),
    c('float-ops-strings', '{{addf "1.5" 2}} {{mulf .i .f}}', d),
    c('divf-zero', '{{divf 1 0}}'),
    c('max-min', '{{max 1 5 3}} {{min 4 2 8}} {{biggest 1 .n}} {{maxf 1.5 2.5 .f}} {{minf 1.5 -2.5}} {{max .f 2}} {{min "5" 3}}', d),
    c('ceil-floor-round', '{{ceil 1.2}} {{floor 1.8}} {{ceil -1.2}} {{floor "2.7"}} {{round 3.14159 2}} {{round 2.5 0}} {{round 2.4 0}} {{round 1.2345 3 0.4}} {{round -2.5 0}} {{round 123.456 -1}}', d),
    c('toDecimal', '{{toDecimal "777"}} {{toDecimal 777}} {{toDecimal "8"}} {{toDecimal .big}} {{toDecimal "-17"}}', d),
    c('typeOf', '{{typeOf 1}} {{typeOf .n}} {{typeOf .i}} {{typeOf .s}} {{typeOf .l}} {{typeOf .m}} {{typeOf .nul}} {{typeOf .strs}} {{typeOf .t}} {{typeOf .bytes}}', d),
    c('typeIs', '{{typeIs "float64" .n}} {{typeIs "int" .n}} {{typeIsLike "float64" .n}} {{typeIs "<nil>" .nul}}', d),
    c('kindOf', '{{kindOf 1}} {{kindOf .n}} {{kindOf .i}} {{kindOf .s}} {{kindOf .l}} {{kindOf .m}} {{kindOf .nul}} {{kindOf .strs}} {{kindOf .t}} {{kindOf (split "," "a")}}', d),
    c('kindIs', '{{kindIs "map" .m}} {{kindIs "slice" .l}} {{kindIs "string" .n}} {{kindIs "invalid" .missing}} {{kindIs "float64" .n}} {{kindIs "int64" .i}}', d),
    c('deepEqual', '{{deepEqual .l .l}} {{deepEqual (list 1 2) (list 1 2)}} {{deepEqual 1 1.0}} {{deepEqual .m (dict "a" 1)}} {{deepEqual .nul .missing}} {{deepEqual "a" "a"}} {{deepEqual .strs (list "x" "y" "x")}}', d),
    c('helm-replicas-int', '{{ .replicaCount | int }} {{ int .replicaCount | typeOf }} {{ if gt (int .replicaCount) 1 }}many{{ end }}', { replicaCount: 3 }),
    c('helm-port-printf', '{{ printf "%d" (int .port) }} {{ .port | int64 | toString }}', { port: 8080 }),
  ];
}

function pathsEncoding(): CorpusCase[] {
  return [
    c('base-dir-ext', '{{base .path}} {{dir .path}} {{ext .path}} {{base ""}} {{dir ""}} {{ext "noext"}} {{base "/"}} {{dir "/a"}} {{base "a/b/"}} {{ext "a.b/c"}}', d),
    c('clean', '{{clean "a//b/../c/./d/"}} {{clean "/../a"}} {{clean "../../x"}} {{clean ""}} {{clean "/"}} {{clean "a/.."}}', d),
    c('isAbs-os', '{{isAbs "/a"}} {{isAbs "a"}} {{osBase "/x/y.txt"}} {{osDir "/x/y.txt"}} {{osExt "y.tar.gz"}} {{osClean "x//y"}} {{osIsAbs "/"}}'),
    c('b32', '{{b32enc "hello"}} {{b32dec "NBSWY3DP"}} {{b32enc ""}} {{b32enc "a"}} {{b32dec "!!!!!!!!"}} {{b32dec "NBSW"}}'),
    c('toJson', '{{toJson .m}} {{toJson .l}} {{toJson .ml}} {{toJson .nul}} {{toJson "<a&b>"}} {{toJson .strs}} {{toJson .bytes}} {{toJson .em}} {{toJson .el}}', d),
    c('toJson-numbers', '{{toJson (list 1 1.5 1e21 1e20 0.000001 0.0000001 -0.0 123456789.0 .i 1e-7)}}', d),
    c('toJson-nan', '[{{toJson .nan}}]', { nan: { $float64: 'NaN' } }),
    c('mustToJson-nan', '{{mustToJson .nan}}', { nan: { $float64: 'NaN' } }),
    c('toJson-escapes', '{{toJson "a\"b\\c\nd\te\u0001\u2028é"}}'),
    c('toPrettyJson', '{{toPrettyJson .m}}|{{toPrettyJson .l}}|{{toPrettyJson .em}}|{{toPrettyJson (dict "a" (list) "b" (dict))}}', d),
    c('toRawJson', '{{toRawJson (dict "h" "<b>&")}} {{toRawJson .m}}', d),
    c('fromJson', '{{fromJson "{\"a\":1,\"b\":[1,2,{\"c\":null}]}"}} {{(fromJson "{\"n\":10}").n | typeOf}} {{fromJson "[1,2]"}} {{fromJson "\"s\""}} {{fromJson "bad"}}'),
    c('fromJson-roundtrip', '{{ toJson (fromJson "{\"z\":1,\"a\":{\"y\":true}}") }}'),
    c('mustFromJson-ok', '{{mustFromJson "{\"a\":2}"}}'),
  ];
}

function regex(): CorpusCase[] {
  const r = (name: string, tpl: string) => c(name, tpl, d);
  return [
    r('regexMatch', '{{regexMatch "^[a-z]+$" "abc"}} {{regexMatch "^[a-z]+$" "ab1"}} {{regexMatch "(?i)HELLO" "hello"}} {{regexMatch "a.c" "a\\nc"}} {{regexMatch "(?s)a.c" "a\\nc"}} {{regexMatch "(" "x"}}'),
    r('regexMatch-classes', '{{regexMatch "^\\\\d+$" "123"}} {{regexMatch "^\\\\w+$" "a_1"}} {{regexMatch "\\\\s" "a\\u00a0b"}} {{regexMatch "[[:alpha:]]+" "abc"}} {{regexMatch "^[[:digit:]]+$" "12a"}} {{regexMatch "\\\\pL" "é"}} {{regexMatch "^.$" "é"}}'),
    r('regexMatch-anchors', '{{regexMatch "a$" "a\\n"}} {{regexMatch "(?m)a$" "a\\nb"}} {{regexMatch "\\\\Aa" "ba"}} {{regexMatch "a\\\\z" "a"}} {{regexMatch "^b" "a\\nb"}} {{regexMatch "(?m)^b" "a\\nb"}}'),
    r('mustRegexMatch-error', '{{mustRegexMatch "(" "x"}}'),
    r('mustRegexMatch-error-bracket', '{{mustRegexMatch "[a" "x"}}'),
    r('mustRegexMatch-error-paren', '{{mustRegexMatch "a)" "x"}}'),
    r('mustRegexMatch-error-escape', '{{mustRegexMatch "\\\\q" "x"}}'),
    r('mustRegexMatch-error-backref', '{{mustRegexMatch "(a)\\\\1" "aa"}}'),
    r('mustRegexMatch-error-repeat', '{{mustRegexMatch "*a" "x"}}'),
    r('mustRegexMatch-error-nested', '{{mustRegexMatch "a**" "x"}}'),
    r('mustRegexMatch-error-count', '{{mustRegexMatch "a{1001}" "x"}}'),
    r('regexFind', '{{regexFind "[0-9]+" "abc123def456"}}|{{regexFind "x" "abc"}}|{{regexFind "a*" "baaa"}}'),
    r('regexFind-error', '{{regexFind "(" "x"}}'),
    r('regexFind-error-quote', '{{regexFind "`(" "x"}}'),
    r('mustRegexFind-error', '{{mustRegexFind "(" "x"}}'),
    r('regexFindAll', '{{regexFindAll "[0-9]+" "a1b22c333" -1}} {{regexFindAll "[0-9]+" "a1b22c333" 2}} {{regexFindAll "x" "abc" -1}} {{regexFindAll "a*" "baaab" -1}} {{regexFindAll "" "abc" -1}} {{regexFindAll "." "héllo" 3}} {{regexFindAll "[0-9]" "123" 0}}'),
    r('regexReplaceAll', '{{regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W"}} {{regexReplaceAll "a(x*)b" "-ab-axxb-" "$1W"}} {{regexReplaceAll "a(?P<mid>x*)b" "-axb-" "<$mid>"}} {{regexReplaceAll "a*" "baaab" "X"}} {{regexReplaceAll "" "abc" "-"}} {{regexReplaceAll "b" "abc" "$$"}} {{regexReplaceAll "(b)" "abc" "$2|$x|${1"}}'),
    r('regexReplaceAll-helm', '{{regexReplaceAll "[^a-z0-9-]" ("My_Release.Name" | lower) "-"}} {{regexReplaceAll "\\\\W+" "a b.c" "_"}}'),
    r('regexReplaceAllLiteral', '{{regexReplaceAllLiteral "a(x*)b" "-ab-axxb-" "${1}"}} {{regexReplaceAllLiteral "\\\\." "a.b.c" "$"}}'),
    r('regexSplit', '{{regexSplit "z+" "pizza" -1}} {{regexSplit "z+" "pizza" 1}} {{regexSplit "z+" "pizza" 2}} {{regexSplit "z+" "pizza" 0}} {{regexSplit "" "abc" -1}} {{regexSplit "a" "" -1}} {{regexSplit "," "a,b,,c," -1}}'),
    r('regexQuoteMeta', '{{regexQuoteMeta "1.5-2.0?[x]{y}(z)|^$\\\\+*"}}'),
    r('regex-escapes', '{{regexMatch "a\\\\.b" "a.b"}} {{regexMatch "a\\\\.b" "axb"}} {{regexMatch "\\\\#\\\\-\\\\:" "#-:"}} {{regexFind "\\\\x41+" "xAAy"}} {{regexFind "\\\\x{263a}" "a☺b"}} {{regexFind "\\\\101" "zAz"}} {{regexFind "\\\\Q.*\\\\E" "a.*b"}}'),
    r('regex-class-escapes', '{{regexFindAll "[\\\\d.]+" "v1.2.3-rc" -1}} {{regexFindAll "[^\\\\s,]+" "a, b ,c" -1}} {{regexFindAll "[a\\\\-z]" "a-m-z" -1}} {{regexFindAll "[]a]" "]a" -1}}'),
    r('regex-lazy-alternation', '{{regexFind "a+?" "aaa"}} {{regexFind "a|ab" "ab"}} {{regexFind "(a|ab)(c|bcd)" "abcd"}} {{regexFind "x{2,3}" "xxxx"}} {{regexFind "x{2,}?" "xxxx"}}'),
    r('regex-unicode', '{{regexFindAll "\\\\p{Greek}+" "abc αβγ def" -1}} {{regexFindAll "\\\\PL+" "ab12cd" -1}} {{regexReplaceAll "." "日本" "x"}}'),
    r('regex-raw-string', '{{regexFindAll `\\d+` "a1b22" -1}} {{regexReplaceAll `(\\w+)@(\\w+)` "me@host" "${2}.${1}"}}'),
    r('regex-wrong-arg', '{{regexFindAll "a" "aaa" "2"}}'),
    r('regex-flag-groups', '{{regexFindAll "(?i:a)b" "AB Ab ab" -1}} {{regexReplaceAll "a(?i)b(?-i)c" "aBc aBC abc" "x"}} {{regexFind "(?U)a+" "aaa"}} {{regexFind "(?U)a+?" "aaa"}} {{regexFindAll "(?ms)^a.b$" "x\\na\\nb\\ny" -1}} {{regexMatch "(?i)straße" "STRASSE"}}'),
    r('regex-catastrophic', '{{regexMatch "^(a+)+$" (repeat 40 "a" | printf "%sb")}} {{regexMatch "(a|a)*b" (repeat 40 "a")}} {{regexFind "(x+x+)+y" (repeat 40 "x")}}'),
    r('mustRegexMatch-error-flags', '{{mustRegexMatch "(?z)a" "a"}}'),
  ];
}

function casesAndRandom(): CorpusCase[] {
  const words = ['', 'a', '_', '__a', 'HelloWorld', 'helloWorld', 'hello_world', 'hello-world', 'Hello World', 'HTTPServer',
    'userID', 'ID', 'foo123bar', 'foo_123_bar', 'v1.2', 'a1B2c3', 'ABCdef', 'ab--cd', '  lead', 'trail  ', 'snake_Case-Mix',
    'JSONData2XML', 'x.y.z', 'émile Zola', 'ÉCOLE', 'my.release/name', 'a_', 'A1', '1A', '123', 'AbcDEF1ghi'];
  return [
    ...['snakecase', 'kebabcase', 'camelcase'].map((fn) => c(`case-${fn}`, words.map((w) => `[{{${fn} ${JSON.stringify(w)}}}]`).join(' '))),
    c('random-shapes', '{{len (randAlphaNum 10)}} {{regexMatch "^[a-zA-Z0-9]{12}$" (randAlphaNum 12)}} {{regexMatch "^[a-zA-Z]{5}$" (randAlpha 5)}} {{regexMatch "^[0-9]{7}$" (randNumeric 7)}} {{regexMatch "^[ -~]{9}$" (randAscii 9)}} {{randAlphaNum 0}}|{{randAlpha -1}}|{{len (randBytes 12)}} {{len (randBytes 6)}}'),
    c('random-shuffle', '{{len (shuffle "hello")}} {{shuffle "aaa"}} {{shuffle ""}}|{{sortAlpha (splitList "" (shuffle "cab"))}}'),
    c('random-uuid', '{{regexMatch "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$" uuidv4}} {{len uuidv4}}'),
    c('random-int', '{{$r := randInt 5 10}}{{and (ge $r 5) (lt $r 10)}} {{randInt 3 4}}'),
  ];
}

function dates(): CorpusCase[] {
  const t = '(toDate "2006-01-02 15:04:05" "2024-03-05 07:08:09")';
  return [
    c('date-unix-int', '{{date "2006-01-02 15:04:05" 0}} {{date "Jan 2, 2006 at 3:04pm (MST)" 1700000000}} {{htmlDate 86400}}'),
    c('date-layouts', `{{date "Monday January 2 06 _2 3 03 PM pm 15:04:05 -0700 -07:00 Z07:00 MST 002" ${t}}}`),
    c('date-fractions', '{{date "05.000 05.999 05.000000 .9" (toDate "2006-01-02T15:04:05.999999999Z07:00" "2024-01-02T03:04:05.120000000Z")}}'),
    c('date-in-zone', '{{dateInZone "2006-01-02 15:04 MST -0700" 1700000000 "UTC"}} | {{dateInZone "2006-01-02 15:04 MST" 1700000000 "America/New_York"}} | {{dateInZone "15:04 MST" 1700000000 "Nowhere/Bogus"}} | {{date_in_zone "2006" 0 "UTC"}} | {{htmlDateInZone 1700000000 "Asia/Tokyo"}}'),
    c('date-float-is-now', '{{ $y := date "2006" 1.5 }}{{ eq $y (now | date "2006") }}'),
    c('date-int64', '{{date "2006-01-02" .ts}}', { ts: { $int64: '1000000000' } }),
    c('toDate', `{{${t}}} {{toDate "2006-01-02" "2024-02-30"}} {{toDate "2006-01-02" "bad"}} {{${t} | typeOf}}`),
    c('toDate-zones', '{{toDate "2006-01-02T15:04:05Z07:00" "2024-01-02T03:04:05+02:00"}} | {{toDate "2006-01-02T15:04:05Z07:00" "2024-01-02T03:04:05Z"}} | {{toDate "Jan _2 2006 3:04PM" "Feb  3 2020 1:30PM"}}'),
    c('mustToDate-error', '{{mustToDate "2006-01-02" "2024-13-01"}}'),
    c('mustToDate-error-parse', '{{mustToDate "2006-01-02" "20x4-01-01"}}'),
    c('mustToDate-extra', '{{mustToDate "2006-01-02" "2024-01-01 x"}}'),
    c('unixEpoch', `{{unixEpoch ${t}}} {{${t} | unixEpoch}}`),
    c('dateModify', `{{dateModify "1.5h" ${t}}} {{dateModify "-48h" ${t} | date "2006-01-02"}} {{dateModify "bad" ${t}}}`),
    c('mustDateModify-error', `{{mustDateModify "5x" ${t}}}`),
    c('duration', '{{duration 0}}|{{duration "95"}}|{{duration "3661"}}|{{duration .n}}|{{duration .i}}|{{duration "x"}}|{{duration "90061"}}|{{duration "-5"}}', { n: 60, i: { $int64: '7200' } }),
    c('durationRound', '{{durationRound "2h30m"}} {{durationRound "90s"}} {{durationRound "1s"}} {{durationRound "400d"}} {{durationRound .i}} {{durationRound "-3h"}} {{durationRound "bad"}} {{durationRound "35d"}} {{durationRound "1.5us"}}', { i: { $int64: '86400000000001' } }),
    c('time-methods', `{{${t}.Year}} {{${t}.Day}} {{(${t}).Hour}} {{(${t}).Format "Jan"}} {{(${t}).Unix}} {{(${t}).UTC}}`),
    c('time-printf', `{{printf "%v|%s|%q" ${t} ${t} ${t}}} {{list ${t}}}`),
    c('now-shape', '{{typeOf now}} {{regexMatch "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" (now | htmlDate)}} {{ago now}} {{now | date "2006" | len}}'),
  ];
}

function urlsCryptoMisc(): CorpusCase[] {
  const urls = ['https://user:p%40ss@example.com:8443/a%20b/c?x=1&y=2#frag%21', 'http://example.com', 'mailto:me@example.com',
    '/just/a/path?q', 'postgres://db/name', 'HTTP://Host/Path', 'file:///etc/hosts', '//cdn.example.com/x.js', 'a/b:c', '',
    'https://[::1]:80/x', 'https://h/%zz', 'https://h:port/', ':nope', 'https://h/p#a b'];
  return [
    ...urls.map((u, i) => c(`urlParse-${i}`, `{{ urlParse ${JSON.stringify(u)} }}`)),
    c('urlJoin', '{{urlJoin (dict "scheme" "https" "host" "example.com:443" "path" "/a b/é" "query" "x=1" "fragment" "f g" "userinfo" "me:se cret")}} | {{urlJoin (dict "scheme" "mailto" "opaque" "x@y")}} | {{urlJoin (dict "path" "a:b")}} | {{urlJoin (dict)}} | {{urlJoin (dict "host" "h" "path" "rel")}}'),
    c('urlJoin-ok', '{{urlJoin (dict "scheme" "https" "host" "example.com:443" "path" "/a b/é" "query" "x=1" "fragment" "f g" "userinfo" "me:secret")}} | {{urlJoin (dict "scheme" "mailto" "opaque" "x@y")}} | {{urlJoin (dict "path" "a:b")}} | {{urlJoin (dict)}} | {{urlJoin (dict "host" "h" "path" "rel")}}'),
    c('urlJoin-roundtrip', '{{ urlParse "https://u@example.com/p?q=1#f" | urlJoin }}'),
    c('urlJoin-bad-type', '{{urlJoin (dict "host" 5)}}'),
    c('derivePassword', '{{derivePassword 1 "long" "password" "user" "example.com"}} {{derivePassword 2 "maximum" "pw" "me" "site"}} {{derivePassword 1 "pin" "a" "b" "c"}} {{derivePassword 1 "nope" "a" "b" "c"}}'),
    c('aes-roundtrip', '{{ encryptAES "secretkey" "plaintext" | decryptAES "secretkey" }}|{{encryptAES "k" ""}}|{{decryptAES "k" ""}}|{{ len (encryptAES "k" "0123456789abcdef") }}'),
    c('decryptAES-fixed', '{{decryptAES "secretkey" "MjAyNC0wMS0wMVQwMDowMKEpNHhHxXdPXVC3qCnMH4c="}}'),
    c('genPrivateKey', '{{ $k := genPrivateKey "ecdsa" }}{{ hasPrefix "-----BEGIN EC PRIVATE KEY-----\\n" $k }} {{ hasSuffix "-----END EC PRIVATE KEY-----\\n" $k }} {{ len $k }} {{ len (genPrivateKey "ed25519") }} {{ genPrivateKey "ed25519" | hasPrefix "-----BEGIN PRIVATE KEY-----" }} {{ genPrivateKey "nope" }}'),
    c('genPrivateKey-dsa', '{{ genPrivateKey "dsa" | hasPrefix "-----BEGIN DSA PRIVATE KEY-----\\n" }} {{ len (genPrivateKey "dsa") | lt 1100 }}'),
    c('genPrivateKey-rsa', '{{ $k := genPrivateKey "rsa" }}{{ hasPrefix "-----BEGIN RSA PRIVATE KEY-----\\n" $k }} {{ gt (len $k) 3000 }} {{ regexMatch "^(-----[A-Z ]+-----\\n)([A-Za-z0-9+/=]{64}\\n)+[A-Za-z0-9+/=]{1,64}\\n-----[A-Z ]+-----\\n$" $k }}'),
    c('bcrypt-shape', '{{ $h := bcrypt "secret" }}{{ regexMatch "^\\\\$2a\\\\$10\\\\$[./A-Za-z0-9]{53}$" $h }} {{ htpasswd "user" "pw" | regexMatch "^user:\\\\$2a\\\\$10\\\\$" }} {{ htpasswd "a:b" "pw" }} {{ bcrypt (repeat 73 "x") }}'),
    c('certs-shape', '{{ $ca := genCA "my-ca" 365 }}{{ typeOf $ca }} {{ hasPrefix "-----BEGIN CERTIFICATE-----\\n" $ca.Cert }} {{ hasPrefix "-----BEGIN RSA PRIVATE KEY-----\\n" $ca.Key }} {{ $c := genSignedCert "svc" (list "10.0.0.1") (list "svc.ns") 30 $ca }}{{ hasSuffix "-----END CERTIFICATE-----\\n" $c.Cert }} {{ $s := genSelfSignedCert "self" nil nil 10 }}{{ hasPrefix "-----BEGIN CERTIFICATE-----" $s.Cert }} {{ (buildCustomCert ($ca.Cert | b64enc) ($ca.Key | b64enc)).Cert | eq $ca.Cert }}'),
    c('certs-errors-ip', '{{ genSelfSignedCert "x" (list "not-an-ip") nil 1 }}'),
    c('certs-errors-ip-type', '{{ genSelfSignedCert "x" (list 5) nil 1 }}'),
    c('certs-errors-dns-type', '{{ genSelfSignedCert "x" nil (list 5) 1 }}'),
    c('certs-errors-custom', '{{ buildCustomCert "bm90IGEgY2VydA==" "eA==" }}'),
    c('certs-errors-withkey', '{{ genCAWithKey "x" 1 "not pem" }}'),
    c('certs-wrong-ca-type', '{{ genSignedCert "x" nil nil 1 (dict) }}'),
    c('misc', '{{hello}} [{{env "CHARTROOM_SURELY_UNSET_VAR"}}] [{{expandenv "a${CHARTROOM_SURELY_UNSET_VAR}b $$ ${} $ $-x ${CHARTROOM_SURELY_UNSET_VAR"}}]'),
  ];
}

/** Helm's engine and function cases (helm.md §5.7) that need only text/template and Sprig. */
function helmCases(): CorpusCase[] {
  const v = (values: Record<string, unknown>, release: Record<string, unknown> = {}) => ({ Values: values, Release: { Name: 'dyin', ...release } });
  return [
    c('helm-24-title', '{{.Values.outer | title }} {{.Values.inner | title}}', v({ outer: 'spouter', inner: 'inn' })),
    c('helm-25-lower', '{{.Values.global.callme | lower }}', v({ global: { callme: 'Ishmael' } })),
    c('helm-23-merge', '{{merge .dst .src1 .src2}}', {
      dst: { a: 'one', c: 3, d: { f: 5 }, g: [8, 9], i: 'eye', k: { l: true } },
      src1: { a: 1, b: 2, d: { e: 'four' }, g: [6, 7], i: 'aye', j: 'jay', k: { l: false } }, src2: { h: 10, i: 'i', j: 'j' },
    }),
    c('helm-45-default', 'Tomorrow will be {{default "happy" .Release.Name }}', v({})),
    c('helm-default-false-flag', '{{ default true .Values.flag }}', v({ flag: false })),
    c('helm-quote-missing', 'a: {{ .Values.missing | quote }}|b: {{ .Values.s | quote }}|c: {{ .Values.n | quote }}', v({ s: 'x', n: 8080 })),
    c('helm-create-fullname', `{{- define "c.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}
name: {{ template "c.fullname" . }}
labels:
  helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
  {{- with .Values.podLabels }}
  {{- range $k, $v := . }}
  {{ $k }}: {{ $v | quote }}
  {{- end }}
  {{- end }}
replicas: {{ .Values.replicaCount }}
port: {{ .Values.service.port | int }}`, { Values: { replicaCount: 1, service: { port: 80 }, podLabels: { tier: 'web', app: 'x' } }, Chart: { Name: 'mychart', Version: '0.1.0+abc' }, Release: { Name: 'rel' } }),
  ];
}

function semverCases(): CorpusCase[] {
  return [
    c('semverCompare-basic', '{{semverCompare ">=1.2.3" "1.2.4"}} {{semverCompare "^1.2.0" "2.0.0"}} {{semverCompare "~1.2" "1.2.9"}}'),
    c('semverCompare-kube', '{{semverCompare ">=1.19-0" "v1.28.3-gke.1"}} {{semverCompare ">=1.19" "v1.28.3-gke.1"}} {{semverCompare "<1.25.0-0" "1.24.0"}}'),
    c('semverCompare-prerelease', '{{semverCompare ">= 1.0.0-0 <= 2.0.0" "1.0.1-beta"}} {{semverCompare ">=1.1" "4.1.0-beta"}} {{semverCompare "*" "1.2.3"}}'),
    c('semverCompare-ranges', '{{semverCompare "1.1 - 2" "1.1.1"}} {{semverCompare ">=1.1, <2, !=1.2.3 || > 3" "4.1.2"}} {{semverCompare "!=4.x" "4.1.0"}}'),
    c('semverCompare-bad-constraint', '{{semverCompare "bad constraint" "1.0.0"}}'),
    c('semverCompare-bad-version', '{{semverCompare ">=1.0.0" "not-a-version"}}'),
    c('semver-fields', '{{$v := semver "v1.2.3-beta.1+build.5"}}{{$v.Major}} {{$v.Minor}} {{$v.Patch}} {{$v.Prerelease}} {{$v.Metadata}} {{$v.Original}} {{$v}}'),
    c('semver-short', '{{(semver "1.2").String}} {{(semver "2").Minor}} {{semver "1.0.0"}}'),
    c('semver-compare-methods', '{{(semver "1.2.3").Compare (semver "1.3.0")}} {{(semver "1.2.3").LessThan (semver "1.3.0")}} {{(semver "2.0.0").GreaterThan (semver "1.3.0")}} {{(semver "1.2.3+a").Equal (semver "1.2.3+b")}}'),
    c('semver-printf', '{{printf "%v|%s|%T" (semver "1.2.3") (semver "1.2.3") (semver "1.2.3")}}'),
    c('semver-bad', '{{semver "1.2.3.4"}}'),
    c('semver-values-float', '{{semverCompare ">=1.0" .v}}', { v: '1.2.0' }),
  ];
}

/** Sprig corpus lists. */
export const SPRIG_CORPORA: Record<string, () => CorpusCase[]> = {
  strings, lists, dicts, 'defaults-math-types': defaultsMathTypes, 'paths-encoding': pathsEncoding, regex, 'cases-random': casesAndRandom, dates, 'urls-crypto-misc': urlsCryptoMisc, helm: helmCases, semver: semverCases,
};
