/**
 * The hostile-input corpus: crafted archives and requests, all built here, each sent to one running server
 * (local storage, --depth 1, basic auth, --read-timeout 1). Every case must get a 4xx with a clear JSON
 * `{"error": …}`, leave storage byte for byte as it was (no chart, no journal record, no temporary file),
 * leave index.yaml unchanged, and leave the server answering.
 */
import { readdir, stat } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalStorage } from '../../src/storage/local.js';
import { buildChart, buildProvenance, tarball, type TarEntry } from '../helpers/charts.js';
import { multipartBody, tempDir, testServer, type TestServer } from '../helpers/server.js';

const AUTH = { authorization: `Basic ${Buffer.from('admin:pw').toString('base64')}` };
const chartYaml = (name = 'c', version = '1.0.0', extra = '') => `apiVersion: v2\nname: ${name}\nversion: ${version}\n${extra}`;
const archive = (entries: TarEntry[]) => gzipSync(tarball(entries));
const withChart = (...entries: TarEntry[]) => archive([{ path: 'c/Chart.yaml', data: chartYaml() }, ...entries]);
const aliasBomb = `a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n`;

interface Answer {
  status: number;
  body: string;
}

let server: TestServer;
let dir: { path: string; cleanup: () => Promise<void> };
let port: number;
let indexBefore: string;

const inject = async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: Buffer | string, headers: Record<string, string> = {}): Promise<Answer> => {
  const res = await server.app.inject({ method, url, payload, headers: { ...AUTH, ...(payload !== undefined ? { 'content-type': 'application/octet-stream' } : {}), ...headers } });
  return { status: res.statusCode, body: res.body };
};
const upload = (data: Buffer) => inject('POST', '/api/team/charts', data);
const multipart = (parts: { field: string; filename: string; data: Buffer }[]) => {
  const { payload, headers } = multipartBody(parts);
  return inject('POST', '/api/team/charts', payload, headers);
};

/** Sends raw bytes on a fresh connection (optionally trickled) and reads the answer until the server closes. */
function rawExchange(chunks: (string | Buffer)[], gapMs = 0): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let timer: NodeJS.Timeout | undefined;
    socket.on('data', (d) => (received += d.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (!match) return reject(new Error(`no HTTP answer: ${JSON.stringify(received.slice(0, 200))}`));
      resolve({ status: Number(match[1]), body: received.slice(received.indexOf('\r\n\r\n') + 4) });
    });
    socket.on('connect', () => {
      let i = 0;
      const next = (): void => {
        if (i >= chunks.length || socket.destroyed) return;
        socket.write(chunks[i++] as string | Buffer);
        timer = setTimeout(next, gapMs);
      };
      next();
    });
  });
}

/** Every file under the storage root with its size and modification time. */
async function storageSnapshot(): Promise<string[]> {
  const out: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else {
        const info = await stat(path);
        out.push(`${path.slice(dir.path.length)} ${info.size} ${info.mtimeMs}`);
      }
    }
  };
  await walk(dir.path);
  return out.sort();
}

const sixMiB = Buffer.alloc(6 * 1024 * 1024);
const fourMiB = Buffer.alloc(4 * 1024 * 1024);

