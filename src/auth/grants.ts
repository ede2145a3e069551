/**
 * Per-tenant grants of the users file: `pull <pattern>` or `push <pattern>`, where the pattern names
 * repository paths as they appear in URLs (`class/alice` at `--depth 2`; `repo` for the single repository at
 * depth 0, as ChartMuseum's bearer namespaces do) and `*` stands for any run of characters, slashes
 * included. Push implies pull, and deleting needs push.
 *
 *   push *            every repository
 *   push class/alice  only class/alice
 *   pull class/*      class/alice, class/bob, class/bob/extra, but not class itself
 */

/** The two permissions of ChartMuseum's routes. */
export type Action = 'pull' | 'push';

/** One parsed grant. */
export interface Grant {
  action: Action;
  pattern: string;
  /** The pattern as an anchored regular expression. */
  matcher: RegExp;
}

/** A grant that cannot be read. */
export class GrantError extends Error {
  override name = 'GrantError';
}

const PATTERN = /^[A-Za-z0-9._*~@+-]+(\/[A-Za-z0-9._*~@+-]+)*$/;

/** Parses `pull <pattern>` / `push <pattern>`. Throws GrantError for another action or a malformed pattern. */
export function parseGrant(text: string): Grant {
  const match = /^\s*(pull|push)\s+(\S+)\s*$/.exec(text);
  if (!match) throw new GrantError(`invalid grant ${JSON.stringify(text)}: expected "pull <repository pattern>" or "push <repository pattern>"`);
  const pattern = match[2] as string;
  if (!PATTERN.test(pattern) || pattern.split('/').some((s) => s === '.' || s === '..')) {
    throw new GrantError(`invalid repository pattern ${JSON.stringify(pattern)} in grant ${JSON.stringify(text)}`);
  }
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return { action: match[1] as Action, pattern, matcher: new RegExp(`^${source}$`) };
}

/** True if the grants allow `action` on the repository `namespace` (push implies pull). */
export function isGranted(grants: readonly Grant[], action: Action, namespace: string): boolean {
  return grants.some((g) => (g.action === action || g.action === 'push') && g.matcher.test(namespace));
}
