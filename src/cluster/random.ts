/**
 * Seeded randomness for one cluster: pod name suffixes, uids, ClusterIPs. The same seed and the same inputs
 * give the same names, which is what makes virtual-clock scenarios reproducible.
 */

/**
 * The alphabet of Kubernetes' `utilrand.String` and `SafeEncodeString`: no vowels, no 0, 1 or 3, so that
 * generated names never spell words.
 */
export const SAFE_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** A deterministic pseudo-random source. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** `length` characters drawn from `alphabet`. */
  string(length: number, alphabet?: string): string;
  /** A version-4 style UUID built from this source. */
  uuid(): string;
}

const HEX = '0123456789abcdef';

/** Creates a Random (mulberry32) seeded from any string or number. */
export function createRandom(seed: string | number): Random {
  let state = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const string = (length: number, alphabet = SAFE_ALPHANUMS): string => {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[int(alphabet.length)];
    return out;
  };
  // 32 hex draws then one draw for the variant, in this order (names and uids depend on the sequence).
  const uuid = (): string => {
    const hex: string[] = new Array(32);
    for (let i = 0; i < 32; i++) hex[i] = HEX[int(16)]!;
    hex[12] = '4';
    hex[16] = '89ab'[int(4)]!;
    let out = '';
    for (let i = 0; i < 32; i++) out += i === 8 || i === 12 || i === 16 || i === 20 ? `-${hex[i]}` : hex[i];
    return out;
  };
  return { next, int, string, uuid };
}

function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
