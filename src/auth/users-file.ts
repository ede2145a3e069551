/**
 * The users file of `--auth-users-file`: who may log in, with what, and where they may pull and push.
 *
 *   users:
 *     teacher:
 *       password: $2a$10$…            # bcrypt hash (`chartroom user add` writes it)
 *       grants: [push *]
 *     alice:
 *       password: $2a$10$…
 *       grants: [push class/alice, pull class/*]
 *       tokens:                        # API tokens (`chartroom token create`): SHA-256 only
 *         - name: ci
 *           sha256: 9f86d0…
 *
 * Parsing is strict: an unknown key, a password that is not a bcrypt hash, a malformed grant or token, or a
 * duplicate key is an error, so a typo never silently opens or closes access.
 */
import YAML from 'yaml';
import { isBcryptHash } from '../util/bcrypt.js';
import { GrantError, parseGrant, type Grant } from './grants.js';

/** A users file that cannot be used (the previous good one stays in force). */
export class UsersFileError extends Error {
  override name = 'UsersFileError';
}

/** One stored API token. */
export interface StoredToken {
  name: string;
  /** SHA-256 of the token, lower-case hex. */
  sha256: string;
}

/** One user of the users file. */
export interface UserEntry {
  name: string;
  /** bcrypt hash, or undefined for a token-only user. */
  passwordHash?: string;
  grants: Grant[];
  tokens: StoredToken[];
}

/** The parsed file: users by name. */
export interface UserDirectory {
  users: ReadonlyMap<string, UserEntry>;
}

/** Users files above this size are refused before parsing. */
export const MAX_USERS_FILE_BYTES = 1024 * 1024;
/** User names: letters, digits and `._@-`, at most 64 (no `:`, which basic auth cannot carry). */
export const USER_NAME = /^[A-Za-z0-9._@-]{1,64}$/;

/** Parses the text of a users file. Throws UsersFileError naming the first problem. */
export function parseUsersFile(text: string): UserDirectory {
  if (Buffer.byteLength(text) > MAX_USERS_FILE_BYTES) throw new UsersFileError(`users file is larger than ${MAX_USERS_FILE_BYTES} bytes`);
  let root: unknown;
  try {
    root = YAML.parse(text, { uniqueKeys: true, maxAliasCount: 0 }) ?? {};
  } catch (err) {
    throw new UsersFileError(`users file is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const top = mapping(root, 'the users file');
  onlyKeys(top, ['users'], 'the users file');
  const users = new Map<string, UserEntry>();
  for (const [name, value] of Object.entries(mapping(top.users ?? {}, 'users'))) {
    if (!USER_NAME.test(name)) throw new UsersFileError(`invalid user name ${JSON.stringify(name)}`);
    users.set(name, parseUser(name, value));
  }
  return { users };
}

function parseUser(name: string, value: unknown): UserEntry {
  const where = `user ${name}`;
  const entry = mapping(value ?? {}, where);
  onlyKeys(entry, ['password', 'grants', 'tokens'], where);
  const password = entry.password;
  if (password !== undefined && (typeof password !== 'string' || !isBcryptHash(password))) {
    throw new UsersFileError(`${where}: password must be a bcrypt hash ($2a$/$2b$/$2y$, cost 4 to 14); write it with "chartroom user add"`);
  }
  const grants = list(entry.grants, `${where}: grants`).map((g) => {
    if (typeof g !== 'string') throw new UsersFileError(`${where}: each grant must be a string such as "pull class/*"`);
    try {
      return parseGrant(g);
    } catch (err) {
      throw new UsersFileError(`${where}: ${(err as GrantError).message}`);
    }
  });
  const tokens = list(entry.tokens, `${where}: tokens`).map((t) => parseToken(t, where));
  return { name, passwordHash: password as string | undefined, grants, tokens };
}

function parseToken(value: unknown, where: string): StoredToken {
  const token = mapping(value, `${where}: token`);
  onlyKeys(token, ['name', 'sha256'], `${where}: token`);
  if (typeof token.name !== 'string' || token.name === '') throw new UsersFileError(`${where}: each token needs a name`);
  if (typeof token.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(token.sha256)) {
    throw new UsersFileError(`${where}: token ${token.name}: sha256 must be 64 lower-case hex digits`);
  }
  return { name: token.name, sha256: token.sha256 };
}

function mapping(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsersFileError(`${where} must be a mapping`);
  return value as Record<string, unknown>;
}

function list(value: unknown, where: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new UsersFileError(`${where} must be a list`);
  return value;
}

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], where: string): void {
  const unknown = Object.keys(value).find((k) => !allowed.includes(k));
  if (unknown !== undefined) throw new UsersFileError(`${where}: unknown key ${JSON.stringify(unknown)} (expected ${allowed.join(', ')})`);
}
