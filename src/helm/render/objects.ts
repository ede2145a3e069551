/**
 * The objects a template sees besides `.Values` (pkg/chartutil/values.go ToRenderValues,
 * capabilities.go, pkg/engine/engine.go): `.Release` and `.Template` are maps, as in Helm, so they print
 * as `map[…]`; `.Chart` and `.Capabilities` are structs with Go's field names (and json tags, for toJson).
 */
import { GoSlice, GoStruct, GoTypedMap, goInt, sprint, type GoFuncDef, type GoValue } from '../../gotemplate/index.js';
import type { ChartMetadata, Dependency, Maintainer } from '../../repo/chart-metadata.js';

/** What Helm knows about the release being rendered. */
export interface ReleaseInfo {
  name: string;
  namespace: string;
  isInstall: boolean;
  isUpgrade: boolean;
  revision: number;
}

/** The cluster Helm renders for (`helm template` uses built-in defaults unless `--kube-version`). */
export interface CapabilitiesInfo {
  /** `v<major>.<minor>.<patch>`, e.g. `v1.20.0`. */
  kubeVersion: string;
  apiVersions: string[];
  helmVersion: { version: string; gitCommit: string; gitTreeState: string; goVersion: string };
}

/** `.Release`: a map with Helm's keys; `Service` is always `Helm`. */
export function releaseObject(r: ReleaseInfo): Map<string, GoValue> {
  return new Map<string, GoValue>([
    ['Name', r.name], ['Namespace', r.namespace], ['IsUpgrade', r.isUpgrade], ['IsInstall', r.isInstall],
    ['Revision', goInt(r.revision)], ['Service', 'Helm'],
  ]);
}

/** `.Template`: `Name` is the file's full key (`mychart/templates/x.yaml`), `BasePath` `<chart>/templates`. */
export function templateObject(name: string, basePath: string): Map<string, GoValue> {
  return new Map<string, GoValue>([['Name', name], ['BasePath', basePath]]);
}

const strings = (xs: string[] | undefined): GoSlice => new GoSlice('string', xs ?? []);

/** `json:"…"` tags as field → tag; `omit` lists the fields tagged `<name>,omitempty`. */
function tags(plain: Record<string, string>, omit: Record<string, string>): Map<string, string> {
  return new Map([...Object.entries(plain), ...Object.entries(omit).map(([f, n]) => [f, `${n},omitempty`] as [string, string])]);
}

const MAINTAINER_JSON = tags({}, { Name: 'name', Email: 'email', URL: 'url' });
const DEPENDENCY_JSON = tags({ Name: 'name', Repository: 'repository' }, {
  Version: 'version', Condition: 'condition', Tags: 'tags', Enabled: 'enabled', ImportValues: 'import-values', Alias: 'alias',
});
const METADATA_JSON = tags({}, {
  Name: 'name', Home: 'home', Sources: 'sources', Version: 'version', Description: 'description', Keywords: 'keywords',
  Maintainers: 'maintainers', Icon: 'icon', APIVersion: 'apiVersion', Condition: 'condition', Tags: 'tags',
  AppVersion: 'appVersion', Deprecated: 'deprecated', Annotations: 'annotations', KubeVersion: 'kubeVersion',
  Dependencies: 'dependencies', Type: 'type',
});
const BUILD_INFO_JSON = tags({}, { Version: 'version', GitCommit: 'git_commit', GitTreeState: 'git_tree_state', GoVersion: 'go_version' });

function maintainerStruct(m: Maintainer): GoStruct {
  return new GoStruct('chart.Maintainer', new Map<string, GoValue>([
    ['Name', m.name ?? ''], ['Email', m.email ?? ''], ['URL', m.url ?? ''],
  ]), new Map(), true, MAINTAINER_JSON);
}

/**
 * import-values as processImportValues leaves them: each entry rewritten to `{child, parent}` (a string
 * `x` is `{child: exports.x, parent: .}`), other entries dropped.
 */
function importValuesOf(d: Dependency): GoValue[] {
  const out: GoValue[] = [];
  for (const e of (d['import-values'] ?? []) as unknown[]) {
    let pair: [string, string] | undefined;
    if (typeof e === 'string') pair = [`exports.${e}`, '.'];
    else if (e instanceof Map) pair = [sprint([e.get('child') ?? null]), sprint([e.get('parent') ?? null])];
    else if (e && typeof e === 'object' && !Array.isArray(e)) {
      const r = e as Record<string, GoValue>;
      pair = [sprint([r['child'] ?? null]), sprint([r['parent'] ?? null])];
    }
    if (pair) out.push(new GoTypedMap('string', new Map([['child', pair[0]], ['parent', pair[1]]])));
  }
  return out;
}

