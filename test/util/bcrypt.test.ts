/**
 * bcrypt against the known-answer vectors in golang.org/x/crypto/bcrypt's own tests (bcrypt_test.go,
 * v0.26.0): the hash is random in use, so the differential corpus can only check its shape.
 */
import { describe, expect, it } from 'vitest';
import { bcryptHash, bcryptNewHash, bcryptVerify, isBcryptHash } from '../../src/util/bcrypt.js';

describe('bcrypt', () => {
  it.each([
    ['allmine', 'XajjQvNhvvRt5GSeFk1xFe', '$2a$10$XajjQvNhvvRt5GSeFk1xFeyqRrsxkhBkUiQeg0dt.wU1qD4aFDcga'],
    ['012345678901234567890123456789012345678901234567890123456', 'XajjQvNhvvRt5GSeFk1xFe', '$2a$10$XajjQvNhvvRt5GSeFk1xFe5l47dONXg781AmZtd869sO8zfsHuw7C'],
    ['passw0rd', 'LK9XRuhNxHHCvjX3tdkRKe', '$2a$10$LK9XRuhNxHHCvjX3tdkRKei1QiCDUKrJRhZv7WWZPuQGRUM92rOUa'],
  ])('hashes %s as Go does', (password, salt, want) => {
    expect(bcryptHash(Buffer.from(password), 10, salt)).toBe(want);
  });
});

describe('bcryptVerify', () => {
  it('accepts the right password and refuses others, for $2a$, $2b$ and $2y$ hashes', () => {
    const hash = '$2a$10$LK9XRuhNxHHCvjX3tdkRKei1QiCDUKrJRhZv7WWZPuQGRUM92rOUa';
    expect(bcryptVerify('passw0rd', hash)).toBe(true);
    expect(bcryptVerify('passw0rd', hash.replace('$2a$', '$2b$'))).toBe(true);
    expect(bcryptVerify('passw0rd', hash.replace('$2a$', '$2y$'))).toBe(true);
    expect(bcryptVerify('passw0rD', hash)).toBe(false);
    expect(bcryptVerify('', hash)).toBe(false);
  });

  it('never matches a malformed hash or one whose cost would stall the server', () => {
    expect(bcryptVerify('x', 'plain-text')).toBe(false);
    expect(isBcryptHash('$2a$31$LK9XRuhNxHHCvjX3tdkRKei1QiCDUKrJRhZv7WWZPuQGRUM92rOUa')).toBe(false);
    expect(bcryptVerify('passw0rd', '$2a$31$LK9XRuhNxHHCvjX3tdkRKei1QiCDUKrJRhZv7WWZPuQGRUM92rOUa')).toBe(false);
  });

  it('round-trips a fresh hash and refuses passwords over 72 bytes', () => {
    const hash = bcryptNewHash('s3cret', 4);
    expect(isBcryptHash(hash)).toBe(true);
    expect(bcryptVerify('s3cret', hash)).toBe(true);
    expect(() => bcryptNewHash('x'.repeat(73), 4)).toThrow(RangeError);
  });
});
