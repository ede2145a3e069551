/**
 * Masterminds refuses version strings over 256 bytes before any other check (seen through Helm 3.22's
 * `semverCompare`/`semver`: 256 bytes parse, 257 fail with this text; found by the random-template run).
 */
import { describe, expect, it } from 'vitest';
import { InvalidVersionError, parseVersion } from '../../../src/helm/semver/index.js';

describe('version length limit', () => {
  it('parses 256 bytes and refuses 257', () => {
    expect(parseVersion(`1.0.0-${'a'.repeat(250)}`).major).toBe(1);
    expect(() => parseVersion(`1.0.0-${'a'.repeat(251)}`)).toThrow('version string is too long (max 256 bytes)');
  });
  it('checks length before syntax', () => {
    const e = (() => {
      try {
        parseVersion('x'.repeat(257));
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(InvalidVersionError);
    expect((e as InvalidVersionError).code).toBe('too-long');
  });
});
