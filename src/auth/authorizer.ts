/**
 * The access decision for one request, free of HTTP: given the Authorization header, the action a route
 * needs (pull or push), the repository namespace (tenant path, or `repo` at depth 0) and the client address,
 * it says allow (and who), or deny with the status, error and challenge to send.
 *
 * Sources of identity, as configured:
 * - ChartMuseum's single basic-auth user (`--basic-auth-user`/`--basic-auth-pass`): every action everywhere.
 * - ChartMuseum's bearer auth (`--bearer-auth`): an RS256 JWT whose claims, searched with the JMESPath of
 *   `--auth-actions-search-path`, list the actions allowed on the namespace. As in ChartMuseum, bearer takes
 *   precedence over the basic-auth user, and push does not imply pull.
 * - The users file (`--auth-users-file`): a user's bcrypt password or one of their API tokens, and their
 *   grants (push implies pull). An authenticated user without the grant gets 403, not 401.
 * `--auth-anonymous-get` makes pull anonymous, checked first as ChartMuseum does. Failed logins (credentials
 * presented and wrong) count towards the per-address throttle; missing credentials do not.
 */
import type { KeyObject } from 'node:crypto';
import { bcryptVerifyAsync } from '../util/bcrypt.js';
import { apiTokenDigest, isApiToken } from './api-tokens.js';
import { digestEquals, parseAuthorization, secretEquals, sha256, type Credentials } from './credentials.js';
import { isGranted, type Action } from './grants.js';
import { compileJmesPath, type JmesPath } from './jmespath.js';
import { InvalidTokenError, verifyJwt } from './jwt.js';
import type { LoginThrottle } from './throttle.js';
import type { UserDirectory, UserEntry } from './users-file.js';
import { VerifiedPasswords } from './verified-passwords.js';

/** ChartMuseum's defaults (chartmuseum/auth), spelled as there. */
export const ACCESS_ENTRY_TYPE = 'artifact-repository';
export const DEFAULT_ACTIONS_SEARCH_PATH = "access[?name=='$NAMESPACE' && type=='$ACCESS_ENTRY_TYPE'].actions[]";
export const DEFAULT_NAMESPACE = 'repo';
export const BASIC_CHALLENGE = 'Basic realm="ChartMuseum"';

/** What the authorizer checks against; absent parts are not configured. */
export interface AuthorizerOptions {
  basic?: { user: string; password: string };
  bearer?: { realm: string; service: string; key: KeyObject; searchPath?: string };
  anonymousPull: boolean;
  /** The current users file, if one is configured (it may change between calls). */
  users?: () => UserDirectory;
  throttle: LoginThrottle;
  /** Unix time in seconds, for JWT time claims. */
  nowSeconds: () => number;
}

/** Who made a request, for the audit log. */
export interface Principal {
  name: string;
  via: 'basic-auth-user' | 'password' | 'token' | 'jwt';
  /** The API token's name, when `via` is `token`. */
  token?: string;
}

/** The outcome: allowed (with who, if anyone logged in), or the refusal to send. */
export type Decision =
  | { allowed: true; principal?: Principal }
  | { allowed: false; status: 401 | 403 | 429; error: string; challenge?: string; retryAfterSeconds?: number; principal?: Principal };

/** One request as the authorizer sees it. */
export interface AuthRequest {
  authorization: string | undefined;
  action: Action;
  namespace: string;
  clientAddress: string;
  /** Any user of the users file may (the welcome page: it shows no repository's content). */
  anyUser?: boolean;
}

/** A bcrypt hash of nothing anyone knows, verified for unknown users so they take as long as known ones. */
const DECOY_HASH = '$2a$10$XajjQvNhvvRt5GSeFk1xFeyqRrsxkhBkUiQeg0dt.wU1qD4aFDcga';

/** Decides requests; one per server. */
export class Authorizer {
  private readonly searchPaths = new Map<string, JmesPath>();
  private readonly verified = new VerifiedPasswords();

  /** Throws JmesPathError if the bearer search path is outside the supported JMESPath subset. */
  constructor(private readonly options: AuthorizerOptions) {
    if (options.bearer) this.searchPathFor(DEFAULT_NAMESPACE);
  }

  /** True if any form of authentication is configured. */
  get isEnabled(): boolean {
    return Boolean(this.options.basic || this.options.bearer || this.options.users);
  }

  /**
   * Decides one request. Never rejects for bad input from the client. Password checks run bcrypt in
   * slices, so other requests are answered while one is checked.
   */
  async authorize(request: AuthRequest): Promise<Decision> {
    if (!this.isEnabled || (request.action === 'pull' && this.options.anonymousPull)) return { allowed: true };
    const retryAfterSeconds = this.options.throttle.retryAfterSeconds(request.clientAddress);
    if (retryAfterSeconds > 0) return tooMany(retryAfterSeconds);
    const credentials = parseAuthorization(request.authorization);
    if (!credentials) return this.unauthorized(request);
    const { throttle } = this.options;
    if (!throttle.beginAttempt(request.clientAddress)) return tooMany(1);
    let outcome: Decision | 'failed';
    try {
      outcome = await this.authenticate(credentials, request);
    } finally {
      throttle.endAttempt(request.clientAddress);
    }
    if (outcome === 'failed') {
      const wait = this.options.throttle.recordFailure(request.clientAddress);
      return wait > 0 ? tooMany(wait) : this.unauthorized(request);
    }
    return outcome;
  }

