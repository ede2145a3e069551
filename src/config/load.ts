import { readFileSync, existsSync } from 'node:fs';
import { extname } from 'node:path';
import YAML from 'yaml';
import { DEFAULTS, SETTINGS, type ServerConfig, type Setting } from './settings.js';
import { parseGoDuration } from './duration.js';
import { assertValidFolder } from '../storage/keys.js';

/** A configuration the server refuses to start with. The CLI prints the message and exits with code 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * ChartMuseum settings Chartroom does not implement yet. Starting with one set is an error rather than a
 * silent downgrade.
 */
const NOT_YET_SUPPORTED: readonly { flag: string; env: string; issue: string }[] = [
  ...['cache', 'cache-redis-addr', 'cache-redis-password', 'cache-redis-db'].map((flag) => ({ flag, env: toEnv(flag), issue: 'the Redis cache (issue #3)' })),
];

/** The result of parsing a command line: a configuration, or a request for help or the version. */
export type ParsedArgs = { kind: 'config'; config: ServerConfig; notes: string[] } | { kind: 'help' } | { kind: 'version' };

/**
 * Resolves the server configuration from flags, then environment variables, then the YAML file given by
 * `--config`/`-c`/`CONFIG`, then defaults (ChartMuseum's precedence). Throws `ConfigError` for an unknown flag,
 * a bad value, a missing or misnamed config file, or an inconsistent combination.
 */
export function loadConfig(argv: readonly string[], env: NodeJS.ProcessEnv): ParsedArgs {
  const { values, configFile, wants } = parseFlags(argv);
  if (wants) return { kind: wants };
  const notes: string[] = [];
  const fromFile = configFile ?? env.CONFIG ? readConfigFile((configFile ?? env.CONFIG) as string) : {};
  const config = { ...DEFAULTS } as Record<string, unknown>;
  for (const setting of SETTINGS) {
    const raw = values.get(setting.flag) ?? env[setting.env] ?? fromFile[setting.yaml];
    if (raw === undefined) continue;
    config[setting.key] = convert(setting, raw);
    if (setting.deprecated) notes.push(`The configuration option ${setting.flag} has no effect in Chartroom`);
  }
  for (const unsupported of NOT_YET_SUPPORTED) {
    if (env[unsupported.env]) throw new ConfigError(`${unsupported.env} is set, but ${unsupported.issue} is not available in this version of Chartroom`);
  }
  return { kind: 'config', config: validate(config as unknown as ServerConfig, env), notes };
}

function parseFlags(argv: readonly string[]): { values: Map<string, string | true>; configFile?: string; wants?: 'help' | 'version' } {
  const values = new Map<string, string | true>();
  let configFile: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return { values, wants: 'help' };
    if (arg === '--version' || arg === '-v') return { values, wants: 'version' };
    const match = /^--?([a-z0-9-]+)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new ConfigError(`unexpected argument: ${arg}`);
    const name = match[1] as string;
    const inline = match[2];
    if (name === 'config' || name === 'c') {
      configFile = inline ?? argv[++i];
      if (configFile === undefined) throw new ConfigError(`flag needs an argument: --${name}`);
      continue;
    }
    const setting = SETTINGS.find((s) => s.flag === name);
    if (!setting) {
      const later = NOT_YET_SUPPORTED.find((u) => u.flag === name);
      throw new ConfigError(later ? `flag --${name}: ${later.issue} is not available in this version of Chartroom` : `flag provided but not defined: -${name}`);
    }
    if (setting.type === 'bool' && inline === undefined) {
      values.set(name, true);
    } else {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new ConfigError(`flag needs an argument: --${name}`);
      values.set(name, value);
    }
  }
  return { values, configFile };
}

