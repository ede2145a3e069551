/** The pure pieces of the users file: grants, parsing, edits, and the failed-login throttle. */
import { describe, expect, it } from 'vitest';
import { apiTokenDigest, isApiToken, newApiToken } from '../../src/auth/api-tokens.js';
import { parseAuthorization, secretEquals } from '../../src/auth/credentials.js';
import { GrantError, isGranted, parseGrant } from '../../src/auth/grants.js';
import { LoginThrottle } from '../../src/auth/throttle.js';
import { parseUsersFile, UsersFileError } from '../../src/auth/users-file.js';
import { addUserToken, setUserPassword } from '../../src/auth/users-file-edit.js';

const HASH = '$2a$10$LK9XRuhNxHHCvjX3tdkRKei1QiCDUKrJRhZv7WWZPuQGRUM92rOUa';

describe('grants', () => {
  const grants = ['push class/alice', 'pull class/*'].map(parseGrant);
  it.each([
    ['push', 'class/alice', true],
    ['pull', 'class/alice', true],
    ['pull', 'class/bob', true],
    ['pull', 'class/bob/extra', true],
    ['push', 'class/bob', false],
    ['pull', 'class', false],
    ['pull', 'classroom/x', false],
    ['push', 'class/alice2', false],
  ] as const)('%s on %s: %s', (action, namespace, want) => {
    expect(isGranted(grants, action, namespace)).toBe(want);
  });

  it('lets "push *" do everything, and treats pattern characters literally', () => {
    expect(isGranted([parseGrant('push *')], 'pull', 'repo')).toBe(true);
    expect(isGranted([parseGrant('push *')], 'push', 'a/b/c')).toBe(true);
    expect(isGranted([parseGrant('pull a.b')], 'pull', 'axb')).toBe(false);
  });

  it.each(['delete *', 'push', 'push a b', 'pull ../x', 'pull a//b', 'pull /a', 'pull a/%2e'])('refuses %j', (text) => {
    expect(() => parseGrant(text)).toThrow(GrantError);
  });
});

describe('users file', () => {
  it('reads users, hashes, grants and tokens', () => {
    const dir = parseUsersFile(`users:\n  teacher:\n    password: "${HASH}"\n    grants: [push *]\n  ci:\n    grants: [push class/*]\n    tokens:\n      - name: build\n        sha256: ${'a'.repeat(64)}\n`);
    expect([...dir.users.keys()]).toEqual(['teacher', 'ci']);
    expect(dir.users.get('ci')?.passwordHash).toBeUndefined();
    expect(dir.users.get('ci')?.tokens).toEqual([{ name: 'build', sha256: 'a'.repeat(64) }]);
    expect(parseUsersFile('').users.size).toBe(0);
  });

  it.each([
    ['users: [a]', 'users must be a mapping'],
    ['user: {}', 'unknown key "user"'],
    ['users:\n  alice:\n    password: hunter2', 'password must be a bcrypt hash'],
    ['users:\n  alice:\n    grant: [push *]', 'unknown key "grant"'],
    ['users:\n  alice:\n    grants: [delete *]', 'invalid grant "delete *"'],
    ['users:\n  "a:b": {}', 'invalid user name'],
    ['users:\n  alice: {}\n  alice: {}', 'not valid YAML'],
    ['users:\n  alice:\n    tokens: [{name: t, sha256: xyz}]', 'sha256 must be 64 lower-case hex digits'],
    ['users: &a\n  x: *a', 'not valid YAML'],
    ['users: {', 'not valid YAML'],
  ])('refuses %j', (text, message) => {
    expect(() => parseUsersFile(text)).toThrow(UsersFileError);
    expect(() => parseUsersFile(text)).toThrow(message);
  });

  it('is edited in place: comments and other users survive, grants are kept unless replaced', () => {
    let text = setUserPassword('', 'teacher', HASH, ['push *']);
    text = `# the class of 2026\n${text}`;
    text = setUserPassword(text, 'alice', HASH, ['push class/alice', 'pull class/*']);
    text = setUserPassword(text, 'teacher', HASH.replace('LK9', 'XYZ'));
    text = addUserToken(text, 'alice', 'ci', 'b'.repeat(64));
    text = addUserToken(text, 'alice', 'ci', 'c'.repeat(64));
    expect(text.startsWith('# the class of 2026\n')).toBe(true);
    const dir = parseUsersFile(text);
    expect(dir.users.get('teacher')?.grants.map((g) => `${g.action} ${g.pattern}`)).toEqual(['push *']);
    expect(dir.users.get('teacher')?.passwordHash).toContain('XYZ');
    expect(dir.users.get('alice')?.grants.map((g) => `${g.action} ${g.pattern}`)).toEqual(['push class/alice', 'pull class/*']);
    expect(dir.users.get('alice')?.tokens).toEqual([{ name: 'ci', sha256: 'c'.repeat(64) }]);
    expect(() => addUserToken(text, 'bob', 'ci', 'd'.repeat(64))).toThrow('no user "bob"');
    expect(() => setUserPassword(text, 'bob', HASH, ['remove *'])).toThrow(GrantError);
  });
});

