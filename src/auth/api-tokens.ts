/**
 * API tokens for CI: `crt_` followed by 32 random bytes in base64url. Only their SHA-256 is stored (in the
 * users file); a token is high-entropy, so a fast digest is as safe as a slow password hash and costs
 * nothing per request. Presented as `Authorization: Bearer crt_…`, or as the password of basic auth with
 * the owner's user name.
 */
import { randomBytes } from 'node:crypto';
import { sha256 } from './credentials.js';

/** Every API token starts with this, so it is never mistaken for a JWT or a password. */
export const TOKEN_PREFIX = 'crt_';

/** A fresh token (shown once to the user, never stored). */
export function newApiToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** True if the text has the shape of a Chartroom API token (not a JWT, not a password). */
export function isApiToken(text: string): boolean {
  return /^crt_[A-Za-z0-9_-]{43}$/.test(text);
}

/** The stored form of a token: its SHA-256 in lower-case hex. */
export function apiTokenDigest(token: string): string {
  return sha256(token).toString('hex');
}
