/**
 * The console's `helm history` text against the CLI's own printer (src/cli/helm/printers.ts formatHistory):
 * the browser cannot load the CLI's module, so the two must agree here, on revisions that exercise the
 * space-padded day of ANSIC, column widths counted in characters (not UTF-16 units), an empty APP VERSION
 * and long descriptions. test/console/proof.test.ts compares the page with `chartroom helm history` itself.
 */
import { describe, expect, it } from 'vitest';
import type { ReleaseView } from '../../src/cli/helm/client.js';
import { formatHistory } from '../../src/cli/helm/printers.js';
import { ansicTime, helmHistoryText } from '../../src/console/helm-history-text.js';

function revision(version: number, lastDeployed: string, status: string, description: string, appVersion?: string): ReleaseView {
  return {
    name: 'site', namespace: 'default', version, config: {}, manifest: '', hooks: [], labels: {},
    info: { first_deployed: lastDeployed, last_deployed: lastDeployed, deleted: '', description, status, notes: '' },
    chart: { metadata: { name: 'site', version: `1.${version}.0`, ...(appVersion === undefined ? {} : { appVersion }) } },
  } as unknown as ReleaseView;
}

describe('helmHistoryText', () => {
  it('prints what the CLI prints, byte for byte', () => {
    const history = [
      revision(1, '2026-01-01T00:00:00Z', 'superseded', 'Install complete', '1.25'),
      revision(2, '2026-01-01T00:00:09.5Z', 'superseded', 'Upgrade complete', '1.26 ünïcode'),
      revision(3, '2026-12-31T23:59:59Z', 'deployed', 'Rollback to 1'),
      revision(10, '2026-02-09T10:00:00Z', 'failed', 'Upgrade "site" failed: timed out waiting for the condition', '🚀'),
    ];
    const text = helmHistoryText(history);
    expect(text).toBe(formatHistory(history));
    expect(text.split('\n')[0]).toBe('REVISION\tUPDATED                 \tSTATUS    \tCHART      \tAPP VERSION \tDESCRIPTION                                               ');
    expect(text.split('\n')[1]).toMatch(/^1       \tThu Jan  1 00:00:00 2026\tsuperseded\tsite-1.1.0 \t1.25        \tInstall complete {42}$/);
  });

  it('formats Go ANSIC with a space-padded day, in UTC', () => {
    expect(ansicTime('2026-03-05T07:08:09+02:00')).toBe('Thu Mar  5 05:08:09 2026');
    expect(ansicTime('2026-11-26T00:59:00Z')).toBe('Thu Nov 26 00:59:00 2026');
  });

  it('prints the header alone for no revisions, as the CLI does', () => {
    expect(helmHistoryText([])).toBe(formatHistory([]));
  });
});
