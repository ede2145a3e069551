/**
 * `toToml`/`fromToml` against the real Helm: the fixture chart `toml` encodes values from values.yaml
 * (every scalar kind, odd keys, nested tables, arrays of tables, inline tables in arrays, nil elements,
 * top-level non-tables) and decodes TOML (tables, arrays of tables, radix and underscored integers,
 * literal strings, errors). Each result is base64-encoded in the manifest, so helm template's output and
 * renderChart's must be equal byte for byte.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChartDirectory } from '../../../src/helm/render/chart-loader.js';
import { renderChart } from '../../../src/helm/render/render-chart.js';
import { encodeToml } from '../../../src/helm/render/toml-encode.js';
import { decodeToml } from '../../../src/helm/render/toml-decode.js';
import { GoInt } from '../../../src/gotemplate/index.js';
import { hasHelm, helmRequired, helmSandbox, type HelmSandbox } from './helm-peer.js';

const CHART = join(import.meta.dirname, 'fixtures/toml');

describe.skipIf(!hasHelm && !helmRequired)('toToml / fromToml match helm template', () => {
  let sandbox: HelmSandbox;
  beforeAll(() => {
    sandbox = helmSandbox();
  });
  afterAll(() => sandbox?.dispose());

  it('renders the toml fixture byte for byte', async () => {
    const ours = renderChart(await loadChartDirectory(CHART), { releaseName: 'x' }).output;
    expect(ours).toBe(sandbox.run('template', 'x', CHART));
    expect(ours.split('\n').filter((l) => l.startsWith('k')).length).toBeGreaterThan(8);
  });
});

describe('TOML pure cases', () => {
  it('encodes a small table in BurntSushi layout', () => {
    const v = new Map<string, never>([['b', new Map([['c', 1.0]]) as never], ['a', [new GoInt('int64', 1n), 2] as never]]);
    expect(encodeToml(v)).toBe('a = [1, 2.0]\n\n[b]\n  c = 1.0\n');
  });
  it('decodes into int64, float64, nested tables', () => {
    const t = decodeToml('a = 1\nb = 2.5\n[x.y]\nz = "q"\n');
    expect(t.get('a')).toEqual(new GoInt('int64', 1n));
    expect(t.get('b')).toBe(2.5);
    expect(((t.get('x') as Map<string, unknown>).get('y') as Map<string, unknown>).get('z')).toBe('q');
  });
});