/** [case, request, expected status, expected error text]. */
const CORPUS: [string, () => Promise<Answer>, number, RegExp][] = [
  // Compression and size
  ['gzip bomb (26 files of 4 MiB zeros, 100 KiB compressed)', () => upload(withChart(...Array.from({ length: 26 }, (_, i) => ({ path: `c/z${i}`, data: fourMiB })))), 400, /decompressed chart is larger than the maximum file size 104857600/],
  ['header claiming a 200 MiB file', () => upload(archive([{ path: 'c/Chart.yaml', data: chartYaml() }, { path: 'c/big', size: 200 * 1024 * 1024 }])), 400, /"c\/big" is larger than the maximum file size/],
  ['huge single file (6 MiB)', () => upload(withChart({ path: 'c/big', data: sixMiB })), 400, /"c\/big" is larger than the maximum file size 5242880/],
  ['too many entries (5001)', () => upload(withChart(...Array.from({ length: 5001 }, (_, i) => ({ path: `c/f${i}`, data: 'x' })))), 400, /more than 5000 entries/],
  ['tar bomb spreading over several top folders', () => upload(withChart({ path: 'etc/cron.d/x', data: 'x' }, { path: 'home/x', data: 'x' })), 400, /more than one top-level folder/],
  ['double gzip', () => upload(gzipSync(buildChart({ name: 'c', version: '1.0.0' }))), 400, /compressed twice/],
  ['zstd inside gzip', () => upload(gzipSync(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0, 0]))), 400, /compressed twice/],
  ['not gzip at all', () => upload(Buffer.from('#!/bin/sh\nrm -rf /\n')), 400, /not gzip-compressed/],
  ['empty body', () => upload(Buffer.alloc(0)), 400, /not gzip-compressed/],
  ['truncated gzip', () => upload(buildChart({ name: 'c', version: '1.0.0' }).subarray(0, 60)), 400, /gzip|tar/],
  ['gzip of random bytes', () => upload(gzipSync(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)))), 400, /tar|no files/],
  ['tar entry truncated mid-file', () => upload(gzipSync(tarball([{ path: 'c/Chart.yaml', data: chartYaml() }, { path: 'c/x', data: 'y'.repeat(4000) }]).subarray(0, 2048))), 400, /tar|truncated|unexpected/i],
  // Entry types and paths
  ['symlink to /etc/passwd', () => upload(withChart({ path: 'c/link', type: '2', linkpath: '/etc/passwd' })), 400, /symbolic link/],
  ['hard link', () => upload(withChart({ path: 'c/hard', type: '1', linkpath: 'c/Chart.yaml' })), 400, /hard link/],
  ['character device', () => upload(withChart({ path: 'c/tty', type: '3' })), 400, /device/],
  ['block device', () => upload(withChart({ path: 'c/sda', type: '4' })), 400, /device/],
  ['named pipe', () => upload(withChart({ path: 'c/fifo', type: '6' })), 400, /named pipe/],
  ['absolute path', () => upload(archive([{ path: '/etc/passwd', data: 'root' }])), 400, /absolute|outside/],
  ['absolute path below the top folder', () => upload(withChart({ path: 'c//etc/passwd', data: 'x' })), 400, /absolute paths/],
  ['.. escaping the top folder', () => upload(withChart({ path: 'c/../../evil', data: 'x' })), 400, /parent directory/],
  ['.. as the top folder', () => upload(archive([{ path: '../evil/Chart.yaml', data: chartYaml() }])), 400, /outside the base directory/],
  ['Windows drive path', () => upload(withChart({ path: 'c/c:/windows/x', data: 'x' })), 400, /illegally named/],
  ['no Chart.yaml', () => upload(archive([{ path: 'c/values.yaml', data: 'a: 1' }])), 400, /Chart.yaml file is missing/],
  // Chart.yaml content
  ['huge Chart.yaml (2 MiB)', () => upload(archive([{ path: 'c/Chart.yaml', data: chartYaml() + `#${'x'.repeat(2 * 1024 * 1024)}\n` }])), 400, /Chart.yaml" is larger than the maximum file size/],
  ['Chart.yaml that is not YAML', () => upload(archive([{ path: 'c/Chart.yaml', data: 'name: [c\nversion: {' }])), 400, /cannot load Chart.yaml/],
  ['Chart.yaml that is a list', () => upload(archive([{ path: 'c/Chart.yaml', data: '- name: c\n- version: 1.0.0\n' }])), 400, /cannot load Chart.yaml/],
  ['YAML alias bomb in Chart.yaml', () => upload(archive([{ path: 'c/Chart.yaml', data: chartYaml('c', '1.0.0', aliasBomb) }])), 400, /cannot load Chart.yaml/],
  ['Chart.yaml nested 50,000 flow levels deep', () => upload(archive([{ path: 'c/Chart.yaml', data: chartYaml('c', '1.0.0', `x: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`) }])), 400, /^cannot load Chart.yaml: exceeded max depth of 400$/],
  ['Chart.yaml nested 5,000 block levels deep', () => upload(archive([{ path: 'c/Chart.yaml', data: chartYaml('c', '1.0.0', `x:\n${'- '.repeat(5000)}1\n`) }])), 400, /^cannot load Chart.yaml: exceeded max depth of 400$/],
  ['values.yaml nested 50,000 flow levels deep', () => upload(withChart({ path: 'c/values.yaml', data: `x: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n` })), 400, /^cannot load values.yaml: error converting YAML to JSON: yaml: exceeded max depth of 400$/],
  ['YAML alias bomb in values.yaml', () => upload(withChart({ path: 'c/values.yaml', data: aliasBomb })), 400, /^cannot load values.yaml: /],
  ['values.yaml that is not YAML', () => upload(withChart({ path: 'c/values.yaml', data: 'a: [\n' })), 400, /^cannot load values.yaml: error converting YAML to JSON: yaml: /],
  ['values.yaml that is a string', () => upload(withChart({ path: 'c/values.yaml', data: 'hello\n' })), 400, /^cannot load values.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type map\[string\]interface \{\}$/],
  ['values.yaml that is a list', () => upload(withChart({ path: 'c/values.yaml', data: '- a\n' })), 400, /^cannot load values.yaml: error unmarshaling JSON/],
  ['duplicate keys in Chart.yaml', () => upload(archive([{ path: 'c/Chart.yaml', data: 'name: c\nname: evil\nversion: 1.0.0\n' }])), 400, /cannot load Chart.yaml/],
  ['binary garbage in Chart.yaml', () => upload(archive([{ path: 'c/Chart.yaml', data: Buffer.from([0, 1, 2, 0xff, 0xfe, 0x7f, 0x1b]) }])), 400, /Chart.yaml|chart.metadata/],
  ['name different from the top folder', () => upload(archive([{ path: 'c/Chart.yaml', data: chartYaml('other') }])), 400, /top folder "c" does not match the chart name "other"/],
  ['name with a path in it', () => upload(archive([{ path: 'c/Chart.yaml', data: chartYaml('../c') }])), 400, /name "..\/c" is invalid/],
  ['missing name', () => upload(archive([{ path: 'c/Chart.yaml', data: 'apiVersion: v2\nversion: 1.0.0\n' }])), 400, /chart.metadata.name is required/],
  ['missing version', () => upload(archive([{ path: 'c/Chart.yaml', data: 'apiVersion: v2\nname: c\n' }])), 400, /chart.metadata.version is required/],
  ['non-SemVer version "waps"', () => upload(archive([{ path: 'c/Chart.yaml', data: chartYaml('c', 'waps') }])), 400, /version "waps" is invalid/],
  ['non-SemVer version "1.0.0.0"', () => upload(archive([{ path: 'c/Chart.yaml', data: chartYaml('c', '1.0.0.0') }])), 400, /version "1.0.0.0" is invalid/],
  ['version with a path in it', () => upload(archive([{ path: 'c/Chart.yaml', data: chartYaml('c', '1.0.0/../../x') }])), 400, /is invalid/],
  ['unknown chart type', () => upload(archive([{ path: 'c/Chart.yaml', data: chartYaml('c', '1.0.0', 'type: plugin\n') }])), 400, /type must be application or library/],
  // Provenance
  ['garbage provenance (raw)', () => inject('POST', '/api/team/prov', Buffer.from('not a signature')), 400, /invalid provenance file/],
  ['provenance naming ../../x', () => inject('POST', '/api/team/prov', buildProvenance('../../x', '1.0.0')), 400, /improperly formatted/],
  ['garbage provenance next to a valid chart (multipart)', () => multipart([{ field: 'chart', filename: 'c.tgz', data: buildChart({ name: 'c', version: '1.0.0' }) }, { field: 'prov', filename: 'c.prov', data: Buffer.from('garbage') }]), 400, /invalid provenance file/],
  // Multipart
  ['multipart with 300 parts', () => multipart(Array.from({ length: 300 }, (_, i) => ({ field: `f${i}`, filename: `f${i}`, data: Buffer.from('x') }))), 413, /at most 20 parts/],
  ['multipart with a bad boundary', () => inject('POST', '/api/team/charts', 'garbage', { 'content-type': 'multipart/form-data; boundary=xyz' }), 400, /malformed multipart body/],
  ['multipart without a boundary', () => inject('POST', '/api/team/charts', 'garbage', { 'content-type': 'multipart/form-data' }), 400, /malformed multipart body/],
  ['multipart without a chart field', () => multipart([{ field: 'other', filename: 'x', data: buildChart({ name: 'c', version: '1.0.0' }) }]), 400, /no package or provenance file found/],
  // Tenant segments and URLs
  // (sent on the wire: an HTTP client library would resolve %2e%2e away before sending)
  ['tenant %2e%2e', () => rawExchange([`GET /%2e%2e/index.yaml HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: ${AUTH.authorization}\r\n\r\n`]), 400, /invalid repository path segment/],
  ['tenant ..', () => rawExchange([`POST /api/../charts HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: ${AUTH.authorization}\r\nContent-Length: 2\r\n\r\nxx`]), 400, /invalid repository path segment/],
  ['tenant with an encoded slash', () => inject('POST', '/api/a%2Fb/charts', buildChart({ name: 'c', version: '1.0.0' })), 400, /encoded slash/],
  ['tenant with an encoded backslash', () => inject('GET', '/a%5C..%5Cb/index.yaml'), 400, /encoded slash/],
  ['dot-leading tenant (.chartroom)', () => inject('GET', '/.chartroom/index.yaml'), 400, /invalid repository path segment/],
  ['double-encoded dots', () => inject('POST', '/api/%252e%252e/charts', buildChart({ name: 'c', version: '1.0.0' })), 400, /invalid repository path segment/],
  ['NUL in a tenant', () => inject('GET', '/a%00b/index.yaml'), 400, /invalid repository path segment/],
  ['overlong tenant segment', () => inject('GET', `/${'t'.repeat(300)}/index.yaml`), 400, /invalid repository path segment/],
  ['invalid percent-encoding', () => inject('GET', '/%zz/index.yaml'), 400, /malformed URL/],
  ['download outside the tenant folder', () => inject('GET', '/team/charts/..%2F..%2Fetc%2Fpasswd'), 400, /encoded slash/],
  // Requests on the wire
  ['overlong URL (20 KiB)', () => rawExchange([`GET /team/${'a'.repeat(20 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`]), 431, /request header fields too large/],
  ['overlong header (20 KiB)', () => rawExchange([`GET /team/index.yaml HTTP/1.1\r\nHost: x\r\nX-Junk: ${'j'.repeat(20 * 1024)}\r\n\r\n`]), 431, /request header fields too large/],
  ['overlong Authorization header', () => rawExchange([`GET /team/index.yaml HTTP/1.1\r\nHost: x\r\nAuthorization: Basic ${'A'.repeat(20 * 1024)}\r\n\r\n`]), 431, /request header fields too large/],
  ['garbage request line', () => rawExchange(['\u0000\u0001 NOT HTTP\r\n\r\n']), 400, /could not be parsed/],
  ['Content-Length beyond --max-upload-size', () => rawExchange([`POST /api/team/charts HTTP/1.1\r\nHost: x\r\nAuthorization: ${AUTH.authorization}\r\nContent-Length: 999999999\r\n\r\nxx`]), 413, /request too large/],
  ['slow body (one byte per 100 ms)', () => rawExchange([`POST /api/team/charts HTTP/1.1\r\nHost: x\r\nAuthorization: ${AUTH.authorization}\r\nContent-Length: 100000\r\n\r\n`, ...Array.from({ length: 60 }, () => 'x')], 100), 408, /request timeout/],
  ['slow headers (slowloris)', () => rawExchange(['GET /team/index.yaml HTTP/1.1\r\n', ...Array.from({ length: 60 }, (_, i) => `X-${i}: y\r\n`)], 100), 408, /request timeout/],
  ['credentials in a scheme nobody speaks', () => inject('POST', '/api/team/charts', buildChart({ name: 'c', version: '9.9.9' }), { authorization: 'Digest username="admin"' }), 401, /^unauthorized$/],
];

beforeAll(async () => {
  dir = await tempDir('chartroom-hostile-');
  server = await testServer({ depth: 1, basicAuthUser: 'admin', basicAuthPass: 'pw', readTimeout: 1 }, new LocalStorage(dir.path));
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  port = (server.app.server.address() as { port: number }).port;
  expect((await upload(buildChart({ name: 'good', version: '1.0.0' }))).status).toBe(201);
  indexBefore = (await inject('GET', '/team/index.yaml')).body;
}, 30_000);
afterAll(async () => {
  await server?.app.close();
  await dir?.cleanup();
});

describe('hostile input corpus', () => {
  it('has at least 40 cases', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CORPUS)('%s', async (_label, send, status, error) => {
    const before = await storageSnapshot();
    const answer = await send();
    expect(answer.status).toBe(status);
    const body = JSON.parse(answer.body) as { error?: unknown };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error).toMatch(error);
    expect(await storageSnapshot()).toEqual(before);
    expect((await inject('GET', '/team/index.yaml')).body).toBe(indexBefore);
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(await health.json()).toEqual({ healthy: true });
  }, 20_000);
});
