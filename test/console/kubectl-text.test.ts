/**
 * The console's `kubectl get` text against the CLI's own printer (src/cli/kubectl/printers.ts tabulate)
 * on the simulator's Tables: the browser cannot load the CLI's module, so the two must agree here.
 */
import { describe, expect, it } from 'vitest';
import { tabulate } from '../../src/cli/kubectl/printers.js';
import { kubectlText } from '../../src/console/kubectl-text.js';

describe('kubectlText', () => {
  it('prints the priority-0 columns as kubectl get does', () => {
    const table = {
      columnDefinitions: [{ name: 'Name' }, { name: 'Ready' }, { name: 'Status' }, { name: 'Restarts' }, { name: 'Age' }, { name: 'IP', priority: 1 }],
      rows: [
        { cells: ['vweb-6b9cd6889f-52pjl', '1/1', 'Running', 0, '12s', '10.244.0.1'] },
        { cells: ['vweb-d7d85c8db-wf5l4', '0/1', 'ContainerCreating', 0, '1s', '10.244.0.2'] },
      ],
    };
    const expected = tabulate([
      ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
      ['vweb-6b9cd6889f-52pjl', '1/1', 'Running', '0', '12s'],
      ['vweb-d7d85c8db-wf5l4', '0/1', 'ContainerCreating', '0', '1s'],
    ]);
    expect(kubectlText(table)).toBe(expected);
    expect(expected.split('\n')[0]).toBe('NAME                    READY   STATUS              RESTARTS   AGE');
  });

  it('pads short columns to the minimum width and prints nothing for no rows', () => {
    const table = { columnDefinitions: [{ name: 'A' }, { name: 'B' }], rows: [{ cells: ['x', 'y'] }] };
    expect(kubectlText(table)).toBe(tabulate([['A', 'B'], ['x', 'y']]));
    expect(kubectlText({ ...table, rows: [] })).toBe('');
  });
});
