import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readChartArchive, DEFAULT_ARCHIVE_LIMITS } from '../../src/repo/chart-archive.js';
import { cleanPath } from '../../src/util/go-path.js';
import { InvalidChartError } from '../../src/repo/errors.js';
import { parseChartYaml } from '../../src/repo/chart-metadata.js';
import { buildChart, tarball, type TarEntry } from '../helpers/charts.js';

const chartYaml = 'apiVersion: v2\nname: c\nversion: 1.0.0\n';
const archive = (entries: TarEntry[]) => gzipSync(tarball(entries));

async function rejection(data: Buffer, limits = DEFAULT_ARCHIVE_LIMITS): Promise<string> {
  try {
    await readChartArchive(data, () => true, limits);
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidChartError);
    return (err as Error).message;
  }
  throw new Error('archive was accepted');
}

describe('readChartArchive', () => {
  it('reads Chart.yaml and the files asked for', async () => {
    const contents = await readChartArchive(buildChart({ name: 'c', version: '1.0.0' }), (p) => p === 'values.yaml');
    expect(contents.topFolder).toBe('c');
    expect(parseChartYaml(contents.chartYaml).name).toBe('c');
    expect([...contents.files.keys()]).toEqual(['values.yaml']);
  });

  it.each([
    ['not gzip', Buffer.from('plain text'), /not gzip-compressed/],
    ['truncated gzip', buildChart({ name: 'c', version: '1.0.0' }).subarray(0, 40), /gzip|tar/],
    ['gzip of garbage', gzipSync(Buffer.from('x'.repeat(2000))), /tar/],
    ['empty archive', archive([]), /no files|tar/],
    ['absolute path', archive([{ path: '/etc/passwd', data: 'x' }]), /absolute|outside/],
    ['parent escape', archive([{ path: 'c/Chart.yaml', data: chartYaml }, { path: 'c/../../evil', data: 'x' }]), /parent directory/],
    ['absolute path below the top folder', archive([{ path: 'c/Chart.yaml', data: chartYaml }, { path: 'c//etc/passwd', data: 'x' }]), /absolute paths/],
    ['dot-dot top', archive([{ path: '../evil', data: 'x' }]), /outside the base directory/],
    ['symlink', archive([{ path: 'c/Chart.yaml', data: chartYaml }, { path: 'c/link', type: '2', linkpath: '/etc/passwd' }]), /symbolic link/],
    ['hardlink', archive([{ path: 'c/Chart.yaml', data: chartYaml }, { path: 'c/hard', type: '1', linkpath: 'c/Chart.yaml' }]), /hard link/],
    ['char device', archive([{ path: 'c/Chart.yaml', data: chartYaml }, { path: 'c/dev', type: '3' }]), /device/],
    ['block device', archive([{ path: 'c/Chart.yaml', data: chartYaml }, { path: 'c/blk', type: '4' }]), /device/],
    ['fifo', archive([{ path: 'c/Chart.yaml', data: chartYaml }, { path: 'c/fifo', type: '6' }]), /named pipe/],
    ['two top folders', archive([{ path: 'c/Chart.yaml', data: chartYaml }, { path: 'd/x', data: 'x' }]), /more than one top-level folder/],
    ['Chart.yaml at the root', archive([{ path: 'Chart.yaml', data: chartYaml }]), /outside the base directory/],
    ['no Chart.yaml', archive([{ path: 'c/values.yaml', data: 'a: 1' }]), /Chart.yaml file is missing/],
    ['drive path', archive([{ path: 'c/Chart.yaml', data: chartYaml }, { path: 'c/c:/x', data: 'x' }]), /illegally named/],
    ['double compression', gzipSync(buildChart({ name: 'c', version: '1.0.0' })), /compressed twice/],
  ])('rejects %s', async (_label, data, message) => {
    expect(await rejection(data)).toMatch(message);
  });

  it('rejects too many entries, a huge file and a huge Chart.yaml by header, and a gzip bomb by count', async () => {
    const limits = { ...DEFAULT_ARCHIVE_LIMITS, maxEntries: 10, maxFileBytes: 1000, maxChartYamlBytes: 100, maxTotalBytes: 50_000 };
    const many = archive([{ path: 'c/Chart.yaml', data: chartYaml }, ...Array.from({ length: 20 }, (_, i) => ({ path: `c/f${i}`, data: 'x' }))]);
    expect(await rejection(many, limits)).toMatch(/more than 10 entries/);
    const huge = archive([{ path: 'c/Chart.yaml', data: chartYaml }, { path: 'c/big', data: Buffer.alloc(2000) }]);
    expect(await rejection(huge, limits)).toMatch(/"c\/big" is larger than the maximum file size 1000/);
    const hugeChart = archive([{ path: 'c/Chart.yaml', data: chartYaml + '#'.repeat(200) }]);
    expect(await rejection(hugeChart, limits)).toMatch(/Chart.yaml" is larger/);
    const bomb = gzipSync(tarball([{ path: 'c/Chart.yaml', data: chartYaml }, { path: 'c/zeros', data: Buffer.alloc(200_000) }]));
    expect(bomb.length).toBeLessThan(2_000);
    expect(await rejection(bomb, { ...limits, maxFileBytes: 10_000_000 })).toMatch(/decompressed chart is larger than the maximum file size 50000/);
  });

  it('ignores what follows the end-of-archive marker, however large, in linear time', async () => {
    const chart = tarball([{ path: 'c/Chart.yaml', data: chartYaml }]);
    // Before the fix, 30 MB of trailing zeros took about 27 s of CPU; the bound is loose on purpose.
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    let started = process.hrtime.bigint();
    const contents = await readChartArchive(gzipSync(Buffer.concat([chart, zeros])));
    expect(contents.topFolder).toBe('c');
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(10_000);
    const onlyZeros = gzipSync(zeros);
    started = process.hrtime.bigint();
    expect(await rejection(onlyZeros)).toMatch(/no files in chart archive/);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(10_000);
  });

  it('stops a large gzip bomb quickly with the default limits', async () => {
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const bomb = gzipSync(Buffer.concat([tarball([{ path: 'c/Chart.yaml', data: chartYaml }]).subarray(0, -1024), tarball([{ path: 'c/zeros', size: 200 * 1024 * 1024 }]).subarray(0, 512), zeros]));
    const started = process.hrtime.bigint();
    expect(await rejection(bomb)).toMatch(/larger than the maximum file size/);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(5_000);
  });
});

describe('parseChartYaml', () => {
  it.each([
    ['name: c\n', /chart.metadata.version is required/],
    ['version: 1.0.0\n', /chart.metadata.name is required/],
    ['name: .\nversion: 1.0.0\n', /name "." is not allowed/],
    ['name: a/b\nversion: 1.0.0\n', /name "a\/b" is invalid/],
    ['name: c\nversion: waps\n', /version "waps" is invalid/],
    ['name: c\nversion: 1.0.0\ntype: plugin\n', /type must be application or library/],
    ['name: c\nname: d\nversion: 1.0.0\n', /cannot load Chart.yaml/],
    ['a: &a [1,2]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nname: c\nversion: 1.0.0\n', /cannot load Chart.yaml/],
    ['- a\n- b\n', /cannot load Chart.yaml/],
    ['name: c\nversion: 1.0.0\nmaintainers: [~]\n', /maintainers must not contain empty or null nodes/],
    ['name: c\nversion: 1.0.0\ndependencies: [{name: a, alias: "x y"}]\n', /disallowed characters in the alias/],
  ])('rejects %j', (source, message) => {
    expect(() => parseChartYaml(source)).toThrow(message);
  });

  it('defaults apiVersion to v1, keeps strings as strings and accepts loose versions as Helm does', () => {
    const metadata = parseChartYaml('name: c\nversion: v1.2\nappVersion: 1.10\ndeprecated: true\n');
    expect(metadata).toEqual({ name: 'c', version: 'v1.2', appVersion: '1.1', apiVersion: 'v1', deprecated: true });
  });

  it('cleans paths like Go path.Clean', () => {
    expect(cleanPath('a//b/./c/../d')).toBe('a/b/d');
    expect(cleanPath('../x')).toBe('../x');
    expect(cleanPath('')).toBe('.');
    expect(cleanPath('/a/../../b')).toBe('/b');
  });
});
