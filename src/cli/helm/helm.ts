/**
 * `chartroom helm ARGS`: Helm's syntax and output for releases on a Chartroom server's simulated
 * cluster, and for chart repositories and chart authoring (create, lint, package, dependency) on the
 * client. Global flags: `--server` (env CHARTROOM_SERVER, default http://localhost:8080), `--cluster`
 * (default "default"), `-n/--namespace` (env HELM_NAMESPACE, default "default"), `--repository-config`,
 * `--repository-cache`. Errors print `Error: <message>` and exit 1, as Helm does.
 */
import { authorizationFromEnv } from '../../auth/client-credentials.js';
import { ConnectionError } from '../kubectl/client.js';
import type { KubectlIo } from '../kubectl/invocation.js';
import { DEFAULT_SERVER } from '../kubectl/kubectl.js';
import { HelmUsageError, parseHelmArgs, shortsFor } from './args.js';
import { HelmApiError, ReleaseClient } from './client.js';
import { checkFlags } from './flags.js';
import type { HelmCommand } from './invocation.js';
import { getCommand, historyCommand, listCommand, statusCommand, testCommand } from './query-commands.js';
import { installCommand, PrefixedError, rollbackCommand, uninstallCommand, upgradeCommand } from './release-commands.js';
import { pullCommand, repoCommand, searchCommand, showCommand } from './repo-commands.js';
import { repoPaths } from './repositories.js';
import { templateCommand } from './template-command.js';
import { packageCommand } from './package-command.js';
import { cmPushCommand } from './cm-push-command.js';
import { createCommand } from './create-command.js';
import { lintCommand } from './lint-command.js';
import { dependencyCommand } from './dependency-command.js';

const COMMANDS: Record<string, HelmCommand> = {
  install: installCommand,
  upgrade: upgradeCommand,
  rollback: rollbackCommand,
  uninstall: uninstallCommand,
  delete: uninstallCommand,
  del: uninstallCommand,
  un: uninstallCommand,
  history: historyCommand,
  hist: historyCommand,
  status: statusCommand,
  list: listCommand,
  ls: listCommand,
  get: getCommand,
  repo: repoCommand,
  search: searchCommand,
  pull: pullCommand,
  fetch: pullCommand,
  show: showCommand,
  inspect: showCommand,
  test: testCommand,
  template: templateCommand,
  package: packageCommand,
  'cm-push': cmPushCommand,
  create: createCommand,
  lint: lintCommand,
  dependency: dependencyCommand,
  dep: dependencyCommand,
  dependencies: dependencyCommand,
};

/** Runs one helm command line; resolves to the exit code. */
export async function runHelm(argv: readonly string[], env: NodeJS.ProcessEnv, io: KubectlIo): Promise<number> {
  try {
    const name = parseHelmArgs(argv, shortsFor('')).positionals[0];
    const command = name === undefined ? undefined : COMMANDS[name];
    if (!command) throw new HelmUsageError(name === undefined ? 'a command is required' : `unknown command "${name}" for "helm"`);
    const args = parseHelmArgs(argv, shortsFor(name!));
    checkFlags(name!, args);
    const rest = args.positionals.slice(args.positionals.indexOf(name!) + 1);
    const server = args.flags.get('server') || env.CHARTROOM_SERVER || DEFAULT_SERVER;
    const client = new ReleaseClient({ server, cluster: args.flags.get('cluster') || 'default', authorization: authorizationFromEnv(env) });
    const namespace = args.flags.get('namespace') || env.HELM_NAMESPACE || 'default';
    return await command({ args, rest, client, namespace, paths: repoPaths(env, args.flags), io });
  } catch (err) {
    if (err instanceof HelmUsageError || err instanceof HelmApiError || err instanceof PrefixedError || err instanceof ConnectionError) {
      io.stderr(`Error: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