function dependencyStruct(d: Dependency): GoStruct {
  return new GoStruct('chart.Dependency', new Map<string, GoValue>([
    ['Name', d.name], ['Version', d.version ?? ''], ['Repository', d.repository ?? ''],
    ['Condition', d.condition ?? ''], ['Tags', strings(d.tags)], ['Enabled', d.enabled ?? false],
    ['ImportValues', importValuesOf(d)], ['Alias', d.alias ?? ''],
  ]), new Map(), true, DEPENDENCY_JSON);
}

/**
 * `.Chart`: Helm's anonymous `struct { chart.Metadata; IsRoot bool }`, the metadata embedded (its fields in
 * Go's declaration order, promoted to `.Chart.Name` …) and `IsRoot`.
 */
export function chartObject(m: ChartMetadata, isRoot: boolean): GoStruct {
  return new GoStruct('struct { chart.Metadata; IsRoot bool }', new Map<string, GoValue>([
    ['Metadata', metadataStruct(m)], ['IsRoot', isRoot],
  ]), new Map(), false, undefined, new Set(['Metadata']));
}

function metadataStruct(m: ChartMetadata): GoStruct {
  return new GoStruct('chart.Metadata', new Map<string, GoValue>([
    ['Name', m.name], ['Home', m.home ?? ''], ['Sources', strings(m.sources)], ['Version', m.version],
    ['Description', m.description ?? ''], ['Keywords', strings(m.keywords)],
    ['Maintainers', new GoSlice('*chart.Maintainer', (m.maintainers ?? []).map(maintainerStruct))],
    ['Icon', m.icon ?? ''], ['APIVersion', m.apiVersion], ['Condition', m.condition ?? ''], ['Tags', m.tags ?? ''],
    ['AppVersion', m.appVersion ?? ''], ['Deprecated', m.deprecated ?? false],
    ['Annotations', new GoTypedMap('string', new Map(Object.entries(m.annotations ?? {})))],
    ['KubeVersion', m.kubeVersion ?? ''],
    ['Dependencies', new GoSlice('*chart.Dependency', (m.dependencies ?? []).map(dependencyStruct))],
    ['Type', m.type ?? ''],
  ]), new Map(), false, METADATA_JSON);
}

/** Splits `v1.20.0` into Helm's KubeVersion fields; Major/Minor are the numbers without the `v`. */
function kubeVersionStruct(version: string): GoStruct {
  const [major = '', minor = ''] = version.replace(/^v/, '').split('.');
  const gitVersion: GoFuncDef = { params: [], result: 'string', fn: () => version };
  // String() has a pointer receiver in Helm; text/template takes the field's address, so printing
  // `.Capabilities.KubeVersion` gives `v1.20.0`.
  return new GoStruct('chartutil.KubeVersion', new Map<string, GoValue>([
    ['Version', version], ['Major', major], ['Minor', minor],
  ]), new Map([['GitVersion', gitVersion], ['String', gitVersion]]));
}

/** `.APIVersions`: Helm's VersionSet, a `[]string` with a `Has` method (so it can also be ranged over). */
function apiVersionsSlice(versions: string[]): GoSlice {
  const has: GoFuncDef = { params: ['string'], result: 'bool', fn: ([v]) => versions.includes(v as string) };
  return new GoSlice('string', [...versions], { name: 'chartutil.VersionSet', methods: new Map([['Has', has]]) });
}

/** `.Capabilities`: KubeVersion (Version, Major, Minor, GitVersion), APIVersions.Has, HelmVersion. */
export function capabilitiesObject(c: CapabilitiesInfo): GoStruct {
  const h = c.helmVersion;
  const helm = new GoStruct('version.BuildInfo', new Map<string, GoValue>([
    ['Version', h.version], ['GitCommit', h.gitCommit], ['GitTreeState', h.gitTreeState], ['GoVersion', h.goVersion],
  ]), new Map(), false, BUILD_INFO_JSON);
  return new GoStruct('chartutil.Capabilities', new Map<string, GoValue>([
    ['KubeVersion', kubeVersionStruct(c.kubeVersion)], ['APIVersions', apiVersionsSlice(c.apiVersions)],
    ['HelmVersion', helm],
  ]), new Map(), true);
}
