/**
 * The credentials Chartroom's own clients (`chartroom kubectl`, `chartroom sim`) send, from the
 * environment: CHARTROOM_TOKEN (an API token, sent as Bearer), or CHARTROOM_USER with CHARTROOM_PASSWORD
 * (basic auth). Returns the Authorization header value, or undefined when none is set.
 */
export function authorizationFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  if (env.CHARTROOM_TOKEN) return `Bearer ${env.CHARTROOM_TOKEN}`;
  if (env.CHARTROOM_USER) return `Basic ${Buffer.from(`${env.CHARTROOM_USER}:${env.CHARTROOM_PASSWORD ?? ''}`).toString('base64')}`;
  return undefined;
}
