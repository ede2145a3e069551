/**
 * bcrypt against the known-answer vectors in golang.org/x/crypto/bcrypt's own tests (bcrypt_test.go,
 * v0.26.0): the hash is random in use, so the differential corpus can only check its shape.
 */
import { describe, expect, it } from 'vitest';
import { bcryptHash } from '../../../src/helm/sprig/bcrypt.js';

describe('bcrypt', () => {
  it.each([
    ['allmine', 'XajjQvNhvvRt5GSeFk1xFe', '$2a$10$XajjQvNhvvRt5GSeFk1xFeyqRrsxkhBkUiQeg0dt.wU1qD4aFDcga'],
    ['012345678901234567890123456789012345678901234567890123456', 'XajjQvNhvvRt5GSeFk1xFe', '$2a$10$XajjQvNhvvRt5GSeFk1xFe5l47dONXg781AmZtd869sO8zfsHuw7C'],
    ['passw0rd', 'LK9XRuhNxHHCvjX3tdkRKe', '$2a$10$LK9XRuhNxHHCvjX3tdkRKei1QiCDUKrJRhZv7WWZPuQGRUM92rOUa'],
  ])('hashes %s as Go does', (password, salt, want) => {
    expect(bcryptHash(Buffer.from(password), 10, salt)).toBe(want);
  });
});
