/**
 * `.Files` (pkg/engine/files.go): the chart's non-template files with Get, GetBytes, Glob, Lines, AsConfig
 * and AsSecrets. Glob patterns follow gobwas/glob with `/` as separator: `*` and `?` stay inside one
 * segment, `**` crosses segments, `[abc]`/`[!a-z]` classes and `{a,b}` alternatives.
 *
 * Helm's `files` is a `map[string][]byte` with methods, so `.Files` also works as a map: `range` gives the
 * paths in sorted order with their bytes, `index .Files "a.txt"` and `.Files.name` read one file's bytes.
 */
import { GoInt, GoSlice, GoTypedMap, type GoFuncDef, type GoValue } from '../../gotemplate/index.js';
import { toYaml } from './serialisation-funcs.js';

const fn = (params: string[], result: string, body: GoFuncDef['fn']): GoFuncDef => ({ params, result, fn: body });

/** Translates a gobwas/glob pattern (separator `/`) into an anchored RegExp. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  let inAlt = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') { re += '.*'; i++; } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) { re += '\\['; continue; }
      let body = pattern.slice(i + 1, end);
      if (body.startsWith('!')) body = '^' + body.slice(1);
      re += `[${body.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '{') { re += '(?:'; inAlt++; }
    else if (c === '}' && inAlt > 0) { re += ')'; inAlt--; }
    else if (c === ',' && inAlt > 0) re += '|';
    else if (c === '\\' && i + 1 < pattern.length) { re += escapeRegExp(pattern[++i]!); }
    else re += escapeRegExp(c);
  }
  return new RegExp(`^${re}$`, 's');
}

function escapeRegExp(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? '\\' + c : c;
}

function bytesValue(data: Buffer): GoSlice {
  return new GoSlice('uint8', [...data].map((b) => new GoInt('uint8', b)));
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Helm's Files.Lines: [] for a missing or empty file; a single trailing newline does not start a line. */
export function fileLines(data: Buffer | undefined): string[] {
  if (!data || data.length === 0) return [];
  const text = data.toString('utf8');
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}

/** AsConfig/AsSecrets: a YAML map of basename → content, "" when there are no files. */
function asYamlMap(files: Map<string, Buffer>, encode: (b: Buffer) => string): string {
  if (files.size === 0) return '';
  return toYaml(new Map([...files].map(([k, v]) => [baseName(k), encode(v)])));
}

/**
 * The map side of `.Files`: path → `[]uint8`, each byte slice built on first read (a GoInt per byte is
 * costly, and most templates only call the methods).
 */
class LazyBytesMap extends Map<string, GoValue> {
  private readonly built = new Map<string, GoValue>();
  constructor(private readonly files: Map<string, Buffer>) {
    super();
    for (const k of files.keys()) super.set(k, null);
  }
  override get(key: string): GoValue | undefined {
    const data = this.files.get(key);
    if (data === undefined) return undefined;
    let v = this.built.get(key);
    if (v === undefined) this.built.set(key, (v = bytesValue(data)));
    return v;
  }
  override *entries(): MapIterator<[string, GoValue]> {
    for (const k of this.keys()) yield [k, this.get(k)!];
  }
  override *values(): MapIterator<GoValue> {
    for (const k of this.keys()) yield this.get(k)!;
  }
  override [Symbol.iterator](): MapIterator<[string, GoValue]> {
    return this.entries();
  }
  override forEach(cb: (value: GoValue, key: string, map: Map<string, GoValue>) => void): void {
    for (const [k, v] of this.entries()) cb(v, k, this);
  }
}

/**
 * Builds the `.Files` object over `files` (path relative to the chart root → content): a
 * `map[string][]uint8` named `engine.files` with Helm's methods. Pure: every method reads only the given map.
 */
export function filesObject(files: Map<string, Buffer>): GoTypedMap {
  const methods = new Map<string, GoFuncDef>([
    ['Get', fn(['string'], 'string', ([p]) => files.get(p as string)?.toString('utf8') ?? '')],
    ['GetBytes', fn(['string'], '[]uint8', ([p]) => bytesValue(files.get(p as string) ?? Buffer.alloc(0)))],
    ['Lines', fn(['string'], '[]string', ([p]) => new GoSlice('string', fileLines(files.get(p as string))))],
    ['Glob', fn(['string'], 'engine.files', ([p]) => {
      const re = globToRegExp(p as string);
      return filesObject(new Map([...files].filter(([k]) => re.test(k))));
    })],
    ['AsConfig', fn([], 'string', () => asYamlMap(files, (b) => b.toString('utf8')))],
    ['AsSecrets', fn([], 'string', () => asYamlMap(files, (b) => b.toString('base64')))],
  ]);
  return new GoTypedMap('[]uint8', new LazyBytesMap(files), { name: 'engine.files', methods });
}