function readConfigFile(path: string): Record<string, unknown> {
  if (!existsSync(path)) throw new ConfigError(`config file not found: ${path}`);
  const ext = extname(path);
  if (ext !== '' && ext !== '.yaml' && ext !== '.yml') throw new ConfigError('config file must have .yaml/.yml extension (or no extension)');
  let parsed: unknown;
  try {
    parsed = YAML.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`config file ${path} is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(`config file ${path} must be a YAML mapping`);
  const flat: Record<string, unknown> = {};
  flatten(parsed as Record<string, unknown>, '', flat);
  for (const key of Object.keys(flat)) {
    if (!SETTINGS.some((s) => s.yaml === key)) throw new ConfigError(`config file ${path}: unknown key ${JSON.stringify(key)}`);
  }
  return flat;
}

/** Turns `{tls: {cert: x}}` into `{'tls.cert': x}` while keeping already-dotted keys. */
function flatten(source: Record<string, unknown>, prefix: string, out: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) flatten(value as Record<string, unknown>, path, out);
    else out[path] = value;
  }
}

function convert(setting: Setting, raw: unknown): unknown {
  const text = raw === true ? 'true' : String(raw);
  const bad = (): ConfigError => new ConfigError(`invalid value ${JSON.stringify(text)} for --${setting.flag}: expected ${describe(setting)}`);
  switch (setting.type) {
    case 'bool': {
      if (/^(true|1|t|yes)$/i.test(text)) return true;
      if (/^(false|0|f|no|)$/i.test(text)) return false;
      throw bad();
    }
    case 'int': {
      if (!/^-?\d+$/.test(text.trim())) throw bad();
      return Number(text.trim());
    }
    case 'duration': {
      const ms = parseGoDuration(text.trim());
      if (ms === undefined) throw bad();
      return ms;
    }
    default:
      if (setting.choices && !setting.choices.includes(text)) {
        if (setting.key === 'storage') throw new ConfigError(`Unsupported storage backend: ${text}`);
        throw bad();
      }
      return text;
  }
}

function describe(setting: Setting): string {
  if (setting.type === 'bool') return 'true or false';
  if (setting.type === 'int') return 'an integer';
  if (setting.type === 'duration') return 'a duration such as 30s or 5m';
  return setting.choices ? `one of ${setting.choices.join(', ')}` : 'a string';
}

function validate(config: ServerConfig, env: NodeJS.ProcessEnv): ServerConfig {
  const fail = (message: string): never => {
    throw new ConfigError(message);
  };
  if (config.port < 0 || config.port > 65535) fail(`invalid value ${config.port} for --port: expected 0-65535`);
  if (config.depth < 0 || config.depth > 16) fail(`invalid value ${config.depth} for --depth: expected 0-16`);
  if (config.maxUploadSize <= 0) fail('--max-upload-size must be positive');
  for (const key of ['maxStorageObjects', 'perChartLimit', 'readTimeout', 'writeTimeout'] as const) {
    if (config[key] < 0) fail(`--${SETTINGS.find((s) => s.key === key)?.flag} must not be negative`);
  }
  if (Boolean(config.tlsCert) !== Boolean(config.tlsKey)) fail('--tls-cert and --tls-key must be given together');
  if (config.tlsCaCert && !config.tlsCert) fail('--tls-ca-cert needs --tls-cert and --tls-key');
  if (config.chartUrl && !/^https?:\/\/[^/]/.test(config.chartUrl)) fail(`invalid value ${JSON.stringify(config.chartUrl)} for --chart-url: expected an http(s) URL`);
  config.contextPath = normaliseContextPath(config.contextPath);
  validateAuth(config, fail);
  if (config.storage === 'local' && !config.storageLocalRootdir) fail('Missing required flags(s): --storage-local-rootdir');
  if (config.storage === 'amazon') validateAmazon(config, env, fail);
  return config;
}

/**
 * ChartMuseum's start-up checks for bearer auth (its messages), plus one of Chartroom's own: a basic-auth
 * user without a password (or the reverse) is refused, where ChartMuseum silently starts an open server.
 */
function validateAuth(config: ServerConfig, fail: (message: string) => never): void {
  if (config.bearerAuth) {
    if (!config.authRealm) fail('Missing Auth Realm');
    if (!config.authService) fail('Missing Auth Service');
    if (!config.authCertPath) fail('Missing Auth Server Public Cert Path');
  }
  if (Boolean(config.basicAuthUser) !== Boolean(config.basicAuthPass)) fail('--basic-auth-user and --basic-auth-pass must be given together');
  if (config.authMaxFailures < 0) fail('--auth-max-failures must not be negative');
}

/**
 * ChartMuseum's rules for `--storage=amazon`: bucket and region are required; the region may also come from
 * the SDK's own AWS_REGION / AWS_DEFAULT_REGION, and defaults to us-east-1 when an endpoint is given. The prefix
 * loses surrounding slashes; an endpoint without a scheme gets https:// (as the Go SDK assumed).
 */
function validateAmazon(config: ServerConfig, env: NodeJS.ProcessEnv, fail: (message: string) => never): void {
  config.storageAmazonRegion ||= env.AWS_REGION || env.AWS_DEFAULT_REGION || (config.storageAmazonEndpoint ? 'us-east-1' : '');
  const missing = [['storageAmazonBucket', 'storage-amazon-bucket'], ['storageAmazonRegion', 'storage-amazon-region']].filter(([key]) => !config[key as keyof ServerConfig]);
  if (missing.length > 0) fail(`Missing required flags(s): ${missing.map(([, flag]) => `--${flag}`).join(', ')}`);
  config.storageAmazonPrefix = config.storageAmazonPrefix.replace(/^\/+|\/+$/g, '');
  try {
    assertValidFolder(config.storageAmazonPrefix);
  } catch {
    fail(`invalid value ${JSON.stringify(config.storageAmazonPrefix)} for --storage-amazon-prefix`);
  }
  if (config.storageAmazonEndpoint) {
    const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(config.storageAmazonEndpoint);
    const endpoint = hasScheme ? config.storageAmazonEndpoint : `https://${config.storageAmazonEndpoint}`;
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {
      url = undefined;
    }
    const validHost = url !== undefined && /^([A-Za-z0-9-]+\.)*[A-Za-z0-9-]+$|^\[[0-9A-Fa-f:.]+\]$/.test(url.hostname);
    const strayScheme = !hasScheme && config.storageAmazonEndpoint.includes('://');
    if (!url || !validHost || strayScheme || (url.protocol !== 'http:' && url.protocol !== 'https:')) fail(`invalid value ${JSON.stringify(config.storageAmazonEndpoint)} for --storage-amazon-endpoint: expected an http(s) URL`);
    config.storageAmazonEndpoint = endpoint;
  }
}

