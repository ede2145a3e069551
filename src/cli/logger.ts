import pino, { type Logger } from 'pino';

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/**
 * The server's logger: JSON lines with `--log-json`, otherwise one readable line per record
 * (`2026-11-25T20:00:00.000Z INFO request served method=GET path=/index.yaml status=200`), on stderr.
 */
export function createLogger(options: { json: boolean; debug: boolean }): Logger {
  const level = options.debug ? 'debug' : 'info';
  if (options.json) return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
  return pino({ level, base: undefined }, new TextLines());
}

/** A string that can stand bare after `key=`: no space, quote, `=`, backslash or control character. */
const BARE = /^[^\s"=\\\p{Cc}\u2028\u2029]+$/u;

/**
 * One pino record as a text line: time, level, message, then `key=value` pairs. A value that holds a space,
 * quote, `=` or any control character is written JSON-quoted, so nothing a client sends (a user name or a
 * path with a newline or NUL in it) can start a line of its own or forge a field.
 */
export function textLine(record: Record<string, unknown>): string {
  const { level, time, msg, ...rest } = record;
  const message = String(msg ?? '');
  let line = `${new Date(Number(time)).toISOString()} ${LEVEL_NAMES[Number(level)] ?? String(level)} ${BARE.test(message.replaceAll(' ', '_')) ? message : quoted(message)}`;
  for (const [key, value] of Object.entries(rest)) {
    line += ` ${key}=${typeof value === 'string' && BARE.test(value) ? value : quoted(value)}`;
  }
  return line;
}

/** JSON text of `value`, with the line and paragraph separators JSON leaves raw escaped too. */
function quoted(value: unknown): string {
  return String(JSON.stringify(value)).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Turns pino's JSON records into text lines. Lines are batched and written once per event-loop turn: a
 * synchronous write per request would cap a busy server at a few thousand requests per second.
 */
class TextLines {
  private pending: string[] = [];
  private scheduled = false;

  constructor() {
    process.once('exit', () => this.flush());
  }

  write(record: string): boolean {
    this.pending.push(`${textLine(JSON.parse(record) as Record<string, unknown>)}\n`);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    return true;
  }

  private flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    process.stderr.write(text);
  }
}
