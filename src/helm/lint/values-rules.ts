/**
 * The values.yaml rules of `helm lint` (pkg/lint/rules/values.go): INFO when the file is missing, ERROR
 * when it does not parse, ERROR with the schema's findings when `values.schema.json` exists and the
 * values (the user's overrides laid over values.yaml, top level only) do not conform.
 */
import { parseHelmYaml } from '../render/yaml-values.js';
import type { Values } from '../render/values.js';
import { validateAgainstSchema } from '../schema/index.js';
import type { LintReport } from './messages.js';

const PATH = 'values.yaml';

/** Runs the values rules; `files` are the chart's files by relative path, `overrides` the user values. */
export function lintValues(report: LintReport, files: ReadonlyMap<string, Buffer>, overrides: Values): void {
  const source = files.get(PATH);
  if (!report.check('INFO', PATH, source === undefined ? 'file does not exist' : undefined)) return;
  let values: Values;
  try {
    const parsed = parseHelmYaml(source!.toString('utf8'));
    values = parsed instanceof Map ? parsed : new Map();
  } catch (e) {
    report.check('ERROR', PATH, `unable to parse YAML: error converting YAML to JSON: ${(e as Error).message.split('\n')[0]}`);
    return;
  }
  const schema = files.get('values.schema.json');
  if (!schema || schema.length === 0) return;
  // chartutil.CoalesceTables(overrides, values) at the top level: an override replaces the whole key.
  const merged: Values = new Map([...values, ...overrides]);
  const failure = validateAgainstSchema(schema.toString('utf8'), merged);
  report.check('ERROR', PATH, failure === '' ? undefined : failure);
}
