/**
 * GitHub-style Markdown tables for chart READMEs, parsed to plain strings (markdown.ts renders the cells'
 * inline spans as text nodes): a header row, a delimiter row of `---` cells (`:` marks alignment), then
 * body rows until a blank line or a line without `|`. `\|` is a literal pipe inside a cell.
 */

/** A parsed table: header cells, alignment per column, body rows (each padded or cut to the header's width). */
export interface MarkdownTable {
  header: string[];
  align: ('left' | 'center' | 'right' | '')[];
  rows: string[][];
}

/** The cells of one table row: outer pipes dropped, split on unescaped `|`, each trimmed, `\|` made `|`. */
export function splitRow(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return body.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

const DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** True when `lines[i]` starts a table: it has a `|` and the next line is a delimiter row of as many cells. */
export function isTableStart(lines: string[], i: number): boolean {
  const head = lines[i];
  const delimiter = lines[i + 1];
  if (head === undefined || delimiter === undefined || !head.includes('|') || !DELIMITER.test(delimiter)) return false;
  return splitRow(head).length === splitRow(delimiter).length;
}

/** Parses the table starting at `lines[start]` (isTableStart must hold); returns it and the index after it. */
export function parseTable(lines: string[], start: number): { table: MarkdownTable; next: number } {
  const header = splitRow(lines[start] as string);
  const align = splitRow(lines[start + 1] as string).map((cell) => {
    const left = cell.startsWith(':');
    const right = cell.endsWith(':');
    return left && right ? 'center' : right ? 'right' : left ? 'left' : '';
  });
  const rows: string[][] = [];
  let i = start + 2;
  for (; i < lines.length && (lines[i] as string).includes('|') && (lines[i] as string).trim() !== ''; i += 1) {
    const cells = splitRow(lines[i] as string);
    rows.push(header.map((_, c) => cells[c] ?? ''));
  }
  return { table: { header, align, rows }, next: i };
}
