/** Sprig's encoding functions: base32 and the JSON family (Helm overrides toJson and fromJson). */
import { ANY, type GoFuncDef, type GoValue } from '../../gotemplate/index.js';
import { decodeJson, encodeJson } from './json.js';

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 with padding (Go's base32.StdEncoding). */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += '=';
  return out;
}

/** Go's base32.StdEncoding.DecodeString; returns Go's error text for malformed input, as Sprig does. */
export function base32Decode(s: string): string {
  if (s.length % 8 !== 0) return `illegal base32 data at input byte ${Math.floor(s.length / 8) * 8}`;
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  const pad = s.indexOf('=');
  const body = pad >= 0 ? s.slice(0, pad) : s;
  for (let i = 0; i < body.length; i++) {
    const idx = B32.indexOf(body[i]!);
    if (idx < 0) return `illegal base32 data at input byte ${i}`;
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  if (pad >= 0 && /[^=]/.test(s.slice(pad))) return `illegal base32 data at input byte ${pad}`;
  return Buffer.from(bytes).toString('utf8');
}

function f(params: string[], fn: (a: GoValue[]) => GoValue, result: string): GoFuncDef {
  return { params, fn, result };
}

function quiet(fn: () => string): string {
  try {
    return fn();
  } catch {
    return '';
  }
}

function fromJsonMust(s: string): GoValue {
  try {
    return decodeJson(s);
  } catch (e) {
    throw new Error((e as Error).message);
  }
}

/** Sprig's encoding function map. */
export const ENCODING_FUNCS: Record<string, GoFuncDef> = {
  b32enc: f(['string'], ([s]) => base32Encode(Buffer.from(s as string, 'utf8')), 'string'),
  b32dec: f(['string'], ([s]) => base32Decode(s as string), 'string'),
  toJson: f([ANY], ([v]) => quiet(() => encodeJson(v!, true)), 'string'),
  mustToJson: f([ANY], ([v]) => encodeJson(v!, true), 'string'),
  toPrettyJson: f([ANY], ([v]) => quiet(() => encodeJson(v!, true, '  ')), 'string'),
  mustToPrettyJson: f([ANY], ([v]) => encodeJson(v!, true, '  '), 'string'),
  toRawJson: f([ANY], ([v]) => encodeJson(v!, false), 'string'),
  mustToRawJson: f([ANY], ([v]) => encodeJson(v!, false), 'string'),
  fromJson: f(['string'], ([s]) => { try { return decodeJson(s as string); } catch { return null; } }, ANY),
  mustFromJson: f(['string'], ([s]) => fromJsonMust(s as string), ANY),
};
