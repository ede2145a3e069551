/**
 * The value-flag textareas of the install and upgrade forms (see value-flags.ts for what their lines
 * become): `--set` and `--set-string` in view, `--set-json` and `--set-literal` behind a disclosure.
 */
import { h } from './dom.js';
import { lines, VALUE_FLAG_KINDS, type ValueFlagKind, type ValueFlags } from './value-flags.js';

/** The fields (ids `<prefix>-set`, `<prefix>-set-string`, `<prefix>-set-json`, `<prefix>-set-literal`) and a reader of their lines. */
export interface ValueFlagFields {
  elements: HTMLElement[];
  read: () => ValueFlags;
}

/** Builds the fields; `prefix` keeps ids unique when two forms share a page. */
export function valueFlagFields(prefix: string): ValueFlagFields {
  const areas = new Map<ValueFlagKind, HTMLTextAreaElement>();
  const labels = VALUE_FLAG_KINDS.map(({ key, flag, hint, example }) => {
    const id = `${prefix}-${flag.slice(2)}`;
    const area = h('textarea', { id, rows: key === 'set' ? 2 : 1, spellcheck: false, placeholder: example });
    areas.set(key, area);
    return h('label', { for: id }, `${flag}, one per line (${hint})`, area);
  });
  const [set, setString, ...more] = labels;
  return {
    elements: [set as HTMLElement, setString as HTMLElement, h('details', {}, h('summary', {}, 'More value flags'), ...more)],
    read: () => Object.fromEntries(VALUE_FLAG_KINDS.map(({ key }) => [key, lines(areas.get(key)?.value ?? '')])) as ValueFlags,
  };
}
