/**
 * bcrypt ($2a$, as golang.org/x/crypto/bcrypt produces it), shared by Sprig's bcrypt and htpasswd and by
 * the users file of `--auth-users-file`. Blowfish's
 * initial state is the hexadecimal expansion of π, computed once with Machin's formula instead of being
 * pasted in as four kilobytes of constants.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

const P_WORDS = 18;
const S_WORDS = 4 * 256;

/** The first `words` 32-bit words of π's fractional part in hexadecimal (0x243F6A88, 0x85A308D3, …). */
function piWords(words: number): Uint32Array {
  const bits = BigInt(words * 32 + 64);
  const one = 1n << bits;
  const atanInv = (x: bigint): bigint => {
    let term = one / x;
    let sum = term;
    const x2 = x * x;
    for (let k = 1n; term !== 0n; k++) {
      term /= x2;
      sum += (k % 2n === 1n ? -term : term) / (2n * k + 1n);
    }
    return sum;
  };
  const pi = 16n * atanInv(5n) - 4n * atanInv(239n);
  const frac = (pi - 3n * one) >> 64n; // drop the integer part and the guard bits
  const out = new Uint32Array(words);
  for (let i = 0; i < words; i++) out[i] = Number((frac >> BigInt((words - 1 - i) * 32)) & 0xffffffffn);
  return out;
}

let initial: Uint32Array | undefined;

/** Blowfish state: P-array then the four S-boxes. */
class Blowfish {
  readonly p: Uint32Array;
  readonly s: Uint32Array;

  constructor() {
    initial ??= piWords(P_WORDS + S_WORDS);
    this.p = initial.slice(0, P_WORDS);
    this.s = initial.slice(P_WORDS);
  }

  private f(x: number): number {
    const s = this.s;
    const h = (s[x >>> 24]! + s[256 + ((x >>> 16) & 0xff)]!) >>> 0;
    return (((h ^ s[512 + ((x >>> 8) & 0xff)]!) >>> 0) + s[768 + (x & 0xff)]!) >>> 0;
  }

  encrypt(l: number, r: number): [number, number] {
    const p = this.p;
    for (let i = 0; i < 16; i += 2) {
      l = (l ^ p[i]!) >>> 0;
      r = (r ^ this.f(l)) >>> 0;
      r = (r ^ p[i + 1]!) >>> 0;
      l = (l ^ this.f(r)) >>> 0;
    }
    return [(r ^ p[17]!) >>> 0, (l ^ p[16]!) >>> 0];
  }

  /** Blowfish's key schedule with bcrypt's salt mixing (an empty salt gives the plain schedule). */
  expandKey(key: Uint8Array, salt: Uint8Array): void {
    const word = stream(key);
    for (let i = 0; i < P_WORDS; i++) this.p[i] = (this.p[i]! ^ word()) >>> 0;
    const saltWord = salt.length ? stream(salt) : () => 0;
    let l = 0;
    let r = 0;
    const fill = (arr: Uint32Array) => {
      for (let i = 0; i < arr.length; i += 2) {
        [l, r] = this.encrypt((l ^ saltWord()) >>> 0, (r ^ saltWord()) >>> 0);
        arr[i] = l;
        arr[i + 1] = r;
      }
    };
    fill(this.p);
    fill(this.s);
  }
}

/** Cyclic big-endian 32-bit words from bytes (Blowfish's stream2word). */
function stream(data: Uint8Array): () => number {
  let j = 0;
  return () => {
    let w = 0;
    for (let k = 0; k < 4; k++) {
      w = ((w << 8) | data[j]!) >>> 0;
      j = (j + 1) % data.length;
    }
    return w;
  };
}

const ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** bcrypt's unpadded base64. */
function encode64(bytes: Uint8Array): string {
  const std = Buffer.from(bytes).toString('base64').replace(/=+$/, '');
  const from = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  return [...std].map((c) => ALPHABET[from.indexOf(c)]).join('');
}

function decode64(s: string): Uint8Array {
  const from = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const std = [...s].map((c) => from[ALPHABET.indexOf(c)]).join('');
  return Buffer.from(std + '='.repeat((4 - (std.length % 4)) % 4), 'base64');
}

