/**
 * The value flags of the install and upgrade forms: `--set`, `--set-string`, `--set-json` and
 * `--set-literal`, one flag value per line (`image.tag=1.27`, or several pairs joined by commas where Helm
 * allows it), sent to the release API as `values.set`, `values.setString`, `values.setJson`,
 * `values.setLiteral`, where Helm's own parsers read them; a bad pair comes back with Helm's message
 * (`failed parsing --set data: …`). A line is taken exactly as typed (Helm keeps blanks inside a value),
 * except a pasted carriage return; blank lines are skipped. The command line shows each line as its own
 * flag, quoted for a POSIX shell when it needs to be. No DOM here (value-flag-fields.ts draws the fields),
 * so the tests load it in Node. (`--set-file` is missing: the page would have to upload the files.)
 */

/** The kinds of value flag, in the order the command line lists them. */
export const VALUE_FLAG_KINDS = [
  { key: 'set', flag: '--set', hint: 'key=value', example: 'image.tag=1.27' },
  { key: 'setString', flag: '--set-string', hint: 'values stay strings', example: 'podAnnotations.build=0123' },
  { key: 'setJson', flag: '--set-json', hint: 'key=JSON', example: 'resources={"limits":{"cpu":"200m"}}' },
  { key: 'setLiteral', flag: '--set-literal', hint: 'the whole value as typed, commas included', example: 'motd=hello, world' },
] as const;

/** A kind's key in the release API's `values` (and here). */
export type ValueFlagKind = (typeof VALUE_FLAG_KINDS)[number]['key'];

/** What the fields hold: one entry per non-blank line, per kind. */
export type ValueFlags = Record<ValueFlagKind, string[]>;

/** The non-blank lines of a field, without the carriage return of a pasted CRLF. */
export function lines(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '');
}

/** The flags as they follow a `helm install|upgrade` command: ` --set a=1 --set-string 'b=x y'` ('' for none). */
export function valueFlagsText(flags: ValueFlags): string {
  return VALUE_FLAG_KINDS.flatMap(({ key, flag }) => flags[key].map((v) => ` ${flag} ${shellQuote(v)}`)).join('');
}

/** `text` as one POSIX shell word: as it is when it holds only safe characters, else in single quotes. */
export function shellQuote(text: string): string {
  if (/^[\w@%+=:,./-]+$/.test(text)) return text;
  return `'${text.replaceAll("'", `'"'"'`)}'`;
}
