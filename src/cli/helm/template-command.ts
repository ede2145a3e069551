/**
 * `chartroom helm template [NAME] CHART`: renders on the client, as `helm template` does without a
 * cluster (release name `release-name` unless given, namespace from `-n`, values from `-f` and the `--set` family).
 */
import { assembleChart, formatTemplateOutput, type LoadedChart, loadChartArchive, NotInstallableError, RenderError, renderChart } from '../../helm/render/index.js';
import { HelmUsageError, isOn } from './args.js';
import { type ChartSource, locateChart } from './chart-source.js';
import { type HelmCommand, userValues } from './invocation.js';

async function loadSource(source: ChartSource): Promise<LoadedChart> {
  return source.kind === 'archive' ? await loadChartArchive(source.bytes) : await assembleChart(source.files);
}

/** Render failures after the release record exists get Helm's `--debug` hint; earlier refusals do not. */
function templateError(e: RenderError): HelmUsageError {
  const early = e instanceof NotInstallableError && !e.message.startsWith('chart requires kubeVersion');
  return new HelmUsageError(early ? e.message : `${e.message}\n\nUse --debug flag to render out invalid YAML`);
}

/** `helm template`. */
export const templateCommand: HelmCommand = async (inv) => {
  const [first, second] = inv.rest;
  const generate = isOn(inv.args, 'generate-name');
  const ref = second ?? first;
  if (!ref) throw new HelmUsageError('"helm template" requires at least 1 argument');
  const name = second !== undefined ? first! : generate ? undefined : 'release-name';
  const chart = await loadSource(await locateChart(ref, inv.args.flags.get('version') ?? '', inv.paths));
  const { values } = await userValues(inv);
  try {
    const out = renderChart(chart, {
      releaseName: name ?? `${chart.metadata.name}-${Math.floor(Date.now() / 1000)}`, namespace: inv.namespace, userValues: [values],
    });
    inv.io.stdout(formatTemplateOutput(out.manifests, out.hooks, !isOn(inv.args, 'no-hooks')));
  } catch (e) {
    if (e instanceof RenderError) throw templateError(e);
    throw e;
  }
  return 0;
};
