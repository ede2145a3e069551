/**
 * Every setting of `chartroom serve`, in one table: its ChartMuseum flag, environment variable and YAML
 * config key, type, default and help. The CLI parser, `--help`, the config-file loader and the README's
 * configuration table are all generated from it.
 */

export type SettingType = 'string' | 'int' | 'bool' | 'duration';

export interface Setting {
  /** Property of `ServerConfig`. */
  key: keyof ServerConfig;
  /** Long flag without dashes, exactly as ChartMuseum spells it. */
  flag: string;
  env: string;
  /** Key in a ChartMuseum YAML config file (dots for nesting). */
  yaml: string;
  type: SettingType;
  help: string;
  choices?: readonly string[];
  /** Accepted for compatibility; setting it only logs a note. */
  deprecated?: boolean;
}

/** The resolved server configuration. Durations are milliseconds. */
export interface ServerConfig {
  port: number;
  listenHost: string;
  storage: string;
  storageLocalRootdir: string;
  storageAmazonBucket: string;
  storageAmazonPrefix: string;
  storageAmazonRegion: string;
  storageAmazonEndpoint: string;
  storageAmazonSse: string;
  storageAmazonForcePathStyle: boolean;
  depth: number;
  depthDynamic: boolean;
  contextPath: string;
  chartUrl: string;
  allowOverwrite: boolean;
  disableForceOverwrite: boolean;
  disableDelete: boolean;
  disableApi: boolean;
  disableStatefiles: boolean;
  maxUploadSize: number;
  maxStorageObjects: number;
  perChartLimit: number;
  indexLimit: number;
  chartPostFormFieldName: string;
  provPostFormFieldName: string;
  cacheInterval: number;
  enableMetrics: boolean;
  disableMetrics: boolean;
  logJson: boolean;
  logHealth: boolean;
  debug: boolean;
  readTimeout: number;
  writeTimeout: number;
  corsAllowOrigin: string;
  tlsCert: string;
  tlsKey: string;
  tlsCaCert: string;
  basicAuthUser: string;
  basicAuthPass: string;
  authAnonymousGet: boolean;
  bearerAuth: boolean;
  authRealm: string;
  authService: string;
  authCertPath: string;
  authActionsSearchPath: string;
  authUsersFile: string;
  authMaxFailures: number;
  authLockout: number;
  genIndex: boolean;
  simClock: string;
  simRenderTimeout: number;
  simMaxClusters: number;
}

export const DEFAULTS: ServerConfig = {
  port: 8080,
  listenHost: '0.0.0.0',
  storage: 'local',
  storageLocalRootdir: './storage',
  storageAmazonBucket: '',
  storageAmazonPrefix: '',
  storageAmazonRegion: '',
  storageAmazonEndpoint: '',
  storageAmazonSse: '',
  storageAmazonForcePathStyle: true,
  depth: 0,
  depthDynamic: false,
  contextPath: '',
  chartUrl: '',
  allowOverwrite: false,
  disableForceOverwrite: false,
  disableDelete: false,
  disableApi: false,
  disableStatefiles: false,
  maxUploadSize: 20 * 1024 * 1024,
  maxStorageObjects: 0,
  perChartLimit: 0,
  indexLimit: 0,
  chartPostFormFieldName: 'chart',
  provPostFormFieldName: 'prov',
  cacheInterval: 60_000,
  enableMetrics: false,
  disableMetrics: false,
  logJson: false,
  logHealth: false,
  debug: false,
  readTimeout: 30,
  writeTimeout: 30,
  corsAllowOrigin: '',
  tlsCert: '',
  tlsKey: '',
  tlsCaCert: '',
  basicAuthUser: '',
  basicAuthPass: '',
  authAnonymousGet: false,
  bearerAuth: false,
  authRealm: '',
  authService: '',
  authCertPath: '',
  authActionsSearchPath: '',
  authUsersFile: '',
  authMaxFailures: 10,
  authLockout: 60_000,
  genIndex: false,
  simClock: 'real',
  simRenderTimeout: 3_000,
  simMaxClusters: 100,
};

