/**
 * Reading a values file (`-f`, `--set-file`) with Go's error text, so messages match Helm's:
 * `open x: no such file or directory`, `read /tmp: is a directory`, `open x: permission denied`.
 */
import { readFileSync } from 'node:fs';

/** A file could not be read; the message is what Go's os.ReadFile would say. */
export class GoFileError extends Error {
  override readonly name = 'GoFileError' as const;
}

const GO_TEXT: Record<string, [op: string, text: string]> = {
  ENOENT: ['open', 'no such file or directory'],
  EACCES: ['open', 'permission denied'],
  ENOTDIR: ['open', 'not a directory'],
  EISDIR: ['read', 'is a directory'],
  ELOOP: ['open', 'too many levels of symbolic links'],
};

/** Reads `path` (`-` is stdin, as in Helm). Throws GoFileError with Go's wording. */
export function readFileLikeGo(path: string): Buffer {
  try {
    return readFileSync(path.trim() === '-' ? 0 : path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const [op, text] = GO_TEXT[code] ?? ['open', (e as Error).message];
    throw new GoFileError(`${op} ${path}: ${text}`);
  }
}
