/**
 * `values.schema.json` validation as Helm 3.22 does it (pkg/chart/common/util/jsonschema.go with
 * santhosh-tekuri/jsonschema v6): each chart's schema against its final values, then each enabled
 * subchart's against its section, all failures collected into one error:
 *
 *   values don't meet the specifications of the schema(s) in the following chart(s):
 *   mychart:
 *   - at '/age': minimum: got -5, want 0
 *
 * Drafts 4, 6, 7, 2019-09 and 2020-12 (the default), local `$ref`s. Not asserted: `format`, `content*`,
 * `unevaluated*`, `$dynamicRef`; metaschema validation of the schema itself is not done.
 */
import type { GoValue } from '../../gotemplate/index.js';
import { loadSchemaDoc, SchemaCompileError } from './schema-doc.js';
import { formatSchemaErrors } from './validation-error.js';
import { Validator } from './validator.js';

export { SchemaCompileError } from './schema-doc.js';
export { formatXTextFloat, formatXTextInt } from './xtext-number.js';

/** Values failed their chart's schema; the message is Helm's whole text. */
export class SchemaValidationError extends Error {
  override readonly name = 'SchemaValidationError' as const;
}

/** The part of a chart schema validation needs. */
export interface SchemaChart {
  metadata: { name: string };
  schema?: Buffer | undefined;
  dependencies: SchemaChart[];
}

/**
 * Validates values against one schema text. Returns '' when they conform, else the error lines plus a
 * newline (what Helm prints under the chart's name); a schema that cannot be used yields its error text.
 */
export function validateAgainstSchema(schemaText: string, values: GoValue): string {
  try {
    const doc = loadSchemaDoc(schemaText);
    const err = new Validator(doc).validate(doc.root, values, []);
    return err ? `${formatSchemaErrors(err)}\n` : '';
  } catch (e) {
    if (e instanceof SchemaCompileError) return e.message;
    throw e;
  }
}

function collect(chart: SchemaChart, values: GoValue): string {
  let out = '';
  if (chart.schema) {
    const failure = validateAgainstSchema(chart.schema.toString('utf8'), values);
    if (failure) out += `${chart.metadata.name}:\n${failure}`;
  }
  for (const sub of chart.dependencies) {
    const section = values instanceof Map ? values.get(sub.metadata.name) : undefined;
    out += collect(sub, section instanceof Map ? section : new Map());
  }
  return out;
}

/** ValidateAgainstSchema over a chart and its subcharts. Throws SchemaValidationError with Helm's text. */
export function validateChartSchemas(chart: SchemaChart, values: GoValue): void {
  const failures = collect(chart, values);
  if (failures) throw new SchemaValidationError(`values don't meet the specifications of the schema(s) in the following chart(s):\n${failures}`);
}
