/**
 * The pure pieces of bearer auth: RS256 verification with golang-jwt v4's time rules, and the JMESPath
 * subset of --auth-actions-search-path (cases from the JMESPath specification's examples).
 */
import { describe, expect, it } from 'vitest';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { compileJmesPath, JmesPathError } from '../../src/auth/jmespath.js';
import { InvalidTokenError, PublicKeyError, readRsaPublicKey, verifyJwt } from '../../src/auth/jwt.js';
import { accessClaims, rsaKeyPair, signJwt } from './jwt-helpers.js';

const keys = rsaKeyPair();
const key = createPublicKey(keys.publicPem);
const NOW = 1_800_000_000;

describe('verifyJwt', () => {
  it('returns the claims of a token signed with RS256, RS512 or PS256 by the matching key', () => {
    for (const alg of ['RS256', 'RS512', 'PS256']) {
      const claims = verifyJwt(signJwt(accessClaims('repo', ['pull'], NOW), keys.privateKey, alg), key, NOW);
      expect(claims.access).toEqual([{ type: 'artifact-repository', name: 'repo', actions: ['pull'] }]);
    }
  });

  it.each([
    ['expired (exp = now)', { exp: NOW }, 'token is expired'],
    ['not valid yet (nbf in the future)', { nbf: NOW + 1 }, 'token is not valid yet'],
    ['issued in the future', { iat: NOW + 1 }, 'token used before issued'],
    ['exp that is not a number', { exp: 'tomorrow' }, 'exp is invalid'],
  ])('refuses a token that is %s', (_label, claims, message) => {
    const token = signJwt({ ...accessClaims('repo', ['pull'], NOW - 10), ...claims }, keys.privateKey);
    expect(() => verifyJwt(token, key, NOW)).toThrow(message);
  });

  it('refuses alg none, HS256 keyed with the public key, another key, a changed payload and garbage', () => {
    const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const claims = accessClaims('repo', ['push'], NOW);
    expect(() => verifyJwt(`${part({ alg: 'none' })}.${part(claims)}.`, key, NOW)).toThrow('signing method none is invalid');
    expect(() => verifyJwt(`${part({ alg: 'HS256' })}.${part(claims)}.AAAA`, key, NOW)).toThrow(InvalidTokenError);
    expect(() => verifyJwt(signJwt(claims, rsaKeyPair().privateKey), key, NOW)).toThrow('signature is invalid');
    const [h, , s] = signJwt(claims, keys.privateKey).split('.');
    expect(() => verifyJwt(`${h}.${part({ ...claims, access: [] })}.${s}`, key, NOW)).toThrow('signature is invalid');
    for (const bad of ['', 'a.b', 'a.b.c.d', '!!.!!.!!', `${part([1])}.${part({})}.x`, 'x'.repeat(20_000)]) {
      expect(() => verifyJwt(bad, key, NOW)).toThrow(InvalidTokenError);
    }
  });

  it('reads PKIX and PKCS#1 public keys, and refuses a non-RSA key', () => {
    expect(readRsaPublicKey(keys.publicPem).asymmetricKeyType).toBe('rsa');
    expect(readRsaPublicKey(keys.pkcs1Pem).asymmetricKeyType).toBe('rsa');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => readRsaPublicKey(ec)).toThrow(PublicKeyError);
    expect(() => readRsaPublicKey('not a key')).toThrow(PublicKeyError);
  });
});

describe('JMESPath subset', () => {
  const claims = {
    access: [
      { type: 'artifact-repository', name: 'org1/repo1', actions: ['pull'] },
      { type: 'artifact-repository', name: 'org1/repo2', actions: ['pull', 'push'] },
      { type: 'other', name: 'org1/repo1', actions: ['push'] },
    ],
    permissions: { 'org1/repo1': ['push'] },
    people: [{ name: 'a', age: 30 }, { name: 'b', age: 50 }, { name: 'c' }],
  };
  it.each([
    ["access[?name=='org1/repo1' && type=='artifact-repository'].actions[]", ['pull']],
    ["access[?name=='org1/repo2'].actions[]", ['pull', 'push']],
    ["access[?name=='nope'].actions[]", []],
    ['access[*].name', ['org1/repo1', 'org1/repo2', 'org1/repo1']],
    ['access[0].actions', ['pull']],
    ['access[-1].type', 'other'],
    ['permissions."org1/repo1"', ['push']],
    ['permissions.*', [['push']]],
    ['access[].actions[]', ['pull', 'pull', 'push', 'push']],
    ["access[?type!='other'] | length_is_not_a_function", null],
    ['people[?age > `40`].name', ['b']],
    ['people[?!age].name', ['c']],
    ["people[?name=='a' || name=='c'].name", ['a', 'c']],
    ['missing || `"fallback"`', 'fallback'],
    ['people[0].[name, age]', ['a', 30]],
    ['people[1].{n: name}', { n: 'b' }],
    ["(access[?name=='org1/repo1'])[0].actions[0]", 'pull'],
    ['@.permissions', { 'org1/repo1': ['push'] }],
  ])('%s', (expression, want) => {
    expect(compileJmesPath(expression).search(claims)).toEqual(want);
  });

  it('refuses functions, slices and malformed expressions when compiling', () => {
    for (const bad of ['length(access)', 'access[0:2]', 'access[?', "access[?name=='x'", 'a.', '#']) {
      expect(() => compileJmesPath(bad)).toThrow(JmesPathError);
    }
  });
});
