/**
 * Which flags each `chartroom helm` command accepts. A flag Helm does not know is refused with cobra's
 * `unknown flag: --x`; a Helm flag Chartroom does not implement is refused by name rather than ignored,
 * so a student never believes it took effect.
 */
import { type HelmArgs, HelmUsageError } from './args.js';

const GLOBAL = ['namespace', 'server', 'cluster', 'repository-config', 'repository-cache', 'debug', 'help'];
const VALUE_FLAGS = ['values', 'set', 'set-string', 'set-file', 'set-json', 'set-literal'];
const RELEASE_WRITE = ['dry-run', 'wait', 'atomic', 'timeout', 'description', 'no-hooks', 'labels', 'output', 'hide-notes', 'version', 'devel', 'create-namespace', 'disable-openapi-validation'];
const STATES = ['all', 'deployed', 'failed', 'pending', 'superseded', 'uninstalled', 'uninstalling'];

const SUPPORTED: Record<string, string[]> = {
  install: [...VALUE_FLAGS, ...RELEASE_WRITE, 'generate-name', 'replace', 'name-template'],
  upgrade: [...VALUE_FLAGS, ...RELEASE_WRITE, 'install', 'reset-values', 'reuse-values', 'reset-then-reuse-values', 'history-max'],
  rollback: ['dry-run', 'wait', 'timeout', 'no-hooks', 'history-max'],
  uninstall: ['keep-history', 'no-hooks', 'ignore-not-found', 'description', 'wait', 'timeout'],
  history: ['max', 'output'],
  status: ['revision', 'show-desc', 'output'],
  list: [...STATES, 'all-namespaces', 'short', 'date', 'reverse', 'max', 'offset', 'filter', 'selector', 'no-headers', 'output'],
  get: ['all', 'revision', 'output'],
  repo: ['force-update', 'username', 'password'],
  search: ['versions', 'version', 'devel'],
  pull: ['version', 'destination', 'devel'],
  show: ['version', 'devel'],
  test: ['hide-notes'],
  package: ['destination', 'version', 'app-version'],
  'cm-push': ['force', 'version', 'app-version', 'context-path', 'username', 'password'],
  create: [],
  lint: [...VALUE_FLAGS, 'strict', 'quiet'],
  dependency: ['skip-refresh'],
  template: [...VALUE_FLAGS, 'version', 'devel', 'generate-name', 'no-hooks'],
};

/** Helm flags that exist but are not implemented here. */
const UNSUPPORTED = new Set([
  'force', 'cleanup-on-fail', 'recreate-pods', 'wait-for-jobs', 'post-renderer', 'post-renderer-args', 'take-ownership', 'kube-context',
  'kubeconfig', 'kube-apiserver', 'kube-token', 'untar', 'untardir', 'verify', 'prov', 'regexp', 'skip-crds', 'dependency-update',
  'render-subchart-notes', 'logs', 'enable-dns', 'skip-schema-validation', 'cascade', 'show-resources', 'time-format', 'max-col-width',
  'repo', 'pass-credentials', 'insecure-skip-tls-verify', 'ca-file', 'cert-file', 'key-file', 'keyring', 'plain-http',
  'password-stdin', 'allow-deprecated-repos', 'fail-on-repo-update-fail', 'fail-on-no-result', 'hide-secret', 'starter', 'with-subcharts', 'kube-version', 'wait', 'dry-run',
  'timeout', 'output', 'description', 'install', 'all', 'max', 'revision', 'version', 'devel', 'labels',
]);

const CANONICAL: Record<string, string> = { dep: 'dependency', dependencies: 'dependency', delete: 'uninstall', del: 'uninstall', un: 'uninstall', ls: 'list', hist: 'history', fetch: 'pull', inspect: 'show' };

/** Throws HelmUsageError for a flag `command` does not accept. */
export function checkFlags(command: string, args: HelmArgs): void {
  const allowed = new Set([...GLOBAL, ...(SUPPORTED[CANONICAL[command] ?? command] ?? [])]);
  for (const flag of args.flags.keys()) {
    if (allowed.has(flag)) continue;
    if (UNSUPPORTED.has(flag)) throw new HelmUsageError(`--${flag} is not supported by chartroom helm`);
    throw new HelmUsageError(args.shortSpelling?.get(flag) ? `unknown shorthand flag: '${flag}' in ${args.shortSpelling.get(flag)}` : `unknown flag: --${flag}`);
  }
}
