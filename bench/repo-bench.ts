/**
 * Repository benchmark: measures a chart server started by a command line, so Chartroom and ChartMuseum
 * run through the same harness side by side. Not part of `npm test`.
 *
 *   node --import tsx bench/repo-bench.ts [--sizes 100,1000,10000] [--samples 40] [--seconds 5]
 *       [--label chartroom] [--start 'node dist/cli/main.js --port {port} --storage-local-rootdir {storage}']
 *       [--replicas 1] [--preload files|api] [--minio]
 *
 * For each N it puts N synthetic charts into a fresh storage folder (`files`, written before the server
 * starts and indexed by it) or uploads them through the API (`api`, for S3: the start command may use
 * `{prefix}`, a fresh key prefix per run), starts `--replicas` servers on one storage, then prints:
 * upload-to-visible latency p50/p99 (POST to the first replica, poll GET /api/charts/<name>/<version> on the
 * second until 200), GET /index.yaml requests/s and MB/s, 304 requests/s, chart download requests/s (spread
 * over the replicas), the servers' CPU time per request, restart-to-complete-index time of the first replica
 * and its peak RSS (VmHWM). `--minio` starts a real MinIO and runs Chartroom on S3 against it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildChart } from '../test/helpers/charts.js';
import { freePort } from '../test/helpers/process.js';
import { startMinio, type MinioServer } from '../test/helpers/minio.js';

interface Options {
  replicas: number;
  preload: 'files' | 'api';
  sizes: number[];
  samples: number;
  seconds: number;
  label: string;
  start: string;
  concurrency: number;
}

/** Keep-alive connections to the server under test; replaced whenever the server is restarted. */
let agent = new Agent({ keepAlive: true, maxSockets: 64 });

function resetConnections(): void {
  agent.destroy();
  agent = new Agent({ keepAlive: true, maxSockets: 64 });
}

function parseOptions(argv: string[]): Options {
  const get = (flag: string, fallback: string): string => {
    const i = argv.indexOf(flag);
    return i >= 0 && argv[i + 1] !== undefined ? (argv[i + 1] as string) : fallback;
  };
  const preload = get('--preload', 'files');
  if (preload !== 'files' && preload !== 'api') throw new Error('--preload must be files or api');
  return {
    replicas: Number(get('--replicas', '1')),
    preload,
    sizes: get('--sizes', '100,1000,10000').split(',').map(Number),
    samples: Number(get('--samples', '40')),
    seconds: Number(get('--seconds', '5')),
    label: get('--label', 'chartroom'),
    start: get('--start', `${process.execPath} dist/cli/main.js --port {port} --listen-host 127.0.0.1 --storage-local-rootdir {storage}`),
    concurrency: Number(get('--concurrency', '16')),
  };
}

interface Response {
  status: number;
  bytes: number;
  headers: Record<string, string | string[] | undefined>;
}

function http(url: string, method = 'GET', body?: Buffer, headers: Record<string, string> = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: body ? { ...headers, 'content-length': String(body.length) } : headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Extra environment for the servers (the MinIO credentials in `--minio` mode). */
const serverEnv: Record<string, string> = {};

function startServer(command: string, port: number, storage: string): ChildProcess {
  const line = command.replaceAll('{port}', String(port)).replaceAll('{storage}', storage);
  return spawn('sh', ['-c', `exec ${line}`], { stdio: process.env.BENCH_DEBUG ? 'inherit' : 'ignore', env: { ...process.env, ...serverEnv } });
}

async function waitForIndex(base: string, expected: number, deadlineMs = 600_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    try {
      const res = await http(`${base}/api/charts/bench-chart-0/1.0.0`);
      if (res.status === 200 || expected === 0) {
        const all = await countVersions(base);
        if (all >= expected) return;
      }
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error('server did not index the charts in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function countVersions(base: string): Promise<number> {
  const text = await new Promise<string>((resolve, reject) => {
    request(`${base}/index.yaml`, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString()));
    }).on('error', reject).end();
  });
  return (text.match(/^ {2}- /gm) ?? []).length;
}

/** Runs `fn` from `concurrency` loops for `seconds`; returns requests/s and MB/s. */
async function throughput(seconds: number, concurrency: number, fn: () => Promise<Response>): Promise<{ rps: number; mbps: number }> {
  const until = Date.now() + seconds * 1000;
  let count = 0;
  let bytes = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const res = await fn();
        count += 1;
        bytes += res.bytes;
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { rps: count / elapsed, mbps: bytes / elapsed / 1e6 };
}

/** Uploads through `base` and polls `reader` (another replica, when there are several) until it shows the chart. */
async function uploadLatency(base: string, reader: string, samples: number): Promise<{ p50: number; p99: number }> {
  const latencies: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const name = `bench-new-${i}`;
    const chart = buildChart({ name, version: '1.0.0' });
    const started = process.hrtime.bigint();
    const res = await http(`${base}/api/charts`, 'POST', chart, { 'content-type': 'application/octet-stream' });
    if (res.status !== 201) throw new Error(`upload failed with ${res.status}`);
    while ((await http(`${reader}/api/charts/${name}/1.0.0`)).status !== 200) await new Promise((r) => setTimeout(r, 1));
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  latencies.sort((a, b) => a - b);
  const pick = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] as number;
  return { p50: pick(0.5), p99: pick(0.99) };
}

