import { gzipSync } from 'node:zlib';
import YAML from 'yaml';

/** One tar entry for `tarball`; `type` is a ustar type flag ('0' file, '2' symlink, '5' dir, ...). */
export interface TarEntry {
  path: string;
  data?: string | Buffer;
  type?: '0' | '1' | '2' | '3' | '4' | '5' | '6';
  linkpath?: string;
  /** Size to write in the header (defaults to the data length); lets tests lie about sizes. */
  size?: number;
}

/**
 * Writes a ustar archive by hand, so tests can build exactly the hostile entries real tools refuse to
 * create (`../x`, `/etc/passwd`, devices, links). Paths up to 100 bytes, or split into the 155-byte prefix.
 */
export function tarball(entries: TarEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const data = entry.data === undefined ? Buffer.alloc(0) : Buffer.from(entry.data);
    blocks.push(header(entry, entry.size ?? data.length));
    if (data.length > 0) blocks.push(data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

function header(entry: TarEntry, size: number): Buffer {
  const block = Buffer.alloc(512);
  let name = entry.path;
  let prefix = '';
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155);
    prefix = name.slice(0, cut);
    name = name.slice(cut + 1);
  }
  block.write(name, 0, 100);
  block.write('0000644\0', 100);
  block.write('0000000\0', 108);
  block.write('0000000\0', 116);
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  block.write(`${Math.floor(Date.UTC(2026, 0, 1) / 1000).toString(8).padStart(11, '0')}\0`, 136);
  block.write('        ', 148);
  block.write(entry.type ?? '0', 156);
  if (entry.linkpath) block.write(entry.linkpath, 157, 100);
  block.write('ustar\0', 257);
  block.write('00', 263);
  block.write(prefix, 345, 155);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

export interface ChartSpec {
  name: string;
  version: string;
  /** Extra Chart.yaml fields. */
  chart?: Record<string, unknown>;
  /** Files relative to the chart folder; defaults to a values.yaml and one template. */
  files?: Record<string, string>;
  /** Top folder name (defaults to the chart name). */
  topFolder?: string;
}

/** Builds a valid chart .tgz the way `helm package` lays it out (top folder = name, Chart.yaml first). */
export function buildChart(spec: ChartSpec): Buffer {
  const top = spec.topFolder ?? spec.name;
  const chartYaml = YAML.stringify({ apiVersion: 'v2', name: spec.name, version: spec.version, description: `The ${spec.name} chart`, ...spec.chart });
  const files = spec.files ?? {
    'values.yaml': 'replicaCount: 1\nimage:\n  repository: nginx\n  tag: "1.25"\n',
    'templates/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n',
  };
  const entries: TarEntry[] = [{ path: `${top}/Chart.yaml`, data: chartYaml }];
  for (const [path, data] of Object.entries(files)) entries.push({ path: `${top}/${path}`, data });
  return gzipSync(tarball(entries));
}

/** Builds a clear-signed provenance text for a chart (the signature is a placeholder block). */
export function buildProvenance(name: string, version: string, digest = '0'.repeat(64)): Buffer {
  return Buffer.from(
    `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\napiVersion: v2\nname: ${name}\nversion: ${version}\n\n...\nfiles:\n  ${name}-${version}.tgz: sha256:${digest}\n-----BEGIN PGP SIGNATURE-----\n\nwsBcBAEBCgAQBQJkAAAAAAkQAAAAAAAAAAAAAA==\n=AAAA\n-----END PGP SIGNATURE-----\n`,
  );
}
