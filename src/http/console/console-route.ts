/**
 * `GET <context-path>/console/<module>.js`: the web console's scripts. No ChartMuseum route has two
 * segments whose last ends in `.js` (an index ends `index.yaml`, a download sits under `charts/`), so no
 * tenant path is shadowed. The scripts hold nothing secret and are served without authentication, like
 * `/health`; everything they fetch goes through the API's own checks.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { consoleAsset } from './console-assets.js';

const ASSET_PATH = /^\/console\/([a-z][a-z0-9-]*\.js)$/;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for console script requests, so metrics name them (`console`, `/console/:file`). */
    consoleAsset?: boolean;
  }
}

/** Whether the request (context path removed) asks for a console script. */
export function isConsoleAssetPath(method: string, path: string): boolean {
  return (method === 'GET' || method === 'HEAD') && ASSET_PATH.test(path);
}

/** Sends the script with an ETag (304 when the browser's copy is current); 404 `{"error":"not found"}` if unknown. */
export async function serveConsoleAsset(request: FastifyRequest, reply: FastifyReply, path: string): Promise<unknown> {
  request.consoleAsset = true;
  const name = ASSET_PATH.exec(path)?.[1] ?? '';
  const asset = await consoleAsset(name);
  if (!asset) return reply.code(404).type('application/json; charset=utf-8').send({ error: 'not found' });
  reply.header('etag', asset.etag).header('cache-control', 'no-cache');
  if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  return reply.type('text/javascript; charset=utf-8').send(request.method === 'HEAD' ? undefined : asset.body);
}
