/**
 * The server's text log lines: whatever a client puts in a user name or a path stays inside its own field,
 * so no request can write a line of its own into the audit log.
 */
import { describe, expect, it } from 'vitest';
import { textLine } from '../../src/cli/logger.js';

const time = Date.parse('2026-11-26T01:00:00.000Z');

describe('textLine', () => {
  it('writes plain values bare, as key=value after the time, level and message', () => {
    expect(textLine({ level: 30, time, msg: 'audit', reqId: 'r1', action: 'upload', tenant: 'class/alice', status: 201 }))
      .toBe('2026-11-26T01:00:00.000Z INFO audit reqId=r1 action=upload tenant=class/alice status=201');
    expect(textLine({ level: 40, time, msg: 'Storage is unavailable', error: 'connect ECONNREFUSED' }))
      .toBe('2026-11-26T01:00:00.000Z WARN Storage is unavailable error="connect ECONNREFUSED"');
  });

  it.each([
    ['a newline', 'x\n2026-11-26T01:00:00.000Z INFO audit action=delete user=teacher status=200'],
    ['a carriage return', 'x\rINFO forged'],
    ['a NUL byte', 'a\u0000b'],
    ['a forged field', 'alice user=teacher'],
    ['a quote and backslash', 'a"b\\c'],
    ['a line separator', 'a\u2028b'],
    ['a next-line character', 'a\u0085b'],
    ['nothing', ''],
  ])('quotes a value holding %s, keeping the record on one line', (_label, value) => {
    const line = textLine({ level: 30, time, msg: 'audit', attemptedUser: value, status: 401 });
    expect(line).not.toMatch(/[\n\r\u0000\u0085\u2028]/);
    expect(line).toBe(`2026-11-26T01:00:00.000Z INFO audit attemptedUser=${JSON.stringify(value).replace('\u2028', '\\u2028').replace('\u0085', '\\u0085')} status=401`);
  });

  it('quotes a message with control characters', () => {
    expect(textLine({ level: 50, time, msg: 'bad\nline' })).toBe('2026-11-26T01:00:00.000Z ERROR "bad\\nline"');
  });
});
