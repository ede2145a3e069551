/**
 * The `--set` and `--set-string` fields of the install and upgrade forms: one flag value per line
 * (`image.tag=1.27`, or several pairs joined by commas as Helm allows), sent to the release API as
 * `values.set` / `values.setString`, where Helm's own parser reads them; a bad pair comes back with Helm's
 * message (`failed parsing --set data: …`). The command line shows each line as its own flag, quoted for
 * a POSIX shell when it needs to be. No DOM here (value-flag-fields.ts draws the fields), so the tests
 * load it in Node.
 */
/** What the fields hold: one entry per non-empty line. */
export interface ValueFlags {
  set: string[];
  setString: string[];
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
