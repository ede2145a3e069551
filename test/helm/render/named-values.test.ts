/**
 * Template data and `.Values` are Helm's named map type `chartutil.Values`, which shows in `typeOf`, in
 * type errors, and in Sprig functions that assert `map[string]interface {}` (`dig`); `deepCopy nil` and
 * `toToml nil` fail the render as Go's panics do. Texts as `helm template` prints them (found by the
 * random-template run).
 */
import { describe, expect, it } from 'vitest';
import { assembleChart } from '../../../src/helm/render/chart-loader.js';
import { renderChart } from '../../../src/helm/render/render-chart.js';

async function render(template: string): Promise<string> {
  const files = new Map([
    ['Chart.yaml', Buffer.from('apiVersion: v2\nname: nv\nversion: 0.1.0\n')],
    ['values.yaml', Buffer.from('a: {b: 1}\n')],
    ['templates/a.yaml', Buffer.from(template)],
  ]);
  try {
    return renderChart(await assembleChart(files), { releaseName: 'x' }).output;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('chartroom renders chartutil.Values like Helm', () => {
  it('names the type of dot, .Values and .Template', async () => {
    expect(await render('t: {{ typeOf . }} {{ typeOf .Values }} {{ typeOf .Template }} {{ typeOf .Values.a }}'))
      .toContain('t: chartutil.Values chartutil.Values chartutil.Values map[string]interface {}');
  });
  it('is still accepted where map[string]interface {} is expected', async () => {
    expect(await render('t: {{ hasKey .Values "a" }} {{ keys .Values | join "," }}')).toContain('t: true a');
  });
  it('fails dig on it as Go\'s type assertion does', async () => {
    expect(await render('{{ dig "a" "b" 0 .Values }}')).toContain(
      'error calling dig: interface conversion: interface {} is chartutil.Values, not map[string]interface {}',
    );
    expect(await render('t: {{ dig "b" 0 .Values.a }}')).toContain('t: 1');
  });
  it('fails deepCopy and toToml of nil', async () => {
    expect(await render('{{ deepCopy .Values.none }}')).toContain('error calling deepCopy: reflect: call of reflect.Value.Type on zero Value');
    expect(await render('{{ toToml .Values.none }}')).toContain('error calling toToml: reflect: call of reflect.Value.Type on zero Value');
  });
});
