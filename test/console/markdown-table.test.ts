/**
 * Markdown tables of chart READMEs (src/console/markdown-table.ts): what counts as a table, its cells,
 * alignment and ragged rows. The rendering (cells as text nodes) is checked in repository.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { isTableStart, parseTable, splitRow } from '../../src/console/markdown-table.js';

describe('markdown tables', () => {
  it('splits a row on unescaped pipes, with or without outer pipes', () => {
    expect(splitRow('| a | b |')).toEqual(['a', 'b']);
    expect(splitRow('a | b')).toEqual(['a', 'b']);
    expect(splitRow('| `x \\| y` | <b>z</b> |')).toEqual(['`x | y`', '<b>z</b>']);
  });

  it('needs a delimiter row of as many cells under the header', () => {
    expect(isTableStart(['| a | b |', '|---|:--:|'], 0)).toBe(true);
    expect(isTableStart(['a | b', '--- | ---'], 0)).toBe(true);
    expect(isTableStart(['| a | b |', '|---|'], 0)).toBe(false);
    expect(isTableStart(['| a | b |', 'text'], 0)).toBe(false);
    expect(isTableStart(['no pipes', '---'], 0)).toBe(false);
  });

  it('reads alignment and body rows up to a blank line, padding short rows', () => {
    const lines = ['| Key | Default | Notes |', '|:----|------:|:---:|', '| image.tag | `1.25` | x |', '| replicas |', '', 'after'];
    expect(parseTable(lines, 0)).toEqual({
      table: { header: ['Key', 'Default', 'Notes'], align: ['left', 'right', 'center'], rows: [['image.tag', '`1.25`', 'x'], ['replicas', '', '']] },
      next: 4,
    });
  });
});
