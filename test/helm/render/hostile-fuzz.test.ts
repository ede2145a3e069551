/**
 * A property test of the template engine under hostile and broken input: random templates (the
 * differential generator's) are mutated — cut, spliced, duplicated, salted with hostile fragments
 * (recursion, output bombs, huge loops, deep nesting, bad delimiters) — and rendered with small limits.
 * Every case must end, quickly, with either output or a RenderError carrying a message of Helm's kind:
 * never a raw JavaScript error (TypeError, RangeError, a stack overflow) and never a JavaScript error text
 * leaking through a Helm-style message.
 *
 *   CHARTROOM_FUZZ_SEED=7 CHARTROOM_HOSTILE_CASES=20000 npx vitest run test/helm/render/hostile-fuzz.test.ts
 */
import { describe, expect, it } from 'vitest';
import { assembleChart } from '../../../src/helm/render/chart-loader.js';
import { RenderError } from '../../../src/helm/render/errors.js';
import { renderChart } from '../../../src/helm/render/render-chart.js';
import { HELPER, Random, randomTemplate, randomValues } from './fuzz/random-templates.js';

const SEED = Number(process.env['CHARTROOM_FUZZ_SEED'] ?? 20261126);
const CASES = Number(process.env['CHARTROOM_HOSTILE_CASES'] ?? 3000);
const LIMITS = { maxOutputBytes: 256 * 1024, timeoutMs: 2000 };

/** Fragments a hostile author would try; spliced at random points of otherwise ordinary templates. */
const HOSTILE = [
  '{{ define "r" }}{{ include "r" . }}{{ end }}{{ include "r" . }}',
  '{{ define "t" }}{{ template "t" . }}{{ end }}{{ template "t" . }}',
  '{{ tpl "{{ tpl \\"{{ . }}\\" . }}" . }}',
  '{{ range until 100000000 }}x{{ end }}',
  '{{ "x" | repeat 100000000 }}',
  '{{ range until 3000 }}{{ "abcdefgh" | repeat 100 }}{{ end }}',
  '{{ regexMatch "^(a+)+$" (repeat 40 "a" | printf "%sb") }}',
  '{{ $d := dict }}{{ $_ := set $d "self" $d }}{{ toJson $d }}',
  '{{ $l := list }}{{ range until 2000 }}{{ $l = list $l }}{{ end }}{{ toYaml $l }}',
  '{{ fromYaml "a: &a [*a]" }}',
  '{{ fromYaml "a: &a [x,x,x,x,x,x,x,x]\\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\\nd: [*c,*c,*c,*c,*c,*c,*c,*c]" | toJson }}',
  '{{ fromJson (repeat 5000 "[") }}',
  '{{ index .Values 1 2 3 }}', '{{ .Values.a.b.c.d.e.f }}', '{{ call .Values.a }}', '{{ printf "%*d" 100000000 1 }}',
  '{{ printf "%.100000000f" 1.0 }}', '{{ sub 1 }}', '{{ div 1 0 }}', '{{ mod 1 0 }}', '{{ int64 "9999999999999999999999" }}',
  '{{ trunc -5 "abc" }}', '{{ substr 5 2 "abc" }}', '{{ until -1 }}', '{{ seq 1 0 -1 }}', '{{ untilStep 0 10 0 }}',
  '{{ b64dec "!!!" }}', '{{ semver "x" }}', '{{ toDate "2006" "x" }}', '{{ derivePassword 1 "x" "y" "z" "w" }}',
  '{{ genPrivateKey "dsa" }}', '{{ randAlphaNum 100000000 }}', '{{ indent 100000000 "x" }}', '{{ nindent -1 "x" }}',
  '{{ fail "stop" }}', '{{ required "r" nil }}', '{{ lookup "v1" "Pod" "" "" }}', '{{ .Files.Get "../../etc/passwd" }}',
  '{{ .Files.Glob "**" }}', '{{ with $x := 1 }}{{ $x = 2 }}{{ end }}', '{{ break }}', '{{ continue }}',
  '{{ end }}', '{{ else }}', '{{', '}}', '{{ "unterminated }}', '{{ /* open', '{{- -}}', '{{ $ }}', '{{ . . }}',
  '{{ (((((((((( 1 )))))))))) }}', `{{ ${'('.repeat(500)}1${')'.repeat(500)} }}`, `${'{{ if 1 }}'.repeat(300)}${'{{ end }}'.repeat(300)}`,
  '{{ define "a" }}{{ end }}{{ define "a" }}x{{ end }}', '{{ template "missing" }}', '{{ include "missing" . }}',
  '{{ block "b" . }}{{ block "b" . }}{{ end }}{{ end }}', '{{ range $i, $j, $k := list }}{{ end }}', '\u0000\uffff\ud800',
];

/** Mutates a template: deletes, duplicates or splices a span, or inserts a hostile fragment. */
function mutate(r: Random, text: string): string {
  for (let n = r.int(3); n > 0; n--) {
    const at = r.int(text.length + 1);
    const len = r.int(Math.min(40, text.length - at) + 1);
    const op = r.int(5);
    if (op === 0) text = text.slice(0, at) + text.slice(at + len);
    else if (op === 1) text = text.slice(0, at) + text.slice(at, at + len).repeat(2 + r.int(4)) + text.slice(at);
    else if (op === 2) text = text.slice(0, at) + r.pick(HOSTILE) + text.slice(at);
    else if (op === 3) text = text.slice(0, at) + r.pick(['{{', '}}', '{{-', '-}}', '|', '(', ')', '$', '"', '`', ':=', '=']) + text.slice(at);
    else text = r.pick(HOSTILE) + text;
  }
  return text;
}

/** JavaScript's own error texts: their presence in a render error means an unhandled case leaked. */
const JS_LEAK = /Cannot read propert|is not a function|is not iterable|undefined is not|Maximum call stack|Invalid (string|array) length|\bNaN\b.*Symbol|\[object Object\]/;

async function renderCase(values: string, template: string): Promise<string | Error> {
  const files = new Map([
    ['Chart.yaml', Buffer.from('apiVersion: v2\nname: fuzz\nversion: 0.1.0\n')],
    ['values.yaml', Buffer.from(values)],
    ['templates/_helper.tpl', Buffer.from(HELPER)],
    ['templates/case.yaml', Buffer.from(template)],
  ]);
  try {
    return renderChart(await assembleChart(files), { releaseName: 'fuzz', limits: LIMITS }).output.toString();
  } catch (e) {
    return e as Error;
  }
}

describe(`hostile templates (${CASES} mutated cases, seed ${SEED})`, () => {
  it('every case renders or fails with a RenderError in Helm\'s words', async () => {
    const r = new Random(SEED);
    const values = randomValues(r);
    const failures: string[] = [];
    let rendered = 0;
    for (let i = 0; i < CASES; i++) {
      const template = mutate(r, randomTemplate(r, `c${i}`));
      const result = await renderCase(values, template);
      if (typeof result === 'string') rendered++;
      else if (!(result instanceof RenderError) || JS_LEAK.test(result.message) || result.message === '') {
        failures.push(`case ${i}: ${result.name}: ${result.message.slice(0, 300)}\n--- template ---\n${template.slice(0, 600)}`);
      }
      if (failures.length >= 5) break;
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
    // The mutations must leave a fair share of cases renderable, or the test only exercises the parser.
    expect(rendered).toBeGreaterThan(CASES / 10);
  }, 600_000);
});
