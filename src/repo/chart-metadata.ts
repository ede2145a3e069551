import YAML from 'yaml';
import { explicitNumberTags, isPlainCollectionTag, plainCollectionTags } from './go-yaml-tags.js';
import { assertYamlDepth } from '../yaml/depth-guard.js';
import { InvalidChartError } from './errors.js';
import { isValidChartVersion } from './versions.js';

/** A chart maintainer, as in Chart.yaml. */
export interface Maintainer {
  name?: string;
  email?: string;
  url?: string;
}

/** A dependency declared in Chart.yaml (apiVersion v2). */
export interface Dependency {
  name: string;
  version?: string;
  repository: string;
  condition?: string;
  tags?: string[];
  enabled?: boolean;
  'import-values'?: unknown[];
  alias?: string;
}

/** Chart.yaml as Helm's `chart.Metadata` holds it: every field optional except the validated ones. */
export interface ChartMetadata {
  name: string;
  home?: string;
  sources?: string[];
  version: string;
  description?: string;
  keywords?: string[];
  maintainers?: Maintainer[];
  icon?: string;
  apiVersion: string;
  condition?: string;
  tags?: string;
  appVersion?: string;
  deprecated?: boolean;
  annotations?: Record<string, string>;
  kubeVersion?: string;
  dependencies?: Dependency[];
  type?: string;
}

const STRING_FIELDS = ['name', 'home', 'version', 'description', 'icon', 'apiVersion', 'condition', 'tags', 'appVersion', 'kubeVersion', 'type'] as const;
const ALIAS_PATTERN = /^[a-zA-Z0-9_-]+$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * go-yaml v2's plain-scalar typing where the `yaml` package's YAML 1.1 schema is looser: a number needs a
 * digit (`e2`, `._`, `0x_` are strings, not NaN), and base-60 (`1:20`) is a string on decoding.
 */
const GO_YAML_NUMBER_TESTS: Record<string, RegExp> = {
  'float:': /^[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9_]*[0-9][0-9_]*)$/,
  'float:EXP': /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]*[0-9][0-9_]*)[eE][-+]?[0-9]+$/,
  'int:HEX': /^[-+]?0x_*[0-9a-fA-F][0-9a-fA-F_]*$/,
  'int:BIN': /^[-+]?0b_*[01][01_]*$/,
};

/** Go's `0o17` octal (strconv.ParseInt base 0), which the YAML 1.1 schema does not know. */
const GO_OCTAL_INT: YAML.ScalarTag = {
  identify: () => false,
  default: true,
  tag: 'tag:yaml.org,2002:int',
  test: /^[-+]?0o_*[0-7][0-7_]*$/,
  resolve: (source) => (source.startsWith('-') ? -1 : 1) * parseInt(source.replace(/^[-+]?0o|_/g, ''), 8),
};

