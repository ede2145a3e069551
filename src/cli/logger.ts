import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/**
 * The server's logger: JSON lines with `--log-json`, otherwise one readable line per record
 * (`2026-11-25T20:00:00.000Z INFO request served method=GET path=/index.yaml status=200`).
 */
export function createLogger(options: { json: boolean; debug: boolean }): Logger {
  const level = options.debug ? 'debug' : 'info';
  if (options.json) return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
  return pino({ level, base: undefined }, new TextLines());
}

/** Turns pino's JSON records into text lines on stderr. */
class TextLines extends Writable {
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    for (const line of chunk.toString().split('\n')) {
      if (!line) continue;
      const { level, time, msg, ...rest } = JSON.parse(line) as Record<string, unknown>;
      const fields = Object.entries(rest)
        .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
        .join(' ');
      process.stderr.write(`${new Date(Number(time)).toISOString()} ${LEVEL_NAMES[Number(level)] ?? level} ${String(msg ?? '')}${fields ? ` ${fields}` : ''}\n`);
    }
    done();
  }
}
