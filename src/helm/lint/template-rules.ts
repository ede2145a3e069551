/**
 * The templates rules of `helm lint` (pkg/lint/rules/template.go): render the chart as release
 * `test-release` (values and schema errors, parse and execution errors are one ERROR on `templates/`),
 * then for each template of the chart itself: an allowed extension, and for `.yaml` files with output a
 * top-level indent WARNING, YAML that parses (the first failure ends the rule), and per document the
 * object-name WARNING and the selector ERROR of workload kinds.
 */
import YAML from 'yaml';
import { HELM_YAML_OPTIONS } from '../../repo/chart-metadata.js';
import type { LoadedChart } from '../render/chart-loader.js';
import { renderChart } from '../render/render-chart.js';
import type { Values } from '../render/values.js';
import { metadataNameWarning } from './k8s-names.js';
import type { LintReport } from './messages.js';

const ALLOWED = ['.yaml', '.yml', '.tpl', '.txt'];
const SELECTOR_KINDS = ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet'];

const extension = (name: string): string => {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot);
};

function topIndentRule(content: string): string | undefined {
  const line = content.split('\n').find((l) => l.trim() !== '');
  if (line === undefined || !(line.startsWith(' ') || line.startsWith('\t'))) return undefined;
  return `document starts with an illegal indent: ${JSON.stringify(line)}, which may cause parsing problems`;
}

interface K8sObject {
  kind?: unknown;
  metadata?: { name?: unknown } | null;
}

/** The documents of one rendered file, or the text of its first YAML error. */
function parseDocuments(content: string): K8sObject[] | string {
  const out: K8sObject[] = [];
  for (const doc of YAML.parseAllDocuments(content, HELM_YAML_OPTIONS)) {
    if (doc.errors.length > 0) return `unable to parse YAML: error converting YAML to JSON: yaml: ${doc.errors[0]!.message.split('\n')[0]}`;
    const value = doc.toJS(HELM_YAML_OPTIONS) as unknown;
    if (value !== null && value !== undefined) out.push(value as K8sObject);
  }
  return out;
}

function lintDocument(report: LintReport, path: string, obj: K8sObject, content: string): void {
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const name = obj.metadata && typeof obj.metadata === 'object' && obj.metadata.name !== undefined && obj.metadata.name !== null ? String(obj.metadata.name) : '';
  report.check('WARNING', path, metadataNameWarning(kind, name));
  // Helm looks for the words anywhere in the file's output, not in the object's selector.
  const selectorless = SELECTOR_KINDS.includes(kind) && !content.includes('matchLabels') && !content.includes('matchExpressions');
  report.check('ERROR', path, selectorless ? `a ${kind} must contain matchLabels or matchExpressions, and ${JSON.stringify(name)} does not` : undefined);
}

/** Runs the templates rules on a loaded chart with the user's values. */
export function lintTemplates(report: LintReport, chart: LoadedChart, overrides: Values, namespace: string): void {
  let rendered: Map<string, string>;
  try {
    rendered = renderChart(chart, { releaseName: 'test-release', namespace, userValues: [overrides], renderOnly: true }).rendered;
  } catch (e) {
    report.check('ERROR', 'templates/', (e as Error).message);
    return;
  }
  for (const template of chart.templates) {
    const path = template.name;
    const ext = extension(path);
    report.check('ERROR', path, ALLOWED.includes(ext) ? undefined : `file extension '${ext}' not valid. Valid extensions are .yaml, .yml, .tpl, or .txt`);
    if (ext !== '.yaml') continue;
    const content = rendered.get(`${chart.metadata.name}/${path}`) ?? '';
    if (content.trim() === '') continue;
    report.check('WARNING', path, topIndentRule(content));
    const docs = parseDocuments(content);
    if (!report.check('ERROR', path, typeof docs === 'string' ? docs : undefined)) return;
    for (const obj of docs as K8sObject[]) lintDocument(report, path, obj, content);
  }
}
