/**
 * Helm's table output (cmd/helm/status.go, history.go, list.go, get_values.go): the status block, uitable
 * tables (cells padded to the column width, joined by tabs, no trailing newline trimming), Go's ANSIC and
 * Time.String() formats. Times print in UTC, the simulated clusters' zone.
 */
import { marshalGoYaml } from '../../yaml/go-yaml-emitter.js';
import type { ReleaseView } from './client.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** Go's time.ANSIC layout `Mon Jan _2 15:04:05 2006` (day space-padded), in UTC. */
export function formatAnsic(rfc3339: string): string {
  const d = new Date(rfc3339);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} `
    + `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** Go's Time.String() in UTC: `2026-01-01 00:00:05.25 +0000 UTC` (fraction without trailing zeros). */
export function formatGoTimeString(rfc3339: string): string {
  const d = new Date(rfc3339);
  const frac = rfc3339.match(/\.(\d+)/)?.[1]?.replace(/0+$/, '') ?? '';
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
    + `${frac ? `.${frac}` : ''} +0000 UTC`;
}

/** A uitable: every cell padded to its column's width, cells joined by a tab, rows by a newline, plus a final newline. */
export function formatTable(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return `${rows.map((row) => row.map((cell, i) => cell + ' '.repeat(widths[i]! - [...cell].length)).join('\t')).join('\n')}\n`;
}

/** Options of the status block. */
export interface StatusOptions {
  showDescription?: boolean;
  hideNotes?: boolean;
}

/** statusPrinter.WriteTable: the block install, upgrade and status print. */
export function formatStatus(r: ReleaseView, opts: StatusOptions = {}): string {
  let out = `NAME: ${r.name}\n`;
  if (r.info.last_deployed) out += `LAST DEPLOYED: ${formatAnsic(r.info.last_deployed)}\n`;
  out += `NAMESPACE: ${r.namespace}\nSTATUS: ${r.info.status}\nREVISION: ${r.version}\n`;
  if (opts.showDescription) out += `DESCRIPTION: ${r.info.description}\n`;
  const tests = r.hooks.filter((h) => h.events.includes('test'));
  if (tests.length === 0) out += 'TEST SUITE: None\n';
  for (const h of tests) {
    if (!h.last_run.started_at) continue;
    out += `TEST SUITE:     ${h.name}\nLast Started:   ${formatAnsic(h.last_run.started_at)}\nLast Completed: ${formatAnsic(h.last_run.completed_at)}\nPhase:          ${h.last_run.phase}\n`;
  }
  if (r.info.description.toLowerCase() === 'dry run complete') {
    out += 'HOOKS:\n';
    for (const h of r.hooks) out += `---\n# Source: ${h.path}\n${h.manifest}\n`;
    out += `MANIFEST:\n${r.manifest}\n`;
  }
  if (!opts.hideNotes && r.info.notes.length > 0) out += `NOTES:\n${r.info.notes.trim()}\n`;
  return out;
}

const chartOf = (r: ReleaseView): string => `${r.chart.metadata.name}-${r.chart.metadata.version}`;

/** `helm history` table (revisions ascending). */
export function formatHistory(releases: ReleaseView[]): string {
  return formatTable([
    ['REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION', 'DESCRIPTION'],
    ...releases.map((r) => [String(r.version), formatAnsic(r.info.last_deployed), r.info.status, chartOf(r), r.chart.metadata.appVersion ?? '', r.info.description]),
  ]);
}

/** `helm history -o json|yaml` items. */
export function historyItems(releases: ReleaseView[]): Record<string, unknown>[] {
  return releases.map((r) => ({
    revision: r.version, updated: r.info.last_deployed, status: r.info.status, chart: chartOf(r),
    app_version: r.chart.metadata.appVersion ?? '', description: r.info.description,
  }));
}

/** `helm list` items (`revision` is a string, as Helm writes it). */
export function listItems(releases: ReleaseView[]): Record<string, string>[] {
  return releases.map((r) => ({
    name: r.name, namespace: r.namespace, revision: String(r.version),
    updated: r.info.last_deployed ? formatGoTimeString(r.info.last_deployed) : '-', status: r.info.status, chart: chartOf(r),
    app_version: r.chart.metadata.appVersion ?? '',
  }));
}

/** `helm list` table. */
export function formatList(releases: ReleaseView[], noHeaders: boolean): string {
  const rows = listItems(releases).map((i) => [i.name!, i.namespace!, i.revision!, i.updated!, i.status!, i.chart!, i.app_version!]);
  return formatTable([...(noHeaders ? [] : [['NAME', 'NAMESPACE', 'REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION']]), ...rows]);
}

/** output.EncodeYAML (sigs.k8s.io/yaml); an empty map is Helm's nil config, printed `null`. */
export function encodeYaml(v: unknown): string {
  if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) return 'null\n';
  return marshalGoYaml(v);
}

/** output.EncodeJSON: one line of JSON and a newline. */
export function encodeJson(v: unknown): string {
  return `${JSON.stringify(v)}\n`;
}

/** A release as Helm's `-o json` (one line) or `-o yaml` prints it, from the server's `helmJson`. */
export function formatHelmRelease(r: ReleaseView, format: 'json' | 'yaml'): string {
  const json = r.helmJson ?? '{}';
  return format === 'json' ? `${json}\n` : marshalGoYaml(JSON.parse(json) as unknown);
}
