import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { freePort, PROJECT_ROOT } from './process.js';
import { tempDir } from './server.js';

/** The MinIO binary built by scripts/install-test-peers.sh, or undefined if it is not installed. */
export const MINIO_BIN: string | undefined = existsSync(join(PROJECT_ROOT, '.tools/bin/minio')) ? join(PROJECT_ROOT, '.tools/bin/minio') : undefined;

/** In CI (or with CHARTROOM_REQUIRE_PEERS=1) a missing MinIO fails the S3 suites instead of skipping them. */
export const IS_MINIO_REQUIRED = process.env.CI === 'true' || process.env.CHARTROOM_REQUIRE_PEERS === '1';

/** True when the S3 suites should be skipped: MinIO is absent and not required. */
export const SKIP_WITHOUT_MINIO = !MINIO_BIN && !IS_MINIO_REQUIRED;

const ACCESS_KEY = 'chartroom-test';
const SECRET_KEY = 'chartroom-test-secret';
const REGION = 'us-east-1';

export interface MinioServer {
  /** `http://127.0.0.1:<port>`, the S3 endpoint. */
  readonly endpoint: string;
  readonly credentials: { accessKeyId: string; secretAccessKey: string };
  /** The standard AWS variables for a child process that should reach this server through the SDK chain. */
  readonly awsEnv: Record<string, string>;
  /** An SDK client for arranging and inspecting test state directly (path-style, test credentials). */
  readonly client: S3Client;
  /** Creates a bucket. */
  createBucket(name: string): Promise<void>;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s), keeping its port and data folder for `restart`. */
  stop(): Promise<void>;
  /** Starts the server again on the same port and data folder, and waits until it is live. */
  restart(): Promise<void>;
  /** Suspends (SIGSTOP) or resumes (SIGCONT) the process: connections are accepted by the kernel but never answered. */
  freeze(): void;
  thaw(): void;
  /** Stops the server and removes its data folder. Safe to call twice. */
  cleanup(): Promise<void>;
}

/**
 * Starts a real MinIO on a free loopback port with a temporary data folder and waits for
 * `/minio/health/live`. With `kms`, a static SSE-S3 key is configured so `ServerSideEncryption: AES256` works.
 * Throws if MinIO is not installed (callers skip with `SKIP_WITHOUT_MINIO` first).
 */
export async function startMinio(options: { kms?: boolean } = {}): Promise<MinioServer> {
  if (!MINIO_BIN) throw new Error('minio is not installed: run scripts/install-test-peers.sh');
  const binary = MINIO_BIN;
  const data = await tempDir('chartroom-minio-');
  const port = await freePort();
  const consolePort = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MINIO_ROOT_USER: ACCESS_KEY,
    MINIO_ROOT_PASSWORD: SECRET_KEY,
    MINIO_UPDATE: 'off',
    ...(options.kms ? { MINIO_KMS_SECRET_KEY: `chartroom-test-key:${Buffer.alloc(32, 7).toString('base64')}` } : {}),
  };
  let child: ChildProcess | undefined;
  let output = '';

  const launch = async (): Promise<void> => {
    output = '';
    const proc = spawn(binary, ['server', data.path, '--quiet', '--address', `127.0.0.1:${port}`, '--console-address', `127.0.0.1:${consolePort}`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    proc.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child = proc;
    await waitUntilLive(endpoint, proc, () => output);
  };
  const stop = async (): Promise<void> => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((done) => proc.once('exit', () => done()));
    proc.kill('SIGCONT');
    proc.kill('SIGTERM');
    const killer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
  };

  await launch();
  const credentials = { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY };
  const client = new S3Client({ endpoint, region: REGION, forcePathStyle: true, credentials, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
  let cleaned = false;
  return {
    endpoint,
    credentials,
    awsEnv: { AWS_ACCESS_KEY_ID: ACCESS_KEY, AWS_SECRET_ACCESS_KEY: SECRET_KEY, AWS_REGION: REGION },
    client,
    createBucket: async (name) => {
      await client.send(new CreateBucketCommand({ Bucket: name }));
    },
    stop,
    restart: async () => {
      await stop();
      await launch();
    },
    freeze: () => child?.kill('SIGSTOP'),
    thaw: () => child?.kill('SIGCONT'),
    cleanup: async () => {
      if (cleaned) return;
      cleaned = true;
      client.destroy();
      await stop();
      await data.cleanup();
    },
  };
}

/** Polls the liveness endpoint until it answers 200; fails early if the process exits. */
async function waitUntilLive(endpoint: string, proc: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`minio exited early:\n${output()}`);
    try {
      const response = await fetch(`${endpoint}/minio/health/live`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`minio did not become live within 30 s:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
