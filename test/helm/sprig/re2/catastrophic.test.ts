/**
 * Patterns that make a backtracking matcher take exponential (or high polynomial) time finish quickly and
 * give Go's answer, through the template engine (`regexMatch`) and through a values.schema.json `pattern`;
 * a search that is merely long (a big program over a big input) stops at the render's time limit. The
 * bounds are generous (10 s per test) so that a slow machine cannot fail them and a hang cannot stall CI;
 * before the Pike VM, `^(a+)+$` on 40 a's and a b alone took 154 s.
 */
import { describe, expect, it } from 'vitest';
import { assembleChart } from '../../../../src/helm/render/chart-loader.js';
import { RenderLimitError } from '../../../../src/helm/render/errors.js';
import { renderChart, type RenderOptions } from '../../../../src/helm/render/render-chart.js';

const CHART_YAML = 'apiVersion: v2\nname: re\nversion: 0.1.0\n';

async function render(template: string, values: string, schema?: object, options: Partial<RenderOptions> = {}): Promise<string> {
  const files = new Map([
    ['Chart.yaml', Buffer.from(CHART_YAML)],
    ['values.yaml', Buffer.from(values)],
    ['templates/a.yaml', Buffer.from(template)],
  ]);
  if (schema) files.set('values.schema.json', Buffer.from(JSON.stringify(schema)));
  return renderChart(await assembleChart(files), { releaseName: 'x', ...options }).rendered.get('re/templates/a.yaml') ?? '';
}

/** [pattern, input, whether Go's regexp matches]: each answer follows from the pattern's language. */
function cases(n: number): [string, string, boolean][] {
  return [
    ['^(a+)+$', 'a'.repeat(n) + 'b', false],
    ['^(a+)+$', 'a'.repeat(n), true],
    ['(a|a)*b', 'a'.repeat(n), false],
    ['(a*)*b', 'a'.repeat(n), false],
    ['(x+x+)+y', 'x'.repeat(n), false],
    ['(.*a){20}', 'a'.repeat(n), n >= 20],
    ['(.*a){20}x', 'a'.repeat(n), false],
    ['^(\\w+\\s?)*$', 'ab '.repeat(n / 3) + '!', false],
  ];
}

describe('catastrophic patterns through regexMatch', () => {
  for (const n of [30, 100_000]) {
    it.each(cases(n))(`%s on ${n} characters`, async (pattern, input, want) => {
      // A manifest must be a map (Helm refuses a bare scalar), so the answer is a value under a key.
      const out = await render('m: {{ regexMatch .Values.p .Values.s }}', `p: ${JSON.stringify(pattern)}\ns: ${input}\n`);
      expect(out).toBe(`m: ${want}`);
    }, 10_000);
  }
});

describe('catastrophic patterns in values.schema.json', () => {
  for (const n of [30, 100_000]) {
    it.each(cases(n))(`pattern %s on ${n} characters`, async (pattern, input, want) => {
      const schema = { properties: { s: { type: 'string', pattern } } };
      const result = render('m: ok', `s: ${input}\n`, schema).then(
        (out) => out,
        (e: Error) => e.message,
      );
      const text = await result;
      if (want) expect(text).toBe('m: ok');
      else expect(text).toContain(`does not match pattern '${pattern.replace(/\\/g, '\\\\')}'`);
    }, 10_000);
  }
});

describe('a long search honours the render time limit', () => {
  // About 1000 live threads at each of 200 000 positions: linear, but long. The injected clock advances
  // one millisecond per reading, so the 50 ms limit is reached after 50 checks.
  const template = '{{ regexMatch "(?:a?){500}a{500}b" (repeat 200000 "a") }}';

  it('stops with the time-limit error', async () => {
    let t = 0;
    const e = await render(template, '', undefined, { limits: { timeoutMs: 50, now: () => (t += 1) } }).catch((err: Error) => err);
    expect(e).toBeInstanceOf(RenderLimitError);
    expect((e as Error).message).toBe('rendering re/templates/a.yaml stopped: template execution exceeds the time limit of 50ms');
  }, 10_000);

  it('counts many short searches (ReplaceAll over a huge input) towards the limit', async () => {
    let t = 0;
    const many = '{{ regexReplaceAll "a" (repeat 3000000 "a") "b" | len }}';
    const e = await render(many, '', undefined, { limits: { timeoutMs: 50, now: () => (t += 1) } }).catch((err: Error) => err);
    expect(e).toBeInstanceOf(RenderLimitError);
  }, 10_000);

  it('finishes the same pattern on a short input', async () => {
    expect(await render('m: {{ regexMatch "(?:a?){500}a{500}b" (repeat 600 "a" | printf "%sb") }}', '')).toBe('m: true');
  }, 10_000);
});
