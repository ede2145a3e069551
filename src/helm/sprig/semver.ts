/**
 * Sprig's `semver` and `semverCompare`, on the Masterminds semver v3 port in src/helm/semver (the library Helm
 * uses). `semver` returns a `*semver.Version` with Masterminds' methods; `semverCompare` checks a version against
 * a constraint. Errors carry Masterminds' own messages, as Go reports them after `error calling NAME:`.
 */
import { GoInt, type GoFuncDef, GoSlice, GoStruct, type GoValue } from '../../gotemplate/index.js';
import { compareVersions, parseConstraint, parseVersion, SemVersion } from '../semver/index.js';

const VERSION_TYPE = '*semver.Version';

/**
 * IncPatch, IncMinor, IncMajor: the next version without prerelease or metadata (IncPatch of a prerelease
 * only drops them), its Original the new String with the old `v` prefix kept.
 */
function increment(v: SemVersion, part: 'major' | 'minor' | 'patch'): SemVersion {
  const bump = part === 'patch' && v.prerelease !== '' ? 0 : 1;
  const next = part === 'major' ? [v.major + 1, 0, 0] : part === 'minor' ? [v.major, v.minor + 1, 0] : [v.major, v.minor, v.patch + bump];
  const plain = new SemVersion(next[0]!, next[1]!, next[2]!, '', '', '');
  return new SemVersion(plain.major, plain.minor, plain.patch, '', '', (v.original.startsWith('v') ? 'v' : '') + plain.toString());
}

/**
 * A Masterminds Version as a template value: `*semver.Version` (from `semver`) has every method; a
 * `semver.Version` (what IncMajor/IncMinor/IncPatch return, not addressable) only the value-receiver ones,
 * so Original and the comparisons are missing from it as in Go. Prints through String.
 */
export function semverValue(version: SemVersion, pointer = true): GoStruct {
  const uint = (n: number): GoValue => new GoInt('uint64', BigInt(n));
  const str = (s: string): GoFuncDef => ({ params: [], result: 'string', fn: () => s });
  const compare = (test: (c: number) => boolean): GoFuncDef => ({
    params: [VERSION_TYPE],
    result: 'bool',
    fn: ([other]) => test(compareVersions(version, versionOf(other))),
  });
  const inc = (part: 'major' | 'minor' | 'patch'): GoFuncDef => ({
    params: [], result: VERSION_TYPE.slice(1), fn: () => semverValue(increment(version, part), false),
  });
  const methods = new Map<string, GoFuncDef>([
    ['Major', { params: [], result: 'uint64', fn: () => uint(version.major) }],
    ['Minor', { params: [], result: 'uint64', fn: () => uint(version.minor) }],
    ['Patch', { params: [], result: 'uint64', fn: () => uint(version.patch) }],
    ['Prerelease', str(version.prerelease)],
    ['Metadata', str(version.metadata)],
    ['String', str(version.toString())],
    // encoding/json (toJson, toYaml) serialises a Version through this: the String() text as a JSON string
    ['MarshalJSON', { params: [], result: '[]uint8', fn: () => bytesOf(JSON.stringify(version.toString())) }],
    ['IncMajor', inc('major')],
    ['IncMinor', inc('minor')],
    ['IncPatch', inc('patch')],
  ]);
  if (pointer) {
    methods.set('Original', str(version.original));
    methods.set('Compare', { params: [VERSION_TYPE], result: 'int', fn: ([other]) => new GoInt('int', BigInt(compareVersions(version, versionOf(other)))) });
    methods.set('LessThan', compare((c) => c < 0));
    methods.set('GreaterThan', compare((c) => c > 0));
    methods.set('Equal', compare((c) => c === 0));
    methods.set('LessThanEqual', compare((c) => c <= 0));
    methods.set('GreaterThanEqual', compare((c) => c >= 0));
  }
  const value = new GoStruct(VERSION_TYPE.slice(1), new Map(), methods, pointer);
  versions.set(value, version);
  return value;
}

const versions = new WeakMap<GoStruct, SemVersion>();

function bytesOf(text: string): GoSlice {
  return new GoSlice('uint8', [...Buffer.from(text, 'utf8')].map((b) => new GoInt('uint8', b)));
}

function versionOf(value: GoValue): SemVersion {
  const version = value instanceof GoStruct ? versions.get(value) : undefined;
  if (!version) throw new Error(`wrong type for value; expected ${VERSION_TYPE}`);
  return version;
}

/** Sprig's semver function map. */
export const SEMVER_FUNCS: Record<string, GoFuncDef> = {
  semver: { params: ['string'], result: VERSION_TYPE, fn: ([text]) => semverValue(parseVersion(text as string)) },
  semverCompare: {
    params: ['string', 'string'],
    result: 'bool',
    fn: ([constraint, version]) => parseConstraint(constraint as string).check(parseVersion(version as string)),
  },
};
