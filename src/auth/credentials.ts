/**
 * What a client presents in its `Authorization` header, and the one way Chartroom compares secrets: SHA-256
 * digests of both sides through crypto.timingSafeEqual, so neither the length nor the first differing byte
 * of a secret shows in the response time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Parsed credentials of an Authorization header. */
export type Credentials =
  | { scheme: 'basic'; user: string; password: string }
  | { scheme: 'bearer'; token: string };

/**
 * Parses an Authorization header. The scheme is case-insensitive (RFC 9110; ChartMuseum matches `Basic`
 * exactly). Returns undefined for no header, another scheme, or a Basic value that is not base64 of
 * `user:password`.
 */
export function parseAuthorization(header: string | undefined): Credentials | undefined {
  if (!header) return undefined;
  const match = /^([A-Za-z]+) +(\S+) *$/.exec(header);
  if (!match) return undefined;
  const scheme = (match[1] as string).toLowerCase();
  const value = match[2] as string;
  if (scheme === 'bearer') return { scheme, token: value };
  if (scheme !== 'basic' || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { scheme, user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** SHA-256 of a string (UTF-8), the fixed-length form every secret is compared in. */
export function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Constant-time equality of two strings of any length (compares their SHA-256 digests). */
export function secretEquals(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}

/** Constant-time equality of a digest with a hex-encoded expected digest of the same algorithm. */
export function digestEquals(actual: Buffer, expectedHex: string): boolean {
  const expected = Buffer.from(expectedHex, 'hex');
  return expected.length === actual.length && timingSafeEqual(actual, expected);
}
