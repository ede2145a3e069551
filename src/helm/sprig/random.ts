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

function randomString(count: number, alphabet: string): string {
  if (count <= 0) return '';
  let out = '';
  for (let i = 0; i < count; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
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
