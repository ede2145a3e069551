/**
 * Typed text that survives a page redraw: a form marks each field the user edits, and before the page is
 * drawn again the edited values (and the focus, with its selection) are read from the old form and put
 * into the new one by field id. Fields the user never touched take the new page's defaults.
 */

/** What was typed into one form: edited values by field id, and the focused field. */
export interface KeptInput {
  values: Map<string, string>;
  focus?: { id: string; start: number | null; end: number | null };
}

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Marks every field of `form` that receives input, so `readKept` keeps its value; returns `form`. */
export function trackEdits<T extends HTMLElement>(form: T, key: string): T {
  form.dataset.keep = key;
  form.addEventListener('input', (event) => {
    const field = event.target as HTMLElement;
    if (field.id) field.dataset.edited = 'true';
  });
  return form;
}

/** Reads the edited fields of the form in `root` whose key is `key` (nothing when there is none). */
export function readKept(root: ParentNode, key: string): KeptInput | undefined {
  const form = [...root.querySelectorAll<HTMLElement>('[data-keep]')].find((el) => el.dataset.keep === key);
  if (!form) return undefined;
  const values = new Map<string, string>();
  for (const field of form.querySelectorAll<Field>('[data-edited]')) values.set(field.id, field.value);
  const active = document.activeElement as Field | null;
  if (!active?.id || !form.contains(active)) return { values };
  const text = active instanceof HTMLSelectElement ? null : active;
  return { values, focus: { id: active.id, start: text?.selectionStart ?? null, end: text?.selectionEnd ?? null } };
}

/** Puts kept values into the fields of `form` (already in the page), marks them edited, and restores the focus. */
export function restoreKept(form: HTMLElement, kept: KeptInput | undefined): void {
  if (!kept) return;
  for (const [id, value] of kept.values) {
    const field = form.querySelector<Field>(`#${CSS.escape(id)}`);
    if (!field) continue;
    field.value = value;
    field.dataset.edited = 'true';
  }
  if (!kept.focus) return;
  const field = form.querySelector<Field>(`#${CSS.escape(kept.focus.id)}`);
  field?.focus();
  if (field && !(field instanceof HTMLSelectElement) && kept.focus.start !== null) field.setSelectionRange(kept.focus.start, kept.focus.end);
}
