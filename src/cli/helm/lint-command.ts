/**
 * `chartroom helm lint [PATH...]` (default `.`): Helm's lint of chart folders or `.tgz` archives, with
 * `-f` and the `--set` family, `--strict` and `--quiet`, printed as cmd/helm/lint.go prints it: a
 * `==> Linting <path>` block per chart, a blank line, then `N chart(s) linted, M chart(s) failed` on
 * stdout, or as the error when a chart failed.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatMessage, lintChart, type LintMessage } from '../../helm/lint/index.js';
import { readChartArchive } from '../../repo/chart-archive.js';
import { HelmUsageError, isOn } from './args.js';
import { readChartFolder } from './chart-source.js';
import { type HelmCommand, userValues } from './invocation.js';

/** One chart's outcome: its findings, or the error that stopped the lint before any rule ran. */
interface ChartOutcome {
  messages: LintMessage[];
  failed: boolean;
  error?: string;
}

async function chartFiles(path: string): Promise<{ files: Map<string, Buffer>; dir: string } | string> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) {
    const contents = await readChartArchive(await readFile(path), () => true);
    return { files: new Map([...contents.files, ['Chart.yaml', contents.chartYaml]]), dir: resolve(path) };
  }
  const chartYaml = join(path, 'Chart.yaml');
  if (!(await stat(chartYaml).catch(() => undefined))) return `unable to check Chart.yaml file in chart: stat ${chartYaml}: no such file or directory`;
  return { files: await readChartFolder(path), dir: resolve(path) };
}

/** `helm lint`. */
export const lintCommand: HelmCommand = async (inv) => {
  const paths = inv.rest.length > 0 ? inv.rest : ['.'];
  const quiet = isOn(inv.args, 'quiet');
  const { values } = await userValues(inv);
  let out = '';
  let failed = 0;
  let noisy = 0;
  for (const path of paths) {
    const source = await chartFiles(path);
    const outcome: ChartOutcome = typeof source === 'string' ? { messages: [], failed: true, error: source }
      : await lintChart(source.files, { chartDir: source.dir, values, namespace: inv.namespace, strict: isOn(inv.args, 'strict') });
    const hasFindings = outcome.failed || outcome.messages.some((m) => m.severity !== 'INFO');
    if (hasFindings) noisy += 1;
    if (outcome.failed) failed += 1;
    if (quiet && !hasFindings) continue;
    out += `==> Linting ${path}\n`;
    if (outcome.error) out += `Error ${outcome.error}\n`;
    for (const m of outcome.messages) if (!quiet || m.severity !== 'INFO') out += `${formatMessage(m)}\n`;
    out += '\n';
  }
  inv.io.stdout(out);
  const summary = `${paths.length} chart(s) linted, ${failed} chart(s) failed`;
  if (failed > 0) throw new HelmUsageError(summary);
  if (!quiet || noisy > 0) inv.io.stdout(`${summary}\n`);
  return 0;
};
