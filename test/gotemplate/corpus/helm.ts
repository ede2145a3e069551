/**
 * Cases from Helm's own engine tests and gotchas (docs: helm.md §5.6–5.7) that need only text/template
 * (Sprig and Helm's functions come later). Data is shaped like Helm's: `.Values` numbers are float64
 * (values files), `--set` numbers int64. Helm then strips `<no value>`; Go's raw output still has it.
 */
import type { CorpusCase } from '../harness.js';

const values = (v: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  Values: v, Release: { Name: 'rel', Namespace: 'default', IsInstall: true, Revision: 1, Service: 'Helm' }, ...extra,
});
const c = (name: string, tpl: string, data?: unknown, extra: Partial<CorpusCase> = {}): CorpusCase => ({ name, tpl, data, ...extra });

/** Helm's engine cases. */
export function helmCases(): CorpusCase[] {
  return [
    c('helm-26-novalue', '{{.noValue}}', values({})),
    c('helm-30-file-one', 'Hello {{upper .Name}}', { Name: 'one' }, { tname: 'one' }),
    c('helm-31-file-two', 'Goodbye {{upper .Value}}', { Value: 'two' }, { tname: 'two' }),
    c('helm-32-file-three', '{{template "two" dict "Value" "three"}}', {}, { tname: 'three', files: [{ name: 'two', text: 'Goodbye {{upper .Value}}' }] }),
    c('helm-33-undefined-function', '{{foo}}', {}, { tname: 'undefined_function' }),
    c('helm-41-define-global', 'Hello {{template "myblock"}}', {}, { tname: 'parent/templates/a.yaml', files: [{ name: 'parent/charts/sub/templates/b.yaml', text: '{{define "myblock"}}World{{end}}' }] }),
    c('helm-nil-pointer-text', 'a: 1\nb: {{ .Values.a.b }}', values({}), { tname: 'c/templates/x.yaml' }),
    c('helm-nil-pointer-col', 'a: 1\nb:\n  c: {{.Values.a.b}}', values({}), { tname: 'c/templates/x.yaml' }),
    c('helm-float-values', '{{ .Values.big }} {{ .Values.n }} {{ .Values.pi }} {{ .Values.port }}', values({ big: 1234567, n: 1, pi: 3.14, port: 8080 })),
    c('helm-set-values', '{{ .Values.big }} {{ .Values.n }}', values({ big: { $int64: '1234567' }, n: { $int64: '1' } })),
    c('helm-eq-file-value', '{{ if eq .Values.replicaCount 1 }}one{{ end }}', values({ replicaCount: 1 })),
    c('helm-eq-set-value', '{{ if eq .Values.replicaCount 1 }}one{{ end }}', values({ replicaCount: { $int64: '1' } })),
    c('helm-eq-float-literal', '{{ if eq .Values.replicaCount 1.0 }}one{{ end }}', values({ replicaCount: 1 })),
    c('helm-lt-file-value', '{{ if lt .Values.n 5 }}small{{ end }}', values({ n: 3 })),
    c('helm-printf-d-file', '{{ printf "%d" .Values.port }}', values({ port: 80 })),
    c('helm-printf-d-set', '{{ printf "%d" .Values.port }}', values({ port: { $int64: '80' } })),
    c('helm-printf-v-nil', '{{ printf "%s" .Values.missing }}', values({})),
    c('helm-no-value-literal', 'x: <no value>\ny: {{ .Values.missing }}', values({})),
    c('helm-map-print', '{{ .Values.labels }}', values({ labels: { b: '2', a: '1' } })),
    c('helm-list-print', '{{ .Values.l }}', values({ l: ['a', 2, true, null] })),
    c('helm-range-env', '{{- range $k, $v := .Values.env }}\n- name: {{ $k }}\n  value: {{ $v }}\n{{- end }}', values({ env: { ZED: 'z', ALPHA: 'a', MID: 3 } })),
    c('helm-range-list-dicts', '{{- range .Values.ports }}\n- port: {{ .port }}\n  name: {{ .name }}\n{{- end }}', values({ ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] })),
    c('helm-with-resources', 'resources:\n{{- with .Values.resources }}\n  cpu: {{ .cpu }}\n{{- else }} {}\n{{- end }}', values({ resources: { cpu: '100m' } })),
    c('helm-with-resources-empty', 'resources:\n{{- with .Values.resources }}\n  cpu: {{ .cpu }}\n{{- else }} {}\n{{- end }}', values({ resources: {} })),
    c('helm-if-and-not', '{{- if and .Values.ingress.enabled (not .Values.ingress.tls) }}plain{{- end }}', values({ ingress: { enabled: true, tls: [] } })),
    c('helm-index-dash', '{{ index .Values "my-key" }}', values({ 'my-key': 'v' })),
    c('helm-dash-parse-error', '{{ .Values.my-key }}', values({}), { tname: 'c/templates/x.yaml' }),
    c('helm-dollar-in-range', '{{- range .Values.hosts }}\n{{ . }}.{{ $.Release.Namespace }}\n{{- end }}', values({ hosts: ['a', 'b'] })),
    c('helm-define-helpers', '{{- define "c.name" -}}\n{{ .Chart.Name }}\n{{- end -}}\nname: {{ template "c.name" . }}', { Chart: { Name: 'mychart' } }),
    c('helm-template-dot-values', '{{ template "t" .Values }}', values({ a: 'A' }), { files: [{ name: '_helpers.tpl', text: '{{ define "t" }}{{ .a }}{{ end }}' }] }),
    c('helm-large-int-set', '{{ .Values.id }}', values({ id: { $int64: '9007199254740993' } })),
    c('helm-large-float', '{{ .Values.id }}', values({ id: 9007199254740993 })),
    c('helm-bool-string', '{{ .Values.b }} {{ .Values.s }}', values({ b: true, s: 'true' })),
    c('helm-float-1e6', '{{ .Values.n }}', values({ n: 1000000 })),
    c('helm-float-frac', '{{ .Values.n }}', values({ n: 0.5 })),
    c('helm-null-value', '{{ .Values.n }}|{{ if .Values.n }}set{{ else }}unset{{ end }}', values({ n: null })),
  ];
}
