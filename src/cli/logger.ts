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
    const { level, time, msg, ...rest } = JSON.parse(record) as Record<string, unknown>;
    let line = `${new Date(Number(time)).toISOString()} ${LEVEL_NAMES[Number(level)] ?? String(level)} ${String(msg ?? '')}`;
    for (const [key, value] of Object.entries(rest)) line += ` ${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`;
    this.pending.push(`${line}\n`);
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