function goYamlTags(tags: YAML.Tags): YAML.Tags {
  return [GO_OCTAL_INT, ...plainCollectionTags(tags), ...explicitNumberTags(() => HELM_YAML_OPTIONS), ...tags]
    .filter((t) => typeof t !== 'object' || (t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME'))
    .filter((t, i, all) => typeof t !== 'object' || !isPlainCollectionTag(t.tag) || all.findIndex((u) => typeof u === 'object' && u.tag === t.tag) === i)
    .map((t) => {
      if (typeof t !== 'object' || !('test' in t) || !t.test) return t;
      const stricter = GO_YAML_NUMBER_TESTS[`${t.tag.slice('tag:yaml.org,2002:'.length)}:${t.format ?? ''}`];
      return stricter && !t.test.source.includes('nan') ? { ...t, test: stricter } : t;
    });
}

/** YAML 1.1 reading, as Helm reads Chart.yaml through sigs.k8s.io/yaml: `yes` is a bool, dates stay strings. */
export const HELM_YAML_OPTIONS: YAML.ParseOptions & YAML.DocumentOptions & YAML.SchemaOptions & YAML.ToJSOptions = {
  version: '1.1',
  uniqueKeys: true,
  maxAliasCount: 100,
  customTags: goYamlTags,
};

/**
 * One of a chart's own YAML files (Chart.yaml, requirements.yaml) as plain data, `amend` applied to the result
 * before the document is dropped. Throws InvalidChartError `cannot load <name>: <first line of the YAML error>`.
 */
function loadChartFile(source: Buffer | string, name: string, amend?: (document: YAML.Document, raw: unknown) => void): unknown {
  try {
    const text = source.toString();
    assertYamlDepth(text);
    const document = YAML.parseDocument(text, HELM_YAML_OPTIONS);
    if (document.errors.length > 0) throw document.errors[0];
    const raw: unknown = document.toJS(HELM_YAML_OPTIONS);
    amend?.(document, raw);
    return raw;
  } catch (err) {
    throw new InvalidChartError(`cannot load ${name}: ${(err as Error).message.split('\n')[0]?.replace(/:$/, '')}`);
  }
}

/**
 * Parses and validates Chart.yaml the way Helm's loader does (`cannot load Chart.yaml: ...` for YAML errors,
 * `validation: chart.metadata...` messages for bad fields), defaulting `apiVersion` to `v1`. Throws
 * `InvalidChartError`. Stricter than Helm in one place: a name must be usable as a file name (no `/`, `\`,
 * control characters), since the stored archive is always `<name>-<version>.tgz`.
 */
export function parseChartYaml(source: Buffer | string): ChartMetadata {
  let raw = loadChartFile(source, 'Chart.yaml', restoreNonFiniteScalars);
  if (raw === null || raw === undefined) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InvalidChartError('cannot load Chart.yaml: error unmarshaling JSON: json: cannot unmarshal into Go value of type chart.Metadata');
  }
  const metadata = coerceMetadata(raw as Record<string, unknown>);
  validateMetadata(metadata);
  return metadata;
}

/**
 * The `dependencies` of a requirements.yaml, which Helm 3's loader unmarshals over the chart's metadata (so
 * they replace Chart.yaml's): undefined when the file names none. Throws InvalidChartError
 * `cannot load requirements.yaml: …`.
 */
export function parseRequirementsYaml(source: Buffer): Dependency[] | undefined {
  const raw = loadChartFile(source, 'requirements.yaml');
  if (raw === null || raw === undefined || typeof raw !== 'object' || Array.isArray(raw) || !('dependencies' in raw)) return undefined;
  return coerceMetadata({ dependencies: (raw as Record<string, unknown>).dependencies }).dependencies ?? [];
}

/**
 * The YAML 1.1 schema of the `yaml` package reads a bare `.` (and `.inf`-like text) as a number, where Go's
 * yaml.v2 keeps `.` a string; put the source text back for top-level scalars that became non-finite numbers.
 */
function restoreNonFiniteScalars(document: YAML.Document, raw: unknown): void {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return;
  const record = raw as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (typeof value !== 'number' || Number.isFinite(value)) continue;
    const node = document.get(key, true);
    if (YAML.isScalar(node) && typeof node.source === 'string' && node.source === '.') record[key] = node.source;
  }
}

function coerceMetadata(raw: Record<string, unknown>): ChartMetadata {
  const out: Record<string, unknown> = {};
  for (const field of STRING_FIELDS) {
    const value = optionalString(raw[field], field);
    if (value !== undefined && value !== '') out[field] = sanitize(value);
  }
  for (const field of ['sources', 'keywords'] as const) {
    const list = optionalStringList(raw[field], field);
    if (list && list.length > 0) out[field] = list.map(sanitize);
  }
  if (raw.deprecated !== undefined && raw.deprecated !== null) {
    if (typeof raw.deprecated !== 'boolean') throw typeError('deprecated', 'bool');
    if (raw.deprecated) out.deprecated = true;
  }
  const annotations = optionalStringMap(raw.annotations, 'annotations');
  if (annotations && Object.keys(annotations).length > 0) out.annotations = annotations;
  const maintainers = optionalList(raw.maintainers, 'maintainers');
  if (maintainers && maintainers.length > 0) out.maintainers = maintainers.map(coerceMaintainer);
  const dependencies = optionalList(raw.dependencies, 'dependencies');
  if (dependencies && dependencies.length > 0) out.dependencies = dependencies.map(coerceDependency);
  out.apiVersion ??= 'v1';
  return out as unknown as ChartMetadata;
}