/** The bcrypt hash of password with a 22-character encoded salt and a cost (golang.org/x/crypto's bcrypt). */
export function bcryptHash(password: Uint8Array, cost: number, salt22: string): string {
  const steps = bcryptSteps(password, cost, salt22);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The same hash, computed in slices of 64 key-schedule rounds with the event loop free in between (about
 * 16 pauses at cost 10), so a server checking a password keeps answering other requests meanwhile.
 */
export async function bcryptHashAsync(password: Uint8Array, cost: number, salt22: string): Promise<string> {
  const steps = bcryptSteps(password, cost, salt22);
  let step = steps.next();
  while (!step.done) {
    await new Promise<void>((resume) => setImmediate(resume));
    step = steps.next();
  }
  return step.value;
}

/** bcrypt itself, pausing (yielding) every 64 rounds of the expensive key schedule. */
function* bcryptSteps(password: Uint8Array, cost: number, salt22: string): Generator<void, string, void> {
  const salt = decode64(salt22);
  const key = Buffer.concat([password, Buffer.from([0])]);
  const bf = new Blowfish();
  bf.expandKey(key, salt);
  for (let i = 0; i < 2 ** cost; i++) {
    bf.expandKey(key, new Uint8Array(0));
    bf.expandKey(salt, new Uint8Array(0));
    if (i % 64 === 63) yield;
  }
  const text = Buffer.from('OrpheanBeholderScryDoubt');
  for (let i = 0; i < 24; i += 8) {
    let l = text.readUInt32BE(i);
    let r = text.readUInt32BE(i + 4);
    for (let j = 0; j < 64; j++) [l, r] = bf.encrypt(l, r);
    text.writeUInt32BE(l, i);
    text.writeUInt32BE(r, i + 4);
  }
  return `$2a$${String(cost).padStart(2, '0')}$${salt22}${encode64(text.subarray(0, 23))}`;
}

/** A new bcrypt hash of a password with a fresh random salt. Throws RangeError beyond 72 bytes (bcrypt's limit). */
export function bcryptNewHash(password: string, cost = 10): string {
  const bytes = Buffer.from(password, 'utf8');
  if (bytes.length > 72) throw new RangeError('bcrypt: password length exceeds 72 bytes');
  return bcryptHash(bytes, cost, encode64(randomBytes(16)));
}

const HASH_SHAPE = /^\$2[aby]\$(\d\d)\$([./A-Za-z0-9]{22})[./A-Za-z0-9]{31}$/;

/**
 * The highest cost accepted when verifying: cost 14 takes about 2 s in this implementation, and each step
 * doubles it, so a higher cost in a users file would let one login stall the server.
 */
export const BCRYPT_MAX_COST = 14;

/** True if `hash` is a bcrypt hash ($2a$, $2b$ or $2y$) with a cost from 4 to BCRYPT_MAX_COST. */
export function isBcryptHash(hash: string): boolean {
  const match = HASH_SHAPE.exec(hash);
  return match !== null && Number(match[1]) >= 4 && Number(match[1]) <= BCRYPT_MAX_COST;
}

/**
 * Whether `password` matches the bcrypt `hash`, compared in constant time. A malformed hash never matches.
 * Passwords beyond 72 bytes never match (Go's bcrypt refuses them rather than truncating).
 */
export function bcryptVerify(password: string, hash: string): boolean {
  const parts = verifiable(password, hash);
  return parts !== undefined && sameHash(bcryptHash(parts.bytes, parts.cost, parts.salt), hash);
}

/** bcryptVerify without holding the event loop (see bcryptHashAsync). */
export async function bcryptVerifyAsync(password: string, hash: string): Promise<boolean> {
  const parts = verifiable(password, hash);
  return parts !== undefined && sameHash(await bcryptHashAsync(parts.bytes, parts.cost, parts.salt), hash);
}

function verifiable(password: string, hash: string): { bytes: Buffer; cost: number; salt: string } | undefined {
  const match = HASH_SHAPE.exec(hash);
  const bytes = Buffer.from(password, 'utf8');
  if (!match || !isBcryptHash(hash) || bytes.length > 72) return undefined;
  return { bytes, cost: Number(match[1]), salt: match[2] as string };
}

/** Compares after the `$2a$`/`$2b$`/`$2y$` prefix, which does not change the hash for these inputs. */
function sameHash(computed: string, hash: string): boolean {
  return timingSafeEqual(Buffer.from(computed.slice(4)), Buffer.from(hash.slice(4)));
}
