/**
 * Answers for requests Node's HTTP parser refuses before any route sees them, in ChartMuseum's error shape
 * rather than fastify's: a request line or headers over Node's 16 KiB limit (431), a request not fully
 * received within `--read-timeout` (408), and anything unparseable (400). The connection is then closed.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

const MESSAGES: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'request header fields too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request timeout: the request was not received within the read timeout'],
  HPE_URI_TOO_LONG: [414, 'request URI too long'],
};

/** fastify's `clientErrorHandler`: writes one JSON answer and closes the socket. */
export function handleClientError(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] = MESSAGES[err.code ?? ''] ?? [400, 'bad request: the request could not be parsed'];
  const body = JSON.stringify({ error: message });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy();
}
