/**
 * Sprig's `semver` and `semverCompare`, on the Masterminds semver v3 port in src/helm/semver (the library Helm
 * uses). `semver` returns a `*semver.Version` with Masterminds' methods; `semverCompare` checks a version against
 * a constraint. Errors carry Masterminds' own messages, as Go reports them after `error calling NAME:`.
 */
import { GoInt, type GoFuncDef, GoSlice, GoStruct, type GoValue } from '../../gotemplate/index.js';
import { compareVersions, parseConstraint, parseVersion, type SemVersion } from '../semver/index.js';

const VERSION_TYPE = '*semver.Version';

/** A Masterminds `*Version` as a template value: its getters, comparisons and String (for printing). */
export function semverValue(version: SemVersion): GoStruct {
  const uint = (n: number): GoValue => new GoInt('uint64', BigInt(n));
  const str = (s: string): GoFuncDef => ({ params: [], result: 'string', fn: () => s });
  const compare = (test: (c: number) => boolean): GoFuncDef => ({
    params: [VERSION_TYPE],
    result: 'bool',
    fn: ([other]) => test(compareVersions(version, versionOf(other))),
  });
  const methods = new Map<string, GoFuncDef>([
    ['Major', { params: [], result: 'uint64', fn: () => uint(version.major) }],
    ['Minor', { params: [], result: 'uint64', fn: () => uint(version.minor) }],
    ['Patch', { params: [], result: 'uint64', fn: () => uint(version.patch) }],
    ['Prerelease', str(version.prerelease)],
    ['Metadata', str(version.metadata)],
    ['Original', str(version.original)],
    ['String', str(version.toString())],
    // encoding/json (toJson, toYaml) serialises a Version through this: the String() text as a JSON string
    ['MarshalJSON', { params: [], result: '[]uint8', fn: () => bytesOf(JSON.stringify(version.toString())) }],
    ['Compare', { params: [VERSION_TYPE], result: 'int', fn: ([other]) => new GoInt('int', BigInt(compareVersions(version, versionOf(other)))) }],
    ['LessThan', compare((c) => c < 0)],
    ['GreaterThan', compare((c) => c > 0)],
    ['Equal', compare((c) => c === 0)],
  ]);
  const value = new GoStruct(VERSION_TYPE.slice(1), new Map(), methods, true);
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