export const SETTINGS: readonly Setting[] = [
  { key: 'port', flag: 'port', env: 'PORT', yaml: 'port', type: 'int', help: 'port to listen on' },
  { key: 'listenHost', flag: 'listen-host', env: 'LISTEN_HOST', yaml: 'listen.host', type: 'string', help: 'address to listen on' },
  { key: 'storage', flag: 'storage', env: 'STORAGE', yaml: 'storage.backend', type: 'string', choices: ['local', 'amazon'], help: 'storage backend: local, or amazon (S3, MinIO or another S3-compatible store)' },
  { key: 'storageLocalRootdir', flag: 'storage-local-rootdir', env: 'STORAGE_LOCAL_ROOTDIR', yaml: 'storage.local.rootdir', type: 'string', help: 'directory to store charts for the local storage backend' },
  { key: 'storageAmazonBucket', flag: 'storage-amazon-bucket', env: 'STORAGE_AMAZON_BUCKET', yaml: 'storage.amazon.bucket', type: 'string', help: 's3 bucket to store charts for the amazon storage backend' },
  { key: 'storageAmazonPrefix', flag: 'storage-amazon-prefix', env: 'STORAGE_AMAZON_PREFIX', yaml: 'storage.amazon.prefix', type: 'string', help: 'prefix to store charts under in --storage-amazon-bucket' },
  { key: 'storageAmazonRegion', flag: 'storage-amazon-region', env: 'STORAGE_AMAZON_REGION', yaml: 'storage.amazon.region', type: 'string', help: 'region of --storage-amazon-bucket (us-east-1 when only an endpoint is given)' },
  { key: 'storageAmazonEndpoint', flag: 'storage-amazon-endpoint', env: 'STORAGE_AMAZON_ENDPOINT', yaml: 'storage.amazon.endpoint', type: 'string', help: 'alternative s3 endpoint (MinIO, ...); http:// disables TLS' },
  { key: 'storageAmazonSse', flag: 'storage-amazon-sse', env: 'STORAGE_AMAZON_SSE', yaml: 'storage.amazon.sse', type: 'string', help: 'server side encryption algorithm sent on every upload (AES256, aws:kms)' },
  { key: 'storageAmazonForcePathStyle', flag: 'storage-amazon-force-path-style', env: 'STORAGE_AMAZON_FORCE_PATH_STYLE', yaml: 'storage.amazon.forcepathstyle', type: 'bool', help: 'address buckets as endpoint/bucket instead of bucket.endpoint' },
  { key: 'depth', flag: 'depth', env: 'DEPTH', yaml: 'depth', type: 'int', help: 'levels of nested repos for multitenancy' },
  { key: 'depthDynamic', flag: 'depth-dynamic', env: 'DEPTH_DYNAMIC', yaml: 'depthdynamic', type: 'bool', help: 'infer the repo depth from each request path' },
  { key: 'contextPath', flag: 'context-path', env: 'CONTEXT_PATH', yaml: 'contextpath', type: 'string', help: 'base path for every route, e.g. /charts' },
  { key: 'chartUrl', flag: 'chart-url', env: 'CHART_URL', yaml: 'charturl', type: 'string', help: 'absolute URL base for .tgz files in index.yaml' },
  { key: 'allowOverwrite', flag: 'allow-overwrite', env: 'ALLOW_OVERWRITE', yaml: 'allowoverwrite', type: 'bool', help: 'allow chart versions to be re-uploaded without ?force' },
  { key: 'disableForceOverwrite', flag: 'disable-force-overwrite', env: 'DISABLE_FORCE_OVERWRITE', yaml: 'disableforceoverwrite', type: 'bool', help: 'do not allow re-uploads even with ?force' },
  { key: 'disableDelete', flag: 'disable-delete', env: 'DISABLE_DELETE', yaml: 'disabledelete', type: 'bool', help: 'disable DELETE route' },
  { key: 'disableApi', flag: 'disable-api', env: 'DISABLE_API', yaml: 'disableapi', type: 'bool', help: 'disable all routes prefixed with /api' },
  { key: 'disableStatefiles', flag: 'disable-statefiles', env: 'DISABLE_STATEFILES', yaml: 'disablestatefiles', type: 'bool', deprecated: true, help: 'accepted for compatibility; Chartroom keeps its index state in <repo>/.chartroom/' },
  { key: 'maxUploadSize', flag: 'max-upload-size', env: 'MAX_UPLOAD_SIZE', yaml: 'maxuploadsize', type: 'int', help: 'max size of a POST body in bytes (413 beyond it)' },
  { key: 'maxStorageObjects', flag: 'max-storage-objects', env: 'MAX_STORAGE_OBJECTS', yaml: 'maxstorageobjects', type: 'int', help: 'maximum number of objects per tenant (0 = unlimited; 507 beyond it)' },
  { key: 'perChartLimit', flag: 'per-chart-limit', env: 'PER_CHART_LIMIT', yaml: 'perchartlimit', type: 'int', help: 'keep at most N versions per chart, evicting the oldest (0 = unlimited)' },
  { key: 'indexLimit', flag: 'index-limit', env: 'INDEX_LIMIT', yaml: 'indexlimit', type: 'int', deprecated: true, help: 'accepted for compatibility; has no effect' },
  { key: 'chartPostFormFieldName', flag: 'chart-post-form-field-name', env: 'CHART_POST_FORM_FIELD_NAME', yaml: 'chartpostformfieldname', type: 'string', help: 'multipart field that carries a chart (in addition to "chart")' },
  { key: 'provPostFormFieldName', flag: 'prov-post-form-field-name', env: 'PROV_POST_FORM_FIELD_NAME', yaml: 'provpostformfieldname', type: 'string', help: 'multipart field that carries a provenance file (in addition to "prov")' },
  { key: 'cacheInterval', flag: 'cache-interval', env: 'CACHE_INTERVAL', yaml: 'cacheinterval', type: 'duration', help: 'how often to rescan storage for charts added or removed by hand (e.g. 30s, 5m; 0 = never)' },
  { key: 'enableMetrics', flag: 'enable-metrics', env: 'ENABLE_METRICS', yaml: 'enablemetrics', type: 'bool', help: 'serve Prometheus metrics at /metrics' },
  { key: 'disableMetrics', flag: 'disable-metrics', env: 'DISABLE_METRICS', yaml: 'disablemetrics', type: 'bool', deprecated: true, help: 'accepted for compatibility; metrics are off unless --enable-metrics' },
  { key: 'logJson', flag: 'log-json', env: 'LOG_JSON', yaml: 'logjson', type: 'bool', help: 'write logs as JSON lines' },
  { key: 'logHealth', flag: 'log-health', env: 'LOG_HEALTH', yaml: 'loghealth', type: 'bool', help: 'log /health requests too' },
  { key: 'debug', flag: 'debug', env: 'DEBUG', yaml: 'debug', type: 'bool', help: 'show debug messages' },
  { key: 'readTimeout', flag: 'read-timeout', env: 'READ_TIMEOUT', yaml: 'readtimeout', type: 'int', help: 'seconds allowed to read a request' },
  { key: 'writeTimeout', flag: 'write-timeout', env: 'WRITE_TIMEOUT', yaml: 'writetimeout', type: 'int', help: 'seconds allowed to write a response' },
  { key: 'corsAllowOrigin', flag: 'cors-alloworigin', env: 'CORS_ALLOW_ORIGIN', yaml: 'cors.alloworigin', type: 'string', help: 'value of Access-Control-Allow-Origin on API responses' },
  { key: 'tlsCert', flag: 'tls-cert', env: 'TLS_CERT', yaml: 'tls.cert', type: 'string', help: 'path to a TLS certificate chain (enables HTTPS with --tls-key)' },
  { key: 'tlsKey', flag: 'tls-key', env: 'TLS_KEY', yaml: 'tls.key', type: 'string', help: 'path to the TLS private key' },
  { key: 'tlsCaCert', flag: 'tls-ca-cert', env: 'TLS_CA_CERT', yaml: 'tls.cacert', type: 'string', help: 'path to a CA certificate; clients must present a certificate it signed' },
  { key: 'basicAuthUser', flag: 'basic-auth-user', env: 'BASIC_AUTH_USER', yaml: 'basicauth.user', type: 'string', help: 'username for basic http authentication (with --basic-auth-pass)' },
  { key: 'basicAuthPass', flag: 'basic-auth-pass', env: 'BASIC_AUTH_PASS', yaml: 'basicauth.pass', type: 'string', help: 'password for basic http authentication (with --basic-auth-user)' },
  { key: 'authAnonymousGet', flag: 'auth-anonymous-get', env: 'AUTH_ANONYMOUS_GET', yaml: 'authanonymousget', type: 'bool', help: 'allow anonymous GET operations (pull) when auth is used' },
  { key: 'bearerAuth', flag: 'bearer-auth', env: 'BEARER_AUTH', yaml: 'bearerauth', type: 'bool', help: 'enable bearer auth: RS256 JWTs signed by an external token server (needs --auth-realm, --auth-service, --auth-cert-path)' },
  { key: 'authRealm', flag: 'auth-realm', env: 'AUTH_REALM', yaml: 'authrealm', type: 'string', help: 'authorization server url (in the Bearer challenge)' },
  { key: 'authService', flag: 'auth-service', env: 'AUTH_SERVICE', yaml: 'authservice', type: 'string', help: 'authorization server service name (in the Bearer challenge)' },
  { key: 'authCertPath', flag: 'auth-cert-path', env: 'AUTH_CERT_PATH', yaml: 'authcertpath', type: 'string', help: 'path to authorization server public pem file (RSA public key or certificate)' },
  { key: 'authActionsSearchPath', flag: 'auth-actions-search-path', env: 'AUTH_ACTIONS_SEARCH_PATH', yaml: 'authactionssearchpath', type: 'string', help: 'JMESPath to find allowed actions in a jwt token ($NAMESPACE, $ACCESS_ENTRY_TYPE)' },
  { key: 'authUsersFile', flag: 'auth-users-file', env: 'AUTH_USERS_FILE', yaml: 'authusersfile', type: 'string', help: 'YAML file of users (bcrypt password hashes, API token hashes, per-tenant pull/push grants); reloaded when it changes' },
  { key: 'authMaxFailures', flag: 'auth-max-failures', env: 'AUTH_MAX_FAILURES', yaml: 'authmaxfailures', type: 'int', help: 'failed logins from one client address before it gets 429 for --auth-lockout (0 = never)' },
  { key: 'authLockout', flag: 'auth-lockout', env: 'AUTH_LOCKOUT', yaml: 'authlockout', type: 'duration', help: 'how long a client address is refused after too many failed logins (doubles on each further failure, at most 1h)' },
  { key: 'genIndex', flag: 'gen-index', env: 'GEN_INDEX', yaml: 'genindex', type: 'bool', help: 'print index.yaml to stdout and exit' },
  { key: 'simClock', flag: 'sim-clock', env: 'SIM_CLOCK', yaml: 'sim.clock', type: 'string', choices: ['real', 'virtual'], help: 'clock of the simulated clusters: real, or virtual (time moves only with `chartroom sim advance`)' },
  { key: 'simMaxClusters', flag: 'sim-max-clusters', env: 'SIM_MAX_CLUSTERS', yaml: 'sim.maxclusters', type: 'int', help: 'most simulated clusters the server holds (each student may use one); creating one more is refused' },
  { key: 'simRenderTimeout', flag: 'sim-render-timeout', env: 'SIM_RENDER_TIMEOUT', yaml: 'sim.rendertimeout', type: 'duration', help: 'longest a release install or upgrade may spend rendering its chart in the server (a hostile chart stops with an error)' },
];
