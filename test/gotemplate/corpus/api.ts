/**
 * Cases for the parts other code builds on: re-entrant execution through the function map (`include` and
 * `tpl`, as Helm defines them) and struct values (Helm's .Release, .Chart …).
 */
import type { CorpusCase } from '../harness.js';

type Extra = Partial<CorpusCase>;
const c = (name: string, tpl: string, data?: unknown, extra: Extra = {}): CorpusCase => ({ name, tpl, data, ...extra });

const st = {
  $struct: [['Name', 'rel'], ['Port', { $int: '80' }], ['List', ['a', 'b']], ['Map', { k: 'v' }], ['Nil', null], ['On', true], ['Rev', { $int64: '2' }]],
};
const data = { s: st, p: { $ptr: st[`$struct`] }, m: { s: st }, l: [1, 2, 3] };

/** The API corpus. */
export function apiCases(): CorpusCase[] {
  return [
    c('include-basic', '{{define "a"}}A{{.}}{{end}}{{include "a" 1 | printf "%q"}}'),
    c('include-piped', '{{define "a"}}a-{{.}}{{end}}{{include "a" "x" | upper}}'),
    c('include-nested', '{{define "a"}}[{{include "b" .}}]{{end}}{{define "b"}}b{{.}}{{end}}{{include "a" 7}}'),
    c('include-missing', '{{include "nope" .}}', {}),
    c('include-missing-from-define', '{{define "a"}}{{include "nope" .}}{{end}}{{include "a" .}}', {}),
    c('include-exec-error', '{{define "a"}}\n{{fail "x"}}{{end}}{{include "a" .}}', {}),
    c('include-exec-error-in-file', '{{include "f" .}}', {}, { files: [{ name: 'f', text: 'ok\n  {{ .a.b }}' }] }),
    c('include-recursive-list', '{{define "r"}}{{if .}}{{index . 0}}{{include "r" (slice . 1)}}{{end}}{{end}}{{include "r" .l}}', data),
    c('include-dot-values', '{{define "x"}}{{.Values.a}}{{end}}{{include "x" .}}', { Values: { a: 'A' } }),
    c('include-wrong-args', '{{include "a"}}'),
    c('include-in-range', '{{define "i"}}<{{.}}>{{end}}{{range .l}}{{include "i" .}}{{end}}', data),
    c('include-file-by-name', '{{include "f2" .}}', { x: 1 }, { files: [{ name: 'f2', text: 'f2={{.x}}' }] }),
    c('tpl-basic', '{{tpl "{{.a}}-{{.b}}" .}}', { a: 1, b: 'two' }),
    c('tpl-uses-defines', '{{define "d"}}D{{end}}{{tpl "{{template \\"d\\"}}" .}}'),
    c('tpl-define-no-leak', '{{tpl "{{define \\"z\\"}}Z{{end}}{{template \\"z\\"}}" .}}|{{template "z"}}'),
    c('tpl-parse-error', '{{tpl "{{" .}}'),
    c('tpl-exec-error', '{{tpl "x {{.a.b}}" .}}', {}),
    c('tpl-missing-value', '{{tpl "{{.nope}}" .}}', {}),
    c('tpl-nested-tpl', '{{tpl "{{tpl \\"{{.a}}\\" .}}" .}}', { a: 'deep' }),
    c('tpl-include', '{{define "p"}}partial{{end}}{{tpl "{{include \\"p\\" . | upper}}" .}}'),
    c('struct-print', '{{.s}}', data),
    c('struct-fields', '{{.s.Name}} {{.s.Port}} {{.s.List}} {{.s.Map}} {{.s.On}} {{.s.Rev}}', data),
    c('struct-verbs', '{{printf "%v|%+v|%#v|%T" .s .s .s .s}}', data),
    c('struct-pointer', '{{.p}} {{.p.Name}} {{printf "%T %+v" .p .p}}', data),
    c('struct-missing-field', '{{.s.Missing}}', data),
    c('struct-missing-field-ptr', '{{.p.Missing}}', data),
    c('struct-field-args', '{{.s.Name 1}}', data),
    c('struct-nil-field', '{{.s.Nil}}|{{if .s.Nil}}y{{else}}n{{end}}', data),
    c('struct-nil-field-chain', '{{.s.Nil.x}}', data),
    c('struct-field-chain', '{{.s.Map.k}} {{.s.Map.zz}}', data),
    c('struct-in-map', '{{.m.s.Name}} {{.m.s}}', data),
    c('struct-range-field', '{{range .s.List}}{{.}}{{end}}{{range $k, $v := .s.Map}}{{$k}}{{$v}}{{end}}', data),
    c('struct-truth', '{{if .s}}t{{end}}{{with .s}}{{.Name}}{{end}}', data),
    c('struct-index', '{{index .s 0}}', data),
    c('struct-len', '{{len .s}}', data),
    c('struct-range', '{{range .s}}{{end}}', data),
    c('struct-field-of-scalar-field', '{{.s.Name.x}}', data),
    c('struct-arg-to-func', '{{upper .s.Name}} {{add .s.Port 1}}', data),
    c('struct-int64-to-int', '{{add .s.Rev 1}}', data),
    c('struct-in-list-print', '{{list .s 1}}', data),
    c('struct-eq-field', '{{eq .s.Name "rel"}} {{eq .s.Port 80}}', data),
    c('struct-dot-template', '{{define "t"}}{{.Name}}:{{.Port}}{{end}}{{template "t" .s}}', data),
    c('struct-data-root', '{{.Name}} {{.List}}', st),
    c('smap-print', '{{.sm}} {{printf "%v %T %#v %d" .sm .sm .sm .sm}}', { sm: { $smap: { b: '2', a: '1' } } }),
    c('smap-field', '{{.sm.a}}|{{.sm.zz}}|{{.sm.zz | printf "%q"}}', { sm: { $smap: { a: '1' } } }),
    c('smap-field-default-option', '{{.sm.zz | printf "%q"}}', { sm: { $smap: { a: '1' } } }, { option: '' }),
    c('smap-field-error-option', '{{.sm.zz}}', { sm: { $smap: { a: '1' } } }, { option: 'missingkey=error' }),
    c('smap-index', '{{index .sm "a"}}|{{index .sm "zz" | printf "%q"}}|{{index .sm "a" | typeOf}}', { sm: { $smap: { a: '1' } } }),
    c('smap-range', '{{range $k, $v := .sm}}{{$k}}={{$v}}{{typeOf $v}};{{end}}{{len .sm}}', { sm: { $smap: { b: 'x', a: 'y' } } }),
    c('smap-chain', '{{.sm.a.b}}', { sm: { $smap: { a: '1' } } }),
    c('smap-chain-missing', '{{.sm.zz.b}}', { sm: { $smap: { a: '1' } } }),
    c('smap-eq', '{{eq .sm .sm}}', { sm: { $smap: { a: '1' } } }),
    c('smap-truth', '{{if .sm}}y{{end}}{{if .em}}n{{end}}', { sm: { $smap: { a: '1' } }, em: { $smap: {} } }),
    c('struct-ptr-data-root', '{{.Name}} {{.}}', { $ptr: st.$struct }),
  ];
}
