/**
 * Go's text/tabwriter, as `kubectl describe` configures it (minwidth 0, padding 2, pad with spaces, no
 * flags): text is cut into cells at tabs; a column is aligned only across a run of consecutive lines
 * that all have a cell in it (a "column block"), so a line without tabs ends every block above it. The
 * last cell of a line is not part of any column and is written as is.
 *
 *   "Name:\tvweb\nPod Template:\n  Labels:\tapp=vweb\n"
 *     → "Name:  vweb\nPod Template:\n  Labels:  app=vweb\n"
 */

/** Formats `text` (every line ending in "\n" except perhaps the last) as one tabwriter flush. */
export function formatTabbed(text: string, minWidth = 0, padding = 2): string {
  const lines = text.split('\n').map((line) => line.split('\t'));
  const trailing = lines.pop()!;
  const out: string[] = [];
  formatBlock(lines, 0, lines.length, [], out, minWidth, padding);
  return out.join('') + trailing.join('\t');
}

function width(cell: string): number {
  return [...cell].length;
}

/** Go's Writer.format: align column `widths.length` over runs of lines that have it, recursively. */
function formatBlock(lines: string[][], start: number, end: number, widths: number[], out: string[], minWidth: number, padding: number): void {
  const column = widths.length;
  let line0 = start;
  for (let i = start; i < end; i++) {
    if (column >= lines[i]!.length - 1) continue;
    writeLines(lines, line0, i, widths, out);
    line0 = i;
    let w = minWidth;
    for (; i < end && column < lines[i]!.length - 1; i++) w = Math.max(w, width(lines[i]![column]!) + padding);
    formatBlock(lines, line0, i, [...widths, w], out, minWidth, padding);
    line0 = i;
    i -= 1;
  }
  writeLines(lines, line0, end, widths, out);
}

function writeLines(lines: string[][], start: number, end: number, widths: number[], out: string[]): void {
  for (let i = start; i < end; i++) {
    const cells = lines[i]!;
    out.push(cells.map((cell, j) => (j < widths.length && j < cells.length - 1 ? cell + ' '.repeat(Math.max(0, widths[j]! - width(cell))) : cell)).join(''), '\n');
  }
}
