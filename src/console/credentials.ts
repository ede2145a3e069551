/**
 * Whether the commands the page shows need credentials on this server, and how they pass them. The page
 * cannot see the server's auth settings, so it asks as an anonymous client would (`credentials: 'omit'`,
 * no side effects): reading the repository's index (pull), and advancing a cluster whose name is invalid
 * (push: a server with access control refuses with 401 before it reads the name; an open one answers 400
 * and creates nothing, which a valid unknown name would). Helm takes `--username`/`--password`; chartroom's own clients read CHARTROOM_USER and
 * CHARTROOM_PASSWORD, or CHARTROOM_TOKEN, from the environment (README, Security).
 */

/** What an anonymous client is refused. */
export interface AuthNeeds {
  pull: boolean;
  push: boolean;
}

/** The line that gives chartroom's clients credentials, to run once before their commands. */
export const CHARTROOM_CREDENTIALS = "export CHARTROOM_USER='<user>' CHARTROOM_PASSWORD='<password>'   # or CHARTROOM_TOKEN='<token>'";

/** The flags that give `helm repo add` the same credentials (read from the variables set above). */
export const HELM_CREDENTIALS = ' --username "$CHARTROOM_USER" --password "$CHARTROOM_PASSWORD"';

/** Where the push probe's answer is kept for the session: its refusal is logged in red by devtools. */
const PUSH_PROBE_KEY = 'chartroom.authProbe.push';
// Read through globalThis: tests of this module's pure functions type-check it without the DOM library.
const session = (): { getItem(key: string): string | null; setItem(key: string, value: string): void } =>
  (globalThis as unknown as { sessionStorage: ReturnType<typeof session> }).sessionStorage;

/**
 * Asks the server, without credentials, whether reading `indexPath` and changing a cluster are refused.
 * `indexPath` null asks nothing about reads (at a fixed --depth ≥ 1 the root has no index). The cluster
 * probe runs once per browser session; later calls reuse its answer from sessionStorage.
 */
export async function probeAuth(contextPath: string, indexPath: string | null): Promise<AuthNeeds> {
  const refused = async (path: string, init: RequestInit): Promise<boolean> => {
    try {
      return (await fetch(`${contextPath}${path}`, { ...init, credentials: 'omit' })).status === 401;
    } catch {
      return false;
    }
  };
  const pushProbe = async (): Promise<boolean> => {
    const known = session().getItem(PUSH_PROBE_KEY);
    if (known !== null) return known === 'true';
    const answer = await refused('/api/sim/clusters/Auth_Probe/advance', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"ms":0}' });
    session().setItem(PUSH_PROBE_KEY, String(answer));
    return answer;
  };
  const [pull, push] = await Promise.all([indexPath === null ? false : refused(indexPath, { method: 'HEAD' }), pushProbe()]);
  return { pull, push: push || pull };
}

/**
 * The chart page's command blocks with credentials where the server asks for them: each starts with the
 * export line, and (when reads need them) `helm repo add` / `chartroom helm repo add` get the flags.
 */
export function withCredentials(commands: string[], needs: AuthNeeds): string[] {
  if (!needs.pull && !needs.push) return commands;
  return commands.map((block) => {
    const lines = block.split('\n').map((line) => (needs.pull && /^(chartroom )?helm repo add /.test(line) ? `${line}${HELM_CREDENTIALS}` : line));
    return [CHARTROOM_CREDENTIALS, ...lines].join('\n');
  });
}
