/**
 * Template hashing as in kubernetes/kubernetes:pkg/controller/controller_utils.go `ComputeHash`: FNV-32a over
 * a deterministic dump of the pod template, then the collision count as 4 little-endian bytes, then the
 * decimal digits of the 32-bit sum mapped through `SafeEncodeString`.
 *
 * Go's dump format cannot be reproduced, so the dump here is JSON with sorted keys: hashes have the real
 * shape (1-10 characters from `456789bcdf`) but not the real values.
 */
import { SAFE_ALPHANUMS } from './random.js';

/** FNV-32a of a byte array. */
export function fnv32a(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * Maps every character through `alphanums[code % 27]` (Kubernetes `rand.SafeEncodeString`).
 * Example: "0123456789" → "456789bcdf".
 */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHANUMS[s.charCodeAt(i) % SAFE_ALPHANUMS.length];
  return out;
}

/** JSON with object keys sorted at every level: a deterministic dump of any JSON value. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The pod-template-hash of `template` with an optional `collisionCount` (Deployment and DaemonSet
 * `status.collisionCount`). Example shape: "7d7496cdc6".
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  const encoder = new TextEncoder();
  let h = fnv32a(encoder.encode(canonicalJson(template)));
  if (collisionCount !== undefined) {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(bytes, h);
  }
  return safeEncodeString(String(h));
}
