/** `chartroom user add|remove` and `chartroom token create|revoke`: what they write to the users file. */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseUsersFile } from '../../src/auth/users-file.js';
import { runToken, runUser, type UsersIo } from '../../src/cli/users.js';
import { bcryptVerify } from '../../src/util/bcrypt.js';
import { apiTokenDigest } from '../../src/auth/api-tokens.js';
import { PROJECT_ROOT, run } from '../helpers/process.js';
import { tempDir } from '../helpers/server.js';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

function io(password: string, env: NodeJS.ProcessEnv = {}): UsersIo & { stdout: string; stderr: string } {
  const state = { stdout: '', stderr: '' };
  return Object.assign(state, {
    env,
    readPassword: async () => password,
    out: (t: string) => void (state.stdout += t),
    err: (t: string) => void (state.stderr += t),
  });
}

describe('chartroom user add/remove, token create/revoke', () => {
  it('writes a bcrypt hash and grants, updates the hash later, and adds a token stored as SHA-256', async () => {
    const dir = await tempDir();
    cleanup = dir.cleanup;
    const file = join(dir.path, 'users.yaml');
    expect(await runUser(['add', 'alice', '--grant', 'push class/alice', '--grant=pull class/*', '--cost', '4', '--users-file', file], io('first'))).toBe(0);
    expect(await runUser(['add', 'teacher', '--grant', 'push *', '--cost', '4'], io('t', { AUTH_USERS_FILE: file }))).toBe(0);
    expect(await runUser(['add', 'alice', '--cost', '4', '--users-file', file], io('second'))).toBe(0);
    const token = io('');
    expect(await runToken(['create', 'alice', '--name', 'ci', '--users-file', file], token)).toBe(0);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('second');
    const users = parseUsersFile(text).users;
    const alice = users.get('alice');
    expect(bcryptVerify('second', alice?.passwordHash ?? '')).toBe(true);
    expect(bcryptVerify('first', alice?.passwordHash ?? '')).toBe(false);
    expect(alice?.grants.map((g) => `${g.action} ${g.pattern}`)).toEqual(['push class/alice', 'pull class/*']);
    expect(users.get('teacher')?.grants.map((g) => g.pattern)).toEqual(['*']);
    expect(token.stdout).toMatch(/^crt_[A-Za-z0-9_-]{43}\n$/);
    expect(alice?.tokens).toEqual([{ name: 'ci', sha256: apiTokenDigest(token.stdout.trim()) }]);
    expect(text).not.toContain(token.stdout.trim());
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await runToken(['revoke', 'alice', '--name', 'ci', '--users-file', file], io(''))).toBe(0);
    expect(parseUsersFile(await readFile(file, 'utf8')).users.get('alice')?.tokens).toEqual([]);
    expect(await runUser(['remove', 'teacher', '--users-file', file], io(''))).toBe(0);
    expect([...parseUsersFile(await readFile(file, 'utf8')).users.keys()]).toEqual(['alice']);
  });

  it('refuses bad input without touching the file', async () => {
    const dir = await tempDir();
    cleanup = dir.cleanup;
    const file = join(dir.path, 'users.yaml');
    await writeFile(file, 'users: {}\n');
    const cases: [string, (out: ReturnType<typeof io>) => Promise<number>, string, number, string][] = [
      ['x', (o) => runUser(['add'], o), '', 2, 'usage: chartroom user add'],
      ['', (o) => runUser(['add', 'alice', '--users-file', file], o), '', 2, 'empty password'],
      ['x', (o) => runUser(['add', 'a:b', '--users-file', file], o), '', 1, 'invalid user name'],
      ['x', (o) => runUser(['add', 'alice', '--grant', 'own *', '--users-file', file], o), '', 1, 'invalid grant'],
      ['x', (o) => runUser(['add', 'alice', '--cost', '31', '--users-file', file], o), '', 2, '--cost must be from 4 to 14'],
      ['x'.repeat(73), (o) => runUser(['add', 'alice', '--cost', '4', '--users-file', file], o), '', 1, 'exceeds 72 bytes'],
      ['', (o) => runToken(['create', 'nobody', '--users-file', file], o), '', 1, 'no user "nobody"'],
      ['', (o) => runToken(['create', 'alice'], o), '', 2, 'usage: chartroom token create|revoke'],
      ['', (o) => runToken(['revoke', 'alice', '--users-file', file], o), '', 1, 'user "alice" has no token named "default"'],
      ['', (o) => runUser(['remove', 'nobody', '--users-file', file], o), '', 1, 'no user "nobody"'],
    ];
    for (const [password, command, , code, message] of cases) {
      const out = io(password);
      expect(await command(out)).toBe(code);
      expect(out.stderr).toContain(message);
      expect(await readFile(file, 'utf8')).toBe('users: {}\n');
    }
  });

  it('stops chartroom serve with exit code 2 on a users file it cannot use, and on a half-configured basic auth', async () => {
    const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src/cli/main.ts'), ...args], { cwd: PROJECT_ROOT });
    const missing = await cli('--auth-users-file', '/no/such/users.yaml', '--port', '0');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Error: cannot read users file /no/such/users.yaml');
    const half = await cli('--port', '0', '--basic-auth-user', 'admin');
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('Error: --basic-auth-user and --basic-auth-pass must be given together');
  });
});
