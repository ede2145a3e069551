/**
 * A minimal DER encoder and reader: enough to build X.509 certificates the way Go's crypto/x509 lays
 * them out, and to pull the subject and extensions back out of a PEM certificate.
 */

/** DER tag numbers used here. */
export const TAG = {
  boolean: 0x01, integer: 0x02, bitString: 0x03, octetString: 0x04, null: 0x05, oid: 0x06, utf8String: 0x0c,
  printableString: 0x13, ia5String: 0x16, utcTime: 0x17, generalizedTime: 0x18, sequence: 0x30, set: 0x31,
} as const;

function lengthBytes(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One TLV. */
export function tlv(tag: number, content: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag]), lengthBytes(content.length), content]);
}

/** SEQUENCE of already-encoded elements. */
export function seq(...items: Uint8Array[]): Buffer {
  return tlv(TAG.sequence, Buffer.concat(items));
}

/** SET of already-encoded elements (callers pass them in DER order). */
export function set(...items: Uint8Array[]): Buffer {
  return tlv(TAG.set, Buffer.concat(items));
}

/** A non-negative INTEGER. */
export function integer(v: bigint): Buffer {
  let hex = v.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  let bytes = Buffer.from(hex, 'hex');
  if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(TAG.integer, bytes);
}

/** An OBJECT IDENTIFIER from dotted text. */
export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out = [parts[0]! * 40 + parts[1]!];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(TAG.oid, Buffer.from(out));
}

/** A BIT STRING with no unused bits (or `unused` trailing bits for key usage flags). */
export function bitString(bytes: Uint8Array, unused = 0): Buffer {
  return tlv(TAG.bitString, Buffer.concat([Buffer.from([unused]), bytes]));
}

/** Explicit context tag [n]. */
export function explicit(n: number, content: Uint8Array): Buffer {
  return tlv(0xa0 | n, content);
}

/** Go's time encoding: UTCTime for 1950–2049, GeneralizedTime otherwise. */
export function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const year = d.getUTCFullYear();
  if (year >= 1950 && year < 2050) return tlv(TAG.utcTime, Buffer.from(iso.slice(2) + 'Z'));
  return tlv(TAG.generalizedTime, Buffer.from(iso + 'Z'));
}

/** A decoded element: tag, content and the whole encoding. */
export interface Element {
  tag: number;
  content: Buffer;
  raw: Buffer;
}

/** Reads the element at `at` in `buf`. */
export function readElement(buf: Buffer, at = 0): Element {
  const tag = buf[at]!;
  let len = buf[at + 1]!;
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[start + i]!;
    start += n;
  }
  return { tag, content: buf.subarray(start, start + len), raw: buf.subarray(at, start + len) };
}

/** The children of a constructed element. */
export function children(e: Element): Element[] {
  const out: Element[] = [];
  for (let at = 0; at < e.content.length; ) {
    const c = readElement(e.content, at);
    out.push(c);
    at += c.raw.length;
  }
  return out;
}
