/**
 * A minimal ustar writer for chart archives: regular files only (no directory entries, as `helm
 * package` writes them), mode 0644, one modification time, names over 100 bytes split into the ustar
 * prefix field. Throws RangeError for a name that cannot be stored.
 */

/** One file of the archive. */
export interface TarFile {
  path: string;
  data: Buffer;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function splitName(path: string): [string, string] {
  if (Buffer.byteLength(path) <= 100) return ['', path];
  const cut = path.lastIndexOf('/', 155);
  if (cut <= 0 || Buffer.byteLength(path.slice(cut + 1)) > 100) throw new RangeError(`file name too long for a tar archive: ${path}`);
  return [path.slice(0, cut), path.slice(cut + 1)];
}

function header(file: TarFile, mtimeSeconds: number): Buffer {
  const block = Buffer.alloc(512);
  const [prefix, name] = splitName(file.path);
  block.write(name, 0, 100);
  block.write(octal(0o644, 8), 100);
  block.write(octal(0, 8), 108);
  block.write(octal(0, 8), 116);
  block.write(octal(file.data.length, 12), 124);
  block.write(octal(mtimeSeconds, 12), 136);
  block.write('        ', 148);
  block.write('0', 156);
  block.write('ustar\0', 257);
  block.write('00', 263);
  block.write(prefix, 345, 155);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

/** The tar bytes of `files` in order, each stamped `mtimeSeconds`. */
export function writeTar(files: readonly TarFile[], mtimeSeconds: number): Buffer {
  const blocks: Buffer[] = [];
  for (const file of files) {
    blocks.push(header(file, mtimeSeconds), file.data, Buffer.alloc((512 - (file.data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}
