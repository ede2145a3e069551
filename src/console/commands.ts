/**
 * How the command pane spells what the page did, so that every line pastes into a POSIX shell and does
 * the same: repeated clock steps become one `chartroom sim advance` of their sum, and values typed in a
 * form travel on stdin (`-f -`) as a quoted heredoc, since the user has no values.yaml of the page's.
 */

const ADVANCE = /^chartroom sim advance (\d+(?:\.\d+)?)s((?: --cluster \S+)?)$/;

/**
 * The one command that does what `previous` then `next` do, or undefined when they do not merge: two
 * `chartroom sim advance <n>s` of the same cluster add up (the clock runs every timer due in between, in
 * order, either way).
 */
export function mergeCommands(previous: string, next: string): string | undefined {
  const a = ADVANCE.exec(previous);
  const b = ADVANCE.exec(next);
  if (!a || !b || a[2] !== b[2]) return undefined;
  const seconds = Math.round((Number(a[1]) + Number(b[1])) * 1000) / 1000;
  return `chartroom sim advance ${seconds}s${a[2] ?? ''}`;
}

/**
 * `command` reading values from stdin, followed by a quoted heredoc of `yaml` (no expansion happens
 * inside it); the delimiter is EOF unless a line of the values is EOF itself. Blank values: `command`.
 */
export function withValuesHeredoc(command: string, yaml: string): string {
  if (!yaml.trim()) return command;
  const text = yaml.replace(/\r\n/g, '\n').replace(/\n*$/, '\n');
  let marker = 'EOF';
  while (text.split('\n').includes(marker)) marker += '_';
  return `${command} -f - <<'${marker}'\n${text}${marker}`;
}
