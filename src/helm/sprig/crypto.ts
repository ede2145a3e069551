/**
 * Sprig's deterministic crypto helpers: derivePassword (Master Password: scrypt + HMAC-SHA256) and
 * encryptAES/decryptAES (AES-256-CBC, PKCS#7, random IV prefixed, base64), genPrivateKey for rsa, dsa,
 * ecdsa and ed25519 in Go's PEM layouts, bcrypt and htpasswd (certificates are in certs.ts).
 */
import { createCipheriv, createDecipheriv, createHmac, generateKeyPairSync, randomBytes, scryptSync } from 'node:crypto';
import type { GoFuncDef, GoInt } from '../../gotemplate/index.js';
import { children, integer, readElement, seq } from './asn1.js';
import { bcryptGenerate } from './bcrypt.js';
import { SprigError } from './errors.js';

const SEED = 'com.lyndir.masterpassword';
const TEMPLATES: Record<string, string[]> = {
  maximum: ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno'],
  long: ['CvcvnoCvcvCvcv', 'CvcvCvcvnoCvcv', 'CvcvCvcvCvcvno', 'CvccnoCvcvCvcv', 'CvccCvcvnoCvcv', 'CvccCvcvCvcvno',
    'CvcvnoCvccCvcv', 'CvcvCvccnoCvcv', 'CvcvCvccCvcvno', 'CvcvnoCvcvCvcc', 'CvcvCvcvnoCvcc', 'CvcvCvcvCvccno',
    'CvccnoCvccCvcv', 'CvccCvccnoCvcv', 'CvccCvccCvcvno', 'CvcvnoCvccCvcc', 'CvcvCvccnoCvcc', 'CvcvCvccCvccno',
    'CvccnoCvcvCvcc', 'CvccCvcvnoCvcc', 'CvccCvcvCvccno'],
  medium: ['CvcnoCvc', 'CvcCvcno'],
  short: ['Cvcn'],
  basic: ['aaanaaan', 'aannaaan', 'aaannaaa'],
  pin: ['nnnn'],
};
const CHARS: Record<string, string> = {
  V: 'AEIOU', C: 'BCDFGHJKLMNPQRSTVWXYZ', v: 'aeiou', c: 'bcdfghjklmnpqrstvwxyz',
  A: 'AEIOUBCDFGHJKLMNPQRSTVWXYZ', a: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz', n: '0123456789',
  o: "@&%?,=[]_:-+*$#!'^~;()/.", x: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()',
};

function lengthPrefixed(s: string): Buffer {
  const b = Buffer.from(s, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(b.length);
  return Buffer.concat([len, b]);
}

/** Sprig's derivePassword. */
export function derivePassword(counter: number, type: string, password: string, user: string, site: string): string {
  const templates = TEMPLATES[type];
  if (!templates) return `cannot find password template ${type}`;
  const salt = Buffer.concat([Buffer.from(SEED), lengthPrefixed(user)]);
  const key = scryptSync(Buffer.from(password, 'utf8'), salt, 64, { N: 32768, r: 8, p: 2, maxmem: 64 * 1024 * 1024 });
  const count = Buffer.alloc(4);
  count.writeUInt32BE(counter >>> 0);
  const seed = createHmac('sha256', key).update(Buffer.concat([Buffer.from(SEED), lengthPrefixed(site), count])).digest();
  const temp = templates[seed[0]! % templates.length]!;
  return [...temp].map((el, i) => CHARS[el]![seed[i + 1]! % CHARS[el]!.length]).join('');
}

function aesKey(password: string): Buffer {
  const key = Buffer.alloc(32);
  Buffer.from(password, 'utf8').copy(key, 0, 0, 32);
  return key;
}

function encryptAES(password: string, plaintext: string): string {
  if (plaintext === '') return '';
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', aesKey(password), iv);
  return Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === '') return '';
  const crypt = Buffer.from(crypt64, 'base64');
  if (crypt.length < 16 || (crypt.length - 16) % 16 !== 0) throw new SprigError('crypto/cipher: input not full blocks');
  const decipher = createDecipheriv('aes-256-cbc', aesKey(password), crypt.subarray(0, 16)).setAutoPadding(false);
  const out = Buffer.concat([decipher.update(crypt.subarray(16)), decipher.final()]);
  if (out.length === 0) throw new SprigError('runtime error: index out of range [-1]');
  const end = out.length - out[out.length - 1]!;
  if (end < 0) throw new SprigError(`runtime error: slice bounds out of range [:${end}]`);
  return out.subarray(0, end).toString('utf8');
}

