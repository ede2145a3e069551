/**
 * `helm lint` for one chart (pkg/lint Run, pkg/action/lint.go): the Chart.yaml, values, templates and
 * dependencies rules in Helm's order. Pure over the chart's files; the command reads the folder.
 *
 *   const { messages, failed } = await lintChart(files, { chartDir: '/abs/web' });
 *   // messages[0] → { severity: 'INFO', path: 'Chart.yaml', text: 'icon is recommended' }
 */
import { assembleChart, type LoadedChart } from '../render/chart-loader.js';
import type { Values } from '../render/values.js';
import { lintChartfile } from './chartfile-rules.js';
import { LintReport, type LintMessage } from './messages.js';
import { lintTemplates } from './template-rules.js';
import { lintValues } from './values-rules.js';

/** How to lint. */
export interface LintOptions {
  /** The chart folder as an absolute path (the dependency rules name it). */
  chartDir: string;
  /** User values (`-f`, `--set`...). */
  values?: Values;
  /** Default `default`. */
  namespace?: string;
  /** `--strict`: warnings fail the chart. */
  strict?: boolean;
}

/** The findings for one chart and whether it failed. */
export interface LintResult {
  messages: LintMessage[];
  failed: boolean;
}

function lintDependencies(report: LintReport, chart: LoadedChart, chartDir: string): void {
  const declared = chart.metadata.dependencies ?? [];
  const names = new Set(declared.map((d) => d.name));
  const present = chart.dependencies.map((c) => c.metadata.name);
  const undeclared = present.filter((n) => !names.has(n));
  report.check('ERROR', chartDir, undeclared.length > 0 ? `chart metadata is missing these dependencies: ${undeclared.join(',')}` : undefined);
  const missing = declared.filter((d) => !present.includes(d.name)).map((d) => d.name);
  report.check('WARNING', chartDir, missing.length > 0 ? `chart directory is missing these dependencies: ${missing.join(',')}` : undefined);
}

/** Lints a chart given as its files (relative path → bytes; Chart.yaml must be among them). */
export async function lintChart(files: ReadonlyMap<string, Buffer>, options: LintOptions): Promise<LintResult> {
  const report = new LintReport();
  const overrides = options.values ?? new Map();
  lintChartfile(report, files.get('Chart.yaml')?.toString('utf8') ?? '');
  lintValues(report, files, overrides);
  let chart: LoadedChart | undefined;
  let loadError = '';
  try {
    chart = await assembleChart(new Map(files));
  } catch (e) {
    loadError = (e as Error).message;
  }
  if (chart) lintTemplates(report, chart, overrides, options.namespace ?? 'default');
  else report.check('ERROR', 'templates/', loadError);
  if (chart) lintDependencies(report, chart, options.chartDir);
  else report.check('ERROR', '', `unable to load chart\n\t${loadError}`);
  const failing = options.strict ? ['ERROR', 'WARNING'] : ['ERROR'];
  return { messages: report.messages, failed: report.messages.some((m) => failing.includes(m.severity)) };
}
