/**
 * Hostile templates end with a clear, typed error instead of hanging, exhausting memory or surfacing a raw
 * V8 stack error: include/template/tpl recursion in several shapes (stack use per level differs, so the
 * stack runs out at different points of the executor), output bombs, endless loops (injected clock), and
 * huge `until` lists.
 */
import { describe, expect, it } from 'vitest';
import { assembleChart } from '../../../src/helm/render/chart-loader.js';
import { RenderError, RenderLimitError, TemplateExecutionFailure } from '../../../src/helm/render/errors.js';
import { renderChart, type RenderOptions } from '../../../src/helm/render/render-chart.js';

async function render(template: string, options: Partial<RenderOptions> = {}): Promise<Error | string> {
  const files = new Map([
    ['Chart.yaml', Buffer.from('apiVersion: v2\nname: hostile\nversion: 0.1.0\n')],
    ['templates/a.yaml', Buffer.from(template)],
  ]);
  try {
    return renderChart(await assembleChart(files), { releaseName: 'x', ...options }).output;
  } catch (e) {
    return e as Error;
  }
}

describe('recursion ends in Helm-style errors, never a raw stack error', () => {
  const NESTED = 'rendering template has a nested reference name: r: unable to execute template';
  it.each([
    ['include', '{{ define "r" }}{{ include "r" . }}{{ end }}{{ include "r" . }}'],
    ['include in a pipeline', '{{ define "r" }}{{ include "r" . | upper | lower | trim }}{{ end }}{{ include "r" . }}'],
    ['include under with/range', '{{ define "r" }}{{ with . }}{{ range list 1 }}{{ include "r" $ }}{{ end }}{{ end }}{{ end }}{{ include "r" . }}'],
    ['include with big frames', '{{ define "r" }}{{ $a := list 1 2 3 }}{{ printf "%v%v" (include "r" .) $a }}{{ end }}{{ include "r" . }}'],
  ])('%s', async (_label, template) => {
    const e = await render(template);
    expect(e).toBeInstanceOf(TemplateExecutionFailure);
    expect((e as Error).message).toContain(NESTED);
    expect((e as RenderError).inRenderPhase).toBe(true);
  });

  it('template recursion reports Go\'s depth error', async () => {
    const e = await render('{{ define "x" }}{{ template "x" . }}{{ end }}{{ template "x" . }}');
    expect(e).toBeInstanceOf(TemplateExecutionFailure);
    expect((e as Error).message).toContain('exceeded maximum template depth (100000)');
  });

  it('tpl recursion through include is stopped', async () => {
    const e = await render('{{ define "t" }}{{ tpl "{{ include \\"t\\" . }}" . }}{{ end }}{{ include "t" . }}');
    expect(e).toBeInstanceOf(TemplateExecutionFailure);
    expect((e as Error).message).toMatch(/nested reference name: t|exceeded maximum template depth/);
  });

  it('a chart still renders after a stack overflow in the same process', async () => {
    await render('{{ define "r" }}{{ include "r" . }}{{ end }}{{ include "r" . }}');
    expect(await render('a: {{ include "ok" . }}{{ define "ok" }}fine{{ end }}')).toContain('a: fine');
  });
});