/** Sprig's genPrivateKey: RSA 4096 (PKCS#1), DSA, ECDSA P-256 (SEC 1) or Ed25519 (PKCS#8) as PEM. */
export function generatePrivateKey(type: string): string {
  switch (type) {
    case '': case 'rsa':
      return generateKeyPairSync('rsa', { modulusLength: 4096 }).privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    case 'ecdsa':
      return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'sec1', format: 'pem' }) as string;
    case 'ed25519':
      return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    case 'dsa':
      return dsaKeyPem();
    default:
      return 'Unknown type ' + type;
  }
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  for (let b = base % mod, e = exp; e > 0n; e >>= 1n, b = (b * b) % mod) if (e & 1n) result = (result * b) % mod;
  return result;
}

/** A DSA L2048N256 key in Sprig's "DSA PRIVATE KEY" layout: SEQUENCE { 0, P, Q, G, Y, X }. */
function dsaKeyPem(): string {
  const pkcs8 = generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 }).privateKey.export({ type: 'pkcs8', format: 'der' });
  const [, algId, keyOctets] = children(readElement(pkcs8));
  const [p, q, g] = children(children(algId!)[1]!).map((e) => BigInt('0x' + e.content.toString('hex')));
  const x = BigInt('0x' + readElement(keyOctets!.content).content.toString('hex'));
  const der = seq(integer(0n), integer(p!), integer(q!), integer(g!), integer(modPow(g!, x, p!)), integer(x));
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN DSA PRIVATE KEY-----\n${b64}\n-----END DSA PRIVATE KEY-----\n`;
}

/** Sprig's crypto function map (the implemented part). */
export const CRYPTO_FUNCS: Record<string, GoFuncDef> = {
  derivePassword: {
    params: ['uint32', 'string', 'string', 'string', 'string'], result: 'string',
    fn: ([c, t, p, u, s]) => derivePassword(Number((c as GoInt).value), t as string, p as string, u as string, s as string),
  },
  bcrypt: { params: ['string'], result: 'string', fn: ([p]) => bcryptGenerate(p as string) },
  htpasswd: {
    params: ['string', 'string'], result: 'string',
    fn: ([u, p]) => ((u as string).includes(':') ? `invalid username: ${u}` : `${u}:${bcryptGenerate(p as string)}`),
  },
  genPrivateKey: { params: ['string'], result: 'string', fn: ([t]) => generatePrivateKey(t as string) },
  encryptAES: { params: ['string', 'string'], result: 'string', fn: ([p, t]) => encryptAES(p as string, t as string) },
  decryptAES: { params: ['string', 'string'], result: 'string', fn: ([p, c]) => decryptAES(p as string, c as string) },
};

/** Sprig's environment and miscellany: env, expandenv (Helm removes both), hello, getHostByName. */
export const MISC_FUNCS: Record<string, GoFuncDef> = {
  hello: { params: [], result: 'string', fn: () => 'Hello!' },
  env: { params: ['string'], result: 'string', fn: ([k]) => process.env[k as string] ?? '' },
  expandenv: { params: ['string'], result: 'string', fn: ([s]) => expandEnv(s as string) },
  // Go resolves the name with DNS; a synchronous engine cannot, and Helm disables it by default.
  getHostByName: { params: ['string'], result: 'string', fn: () => '' },
};

const SPECIAL = '*#$@!?-0123456789';

function shellName(s: string): [string, number] {
  if (s[0] === '{') {
    if (s.length > 2 && SPECIAL.includes(s[1]!) && s[2] === '}') return [s[1]!, 3];
    const close = s.indexOf('}');
    if (close === 1) return ['', 2];
    if (close > 1) return [s.slice(1, close), close + 1];
    return ['', 1];
  }
  if (SPECIAL.includes(s[0]!)) return [s[0]!, 1];
  const m = /^[A-Za-z0-9_]*/.exec(s)![0];
  return [m, m.length];
}

/** Go's os.ExpandEnv. */
export function expandEnv(s: string): string {
  let out = '';
  let i = 0;
  for (let j = 0; j < s.length; j++) {
    if (s[j] !== '$' || j + 1 >= s.length) continue;
    out += s.slice(i, j);
    const [name, w] = shellName(s.slice(j + 1));
    if (name === '' && w > 0) {
      // invalid syntax: Go drops it
    } else if (name === '') out += '$';
    else out += process.env[name] ?? '';
    j += w;
    i = j + 1;
  }
  return out + s.slice(i);
}