function coerceMaintainer(raw: unknown): Maintainer {
  if (raw === null || raw === undefined) throw validation('maintainers must not contain empty or null nodes');
  if (typeof raw !== 'object' || Array.isArray(raw)) throw typeError('maintainers', 'chart.Maintainer');
  const source = raw as Record<string, unknown>;
  const out: Maintainer = {};
  for (const key of ['name', 'email', 'url'] as const) {
    const value = optionalString(source[key], `maintainers.${key}`);
    if (value) out[key] = sanitize(value);
  }
  return out;
}

function coerceDependency(raw: unknown): Dependency {
  if (raw === null || raw === undefined) throw validation('dependencies must not contain empty or null nodes');
  if (typeof raw !== 'object' || Array.isArray(raw)) throw typeError('dependencies', 'chart.Dependency');
  const source = raw as Record<string, unknown>;
  const out: Dependency = { name: optionalString(source.name, 'dependencies.name') ?? '', repository: '' };
  const version = optionalString(source.version, 'dependencies.version');
  if (version) out.version = version;
  out.repository = optionalString(source.repository, 'dependencies.repository') ?? '';
  const condition = optionalString(source.condition, 'dependencies.condition');
  if (condition) out.condition = condition;
  const tags = optionalStringList(source.tags, 'dependencies.tags');
  if (tags && tags.length > 0) out.tags = tags;
  if (source.enabled === true) out.enabled = true;
  const importValues = optionalList(source['import-values'], 'dependencies.import-values');
  if (importValues && importValues.length > 0) out['import-values'] = importValues;
  const alias = optionalString(source.alias, 'dependencies.alias');
  if (alias) out.alias = alias;
  return out;
}

/** Helm's `Metadata.Validate`, message for message, plus the file-name safety rule. */
export function validateMetadata(metadata: ChartMetadata): void {
  const { name, version } = metadata;
  if (!name) throw validation('chart.metadata.name is required');
  if (name === '.' || name === '..') throw validation(`chart.metadata.name ${JSON.stringify(name)} is not allowed`);
  if (/[/\\]/.test(name) || name.length > 250) throw validation(`chart.metadata.name ${JSON.stringify(name)} is invalid`);
  if (!version) throw validation('chart.metadata.version is required');
  if (!isValidChartVersion(version)) throw validation(`chart.metadata.version ${JSON.stringify(version)} is invalid`);
  if (metadata.type && metadata.type !== 'application' && metadata.type !== 'library') {
    throw validation('chart.metadata.type must be application or library');
  }
  const seen = new Set<string>();
  for (const dependency of metadata.dependencies ?? []) {
    if (dependency.alias !== undefined && !ALIAS_PATTERN.test(dependency.alias)) {
      throw validation(`dependency ${JSON.stringify(dependency.alias)} has disallowed characters in the alias`);
    }
    const key = dependency.alias || dependency.name;
    if (seen.has(key)) throw validation(`more than one dependency with name or alias ${JSON.stringify(key)}`);
    seen.add(key);
  }
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  // sigs.k8s.io/yaml turns a YAML scalar into the string its target field expects.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw typeError(field, 'string');
}

function optionalList(value: unknown, field: string): unknown[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw typeError(field, '[]');
  return value;
}

function optionalStringList(value: unknown, field: string): string[] | undefined {
  return optionalList(value, field)?.map((item) => optionalString(item, field) ?? '');
}

function optionalStringMap(value: unknown, field: string): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw typeError(field, 'map[string]string');
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = optionalString(item, field) ?? '';
  return out;
}

function sanitize(value: string): string {
  return value.replace(CONTROL_CHARS, '');
}

function validation(message: string): InvalidChartError {
  return new InvalidChartError(`validation: ${message}`);
}

function typeError(field: string, goType: string): InvalidChartError {
  return new InvalidChartError(`cannot load Chart.yaml: error unmarshaling JSON: json: cannot unmarshal into Go struct field Metadata.${field} of type ${goType}`);
}