describe('credentials and tokens', () => {
  it('parses Basic and Bearer in any case, and nothing else', () => {
    expect(parseAuthorization(`basic ${Buffer.from('a:b:c').toString('base64')}`)).toEqual({ scheme: 'basic', user: 'a', password: 'b:c' });
    expect(parseAuthorization('BEARER xyz')).toEqual({ scheme: 'bearer', token: 'xyz' });
    for (const bad of [undefined, '', 'Basic', 'Basic bm9jb2xvbg==', 'Digest abc', 'Basic a b']) expect(parseAuthorization(bad)).toBeUndefined();
  });

  it('makes tokens of the documented shape and compares secrets of any length', () => {
    const token = newApiToken();
    expect(isApiToken(token)).toBe(true);
    expect(apiTokenDigest(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(newApiToken()).not.toBe(token);
    expect(secretEquals('a', 'a')).toBe(true);
    expect(secretEquals('a', 'ab')).toBe(false);
  });
});

describe('LoginThrottle (the worked example of its doc comment)', () => {
  it('locks an address out after maxFailures, doubles the lockout, and forgets it after a quiet spell', () => {
    let now = 0;
    const throttle = new LoginThrottle({ maxFailures: 3, lockoutMs: 60_000, now: () => now });
    expect(throttle.recordFailure('a')).toBe(0);
    now = 1000;
    expect(throttle.recordFailure('a')).toBe(0);
    now = 2000;
    expect(throttle.recordFailure('a')).toBe(60);
    now = 10_000;
    expect(throttle.retryAfterSeconds('a')).toBe(52);
    expect(throttle.retryAfterSeconds('b')).toBe(0);
    now = 62_000;
    expect(throttle.retryAfterSeconds('a')).toBe(0);
    expect(throttle.recordFailure('a')).toBe(120);
    now = 301_000;
    expect(throttle.recordFailure('a')).toBe(240);
    now = 301_000 + 480_001;
    expect(throttle.recordFailure('a')).toBe(0);
  });

  it('forgets old failures outside the window, and never locks with maxFailures 0', () => {
    let now = 0;
    const throttle = new LoginThrottle({ maxFailures: 2, lockoutMs: 1000, now: () => now });
    throttle.recordFailure('a');
    now = 5000;
    expect(throttle.recordFailure('a')).toBe(0);
    const off = new LoginThrottle({ maxFailures: 0, lockoutMs: 1000, now: () => now });
    for (let i = 0; i < 50; i += 1) expect(off.recordFailure('a')).toBe(0);
  });

  it('lets only as many checks run at once as failures remain before the lockout', () => {
    let now = 0;
    const throttle = new LoginThrottle({ maxFailures: 3, lockoutMs: 60_000, now: () => now });
    throttle.recordFailure('a');
    expect(throttle.beginAttempt('a')).toBe(true);
    expect(throttle.beginAttempt('a')).toBe(true);
    expect(throttle.beginAttempt('a')).toBe(false);
    expect(throttle.beginAttempt('b')).toBe(true);
    throttle.endAttempt('a');
    expect(throttle.beginAttempt('a')).toBe(true);
    throttle.endAttempt('a');
    throttle.endAttempt('a');
    throttle.recordFailure('a');
    throttle.recordFailure('a');
    now = 61_000;
    expect(throttle.beginAttempt('a')).toBe(true);
    expect(throttle.beginAttempt('a')).toBe(false);
  });

  it('tracks a bounded number of addresses', () => {
    const throttle = new LoginThrottle({ maxFailures: 1, lockoutMs: 1000, now: () => 0, maxTracked: 10 });
    for (let i = 0; i < 100; i += 1) throttle.recordFailure(`10.0.0.${i}`);
    expect(throttle.retryAfterSeconds('10.0.0.0')).toBe(0);
    expect(throttle.retryAfterSeconds('10.0.0.99')).toBe(1);
  });
});
