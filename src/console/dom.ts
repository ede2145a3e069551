/**
 * The console's only way to build markup: elements from a tag, attributes and children, where every
 * string child becomes a text node. Nothing here parses HTML, so text from charts, READMEs and cluster
 * objects can never become markup.
 */

/** A child: an element, text (escaped by being a text node), or nothing. */
export type Child = Node | string | number | false | null | undefined;

/** Attributes; `on<event>` keys take listeners, booleans toggle the attribute, undefined skips it. */
export type Attrs = Record<string, string | number | boolean | undefined | EventListener>;

/** Creates `<tag ...attrs>children</tag>`. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children to a node, skipping empty ones. */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces every child of `el`. */
export function replaceChildren(el: Element, ...children: Child[]): void {
  el.textContent = '';
  append(el, children);
}

/** How many messages the toast region shows at once; a new one dismisses the oldest beyond this. */
export const MAX_TOASTS = 3;

/** Shows a short message in the polite live region for a few seconds (errors stay longer); at most MAX_TOASTS at once. */
export function toast(message: string, isError = false): void {
  const region = document.getElementById('toast');
  if (!region) return;
  // The same message again (a second refused click) does not stack: the shown one starts its time anew.
  for (const shown of region.querySelectorAll('p')) if (shown.textContent === message) shown.remove();
  const line = h('p', { class: isError ? 'error' : '' }, message);
  region.appendChild(line);
  while (region.childElementCount > MAX_TOASTS) region.firstElementChild?.remove();
  setTimeout(() => line.remove(), isError ? 8000 : 3000);
}

/** Copies text to the clipboard; falls back to selecting a hidden textarea where the API is refused. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = h('textarea', { 'aria-hidden': 'true', style: 'position:fixed;left:-999px' });
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

/**
 * A Copy button for `text` (its label names the first line): a click copies, says "Copied" on the button
 * for two seconds and in the toast region, or "Copy failed" when the browser refuses both ways.
 */
export function copyButton(text: string): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'copy', 'aria-label': `Copy: ${text.split('\n')[0] ?? ''}` }, 'Copy');
  let timer: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener('click', () => void copyText(text).then(() => 'Copied', () => 'Copy failed').then((said) => {
    button.textContent = said;
    toast(said, said !== 'Copied');
    clearTimeout(timer);
    timer = setTimeout(() => (button.textContent = 'Copy'), 2000);
  }));
  return button;
}
