/**
 * Reads a chart archive (.tgz) in the browser: gunzip with the built-in DecompressionStream, then the
 * ustar records. Only regular files are kept (type '0' or NUL); PAX and GNU long-name records supply the
 * next file's name. Paths are returned as stored (`mychart/Chart.yaml`). Throws Error on a truncated
 * archive; the server already refused malformed charts at upload, so this is for display only.
 */

/** Every regular file of the archive, by path. */
export async function readTgz(bytes: ArrayBuffer): Promise<Map<string, Uint8Array>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  const tar = new Uint8Array(await new Response(stream).arrayBuffer());
  return readTar(tar);
}

/** The regular files of an uncompressed tar. */
export function readTar(tar: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const decoder = new TextDecoder();
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const name = field(decoder, header, 0, 100);
    const prefix = field(decoder, header, 345, 155);
    const size = parseInt(field(decoder, header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const start = offset + 512;
    if (start + size > tar.length) throw new Error('truncated archive');
    const body = tar.subarray(start, start + size);
    if (type === 'L') longName = decoder.decode(body).replace(/\0.*$/s, '');
    else if (type === 'x') longName = paxPath(decoder.decode(body)) ?? longName;
    else if (type === '0' || type === '\0') {
      files.set(longName ?? (prefix ? `${prefix}/${name}` : name), body);
      longName = undefined;
    } else longName = undefined;
    offset = start + Math.ceil(size / 512) * 512;
  }
  return files;
}

function field(decoder: TextDecoder, header: Uint8Array, start: number, length: number): string {
  const bytes = header.subarray(start, start + length);
  const end = bytes.indexOf(0);
  return decoder.decode(end === -1 ? bytes : bytes.subarray(0, end));
}

/** The `path` record of a PAX header ("<len> path=<value>\n" lines). */
function paxPath(text: string): string | undefined {
  for (const line of text.split('\n')) {
    const match = /^\d+ path=(.*)$/.exec(line);
    if (match) return match[1];
  }
  return undefined;
}
