/**
 * The users file as the server sees it: read at start-up (a bad file stops the start), then re-read when
 * its modification time, size or inode change. A bad or missing file after start-up keeps the previous good
 * one in force and logs an error, so an editing mistake never locks everyone out or lets everyone in.
 */
import { readFile, stat } from 'node:fs/promises';
import { MAX_USERS_FILE_BYTES, parseUsersFile, UsersFileError, type UserDirectory } from './users-file.js';

/** Where reloads are reported (the server's logger). */
export interface UsersSourceLog {
  info(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

/** The users file in force, with its reload. */
export class UsersFileSource {
  private stamp = '';

  private constructor(
    readonly path: string,
    private current: UserDirectory,
    private readonly log: UsersSourceLog,
  ) {}

  /** Reads and parses the file. Throws UsersFileError if it cannot be read or is invalid. */
  static async open(path: string, log: UsersSourceLog): Promise<UsersFileSource> {
    const { directory, stamp } = await load(path);
    const source = new UsersFileSource(path, directory, log);
    source.stamp = stamp;
    return source;
  }

  /** The users in force now. */
  directory(): UserDirectory {
    return this.current;
  }

  /** Re-reads the file if it changed. Resolves true if a new version was taken; never rejects. */
  async reload(): Promise<boolean> {
    let next: { directory: UserDirectory; stamp: string };
    try {
      const current = await stampOf(this.path);
      if (current === this.stamp) return false;
      next = await load(this.path);
    } catch (err) {
      const message = (err as Error).message;
      if (this.stamp !== `failed:${message}`) this.log.error({ usersFile: this.path, error: message }, 'Users file not reloaded; the previous version stays in force');
      this.stamp = `failed:${message}`;
      return false;
    }
    this.current = next.directory;
    this.stamp = next.stamp;
    this.log.info({ usersFile: this.path, users: next.directory.users.size }, 'Users file reloaded');
    return true;
  }

  /** Checks for changes every `intervalMs` until stopped (the timer does not keep the process alive). */
  watch(intervalMs: number): { stop: () => void } {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      void this.reload().finally(() => (running = false));
    }, intervalMs);
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }
}

async function stampOf(path: string): Promise<string> {
  const info = await stat(path);
  return `${info.mtimeMs}:${info.size}:${info.ino}`;
}

async function load(path: string): Promise<{ directory: UserDirectory; stamp: string }> {
  let stamp: string;
  let text: string;
  try {
    stamp = await stampOf(path);
    if ((await stat(path)).size > MAX_USERS_FILE_BYTES) throw new UsersFileError(`users file is larger than ${MAX_USERS_FILE_BYTES} bytes`);
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof UsersFileError) throw err;
    throw new UsersFileError(`cannot read users file ${path}: ${(err as Error).message}`);
  }
  return { directory: parseUsersFile(text), stamp };
}
