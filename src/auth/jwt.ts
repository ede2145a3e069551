/**
 * Verification of the JSON Web Tokens of `--bearer-auth`, with node:crypto: an RSA signature (RS256, and
 * the RS384/RS512/PS256/PS384/PS512 variants golang-jwt also accepts for an RSA key) over
 * `base64url(header).base64url(claims)`, then the time claims as golang-jwt v4 checks them: `exp` must lie
 * in the future, `nbf` and `iat` must not. Any other `alg` (`none`, `HS256`, ...) is refused, so a token
 * can never choose its own key.
 */
import { constants, createPublicKey, verify, X509Certificate, type KeyObject } from 'node:crypto';

/** Why a token was refused (the HTTP layer answers 401 with the Bearer challenge). */
export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

/** The public key file could not be read as an RSA public key or certificate. */
export class PublicKeyError extends Error {
  override name = 'PublicKeyError';
}

const ALGORITHMS: Record<string, { hash: string; padding: number }> = {
  RS256: { hash: 'sha256', padding: constants.RSA_PKCS1_PADDING },
  RS384: { hash: 'sha384', padding: constants.RSA_PKCS1_PADDING },
  RS512: { hash: 'sha512', padding: constants.RSA_PKCS1_PADDING },
  PS256: { hash: 'sha256', padding: constants.RSA_PKCS1_PSS_PADDING },
  PS384: { hash: 'sha384', padding: constants.RSA_PKCS1_PSS_PADDING },
  PS512: { hash: 'sha512', padding: constants.RSA_PKCS1_PSS_PADDING },
};

/** Tokens longer than this are refused before any parsing (a signed token with claims is a few hundred bytes). */
const MAX_TOKEN_LENGTH = 16 * 1024;

/**
 * Reads the RSA public key from PEM text: `PUBLIC KEY` (PKIX), `RSA PUBLIC KEY` (PKCS#1) or a
 * `CERTIFICATE`, the three forms golang-jwt's ParseRSAPublicKeyFromPEM takes. Throws PublicKeyError.
 */
export function readRsaPublicKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = pem.includes('-----BEGIN CERTIFICATE-----') ? new X509Certificate(pem).publicKey : createPublicKey(pem);
  } catch (err) {
    throw new PublicKeyError(`not a PEM public key or certificate: ${(err as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'rsa') throw new PublicKeyError(`expected an RSA key, found ${key.asymmetricKeyType ?? 'unknown'}`);
  return key;
}

/**
 * Verifies a compact JWS and returns its claims. `nowSeconds` is the current Unix time. Throws
 * InvalidTokenError if the token is malformed, signed with another key or algorithm, expired, not yet
 * valid, or issued in the future.
 */
export function verifyJwt(token: string, key: KeyObject, nowSeconds: number): Record<string, unknown> {
  if (token.length > MAX_TOKEN_LENGTH) throw new InvalidTokenError('token too long');
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) throw new InvalidTokenError('token is malformed');
  const [head, body, signature] = parts as [string, string, string];
  const header = decodeJson(head);
  const algorithm = typeof header.alg === 'string' ? ALGORITHMS[header.alg] : undefined;
  if (!algorithm) throw new InvalidTokenError(`signing method ${String(header.alg)} is invalid`);
  const valid = verify(algorithm.hash, Buffer.from(`${head}.${body}`), { key, padding: algorithm.padding }, Buffer.from(signature, 'base64url'));
  if (!valid) throw new InvalidTokenError('signature is invalid');
  const claims = decodeJson(body);
  checkTimes(claims, nowSeconds);
  return claims;
}

function decodeJson(part: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidTokenError('token is malformed');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidTokenError('token is malformed');
  return value as Record<string, unknown>;
}

function checkTimes(claims: Record<string, unknown>, now: number): void {
  const time = (name: string): number | undefined => {
    const value = claims[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new InvalidTokenError(`${name} is invalid`);
    return value;
  };
  const exp = time('exp');
  const nbf = time('nbf');
  const iat = time('iat');
  if (exp !== undefined && !(now < exp)) throw new InvalidTokenError('token is expired');
  if (nbf !== undefined && now < nbf) throw new InvalidTokenError('token is not valid yet');
  if (iat !== undefined && now < iat) throw new InvalidTokenError('token used before issued');
}
