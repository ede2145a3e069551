/**
 * The flags of `chartroom template` (Helm's `helm template` flag set for the features Chartroom renders)
 * and how Helm picks the release name and chart from the positionals (action.Install.NameAndChart).
 */
import { Template } from '../gotemplate/index.js';
import { sprigFuncMap } from '../helm/sprig/index.js';
import type { FlagSpec, ParsedFlags } from './pflag.js';

/** A usage error with Helm's text (`expected at most two arguments, …`). */
export class TemplateUsageError extends Error {
  override readonly name = 'TemplateUsageError' as const;
}

/** Every flag `chartroom template` accepts. Flags Helm has that only matter to a cluster are accepted and ignored. */
export const TEMPLATE_FLAGS: readonly FlagSpec[] = [
  { name: 'values', short: 'f', kind: 'slice' },
  { name: 'set', kind: 'array' },
  { name: 'set-string', kind: 'array' },
  { name: 'set-json', kind: 'array' },
  { name: 'set-file', kind: 'array' },
  { name: 'set-literal', kind: 'array' },
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'version', kind: 'string' },
  { name: 'repo', kind: 'string' },
  { name: 'username', kind: 'string' },
  { name: 'password', kind: 'string' },
  { name: 'kube-version', kind: 'string' },
  { name: 'api-versions', short: 'a', kind: 'slice' },
  { name: 'show-only', short: 's', kind: 'array' },
  { name: 'name-template', kind: 'string' },
  { name: 'generate-name', short: 'g', kind: 'bool' },
  { name: 'include-crds', kind: 'bool' },
  { name: 'skip-crds', kind: 'bool' },
  { name: 'skip-tests', kind: 'bool' },
  { name: 'no-hooks', kind: 'bool' },
  { name: 'is-upgrade', kind: 'bool' },
  { name: 'release-name', kind: 'bool' },
  { name: 'skip-schema-validation', kind: 'bool' },
  { name: 'devel', kind: 'bool' },
  { name: 'debug', kind: 'bool' },
  { name: 'dependency-update', kind: 'bool' },
  // install flags `helm template` accepts that change nothing in its output (--dry-run's value is checked)
  { name: 'dry-run', kind: 'string', noOptDefault: 'client' },
  { name: 'timeout', kind: 'duration' },
  { name: 'labels', short: 'l', kind: 'map' },
  { name: 'description', kind: 'string' },
  ...['create-namespace', 'wait', 'wait-for-jobs', 'atomic', 'replace', 'hide-notes', 'enable-dns', 'take-ownership',
    'render-subchart-notes', 'disable-openapi-validation', 'force'].map((name): FlagSpec => ({ name, kind: 'bool' })),
];

const DRY_RUN_VALUES = new Set(['', 'false', 'true', 'none', 'client', 'server']);

/** Helm's check of `--dry-run`'s value (validateDryRunOptionFlag). Throws TemplateUsageError. */
export function checkDryRun(flags: ParsedFlags): void {
  const value = flags.values.get('dry-run');
  if (typeof value === 'string' && !DRY_RUN_VALUES.has(value)) {
    throw new TemplateUsageError('Invalid dry-run flag. Flag must one of the following: false, true, none, client, server');
  }
}

/** `--name-template`: a Go template with Sprig, executed with no data (action.TemplateName). */
function executeNameTemplate(text: string): string {
  return new Template('name-template').funcs(sprigFuncMap()).parse(text).execute(null);
}

/**
 * NameAndChart as `helm template` runs it (its default release name is `release-name`): two positionals
 * are NAME and CHART (refused with `--generate-name` or `--name-template`); one is CHART, named by
 * `--name-template` if given. Throws TemplateUsageError, or the template engine's errors.
 */
export function resolveReleaseName(flags: ParsedFlags): { releaseName: string; chartRef: string } {
  const args = flags.positionals;
  if (args.length > 2) {
    throw new TemplateUsageError(`expected at most two arguments, unexpected arguments: ${args.slice(2).join(', ')}`);
  }
  const nameTemplate = (flags.values.get('name-template') as string | undefined) ?? '';
  if (args.length === 2) {
    if (flags.values.get('generate-name') === true) throw new TemplateUsageError('cannot set --generate-name and also specify a name');
    if (nameTemplate !== '') throw new TemplateUsageError('cannot set --name-template and also specify a name');
    return { releaseName: args[0]!, chartRef: args[1]! };
  }
  if (nameTemplate !== '') return { releaseName: executeNameTemplate(nameTemplate), chartRef: args[0]! };
  return { releaseName: 'release-name', chartRef: args[0]! };
}
