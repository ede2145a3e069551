/**
 * The `--set` and `--set-string` fields of the install and upgrade forms: one flag value per line
 * (`image.tag=1.27`, or several pairs joined by commas as Helm allows), sent to the release API as
 * `values.set` / `values.setString`, where Helm's own parser reads them; a bad pair comes back with Helm's
 * message (`failed parsing --set data: …`). The command line shows each line as its own flag, quoted for
 * a POSIX shell when it needs to be.
 */
import { h } from './dom.js';

/** What the fields hold: one entry per non-empty line. */
export interface ValueFlags {
  set: string[];
  setString: string[];
}

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

/** The non-empty lines of a field, each trimmed of a trailing carriage return and surrounding blanks. */
export function lines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

/** The flags as they follow a `helm install|upgrade` command: ` --set a=1 --set-string 'b=x y'` ('' for none). */
export function valueFlagsText(flags: ValueFlags): string {
  return [...flags.set.map((v) => ` --set ${shellQuote(v)}`), ...flags.setString.map((v) => ` --set-string ${shellQuote(v)}`)].join('');
}

/** `text` as one POSIX shell word: as it is when it holds only safe characters, else in single quotes. */
export function shellQuote(text: string): string {
  if (/^[\w@%+=:,./-]+$/.test(text)) return text;
  return `'${text.replaceAll("'", `'"'"'`)}'`;
}
