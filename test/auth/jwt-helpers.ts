/** Test helpers: RSA key pairs and RS256/PS256 tokens signed as chartmuseum/auth's TokenGenerator signs them. */
import { constants, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export interface KeyPair {
  privateKey: KeyObject;
  publicPem: string;
  pkcs1Pem: string;
}

/** A fresh 2048-bit RSA key pair (about 50 ms). */
export function rsaKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    pkcs1Pem: publicKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  };
}

/** A compact JWS over the claims; `alg` picks the algorithm written in the header (and used to sign). */
export function signJwt(claims: Record<string, unknown>, key: KeyObject, alg = 'RS256'): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg, typ: 'JWT' })}.${part(claims)}`;
  const hash = `sha${alg.slice(2)}`;
  const padding = alg.startsWith('PS') ? constants.RSA_PKCS1_PSS_PADDING : constants.RSA_PKCS1_PADDING;
  return `${input}.${sign(hash, Buffer.from(input), { key, padding }).toString('base64url')}`;
}

/** chartmuseum/auth's claim shape: `access: [{type, name, actions}]`. */
export function accessClaims(name: string, actions: string[], now: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { iat: now, exp: now + 300, access: [{ type: 'artifact-repository', name, actions }], ...extra };
}
