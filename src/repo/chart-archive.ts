import { createGunzip } from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';
import { cleanPath } from '../util/go-path.js';
import { InvalidChartError } from './errors.js';

/** Hard limits applied while reading an untrusted chart archive. Helm's own limits are the defaults. */
export interface ArchiveLimits {
  /** Total decompressed bytes of all entries (Helm: 100 MiB). */
  maxTotalBytes: number;
  /** Decompressed bytes of one file (Helm: 5 MiB). */
  maxFileBytes: number;
  /** Number of tar entries, directories included. */
  maxEntries: number;
  /** Bytes of Chart.yaml itself. */
  maxChartYamlBytes: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxTotalBytes: 100 * 1024 * 1024,
  maxFileBytes: 5 * 1024 * 1024,
  maxEntries: 5000,
  maxChartYamlBytes: 1024 * 1024,
};

/** The files of a chart archive that a caller asked to keep, by path relative to the chart's top folder. */
export interface ArchiveContents {
  /** The archive's single top-level folder (by convention the chart name). */
  topFolder: string;
  /** Chart.yaml bytes (always kept, BOM stripped). */
  chartYaml: Buffer;
  /** Other kept files, path relative to the top folder (`values.yaml`, `templates/pod.yaml`). */
  files: Map<string, Buffer>;
}

const GZIP_MAGIC = [0x1f, 0x8b];
const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);
const DRIVE_PATH = /^[a-zA-Z]:\//;

/**
 * Reads an untrusted .tgz with hard limits: gunzip is counted and stopped at `maxTotalBytes`, every entry's
 * header is checked before its data is read. Rejects (with `InvalidChartError`) anything that is not gzip,
 * absolute or parent-escaping paths, links, devices and FIFOs, more than one top-level folder, Chart.yaml
 * outside the top folder, entries over the size limits, too many entries, and truncated archives.
 * `keep(path)` selects which other files to return (none by default).
 */
export async function readChartArchive(
  archive: Buffer,
  keep: (path: string) => boolean = () => false,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): Promise<ArchiveContents> {
  if (archive.length < 2 || archive[0] !== GZIP_MAGIC[0] || archive[1] !== GZIP_MAGIC[1]) {
    throw new InvalidChartError('chart archive is not gzip-compressed (expected a .tgz file)');
  }
  const reader = new ArchiveReader(keep, limits);
  await reader.read(archive);
  return reader.result();
}

/** One pass over an archive: gunzip → tar parser → per-entry checks. */
class ArchiveReader {
  private failure: InvalidChartError | undefined;
  private entries = 0;
  private totalBytes = 0;
  private topFolder: string | undefined;
  private chartYaml: Buffer | undefined;
  private readonly files = new Map<string, Buffer>();

  constructor(
    private readonly keep: (path: string) => boolean,
    private readonly limits: ArchiveLimits,
  ) {}

