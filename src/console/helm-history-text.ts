/**
 * The text `helm history <release>` prints (cmd/helm/history.go), from the release API's revisions: a
 * uitable whose every cell is padded to its column's width in characters (code points), cells joined by
 * a tab, each row ending in a newline; UPDATED in Go's ANSIC layout (`Mon Jan _2 15:04:05 2006`) in UTC,
 * the simulated clusters' zone. The same rules as `formatHistory` in src/cli/helm/printers.ts, which the
 * browser cannot load (it pulls in the YAML emitter); test/console/helm-history-text.test.ts checks that the
 * two agree, and test/console/proof.test.ts that the page prints what `chartroom helm history` prints.
 */

/** The parts of a revision read here (Helm's JSON field names, as the release API sends them). */
export interface RevisionLike {
  version: number;
  info: { status: string; last_deployed: string; description: string };
  chart: { metadata: { name: string; version: string; appVersion?: string } };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** Go's time.ANSIC in UTC: the day of the month padded with a space, not a zero. */
export function ansicTime(rfc3339: string): string {
  const d = new Date(rfc3339);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} `
    + `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** The history table, oldest revision first, exactly as `helm history` writes it to stdout. */
export function helmHistoryText(revisions: RevisionLike[]): string {
  const rows = [
    ['REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION', 'DESCRIPTION'],
    ...revisions.map((r) => [String(r.version), ansicTime(r.info.last_deployed), r.info.status,
      `${r.chart.metadata.name}-${r.chart.metadata.version}`, r.chart.metadata.appVersion ?? '', r.info.description]),
  ];
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return `${rows.map((row) => row.map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - [...cell].length)).join('\t')).join('\n')}\n`;
}
