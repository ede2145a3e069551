/**
 * A seeded random source (mulberry32) and a generator of arbitrary values biased towards the
 * characters and shapes that change go-yaml's output: indicators, breaks, blanks, non-printable
 * and astral characters, digit runs in keys, long words near the 80-column fold.
 */
import { float64, int64, type Tagged } from './tagged.js';

/** A deterministic random source; the same seed always yields the same sequence. */
export interface Random {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  word(): string;
  hex(length: number): string;
}

/** Creates a mulberry32-based Random for `seed`. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const WORDS = ['nginx', 'redis', 'app', 'web', 'db', 'cache', 'api', 'worker', 'proxy', 'mq', 'x', 'alpha', 'zeta'];
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    word: () => pick(WORDS),
    hex: (length) => Array.from({ length }, () => '0123456789abcdef'[int(0, 15)]).join(''),
  };
}

const FRAGMENTS = [
  'a', 'b', 'Z', 'word', 'hello', ' ', ' ', ' ', '  ', ':', ': ', ' #', '#', '-', '- ', '?', '? ', ',', '[', ']', '{', '}', '&', '*',
  '!', '|', '>', "'", '"', '%', '@', '`', '\\', '\t', '\n', '\n', '\r', '\r\n', '\u0085', '\u2028', '\u2029', '🚀', 'é', '日本',
  '\u00a0', '\ufeff', '\u0000', '\u0001', '\u001b', '0', '1', '12', '007', '1.5', 'e5', '_', '.', '...', '---', 'yes', 'no', 'on',
  'null', '~', 'true', '2024-01-01', '12:30', '0x1F', 'lorem ipsum dolor sit amet', 'x'.repeat(30), 'consectetur adipiscing',
];

/** A random string made of FRAGMENTS; sometimes long enough to fold. */
export function randomString(rnd: Random): string {
  const parts = rnd.chance(0.2) ? rnd.int(10, 40) : rnd.int(0, 6);
  let s = '';
  for (let i = 0; i < parts; i++) s += rnd.pick(FRAGMENTS);
  return s;
}

function randomNumber(rnd: Random): Tagged {
  switch (rnd.int(0, 5)) {
    case 0: return rnd.int(-1000, 1000);
    case 1: return rnd.int(-1e6, 1e6) / rnd.pick([1, 2, 4, 10, 100, 3, 7]);
    case 2: return float64(rnd.pick([-1, 1]) * Math.pow(10, rnd.int(-30, 30)) * (1 + rnd.next()));
    case 3: return int64(BigInt(rnd.int(-1e9, 1e9)) * BigInt(rnd.int(0, 1e9)));
    case 4: return float64(rnd.pick([0, -0, 1e21, 2 ** 63, 2 ** 64, 1e-7, 123456789.125]));
    default: return Math.floor(rnd.next() * 2 ** 53);
  }
}

function randomKey(rnd: Random): string {
  if (rnd.chance(0.5)) return `${rnd.word()}${rnd.chance(0.5) ? rnd.int(0, 120) : ''}${rnd.chance(0.2) ? rnd.word() : ''}`;
  return randomString(rnd);
}

/** A random value of bounded depth: maps, lists, strings, numbers, bools, nulls. */
export function randomValue(rnd: Random, depth = 0): Tagged {
  const r = rnd.next();
  if (depth < 4 && r < 0.25) {
    const out: Record<string, Tagged> = {};
    for (let i = rnd.int(0, 6); i > 0; i--) {
      const k = randomKey(rnd);
      if (k !== '$int64' && k !== '$float64') out[k] = randomValue(rnd, depth + 1);
    }
    return out;
  }
  if (depth < 4 && r < 0.4) return Array.from({ length: rnd.int(0, 5) }, () => randomValue(rnd, depth + 1));
  if (r < 0.75) return randomString(rnd);
  if (r < 0.9) return randomNumber(rnd);
  return rnd.pick([true, false, null]);
}