  /** Checks credentials and the permission they carry; 'failed' means the credentials themselves are wrong. */
  private async authenticate(credentials: Credentials, request: AuthRequest): Promise<Decision | 'failed'> {
    const { basic, bearer } = this.options;
    if (credentials.scheme === 'bearer') {
      if (isApiToken(credentials.token)) return this.byToken(credentials.token, undefined, request);
      return bearer ? this.byJwt(credentials.token, request) : 'failed';
    }
    if (basic && !bearer && secretEquals(credentials.user, basic.user) && secretEquals(credentials.password, basic.password)) {
      return { allowed: true, principal: { name: credentials.user, via: 'basic-auth-user' } };
    }
    if (isApiToken(credentials.password)) return this.byToken(credentials.password, credentials.user, request);
    return this.byPassword(credentials.user, credentials.password, request);
  }

  private async byPassword(name: string, password: string, request: AuthRequest): Promise<Decision | 'failed'> {
    if (!this.options.users) return 'failed';
    const user = this.options.users().users.get(name);
    const hash = user?.passwordHash;
    if (!user || !hash) {
      await bcryptVerifyAsync(password, DECOY_HASH);
      return 'failed';
    }
    if (!this.verified.has(name, password, hash)) {
      if (!(await bcryptVerifyAsync(password, hash))) return 'failed';
      this.verified.add(name, password, hash);
    }
    return this.granted(user, { name, via: 'password' }, request);
  }

  private byToken(token: string, claimedUser: string | undefined, request: AuthRequest): Decision | 'failed' {
    const digest = sha256(token);
    let found: { user: UserEntry; name: string } | undefined;
    for (const user of this.options.users?.().users.values() ?? []) {
      for (const stored of user.tokens) {
        // Every stored token is compared, so the time taken does not depend on where the match is.
        if (digestEquals(digest, stored.sha256)) found = { user, name: stored.name };
      }
    }
    if (!found || (claimedUser !== undefined && claimedUser !== found.user.name)) return 'failed';
    return this.granted(found.user, { name: found.user.name, via: 'token', token: found.name }, request);
  }

  private byJwt(token: string, request: AuthRequest): Decision | 'failed' {
    let claims: Record<string, unknown>;
    try {
      claims = verifyJwt(token, (this.options.bearer as { key: KeyObject }).key, this.options.nowSeconds());
    } catch (err) {
      if (err instanceof InvalidTokenError) return 'failed';
      throw err;
    }
    const allowed = this.searchPathFor(request.namespace).search(claims);
    const subject = typeof claims.sub === 'string' ? claims.sub : 'jwt';
    if (Array.isArray(allowed) && allowed.some((a) => String(a) === request.action)) return { allowed: true, principal: { name: subject, via: 'jwt' } };
    return this.unauthorized(request);
  }

  private granted(user: UserEntry, principal: Principal, request: AuthRequest): Decision {
    if (request.anyUser || isGranted(user.grants, request.action, request.namespace)) return { allowed: true, principal };
    return { allowed: false, status: 403, error: `forbidden: ${user.name} may not ${request.action} ${request.namespace}`, principal };
  }

  /** ChartMuseum's 401, with the Bearer challenge when bearer auth is on, else the Basic one. */
  private unauthorized(request: AuthRequest): Decision {
    const { bearer } = this.options;
    const challenge = bearer
      ? `Bearer realm="${bearer.realm}",service="${bearer.service}",scope="${ACCESS_ENTRY_TYPE}:${request.namespace}:${request.action}"`
      : BASIC_CHALLENGE;
    return { allowed: false, status: 401, error: 'unauthorized', challenge };
  }

  private searchPathFor(namespace: string): JmesPath {
    let compiled = this.searchPaths.get(namespace);
    if (!compiled) {
      const template = this.options.bearer?.searchPath || DEFAULT_ACTIONS_SEARCH_PATH;
      compiled = compileJmesPath(template.replaceAll('$NAMESPACE', namespace).replaceAll('$ACCESS_ENTRY_TYPE', ACCESS_ENTRY_TYPE));
      if (this.searchPaths.size > 10_000) this.searchPaths.clear();
      this.searchPaths.set(namespace, compiled);
    }
    return compiled;
  }
}

function tooMany(retryAfterSeconds: number): Decision {
  return { allowed: false, status: 429, error: `too many failed logins from this address; retry after ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`, retryAfterSeconds };
}