function peakRss(pid: number | undefined): Promise<number> {
  return readFile(`/proc/${pid}/status`, 'utf8').then((s) => Number(/VmHWM:\s+(\d+)/.exec(s)?.[1] ?? 0) / 1024, () => 0);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Runs a throughput phase and also reports the servers' CPU time per request (robust to a busy machine). */
async function measured(servers: ChildProcess[], options: Options, fn: (i: number) => Promise<Response>): Promise<{ rps: number; mbps: number; cpuUs: number }> {
  const before = servers.reduce((sum, s) => sum + cpuSeconds(s.pid), 0);
  let i = 0;
  let requests = 0;
  const result = await throughput(options.seconds, options.concurrency, () => {
    requests += 1;
    return fn((i += 1));
  });
  const used = servers.reduce((sum, s) => sum + cpuSeconds(s.pid), 0) - before;
  return { ...result, cpuUs: (used * 1e6) / Math.max(1, requests) };
}

async function preload(options: Options, n: number, storage: string, base: string): Promise<void> {
  const perChart = Math.max(1, Math.ceil(n / 100));
  const charts = Array.from({ length: n }, (_, i) => {
    const name = `bench-chart-${i % Math.ceil(n / perChart)}`;
    const version = `1.${Math.floor(i / Math.ceil(n / perChart))}.0`;
    return { name, version };
  });
  if (options.preload === 'files') {
    for (const { name, version } of charts) await writeFile(join(storage, `${name}-${version}.tgz`), buildChart({ name, version }));
    return;
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < charts.length) {
        const { name, version } = charts[next++] as { name: string; version: string };
        const res = await http(`${base}/api/charts`, 'POST', buildChart({ name, version }), { 'content-type': 'application/octet-stream' });
        if (res.status !== 201) throw new Error(`preload upload failed with ${res.status}`);
      }
    }),
  );
}

async function benchSize(options: Options, n: number): Promise<Record<string, string>> {
  const storage = await mkdtemp(join(tmpdir(), 'chartroom-bench-'));
  const prefix = `bench-${process.pid}-${n}-${Date.now()}`;
  const command = options.start.replaceAll('{prefix}', prefix);
  const ports = await Promise.all(Array.from({ length: options.replicas }, () => freePort()));
  const bases = ports.map((port) => `http://127.0.0.1:${port}`);
  const base = bases[0] as string;
  const servers: ChildProcess[] = [];
  try {
    if (options.preload === 'files') await preload(options, n, storage, base);
    for (const port of ports) servers.push(startServer(command, port, storage));
    if (options.preload === 'api') {
      await waitForIndex(base, 0);
      await preload(options, n, storage, base);
    }
    for (const b of bases) await waitForIndex(b, n);
    const reader = bases[options.replicas > 1 ? 1 : 0] as string;
    const latency = await uploadLatency(base, reader, options.samples);
    const index = await measured(servers, options, (i) => http(`${bases[i % bases.length]}/index.yaml`));
    const etag = String((await http(`${base}/index.yaml`)).headers.etag ?? '');
    const notModified = etag ? await measured(servers, options, (i) => http(`${bases[i % bases.length]}/index.yaml`, 'GET', undefined, { 'if-none-match': etag })) : undefined;
    const download = await measured(servers, options, (i) => http(`${bases[i % bases.length]}/charts/bench-chart-0-1.0.0.tgz`));
    const rss = await peakRss(servers[0]?.pid);
    await stop(servers[0] as ChildProcess);
    resetConnections();
    const restartStarted = process.hrtime.bigint();
    servers[0] = startServer(command, ports[0] as number, storage);
    await waitForIndex(base, n + options.samples);
    const restart = Number(process.hrtime.bigint() - restartStarted) / 1e6;
    return {
      server: options.label,
      replicas: String(options.replicas),
      N: String(n),
      'upload→visible p50 ms': latency.p50.toFixed(1),
      'p99 ms': latency.p99.toFixed(1),
      'index req/s': index.rps.toFixed(0),
      'index MB/s': index.mbps.toFixed(1),
      'index CPU µs/req': index.cpuUs.toFixed(0),
      '304 req/s': notModified ? notModified.rps.toFixed(0) : 'n/a (no ETag)',
      'download req/s': download.rps.toFixed(0),
      'download CPU µs/req': download.cpuUs.toFixed(0),
      'restart→full index ms': restart.toFixed(0),
      'peak RSS MB': rss.toFixed(0),
    };
  } finally {
    await Promise.all(servers.map(stop));
    resetConnections();
    await rm(storage, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = parseOptions(argv);
  let minio: MinioServer | undefined;
  if (argv.includes('--minio')) {
    // S3 mode: a real MinIO (built by scripts/install-test-peers.sh), Chartroom on a fresh prefix per size.
    minio = await startMinio();
    await minio.createBucket('bench');
    Object.assign(serverEnv, minio.awsEnv);
    options.preload = 'api';
    if (!argv.includes('--start')) {
      options.start = `${process.execPath} dist/cli/main.js --port {port} --listen-host 127.0.0.1 --storage=amazon --storage-amazon-bucket bench --storage-amazon-prefix {prefix} --storage-amazon-endpoint ${minio.endpoint}`;
    }
    options.label = `${options.label} (MinIO)`;
  }
  const rows: Record<string, string>[] = [];
  for (const n of options.sizes) {
    const row = await benchSize(options, n);
    rows.push(row);
    process.stderr.write(`${JSON.stringify(row)}\n`);
  }
  const columns = Object.keys(rows[0] ?? {});
  console.log(`| ${columns.join(' | ')} |`);
  console.log(`|${columns.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${columns.map((c) => row[c]).join(' | ')} |`);
  agent.destroy();
  await minio?.cleanup();
}

void main();
