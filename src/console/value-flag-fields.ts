/**
 * The `--set` and `--set-string` textareas of the install and upgrade forms (see value-flags.ts for what
 * their lines become).
 */
import { h } from './dom.js';
import { lines, type ValueFlags } from './value-flags.js';

/** The two textareas (ids `<prefix>-set`, `<prefix>-set-string`) and a reader of their lines. */
export interface ValueFlagFields {
  elements: HTMLElement[];
  read: () => ValueFlags;
}

/** Builds the fields; `prefix` keeps ids unique when two forms share a page. */
export function valueFlagFields(prefix: string): ValueFlagFields {
  const set = h('textarea', { id: `${prefix}-set`, rows: 2, spellcheck: false, placeholder: 'image.tag=1.27' });
  const setString = h('textarea', { id: `${prefix}-set-string`, rows: 1, spellcheck: false, placeholder: 'podAnnotations.build=0123' });
  return {
    elements: [
      h('label', { for: `${prefix}-set` }, '--set, one per line (key=value)', set),
      h('label', { for: `${prefix}-set-string` }, '--set-string, one per line (values stay strings)', setString),
    ],
    read: () => ({ set: lines(set.value), setString: lines(setString.value) }),
  };
}
