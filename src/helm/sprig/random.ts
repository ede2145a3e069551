/**
 * Sprig's random functions: randAlphaNum, randAlpha, randNumeric, randAscii (goutils' crypto-random
 * strings), shuffle, randBytes and uuidv4. Output is random by contract; only its shape matches Go.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { GoFuncDef, GoInt, GoValue } from '../../gotemplate/index.js';
import { SprigError } from './errors.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** Longest string V8 can hold; a longer request fails as V8 would, before any work. */
const MAX_STRING_LENGTH = 2 ** 29 - 24;

/** `count` characters drawn uniformly from an ASCII `alphabet`, by rejection sampling over random bytes. */
function randomString(count: number, alphabet: string): string {
  if (count <= 0) return '';
  if (count > MAX_STRING_LENGTH) throw new RangeError('Invalid string length');
  const out = Buffer.allocUnsafe(count);
  const usable = 256 - (256 % alphabet.length);
  let filled = 0;
  while (filled < count) {
    for (const b of randomBytes(Math.min(65536, 2 * (count - filled)))) {
      if (b >= usable) continue;
      out[filled++] = alphabet.charCodeAt(b % alphabet.length);
      if (filled === count) break;
    }
  }
  return out.toString('latin1');
}

function shuffle(s: string): string {
  const rs = [...s];
  for (let i = rs.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [rs[i], rs[j]] = [rs[j]!, rs[i]!];
  }
  return rs.join('');
}

function f(params: string[], fn: (a: GoValue[]) => GoValue): GoFuncDef {
  return { params, fn, result: 'string' };
}
const n = (v: GoValue | undefined) => Number((v as GoInt).value);

/** Sprig's random function map. */
export const RANDOM_FUNCS: Record<string, GoFuncDef> = {
  randAlphaNum: f(['int'], ([c]) => randomString(n(c), LETTERS + DIGITS)),
  randAlpha: f(['int'], ([c]) => randomString(n(c), LETTERS)),
  randNumeric: f(['int'], ([c]) => randomString(n(c), DIGITS)),
  randAscii: f(['int'], ([c]) => randomString(n(c), ASCII)),
  shuffle: f(['string'], ([s]) => shuffle(s as string)),
  randBytes: f(['int'], ([c]) => {
    if (n(c) < 0) throw new SprigError('runtime error: makeslice: len out of range');
    return randomBytes(n(c)).toString('base64');
  }),
  uuidv4: f([], () => randomUUID()),
};