describe('output and time limits', () => {
  it('stops an output bomb at the output limit', async () => {
    const e = await render('{{ range until 100000 }}{{ "x" | repeat 1000 }}{{ end }}', { limits: { maxOutputBytes: 1_000_000 } });
    expect(e).toBeInstanceOf(RenderLimitError);
    expect((e as Error).message).toBe('rendering hostile/templates/a.yaml stopped: template output exceeds the limit of 1000000 bytes');
  });

  it('counts the output an include is building', async () => {
    const bomb = '{{ define "b" }}{{ range until 30 }}{{ "y" | repeat 100000 }}{{ end }}{{ end }}a: {{ include "b" . | len }}';
    const e = await render(bomb, { limits: { maxOutputBytes: 1_000_000 } });
    expect(e).toBeInstanceOf(RenderLimitError);
    expect((e as Error).message).toBe('rendering hostile/templates/a.yaml stopped: template output exceeds the limit of 1000000 bytes');
    expect(await render(bomb, { limits: { maxOutputBytes: 4_000_000 } })).toContain('a: 3000000');
  });

  it('releases an include\'s output once it returns, so only what is held counts', async () => {
    // 3 MB of include results, each measured and dropped: more than the limit written, but never held at once
    const many = '{{ define "b" }}{{ "y" | repeat 100000 }}{{ end }}a: {{ range until 30 }}{{ include "b" . | len }}{{ end }}';
    expect(await render(many, { limits: { maxOutputBytes: 1_000_000 } })).toContain('a: 100000100000');
    // each level of this chain holds a copy of everything below it: 91 KB of output, about 9 MB summed over levels
    const deep = '{{ define "r" }}{{ if lt (len .) 300 }}l:{{ include "r" (append . 1) | nindent 2 }}{{ else }}end{{ end }}{{ end }}a: {{ include "r" (list) | len }}';
    expect(await render(deep, { limits: { maxOutputBytes: 1_000_000 } })).toContain('a: 91203');
  });

  it('stops include results kept aside at four times the output limit', async () => {
    const hoard = '{{ define "b" }}{{ "y" | repeat 100000 }}{{ end }}{{ $l := list }}{{ range until 50 }}{{ $l = append $l (include "b" .) }}{{ end }}a: {{ len $l }}';
    const e = await render(hoard, { limits: { maxOutputBytes: 1_000_000 } });
    expect(e).toBeInstanceOf(RenderLimitError);
    expect((e as Error).message).toBe('rendering hostile/templates/a.yaml stopped: include and tpl results not written out exceed the limit of 4000000 bytes');
    expect(await render(hoard, { limits: { maxOutputBytes: 2_000_000 } })).toContain('a: 50');
  });

  it('stops a long loop at the time limit (injected clock)', async () => {
    let t = 0;
    const e = await render('{{ range until 1000 }}{{ range until 1000 }}{{ range until 1000 }}{{ end }}{{ end }}{{ end }}', {
      limits: { timeoutMs: 50, now: () => (t += 1) },
    });
    expect(e).toBeInstanceOf(RenderLimitError);
    expect((e as Error).message).toBe('rendering hostile/templates/a.yaml stopped: template execution exceeds the time limit of 50ms');
  });

  it('refuses a huge until list before allocating it', async () => {
    const e = await render('{{ len (until 100000000) }}');
    expect(e).toBeInstanceOf(RenderLimitError);
    expect((e as Error).message).toContain('a list of 100000000 items exceeds the limit of 1000000');
  });

  it.each([
    ['repeat', '{{ "x" | repeat 1000000000 }}'],
    ['indent', '{{ indent 600000000 "x" }}'],
    ['randAlphaNum', '{{ randAlphaNum 1000000000 }}'],
  ])('a %s result too large for a JavaScript string is a limit error, not V8\'s text', async (name, template) => {
    const e = await render(template);
    expect(e).toBeInstanceOf(RenderLimitError);
    expect((e as Error).message).toBe(`rendering hostile/templates/a.yaml stopped: ${name} made a value larger than the engine allows (Invalid string length)`);
  });

  it.each([500, 5000, 30000])('a manifest nested %i levels deep is refused before the YAML parser recurses', async (n) => {
    const e = await render(`a: {{ repeat ${n} "[" }}{{ repeat ${n} "]" }}`);
    expect((e as Error).message).toBe('YAML parse error on hostile/templates/a.yaml: error converting YAML to JSON: yaml: exceeded max depth of 400');
  });

  it('a manifest nested 300 levels deep renders', async () => {
    expect(await render(`a: {{ repeat 300 "[" }}{{ repeat 300 "]" }}`)).toContain(`a: ${'['.repeat(300)}`);
  });

  it('leaves ordinary charts alone', async () => {
    expect(await render('a: {{ range until 1000 }}{{ . }}{{ end }}')).toContain('a: 0123');
  });
});
