import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, helpText, loadConfig } from '../../src/config/load.js';
import { DEFAULTS, SETTINGS } from '../../src/config/settings.js';
import { run, PROJECT_ROOT } from '../helpers/process.js';
import { tempDir } from '../helpers/server.js';
import { buildChart } from '../helpers/charts.js';
import { LocalStorage } from '../../src/storage/local.js';
import YAML from 'yaml';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

function config(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const parsed = loadConfig(argv, env);
  if (parsed.kind !== 'config') throw new Error(`expected a config, got ${parsed.kind}`);
  return parsed.config;
}

describe('loadConfig', () => {
  it('defaults to port 8080 and local storage in ./storage', () => {
    expect(config([])).toEqual(DEFAULTS);
    expect(DEFAULTS.port).toBe(8080);
    expect(DEFAULTS.storageLocalRootdir).toBe('./storage');
  });

  it('reads ChartMuseum flags in every form, then env vars, then the YAML file', async () => {
    const dir = await tempDir();
    cleanups.push(dir.cleanup);
    const file = join(dir.path, 'chartmuseum.yaml');
    await writeFile(file, 'port: 9000\ndepth: 2\nstorage:\n  backend: local\n  local:\n    rootdir: /srv/charts\nallowoverwrite: true\ncontextpath: /x/\n');
    const fromFile = config(['-c', file]);
    expect(fromFile).toMatchObject({ port: 9000, depth: 2, storageLocalRootdir: '/srv/charts', allowOverwrite: true, contextPath: '/x' });
    const fromEnv = config(['--config', file], { PORT: '9100', ALLOW_OVERWRITE: 'false', CACHE_INTERVAL: '5m' });
    expect(fromEnv).toMatchObject({ port: 9100, allowOverwrite: false, cacheInterval: 300_000 });
    const fromFlags = config([`--config=${file}`, '--port', '9200', '-depth=1', '--allow-overwrite', '--cache-interval', '90s'], { PORT: '9100' });
    expect(fromFlags).toMatchObject({ port: 9200, depth: 1, allowOverwrite: true, cacheInterval: 90_000 });
    expect(config([], { CONFIG: file }).port).toBe(9000);
    expect(config(['--cors-alloworigin', '*']).corsAllowOrigin).toBe('*');
    expect(config([], { CORS_ALLOW_ORIGIN: 'https://a' }).corsAllowOrigin).toBe('https://a');
  });

  it.each([
    [['--nope'], 'flag provided but not defined: -nope'],
    [['--port', 'abc'], 'invalid value "abc" for --port: expected an integer'],
    [['--port'], 'flag needs an argument: --port'],
    [['--storage', 'garage'], 'Unsupported storage backend: garage'],
    [['--allow-overwrite=maybe'], 'invalid value "maybe" for --allow-overwrite: expected true or false'],
    [['--cache-interval', '5 minutes'], 'expected a duration'],
    [['--config', '/no/such/file.yaml'], 'config file not found: /no/such/file.yaml'],
    [['--tls-cert', 'a.pem'], '--tls-cert and --tls-key must be given together'],
    [['--context-path', '/a/../b'], 'invalid value "/a/../b" for --context-path'],
    [['--basic-auth-user', 'u'], '--basic-auth-user and --basic-auth-pass must be given together'],
    [['--basic-auth-pass', 'p'], '--basic-auth-user and --basic-auth-pass must be given together'],
    [['--bearer-auth'], 'Missing Auth Realm'],
    [['--bearer-auth', '--auth-realm', 'https://auth'], 'Missing Auth Service'],
    [['--bearer-auth', '--auth-realm', 'https://auth', '--auth-service', 'cm'], 'Missing Auth Server Public Cert Path'],
    [['--auth-max-failures', '-1'], '--auth-max-failures must not be negative'],
    [['--cache', 'redis'], 'the Redis cache (issue #3) is not available'],
    [['--storage', 'amazon'], 'Missing required flags(s): --storage-amazon-bucket, --storage-amazon-region'],
    [['--storage', 'amazon', '--storage-amazon-region', 'eu-west-1'], 'Missing required flags(s): --storage-amazon-bucket'],
    [['--storage', 'amazon', '--storage-amazon-bucket', 'b'], 'Missing required flags(s): --storage-amazon-region'],
    [['--storage', 'amazon', '--storage-amazon-bucket', 'b', '--storage-amazon-endpoint', 'ftp://minio:9000'], 'invalid value "ftp://minio:9000" for --storage-amazon-endpoint'],
    [['--storage', 'amazon', '--storage-amazon-bucket', 'b', '--storage-amazon-region', 'r', '--storage-amazon-prefix', 'a/../b'], 'invalid value "a/../b" for --storage-amazon-prefix'],
    [['--storage-amazon-force-path-style=sometimes'], 'invalid value "sometimes" for --storage-amazon-force-path-style: expected true or false'],
    [['stray'], 'unexpected argument: stray'],
    [['--sim-clock=wall'], 'invalid value "wall" for --sim-clock: expected one of real, virtual'],
  ])('rejects %j', (argv, message) => {
    expect(() => loadConfig(argv, {})).toThrow(ConfigError);
    expect(() => loadConfig(argv, {})).toThrow(message);
  });

  it("reads ChartMuseum's auth settings from flags, env vars and the YAML file under its keys", async () => {
    expect(config(['--basic-auth-user', 'u', '--basic-auth-pass', 'p', '--auth-anonymous-get'])).toMatchObject({ basicAuthUser: 'u', basicAuthPass: 'p', authAnonymousGet: true });
    expect(config([], { BASIC_AUTH_USER: 'u', BASIC_AUTH_PASS: 'p', AUTH_ANONYMOUS_GET: 'true' })).toMatchObject({ basicAuthUser: 'u', basicAuthPass: 'p', authAnonymousGet: true });
    const { path, cleanup } = await tempDir();
    try {
      const file = join(path, 'cm.yaml');
      await writeFile(file, 'basicauth:\n  user: u\n  pass: p\nbearerauth: 1\nauthrealm: https://auth/token\nauthservice: cm\nauthcertpath: /k.pem\nauthactionssearchpath: "access[].actions[]"\nauthusersfile: users.yaml\n');
      expect(config(['-c', file])).toMatchObject({
        basicAuthUser: 'u', basicAuthPass: 'p', bearerAuth: true, authRealm: 'https://auth/token', authService: 'cm',
        authCertPath: '/k.pem', authActionsSearchPath: 'access[].actions[]', authUsersFile: 'users.yaml',
      });
    } finally {
      await cleanup();
    }
    expect(config([])).toMatchObject({ authMaxFailures: 10, authLockout: 60_000 });
  });

  it('refuses to start when a ChartMuseum cache variable it cannot honour is set', () => {
    expect(() => loadConfig([], { CACHE_REDIS_ADDR: 'redis:6379' })).toThrow('CACHE_REDIS_ADDR is set, but the Redis cache (issue #3) is not available');
  });

  it("reads ChartMuseum's S3 settings from flags, env vars and the YAML file, with its defaults", async () => {
    expect(config(['--storage', 'amazon', '--storage-amazon-bucket', 'charts', '--storage-amazon-region', 'eu-west-1'])).toMatchObject({
      storage: 'amazon',
      storageAmazonBucket: 'charts',
      storageAmazonRegion: 'eu-west-1',
      storageAmazonPrefix: '',
      storageAmazonEndpoint: '',
      storageAmazonSse: '',
      storageAmazonForcePathStyle: true,
    });
    const fromEnv = config([], {
      STORAGE: 'amazon',
      STORAGE_AMAZON_BUCKET: 'b',
      STORAGE_AMAZON_PREFIX: '/team/charts/',
      STORAGE_AMAZON_ENDPOINT: 'minio.internal:9000',
      STORAGE_AMAZON_SSE: 'AES256',
      STORAGE_AMAZON_FORCE_PATH_STYLE: 'false',
    });
    // An endpoint alone implies us-east-1; one without a scheme is https; the prefix loses its slashes.
    expect(fromEnv).toMatchObject({ storageAmazonRegion: 'us-east-1', storageAmazonEndpoint: 'https://minio.internal:9000', storageAmazonPrefix: 'team/charts', storageAmazonSse: 'AES256', storageAmazonForcePathStyle: false });
    const dir = await tempDir();
    cleanups.push(dir.cleanup);
    const file = join(dir.path, 'chartmuseum.yaml');
    await writeFile(file, 'storage:\n  backend: amazon\n  amazon:\n    bucket: yb\n    prefix: p\n    region: ap-south-1\n    endpoint: http://127.0.0.1:9000\n    sse: aws:kms\n    forcepathstyle: false\n');
    expect(config(['-c', file])).toMatchObject({ storage: 'amazon', storageAmazonBucket: 'yb', storageAmazonPrefix: 'p', storageAmazonRegion: 'ap-south-1', storageAmazonEndpoint: 'http://127.0.0.1:9000', storageAmazonSse: 'aws:kms', storageAmazonForcePathStyle: false });
  });

  it('rejects a config file with the wrong extension or an unknown key', async () => {
    const dir = await tempDir();
    cleanups.push(dir.cleanup);
    await writeFile(join(dir.path, 'c.json'), '{}');
    expect(() => loadConfig(['-c', join(dir.path, 'c.json')], {})).toThrow('config file must have .yaml/.yml extension (or no extension)');
    await writeFile(join(dir.path, 'c.yaml'), 'prot: 1\n');
    expect(() => loadConfig(['-c', join(dir.path, 'c.yaml')], {})).toThrow('unknown key "prot"');
  });

  it('documents every setting in --help', () => {
    const help = helpText();
    for (const setting of SETTINGS) {
      expect(help).toContain(`--${setting.flag}`);
      expect(help).toContain(setting.env);
    }
  });
});

