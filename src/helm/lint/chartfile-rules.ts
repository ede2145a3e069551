/**
 * The Chart.yaml rules of `helm lint` (pkg/lint/rules/chartfile.go), in Helm's order, each reporting its
 * first problem: parse, name, apiVersion, version and appVersion types, version, maintainers, sources,
 * icon (INFO when missing), type and dependencies in a v1 chart.
 *
 *   lintChartfile(report, 'name: x\nversion: 1.0\n') → [ERROR] Chart.yaml: apiVersion is required. …
 */
import YAML from 'yaml';
import { HELM_YAML_OPTIONS } from '../../repo/chart-metadata.js';
import { compareVersions, parseVersion, tryParseVersion } from '../semver/index.js';
import type { LintReport } from './messages.js';

const PATH = 'Chart.yaml';
type Raw = Record<string, unknown>;

/** Go's %s of a scalar the way yaml.v2 reads it into a string field. */
const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** govalidator.IsRequestURL: an absolute URI with a scheme and no spaces. */
export function isRequestUrl(s: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/.test(s) && URL.canParse(s);
}

function nameRule(raw: Raw): string | undefined {
  const name = text(raw.name);
  if (name === '') return 'name is required';
  const base = name.replace(/\/+$/, '').split('/').at(-1) || '/';
  return base === name ? undefined : `chart name ${JSON.stringify(name)} is invalid`;
}

function apiVersionRule(raw: Raw): string | undefined {
  const v = text(raw.apiVersion);
  if (v === '') return 'apiVersion is required. The value must be either "v1" or "v2"';
  return v === 'v1' || v === 'v2' ? undefined : `apiVersion '${v}' is not valid. The value must be either "v1" or "v2"`;
}

function typeRule(field: string, v: unknown): string | undefined {
  return typeof v === 'number' ? `${field} should be of type string but it's of type float64` : undefined;
}

function versionRule(raw: Raw): string | undefined {
  const v = text(raw.version);
  if (v === '') return 'version is required';
  const parsed = tryParseVersion(v);
  if (!parsed) return `version '${v}' is not a valid SemVer`;
  // The constraint ">0.0.0-0" only refuses 0.0.0-0 itself.
  return compareVersions(parsed, parseVersion('0.0.0-0')) <= 0 ? `version ${JSON.stringify(v)} is less than or equal to "0.0.0-0"` : undefined;
}

function maintainerRule(raw: Raw): string | undefined {
  for (const m of (Array.isArray(raw.maintainers) ? raw.maintainers : []) as (Raw | null)[]) {
    if (m === null || typeof m !== 'object') return 'a maintainer entry is empty';
    const name = text(m.name);
    if (name === '') return 'each maintainer requires a name';
    const email = text(m.email);
    if (email !== '' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return `invalid email '${email}' for maintainer '${name}'`;
    const url = text(m.url);
    if (url !== '' && !URL.canParse(/^[a-z]+:\/\//i.test(url) ? url : `http://${url}`)) return `invalid url '${url}' for maintainer '${name}'`;
  }
  return undefined;
}

function sourcesRule(raw: Raw): string | undefined {
  for (const s of (Array.isArray(raw.sources) ? raw.sources : []) as unknown[]) {
    if (!isRequestUrl(text(s))) return `invalid source URL '${text(s)}'`;
  }
  return undefined;
}

function iconUrlRule(raw: Raw): string | undefined {
  const icon = text(raw.icon);
  return icon !== '' && !isRequestUrl(icon) ? `invalid icon URL '${icon}'` : undefined;
}

function v2OnlyRules(raw: Raw): [string | undefined, string | undefined] {
  const api = text(raw.apiVersion);
  const type = text(raw.type) !== '' && api !== 'v2' ? `chart type is not valid in apiVersion '${api}'. It is valid in apiVersion 'v2'` : undefined;
  const deps = Array.isArray(raw.dependencies) && raw.dependencies.length > 0 && api !== 'v2'
    ? `dependencies are not valid in the Chart file with apiVersion '${api}'. They are valid in apiVersion 'v2'` : undefined;
  return [type, deps];
}

/** Parses Chart.yaml into plain data; the error text is what lint prints after `unable to parse YAML`. */
function parseRaw(source: string): Raw | string {
  try {
    const doc = YAML.parseDocument(source, HELM_YAML_OPTIONS);
    if (doc.errors.length > 0) return `error converting YAML to JSON: yaml: ${doc.errors[0]!.message.split('\n')[0]}`;
    const raw = doc.toJS(HELM_YAML_OPTIONS) as unknown;
    if (raw === null || raw === undefined) return {};
    if (typeof raw !== 'object' || Array.isArray(raw)) return 'error unmarshaling JSON: json: cannot unmarshal into Go value of type chart.Metadata';
    return raw as Raw;
  } catch (e) {
    return `error converting YAML to JSON: yaml: ${(e as Error).message.split('\n')[0]}`;
  }
}

/** Runs the Chart.yaml rules on its text. */
export function lintChartfile(report: LintReport, source: string): void {
  const raw = parseRaw(source);
  if (typeof raw === 'string') {
    report.check('ERROR', PATH, `unable to parse YAML\n\t${raw}`);
    return;
  }
  report.check('ERROR', PATH, nameRule(raw));
  report.check('ERROR', PATH, apiVersionRule(raw));
  report.check('ERROR', PATH, typeRule('version', raw.version));
  report.check('ERROR', PATH, versionRule(raw));
  report.check('ERROR', PATH, typeRule('appVersion', raw.appVersion));
  report.check('ERROR', PATH, maintainerRule(raw));
  report.check('ERROR', PATH, sourcesRule(raw));
  report.check('INFO', PATH, text(raw.icon) === '' ? 'icon is recommended' : undefined);
  report.check('ERROR', PATH, iconUrlRule(raw));
  const [type, deps] = v2OnlyRules(raw);
  report.check('ERROR', PATH, type);
  report.check('ERROR', PATH, deps);
}
