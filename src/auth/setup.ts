/**
 * Builds the Authorizer a server configuration asks for: reads the bearer public key and the users file,
 * compiles the JMESPath search path. Failures are AuthSetupError, which the CLI reports like a bad flag.
 */
import { readFileSync } from 'node:fs';
import type { ServerConfig } from '../config/settings.js';
import { Authorizer } from './authorizer.js';
import { JmesPathError } from './jmespath.js';
import { PublicKeyError, readRsaPublicKey } from './jwt.js';
import { LoginThrottle } from './throttle.js';
import { UsersFileError } from './users-file.js';
import { UsersFileSource, type UsersSourceLog } from './users-source.js';

/** A configuration whose auth files or expressions cannot be used; the server does not start. */
export class AuthSetupError extends Error {
  override name = 'AuthSetupError';
}

/** How often the users file is checked for changes. */
export const USERS_FILE_POLL_MS = 1000;

/** The authorizer, and the users-file source to watch when there is one. */
export interface AuthSetup {
  authorizer: Authorizer;
  usersFile?: UsersFileSource;
}

/** Creates the authorizer (and the users-file source, not yet watching). Throws AuthSetupError. */
export async function setUpAuth(config: ServerConfig, log: UsersSourceLog, now: () => number = () => Date.now()): Promise<AuthSetup> {
  let usersFile: UsersFileSource | undefined;
  try {
    usersFile = config.authUsersFile ? await UsersFileSource.open(config.authUsersFile, log) : undefined;
    const authorizer = new Authorizer({
      basic: config.basicAuthUser && config.basicAuthPass ? { user: config.basicAuthUser, password: config.basicAuthPass } : undefined,
      bearer: config.bearerAuth ? { realm: config.authRealm, service: config.authService, key: readPublicKey(config.authCertPath), searchPath: config.authActionsSearchPath } : undefined,
      anonymousPull: config.authAnonymousGet,
      users: usersFile ? () => (usersFile as UsersFileSource).directory() : undefined,
      throttle: new LoginThrottle({ maxFailures: config.authMaxFailures, lockoutMs: config.authLockout, now }),
      nowSeconds: () => Math.floor(now() / 1000),
    });
    return { authorizer, usersFile };
  } catch (err) {
    if (err instanceof UsersFileError || err instanceof PublicKeyError) throw new AuthSetupError(err.message);
    if (err instanceof JmesPathError) throw new AuthSetupError(`invalid value for --auth-actions-search-path: ${err.message}`);
    throw err;
  }
}

function readPublicKey(path: string) {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (err) {
    throw new PublicKeyError(`cannot read --auth-cert-path ${path}: ${(err as Error).message}`);
  }
  return readRsaPublicKey(pem);
}