describe('chartroom command', () => {
  const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src/cli/main.ts'), ...args], { cwd: PROJECT_ROOT });

  it('prints help and version, and exits 2 on a bad flag', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--storage-local-rootdir');
    // The subcommands, one a line, before the server's flags.
    const commands = ['kubectl', 'sim', 'helm', 'template', 'user', 'token'].map((name) => help.stdout.search(new RegExp(`^  ${name} `, 'm')));
    expect(commands.every((at) => at > 0)).toBe(true);
    expect(Math.max(...commands)).toBeLessThan(help.stdout.indexOf('--storage-local-rootdir'));
    const version = await cli('--version');
    expect(version.stdout).toMatch(/^chartroom version \d+\.\d+\.\d+\n$/);
    const bad = await cli('--port', 'x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Error: invalid value "x" for --port');
    expect((await cli('frobnicate')).code).toBe(2);
    const noBucket = await cli('--storage=amazon', '--storage-amazon-endpoint', 'http://127.0.0.1:9');
    expect(noBucket.code).toBe(2);
    expect(noBucket.stderr).toContain('Error: Missing required flags(s): --storage-amazon-bucket\n');
  });

  it('prints the whole index with --gen-index (even when large and piped) and exits 0', async () => {
    const dir = await tempDir();
    cleanups.push(dir.cleanup);
    const empty = await cli('--gen-index', '--storage-local-rootdir', dir.path);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toMatch(/^apiVersion: v1\nentries: \{\}\n/);
    const storage = new LocalStorage(dir.path);
    const description = 'd'.repeat(2000);
    for (let i = 0; i < 60; i += 1) await storage.put(`c${i}-1.0.0.tgz`, buildChart({ name: `c${i}`, version: '1.0.0', chart: { description } }));
    const full = await cli('--gen-index', '--storage-local-rootdir', dir.path);
    expect(full.stdout.length).toBeGreaterThan(100_000);
    expect(Object.keys(YAML.parse(full.stdout).entries)).toHaveLength(60);
  });
});

describe('--sim-clock', () => {
  it('defaults to the real clock and accepts virtual from the flag or SIM_CLOCK', () => {
    const config = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
      const parsed = loadConfig(argv, env);
      return parsed.kind === 'config' ? parsed.config.simClock : undefined;
    };
    expect(config([])).toBe('real');
    expect(config(['--sim-clock=virtual'])).toBe('virtual');
    expect(config([], { SIM_CLOCK: 'virtual' })).toBe('virtual');
  });
});
