/**
 * `chartroom user add NAME [--grant "push class/alice"]... [--cost N] [--users-file FILE]`,
 * `chartroom user remove NAME`, `chartroom token create NAME [--name LABEL]` and
 * `chartroom token revoke NAME [--name LABEL]` (each with `[--users-file FILE]`): write the users file that
 * `--auth-users-file` serves from (the file defaults to $AUTH_USERS_FILE). The password is read from stdin
 * (a pipe, or a prompt without echo on a terminal); only its bcrypt hash is written. A token is printed once,
 * on stdout, and only its SHA-256 is written. The file is replaced atomically, readable by its owner only;
 * a running server picks the change up within a second.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { apiTokenDigest, newApiToken } from '../auth/api-tokens.js';
import { GrantError } from '../auth/grants.js';
import { UsersFileError } from '../auth/users-file.js';
import { addUserToken, removeUser, removeUserToken, setUserPassword } from '../auth/users-file-edit.js';
import { bcryptNewHash, BCRYPT_MAX_COST } from '../util/bcrypt.js';

/** Where the commands write and how they read the password (injected by tests). */
export interface UsersIo {
  env: NodeJS.ProcessEnv;
  readPassword: () => Promise<string>;
  out: (text: string) => void;
  err: (text: string) => void;
}

interface Parsed {
  positional: string[];
  grants?: string[];
  usersFile?: string;
  tokenName: string;
  cost: number;
}

/** Runs `chartroom user …`; resolves with the exit code (2 for usage errors, 1 for a bad users file). */
export async function runUser(args: readonly string[], io: UsersIo): Promise<number> {
  return guard(io, async () => {
    const [verb, ...rest] = args;
    const parsed = parseArgs(rest);
    const [name] = parsed.positional;
    const file = parsed.usersFile ?? io.env.AUTH_USERS_FILE;
    if ((verb !== 'add' && verb !== 'remove') || !name || parsed.positional.length > 1 || !file) {
      return usage(io, 'usage: chartroom user add NAME [--grant "push <pattern>"]... [--cost N] [--users-file FILE]\n       chartroom user remove NAME [--users-file FILE]\n(the users file may also come from AUTH_USERS_FILE)');
    }
    if (verb === 'remove') {
      await replaceFile(file, removeUser(await readIfExists(file), name));
      io.err(`User ${name} removed from ${file}\n`);
      return 0;
    }
    const password = await io.readPassword();
    if (password === '') return usage(io, 'Error: empty password');
    const hash = bcryptNewHash(password, parsed.cost);
    await replaceFile(file, setUserPassword(await readIfExists(file), name, hash, parsed.grants));
    io.err(`User ${name} saved in ${file}\n`);
    return 0;
  });
}

/** Runs `chartroom token …`; `create` prints the new token on stdout. */
export async function runToken(args: readonly string[], io: UsersIo): Promise<number> {
  return guard(io, async () => {
    const [verb, ...rest] = args;
    const parsed = parseArgs(rest);
    const [name] = parsed.positional;
    const file = parsed.usersFile ?? io.env.AUTH_USERS_FILE;
    if ((verb !== 'create' && verb !== 'revoke') || !name || parsed.positional.length > 1 || !file) {
      return usage(io, 'usage: chartroom token create|revoke NAME [--name LABEL] [--users-file FILE] (or set AUTH_USERS_FILE)');
    }
    if (verb === 'revoke') {
      await replaceFile(file, removeUserToken(await readIfExists(file), name, parsed.tokenName));
      io.err(`Token ${parsed.tokenName} of ${name} revoked in ${file}\n`);
      return 0;
    }
    const token = newApiToken();
    await replaceFile(file, addUserToken(await readIfExists(file), name, parsed.tokenName, apiTokenDigest(token)));
    io.out(`${token}\n`);
    io.err(`Token ${parsed.tokenName} of ${name} saved (as a SHA-256) in ${file}; it is shown only this once\n`);
    return 0;
  });
}

function parseArgs(args: readonly string[]): Parsed {
  const parsed: Parsed = { positional: [], tokenName: 'default', cost: 10 };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const [flag, inline] = arg.startsWith('--') ? splitOnce(arg) : [undefined, undefined];
    if (!flag) {
      parsed.positional.push(arg);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) throw new UsageError(`flag needs an argument: ${flag}`);
    if (flag === '--grant') (parsed.grants ??= []).push(value);
    else if (flag === '--users-file') parsed.usersFile = value;
    else if (flag === '--name') parsed.tokenName = value;
    else if (flag === '--cost' && /^\d+$/.test(value) && Number(value) >= 4 && Number(value) <= BCRYPT_MAX_COST) parsed.cost = Number(value);
    else throw new UsageError(flag === '--cost' ? `--cost must be from 4 to ${BCRYPT_MAX_COST}` : `unknown flag ${flag}`);
  }
  return parsed;
}

function splitOnce(arg: string): [string, string | undefined] {
  const at = arg.indexOf('=');
  return at < 0 ? [arg, undefined] : [arg.slice(0, at), arg.slice(at + 1)];
}

class UsageError extends Error {
  override name = 'UsageError';
}

async function guard(io: UsersIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof UsageError) return usage(io, `Error: ${err.message}`);
    if (err instanceof UsersFileError || err instanceof GrantError || err instanceof RangeError) {
      io.err(`Error: ${err.message}\n`);
      return 1;
    }
    // A folder that does not exist, a read-only disk, no permission: the file system says which.
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('E')) {
      const hint = code === 'ENOENT' ? ' (does its folder exist?)' : '';
      io.err(`Error: cannot update the users file${hint}: ${(err as Error).message}\n`);
      return 1;
    }
    throw err;
  }
}

function usage(io: UsersIo, message: string): number {
  io.err(`${message}\n`);
  return 2;
}

async function readIfExists(path: string): Promise<string> {
  return existsSync(path) ? readFile(path, 'utf8') : '';
}

async function replaceFile(path: string, text: string): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, text, { mode: 0o600 });
  await rename(temporary, path);
}

/** `chartroom user …` or `chartroom token …` on the real process's stdin, stdout and stderr. */
export function runUsersCommand(command: 'user' | 'token', args: readonly string[]): Promise<number> {
  const io: UsersIo = {
    env: process.env,
    readPassword: readPasswordFromStdin,
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
  };
  return command === 'user' ? runUser(args, io) : runToken(args, io);
}

/**
 * Reads a password from stdin: the whole input from a pipe (one trailing newline dropped), or one line
 * typed at a prompt on a terminal, without echo.
 */
export async function readPasswordFromStdin(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  }
  process.stderr.write('Password: ');
  stdin.setRawMode(true);
  return new Promise((done) => {
    let typed = '';
    const onData = (data: Buffer): void => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          stdin.setRawMode(false);
          stdin.off('data', onData);
          stdin.pause();
          process.stderr.write('\n');
          done(typed);
          return;
        }
        if (char === '\u0003') process.exit(130);
        typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
      }
    };
    stdin.on('data', onData);
  });
}