/** `x/y/` → `/x/y`; '' and '/' → ''. Rejects dot segments and characters outside a URL path. */
export function normaliseContextPath(path: string): string {
  const trimmed = path.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  const withSlash = trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  const segments = withSlash.slice(1).split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || !/^[A-Za-z0-9._~!$&'()*+,;=:@-]+$/.test(s))) {
    throw new ConfigError(`invalid value ${JSON.stringify(path)} for --context-path`);
  }
  return withSlash;
}

function toEnv(flag: string): string {
  return flag.toUpperCase().replaceAll('-', '_');
}

/** The `--help` text, generated from the settings table. */
export function helpText(): string {
  const lines = [
    'Usage: chartroom [serve] [flags]',
    '       chartroom COMMAND [args]',
    '',
    'Serves a Helm chart repository (ChartMuseum-compatible). With no flags: port 8080, local storage in ./storage.',
    '',
    'Commands (`chartroom kubectl --help` and `chartroom sim --help` list their own):',
    '  kubectl ARGS                             kubectl 1.32 commands against a running server\'s simulated cluster',
    '  sim advance|traffic ARGS                 move a simulated cluster\'s clock; send traffic through a Service',
    '  helm ARGS                                Helm commands (install, upgrade, rollback...) against a simulated cluster',
    '  template CHART [flags]                   render a chart locally, as helm template does',
    '  user add|remove NAME [flags]             manage the users file (--grant "push <pattern>", --cost N, --users-file FILE)',
    '  token create|revoke NAME [flags]         manage a user\'s API tokens (--name LABEL, --users-file FILE)',
    '',
    'Flags (each also readable from its environment variable, or a key of the --config YAML file):',
    '  -c, --config FILE                        ChartMuseum-style YAML config file (env CONFIG)',
  ];
  for (const s of SETTINGS) {
    const arg = s.type === 'bool' ? '' : ` ${s.type.toUpperCase()}`;
    const name = `      --${s.flag}${arg}`.padEnd(43);
    const def = DEFAULTS[s.key];
    const shown = s.type === 'duration' ? `${Number(def) / 1000}s` : JSON.stringify(def);
    lines.push(`${name}${s.help} (env ${s.env}, default ${shown})`);
  }
  lines.push('  -h, --help                               show this help', '  -v, --version                            print the version');
  return `${lines.join('\n')}\n`;
}
