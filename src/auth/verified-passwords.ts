/**
 * Remembers password checks that succeeded, so a client sending the same basic-auth credentials on every
 * request pays bcrypt's cost (about 0.1 s at cost 10) once, not per request. Entries are SHA-256 digests of
 * user, password and stored hash together (a changed hash never matches an old entry), they expire after
 * five minutes, and there are at most a thousand of them. Only successes are remembered.
 */
import { sha256 } from './credentials.js';

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 1000;

/** The cache of successful password checks described above. */
export class VerifiedPasswords {
  private readonly entries = new Map<string, number>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** True if this user, password and hash were verified in the last five minutes. */
  has(user: string, password: string, hash: string): boolean {
    const key = keyOf(user, password, hash);
    const expires = this.entries.get(key);
    if (expires === undefined) return false;
    if (expires > this.now()) return true;
    this.entries.delete(key);
    return false;
  }

  /** Records a successful verification. */
  add(user: string, password: string, hash: string): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(keyOf(user, password, hash), this.now() + TTL_MS);
  }
}

function keyOf(user: string, password: string, hash: string): string {
  // The map lookup compares digests of secrets, never the secrets themselves.
  return sha256(`${user}\u0000${password}\u0000${hash}`).toString('base64');
}