  read(archive: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      const gunzip = createGunzip();
      const parser = new Parser({ strict: true, maxMetaEntrySize: 64 * 1024 });
      let sniffed = false;
      let finished = false;
      const fail = (err: InvalidChartError): void => {
        this.failure ??= err;
        gunzip.destroy();
        reject(this.failure);
      };
      // The end-of-archive marker (two zero blocks) ends the archive, as it does for Go's archive/tar:
      // whatever follows is never read. (node-tar would keep buffering it, quadratically.)
      parser.on('eof', () => {
        if (finished || this.failure) return;
        finished = true;
        gunzip.destroy();
        setImmediate(() => (this.failure ? reject(this.failure) : resolve()));
      });
      parser.on('entry', (entry: ReadEntry) => {
        try {
          this.onEntry(entry);
        } catch (err) {
          fail(err instanceof InvalidChartError ? err : new InvalidChartError(String(err)));
        }
      });
      parser.on('warn', (_code: string, message: string | Error) => fail(invalidTar(message)));
      parser.on('error', (err: Error) => fail(invalidTar(err)));
      gunzip.on('data', (chunk: Buffer) => {
        if (this.failure || finished) return;
        if (!sniffed) {
          sniffed = true;
          // tar's parser would transparently decompress a second layer; an archive inside an archive is refused.
          if (chunk[0] === 0x1f && chunk[1] === 0x8b) return fail(new InvalidChartError('chart archive is compressed twice'));
          if (chunk[0] === 0x28 && chunk[1] === 0xb5) return fail(new InvalidChartError('chart archive is compressed twice'));
        }
        this.totalBytes += chunk.length;
        if (this.totalBytes > this.limits.maxTotalBytes) {
          return fail(new InvalidChartError(`decompressed chart is larger than the maximum file size ${this.limits.maxTotalBytes}`));
        }
        parser.write(chunk);
      });
      gunzip.on('error', (err: Error) => fail(new InvalidChartError(`chart archive is not valid gzip data: ${err.message}`)));
      gunzip.on('end', () => {
        if (this.failure || finished) return;
        finished = true;
        parser.end(() => (this.failure ? reject(this.failure) : resolve()));
      });
      gunzip.end(archive);
    });
  }

  result(): ArchiveContents {
    if (this.topFolder === undefined) throw new InvalidChartError('no files in chart archive');
    if (!this.chartYaml) throw new InvalidChartError('Chart.yaml file is missing');
    return { topFolder: this.topFolder, chartYaml: this.chartYaml, files: this.files };
  }

  private onEntry(entry: ReadEntry): void {
    if (this.failure) return void entry.resume();
    this.entries += 1;
    if (this.entries > this.limits.maxEntries) {
      throw new InvalidChartError(`chart archive has more than ${this.limits.maxEntries} entries`);
    }
    const rawPath = entry.path;
    if (entry.type === 'Directory') {
      this.checkPath(rawPath.replace(/\/+$/, ''), true);
      return void entry.resume();
    }
    if (!FILE_TYPES.has(entry.type)) {
      throw new InvalidChartError(`chart archive contains a ${describeType(entry.type)}: ${JSON.stringify(rawPath)}`);
    }
    const path = this.checkPath(rawPath, false);
    const isChartYaml = path === 'Chart.yaml';
    const limit = isChartYaml ? this.limits.maxChartYamlBytes : this.limits.maxFileBytes;
    if (entry.size > limit) {
      throw new InvalidChartError(`decompressed chart file "${rawPath}" is larger than the maximum file size ${limit}`);
    }
    if (!isChartYaml && !this.keep(path)) return void entry.resume();
    this.collect(entry, path, isChartYaml);
  }

  /** Validates an entry path the way Helm's loader does, plus the single-top-folder rule; returns it relative. */
  private checkPath(rawPath: string, isDirectory: boolean): string {
    const normalised = rawPath.replaceAll('\\', '/');
    if (normalised.startsWith('/')) throw new InvalidChartError('chart illegally contains absolute paths');
    const [top, ...rest] = normalised.split('/');
    if (top === '' || top === '.' || top === '..') {
      throw new InvalidChartError(`chart illegally contains content outside the base directory: "${rawPath}"`);
    }
    if (this.topFolder === undefined) this.topFolder = top;
    else if (this.topFolder !== top) {
      throw new InvalidChartError(`chart archive has more than one top-level folder: "${this.topFolder}" and "${top}"`);
    }
    // As Helm's loader: the path below the top folder must not be absolute, then it is cleaned.
    const below = rest.join('/');
    if (below.startsWith('/')) throw new InvalidChartError('chart illegally contains absolute paths');
    const relative = cleanPath(below);
    if (relative === '.' && !isDirectory) {
      throw new InvalidChartError(`chart illegally contains content outside the base directory: "${rawPath}"`);
    }
    if (relative === '..' || relative.startsWith('../')) throw new InvalidChartError('chart illegally references parent directory');
    if (DRIVE_PATH.test(relative)) throw new InvalidChartError('chart contains illegally named files');
    return relative;
  }

  private collect(entry: ReadEntry, path: string, isChartYaml: boolean): void {
    const chunks: Buffer[] = [];
    entry.on('data', (chunk: Buffer) => chunks.push(chunk));
    entry.on('end', () => {
      const data = stripBom(Buffer.concat(chunks));
      if (isChartYaml) this.chartYaml = data;
      else this.files.set(path, data);
    });
  }
}

function stripBom(data: Buffer): Buffer {
  return data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
}

function describeType(type: string): string {
  if (type === 'SymbolicLink') return 'symbolic link';
  if (type === 'Link') return 'hard link';
  if (type === 'CharacterDevice' || type === 'BlockDevice') return 'device file';
  if (type === 'FIFO') return 'named pipe';
  return `non-regular entry (${type})`;
}

function invalidTar(message: string | Error): InvalidChartError {
  const text = message instanceof Error ? message.message : message;
  return new InvalidChartError(`chart archive is not a valid tar file: ${text}`);
}
