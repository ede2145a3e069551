import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { ByteRange } from '../../storage/backend.js';
import type { IndexDocument } from '../../repo/tenant-index.js';
import { HttpError } from '../errors.js';
import type { RouteContext } from '../context.js';

const gzipAsync = promisify(gzip);
const gzipped = new WeakMap<IndexDocument, Promise<Buffer>>();

/**
 * `GET|HEAD <r>/index.yaml`: prepared bytes with a strong ETag; 304 on a matching `If-None-Match`;
 * gzip only when the client asks (Helm does not), compressed once per index generation.
 */
export async function serveIndex({ request, reply, folder, deps }: RouteContext): Promise<unknown> {
  const tenant = await deps.repository.tenant(folder);
  const document = tenant.index.indexDocument();
  deps.metrics?.setServed(folder, tenant.index.names().length, tenant.index.size);
  reply.header('etag', document.etag).header('vary', 'Accept-Encoding').header('cache-control', 'no-cache');
  reply.type('application/x-yaml');
  if (etagMatches(request.headers['if-none-match'], document.etag)) return reply.code(304).send();
  let body = document.body;
  if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    let compressed = gzipped.get(document);
    if (!compressed) {
      compressed = gzipAsync(document.body, { level: 6 });
      gzipped.set(document, compressed);
    }
    body = await compressed;
    reply.header('content-encoding', 'gzip');
  }
  reply.header('content-length', body.length);
  return request.method === 'HEAD' ? reply.send() : reply.send(body);
}

/**
 * `GET|HEAD <r>/charts/<file>`: a chart or provenance file, with ETag, Last-Modified, conditional 304 and
 * single byte ranges (206/416). Indexed archives up to 1 MiB are served from a shared in-memory cache;
 * others are streamed from storage, never buffered whole per request.
 */
export async function serveChartFile({ request, reply, match, folder, deps }: RouteContext): Promise<unknown> {
  const file = match.params.file as string;
  const type = file.endsWith('.tgz') ? 'application/x-tar' : file.endsWith('.tgz.prov') ? 'application/pgp-signature' : undefined;
  if (!type) throw new HttpError(404, 'unsupported file extension');
  if (file.startsWith('.')) throw new HttpError(404, 'object not found');
  // Small indexed archives come from memory; everything else is streamed: one open for GET (its metadata
  // comes from the open file), one stat for HEAD.
  const cached = type === 'application/x-tar' ? await deps.repository.cachedArchive(folder, file) : undefined;
  const opened = cached || request.method === 'HEAD' ? undefined : await deps.repository.openFile(folder, file);
  const info = cached?.info ?? opened?.info ?? (await deps.repository.statFile(folder, file));
  reply.header('etag', info.etag).header('last-modified', info.lastModified.toUTCString()).header('accept-ranges', 'bytes');
  reply.type(type);
  const ifRange = request.headers['if-range'];
  const range = parseRange(request.headers.range, info.size, typeof ifRange === 'string' ? ifRange : undefined, info.etag);
  const notModified = isNotModified(request.headers, info.etag, info.lastModified);
  if (notModified || range) opened?.body.destroy();
  if (notModified) return reply.code(304).send();
  if (range === 'unsatisfiable') {
    return reply.code(416).header('content-range', `bytes */${info.size}`).type('application/json; charset=utf-8').send({ error: 'requested range not satisfiable' });
  }
  const length = range ? range.end - range.start + 1 : info.size;
  reply.header('content-length', length);
  if (range) reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${info.size}`);
  if (request.method === 'HEAD') return reply.send();
  if (cached) return reply.send(range ? cached.data.subarray(range.start, range.end + 1) : cached.data);
  // A range needs its own stream; the whole file reuses the one already open.
  const body = range || !opened ? (await deps.repository.openFile(folder, file, range)).body : opened.body;
  return reply.send(body);
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed === etag || trimmed === `W/${etag}`;
  });
}

function isNotModified(headers: Record<string, string | string[] | undefined>, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (typeof ifNoneMatch === 'string') return etagMatches(ifNoneMatch, etag);
  const since = headers['if-modified-since'];
  if (typeof since === 'string') {
    const time = Date.parse(since);
    return !Number.isNaN(time) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(time / 1000);
  }
  return false;
}

/** Parses a single `bytes=` range; multiple ranges and a stale `If-Range` fall back to the whole file. */
function parseRange(header: string | undefined, size: number, ifRange: string | undefined, etag: string): ByteRange | 'unsatisfiable' | undefined {
  if (!header || (ifRange !== undefined && ifRange !== etag)) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
