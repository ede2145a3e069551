/**
 * Random `--set` family arguments through `helm template` and through mergeValueOptions + renderChart, on
 * a probe chart that prints every value with its Go type (`%T(%v)`), so int64/float64/string/bool/nil
 * and list/map shapes must all agree, as must Helm's error texts. Each run of helm gets a small batch of
 * flags (later flags build on earlier ones, so type clashes and overwrites are exercised too).
 *   CHARTROOM_STRVALS_SEED=5 npx vitest run test/helm/values/strvals-fuzz.test.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChartDirectory } from '../../../src/helm/render/chart-loader.js';
import { RenderError } from '../../../src/helm/render/errors.js';
import { renderChart } from '../../../src/helm/render/render-chart.js';
import { mergeValueOptions, readFileLikeGo, type ValueOptions } from '../../../src/helm/values/index.js';
import { Random } from '../render/fuzz/random-templates.js';
import { hasHelm, helmRequired, helmSandbox, type HelmSandbox } from '../render/helm-peer.js';

const SEED = Number(process.env['CHARTROOM_STRVALS_SEED'] ?? 4242);
const BATCHES = 60;

const WALK = `{{- define "walk" -}}
{{- if kindIs "map" . -}}{ {{- range $k, $v := . }}{{ $k }}: {{ include "walk" $v }}, {{ end -}} }
{{- else if kindIs "slice" . -}}[ {{- range . }}{{ include "walk" . }}, {{ end -}} ]
{{- else -}}{{ printf "%T(%v)" . . }}{{- end -}}
{{- end -}}
v: {{ include "walk" .Values | quote }}
`;

const FLAGS: [flag: string, field: keyof ValueOptions][] = [
  ['--set', 'values'], ['--set-string', 'stringValues'], ['--set-json', 'jsonValues'], ['--set-literal', 'literalValues'],
];

function key(r: Random): string {
  const parts = Array.from({ length: 1 + r.int(3) }, () => r.pick(['a', 'b', 'list', 'x\\.y', 'n', 'k_1', 'def', 'a', 'b']));
  let k = parts.join('.');
  if (r.chance(0.35)) k += `[${r.chance(0.15) ? r.pick(['-1', 'x', '65537']) : r.pick(['0', '1', '3', '2'])}]`;
  if (r.chance(0.15)) k += r.pick(['.c', '[0]', 'z', '[1].d', '.c']);
  return r.chance(0.03) ? `${k}.` : k;
}

function plainValue(r: Random): string {
  if (r.chance(0.04)) return '{a,';
  return r.pick([
    '1', '0', '-7', '007', '+5', '1.5', '1e3', 'true', 'FALSE', 'null', 'Null', '', 'x y', 'a\\,b', 'a\\=b',
    '{1,two,true}', '{}', '9223372036854775808', 'é', 'a=b', ' sp ',
  ]);
}

function jsonValue(r: Random): string {
  if (r.chance(0.05)) return r.pick(['{bad', '1 2']);
  return r.pick(['1', '"s"', 'true', 'null', '', '[1,"x",null]', '{"p":{"q":2.5}}', '[]', '{}', '-0.5e2']);
}

function argument(r: Random, flag: string): string {
  const pairs = Array.from({ length: 1 + r.int(3) }, () => `${key(r)}=${flag === '--set-json' ? jsonValue(r) : plainValue(r)}`);
  let text = flag === '--set-literal' ? pairs[0]! : pairs.join(',');
  if (r.chance(0.08)) text += r.pick([',', ',,', '=']);
  if (r.chance(0.05)) text = key(r);
  return text;
}

describe.skipIf(!hasHelm && !helmRequired)(`random --set arguments match helm template (seed ${SEED})`, () => {
  let sandbox: HelmSandbox;
  let chartDir = '';
  beforeAll(() => {
    sandbox = helmSandbox();
    chartDir = join(sandbox.dir, 'probe');
    mkdirSync(join(chartDir, 'templates'), { recursive: true });
    writeFileSync(join(chartDir, 'Chart.yaml'), 'apiVersion: v2\nname: probe\nversion: 0.1.0\n');
    writeFileSync(join(chartDir, 'values.yaml'), 'def: 1\nlist: [1, 2]\nb: {c: x}\n');
    writeFileSync(join(chartDir, 'templates/out.yaml'), WALK);
  });
  afterAll(() => sandbox?.dispose());

  it(`${BATCHES} batches of flags give the same values and errors`, async () => {
    const r = new Random(SEED);
    let failures = 0;
    for (let b = 0; b < BATCHES; b++) {
      const args: string[] = [];
      const options: Required<ValueOptions> = { valueFiles: [], values: [], stringValues: [], jsonValues: [], fileValues: [], literalValues: [] };
      for (let i = 1 + r.int(4); i > 0; i--) {
        const [flag, field] = r.pick(FLAGS);
        const text = argument(r, flag);
        args.push(flag, text);
        options[field].push(text);
      }
      let helm: string;
      try {
        helm = sandbox.run('template', 'x', chartDir, ...args);
      } catch (e) {
        helm = String((e as { stderr?: string }).stderr);
        failures++;
      }
      let ours: string;
      try {
        const user = mergeValueOptions(options, readFileLikeGo);
        ours = renderChart(await loadChartDirectory(chartDir), { releaseName: 'x', userValues: [user] }).output;
      } catch (e) {
        const hint = e instanceof RenderError && e.inRenderPhase ? '\n\nUse --debug flag to render out invalid YAML' : '';
        ours = `Error: ${(e as Error).message}${hint}\n`;
      }
      expect(ours, `seed ${SEED}, batch ${b}: helm template ${args.map((a) => `'${a}'`).join(' ')}`).toBe(helm);
    }
    // Both outcomes must be exercised: batches that render and batches Helm refuses.
    expect(failures).toBeGreaterThan(3);
    expect(failures).toBeLessThan(BATCHES - 5);
  }, 300_000);
});
