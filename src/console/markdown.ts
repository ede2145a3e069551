/**
 * A small Markdown subset for chart READMEs, rendered to DOM nodes (never to an HTML string, so nothing
 * in a README can become markup): ATX headings, paragraphs, fenced and indented code blocks, `-`/`*`/`1.`
 * lists, block quotes, horizontal rules, `| a | b |` tables (markdown-table.ts), and inline `code`,
 * **strong**, *emphasis* and [links](url). Links keep only http(s), mailto and in-page `#` targets (any
 * other target leaves its text, unlinked; a target may hold balanced parentheses); images appear as their
 * alt text linked to the image (a README must not make the browser fetch arbitrary URLs). Raw HTML
 * shows as text.
 */
import { type Child, h } from './dom.js';
import { isTableStart, type MarkdownTable, parseTable } from './markdown-table.js';

/** Renders `text` into a fragment of block elements. */
export function renderMarkdown(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    const fence = /^\s*(```|~~~)/.exec(line);
    if (fence) {
      const body: string[] = [];
      for (i += 1; i < lines.length && !(lines[i] as string).trim().startsWith(fence[1] as string); i += 1) body.push(lines[i] as string);
      fragment.appendChild(h('pre', {}, h('code', {}, body.join('\n'))));
      i += 1;
    } else if (/^\s*$/.test(line)) {
      i += 1;
    } else if (/^#{1,6}\s/.test(line)) {
      const level = Math.min((/^#+/.exec(line) as RegExpExecArray)[0].length + 1, 6);
      fragment.appendChild(h(`h${level}` as 'h2', {}, ...inline(line.replace(/^#+\s*/, '').replace(/\s+#+\s*$/, ''))));
      i += 1;
    } else if (/^(\s*[-*_]){3,}\s*$/.test(line)) {
      fragment.appendChild(h('hr'));
      i += 1;
    } else if (/^ {4}|^\t/.test(line)) {
      const body: string[] = [];
      for (; i < lines.length && /^( {4}|\t|\s*$)/.test(lines[i] as string); i += 1) body.push((lines[i] as string).replace(/^( {4}|\t)/, ''));
      fragment.appendChild(h('pre', {}, h('code', {}, body.join('\n').trimEnd())));
    } else if (/^\s*([-*+]|\d+[.)])\s+/.test(line)) {
      i = list(lines, i, fragment);
    } else if (isTableStart(lines, i)) {
      const { table, next } = parseTable(lines, i);
      fragment.appendChild(tableElement(table));
      i = next;
    } else if (/^\s*>/.test(line)) {
      const body: string[] = [];
      for (; i < lines.length && /^\s*>/.test(lines[i] as string); i += 1) body.push((lines[i] as string).replace(/^\s*>\s?/, ''));
      const quote = h('blockquote');
      quote.appendChild(renderMarkdown(body.join('\n')));
      fragment.appendChild(quote);
    } else {
      const body: string[] = [];
      for (; i < lines.length && isParagraphLine(lines[i] as string) && !isTableStart(lines, i); i += 1) body.push((lines[i] as string).trim());
      fragment.appendChild(h('p', {}, ...inline(body.join(' '))));
    }
  }
  return fragment;
}

/** A parsed table in a scrolling wrapper, so a wide one never widens the page. */
function tableElement(table: MarkdownTable): HTMLElement {
  const style = (c: number): string | undefined => (table.align[c] ? `text-align:${table.align[c]}` : undefined);
  return h('div', { class: 'table-scroll' }, h('table', {},
    h('thead', {}, h('tr', {}, ...table.header.map((cell, c) => h('th', { scope: 'col', style: style(c) }, ...inline(cell))))),
    h('tbody', {}, ...table.rows.map((row) => h('tr', {}, ...row.map((cell, c) => h('td', { style: style(c) }, ...inline(cell))))))));
}

function isParagraphLine(line: string): boolean {
  return !/^\s*$/.test(line) && !/^(#{1,6}\s|\s*(```|~~~)|\s*>|\s*([-*+]|\d+[.)])\s+)/.test(line);
}

function list(lines: string[], start: number, into: DocumentFragment): number {
  const ordered = /^\s*\d/.test(lines[start] as string);
  const el = h(ordered ? 'ol' : 'ul');
  let i = start;
  for (; i < lines.length; i += 1) {
    const line = lines[i] as string;
    const item = /^\s*([-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) el.appendChild(h('li', {}, ...inline(item[2] as string)));
    else if (/^\s{2,}\S/.test(line) && el.lastChild) el.lastChild.appendChild(document.createTextNode(` ${line.trim()}`));
    else break;
  }
  into.appendChild(el);
  return i;
}

// A link target: characters other than space and parentheses, or balanced (one level) parentheses.
const INLINE = /`([^`]+)`|!\[([^\]]*)\]\(((?:[^()\s]|\([^()\s]*\))+)[^)]*\)|\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)[^)]*\)|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_/g;

/** Inline spans of one block's text; unmatched markup stays literal text. */
export function inline(text: string): Child[] {
  const out: Child[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    out.push(text.slice(last, m.index));
    last = (m.index ?? 0) + m[0].length;
    if (m[1] !== undefined) out.push(h('code', {}, m[1]));
    else if (m[3] !== undefined) out.push(link(m[3], `image: ${m[2] || m[3]}`));
    else if (m[5] !== undefined) out.push(link(m[5], ...inline(m[4] as string)));
    else if (m[6] !== undefined || m[7] !== undefined) out.push(h('strong', {}, ...inline((m[6] ?? m[7]) as string)));
    else out.push(h('em', {}, ...inline((m[8] ?? m[9]) as string)));
  }
  out.push(text.slice(last));
  return out;
}

function link(href: string, ...children: Child[]): Child {
  const isSafe = /^(https?:|mailto:|#)/i.test(href);
  return isSafe ? h('a', { href, rel: 'nofollow noopener noreferrer' }, ...children) : h('span', {}, ...children);
}
