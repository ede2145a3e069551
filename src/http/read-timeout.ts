/**
 * `--read-timeout` for request bodies. Node's `requestTimeout` stops clients that send their headers too
 * slowly, but once a request has been handed to the application a client trickling its body one byte at a
 * time is never cut off (measured on Node 20: a 100 kB upload at 10 bytes/s held its connection open past
 * a 1 s read timeout). So every request gets a timer from the moment its headers are in: if the body has
 * not fully arrived when it fires, the client gets `408 {"error":"request timeout: …"}` and the connection
 * is closed. The timer is cleared when the body ends or the response is sent.
 */
import type { FastifyInstance } from 'fastify';
import { handleClientError } from './client-errors.js';

/** Adds the hooks that enforce the body read timeout (`timeoutMs` 0 disables it). */
export function installBodyReadTimeout(app: FastifyInstance, timeoutMs: number): void {
  if (timeoutMs <= 0) return;
  const timers = new WeakMap<object, NodeJS.Timeout>();
  app.addHook('onRequest', async (request, reply) => {
    const raw = request.raw;
    if (raw.complete) return;
    const timer = setTimeout(() => {
      if (raw.complete || reply.sent || !raw.socket) return;
      const err = Object.assign(new Error('request body not received within the read timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' });
      handleClientError(err, raw.socket);
    }, timeoutMs);
    timer.unref();
    timers.set(request, timer);
    raw.once('end', () => clearTimeout(timer));
    raw.once('close', () => clearTimeout(timer));
  });
  app.addHook('onResponse', async (request) => clearTimeout(timers.get(request)));
}
