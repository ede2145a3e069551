/**
 * JSON Schema validation of Helm values in the order and shape of santhosh-tekuri/jsonschema v6 (Helm
 * 3.22's validator): a failing `type`, `const` or `enum` ends the schema's checks; then `$ref` (alone
 * before draft 2019), the type's own keywords, then `not`, `allOf`, `anyOf`, `oneOf`, `if`/`then`/`else`.
 * Several errors at one schema become a `validation failed` group.
 */
import type { GoValue } from '../../gotemplate/index.js';
import { validateArray, validateNumber, validateString } from './keywords-scalar.js';
import { validateObject } from './keywords-object.js';
import { equalsJson, isIntegral, jsonTypeOf, TYPE_ORDER } from './json-values.js';
import { resolveRef, type Json, type SchemaDoc, type SchemaNode } from './schema-doc.js';
import { formatXTextInt } from './xtext-number.js';
import { quoteSingle, type SchemaErrorNode } from './validation-error.js';

/** A schema object (boolean schemas are handled before keywords are read). */
export type SchemaObject = { [key: string]: Json };

/** How a constant is shown in `value must be …` (jsonschema's display). */
function display(j: Json): string {
  if (typeof j === 'string') return quoteSingle(j);
  if (j === null) return '<nil>';
  return String(j);
}

const isComposite = (j: Json): boolean => j !== null && typeof j === 'object';

/** One validation run over one schema document. */
export class Validator {
  constructor(readonly doc: SchemaDoc) {}

  /** A leaf error at `location`. */
  leaf(location: string[], message: string, causes: SchemaErrorNode[] = []): SchemaErrorNode {
    return { location, kind: 'leaf', message, causes };
  }

  /** Validates `value` against `schema`; null when it conforms. */
  validate(schema: SchemaNode, value: GoValue, location: string[]): SchemaErrorNode | null {
    if (schema === true) return null;
    if (schema === false) return this.leaf(location, 'false schema');
    const early = this.checkTypeConstEnum(schema, value, location);
    if (early) return early;
    const errors: SchemaErrorNode[] = [];
    if (typeof schema['$ref'] === 'string') {
      const err = this.validateRef(schema['$ref'], value, location);
      if (this.doc.draft < 2019) return err;
      if (err) errors.push(err);
    }
    const type = jsonTypeOf(value);
    if (type === 'object') validateObject(this, schema, value as Map<string, GoValue>, location, errors);
    else if (type === 'array') validateArray(this, schema, value, location, errors);
    else if (type === 'string') validateString(schema, value as string, location, errors, this);
    else if (type === 'number') validateNumber(schema, value, location, errors, this);
    this.validateConditions(schema, value, location, errors);
    if (errors.length === 0) return null;
    if (errors.length === 1) return errors[0]!;
    return { location, kind: 'group', message: 'validation failed', causes: errors };
  }

  private checkTypeConstEnum(schema: SchemaObject, value: GoValue, location: string[]): SchemaErrorNode | null {
    const rawTypes = schema['type'];
    const types = typeof rawTypes === 'string' ? [rawTypes] : Array.isArray(rawTypes) ? (rawTypes as string[]) : [];
    if (types.length > 0) {
      const t = jsonTypeOf(value);
      if (!types.includes(t) && !(types.includes('integer') && t === 'number' && isIntegral(value))) {
        const want = TYPE_ORDER.filter((x) => types.includes(x)).join(' or ');
        return this.leaf(location, `got ${t}, want ${want}`);
      }
    }
    if (this.doc.draft >= 6 && 'const' in schema && !equalsJson(value, schema['const']!)) {
      const c = schema['const']!;
      return this.leaf(location, isComposite(c) ? "'const' failed" : `value must be ${display(c)}`);
    }
    const en = schema['enum'];
    if (Array.isArray(en) && !en.some((item) => equalsJson(value, item))) {
      if (en.some(isComposite)) return this.leaf(location, "'enum' failed");
      if (en.length === 1) return this.leaf(location, `value must be ${display(en[0]!)}`);
      return this.leaf(location, `value must be one of ${en.map(display).join(', ')}`);
    }
    return null;
  }

  /** `$ref`: the target's errors under a transparent reference node. */
  validateRef(ref: string, value: GoValue, location: string[]): SchemaErrorNode | null {
    const err = this.validate(resolveRef(this.doc, ref), value, location);
    if (!err) return null;
    return { location, kind: 'reference', message: 'validation failed', causes: err.kind === 'group' ? err.causes : [err] };
  }

  /** A subschema at a child location (`properties`, `items` …). */
  child(schema: Json | undefined, value: GoValue, location: string[], token: string): SchemaErrorNode | null {
    return this.validate(schema as SchemaNode, value, [...location, token]);
  }

  private subschemas(schema: SchemaObject, key: string): SchemaNode[] {
    const list = schema[key];
    return Array.isArray(list) ? (list as SchemaNode[]) : [];
  }

  private validateConditions(schema: SchemaObject, value: GoValue, location: string[], errors: SchemaErrorNode[]): void {
    if (schema['not'] !== undefined && this.validate(schema['not'] as SchemaNode, value, location) === null) {
      errors.push(this.leaf(location, "'not' failed"));
    }
    const allOf = this.subschemas(schema, 'allOf').map((s) => this.validate(s, value, location)).filter((e) => e !== null);
    if (allOf.length > 0) errors.push(this.leaf(location, "'allOf' failed", allOf));
    const anyOf = this.subschemas(schema, 'anyOf');
    if (anyOf.length > 0) {
      const failures = anyOf.map((s) => this.validate(s, value, location));
      if (failures.every((e) => e !== null)) errors.push(this.leaf(location, "'anyOf' failed", failures as SchemaErrorNode[]));
    }
    this.validateOneOf(schema, value, location, errors);
    if (this.doc.draft >= 7 && schema['if'] !== undefined) {
      const branch = this.validate(schema['if'] as SchemaNode, value, location) === null ? schema['then'] : schema['else'];
      if (branch !== undefined) {
        const err = this.validate(branch as SchemaNode, value, location);
        if (err) errors.push(err);
      }
    }
  }

  private validateOneOf(schema: SchemaObject, value: GoValue, location: string[], errors: SchemaErrorNode[]): void {
    const oneOf = this.subschemas(schema, 'oneOf');
    if (oneOf.length === 0) return;
    let matched = -1;
    const failures: SchemaErrorNode[] = [];
    for (const [i, s] of oneOf.entries()) {
      const err = this.validate(s, value, location);
      if (err) {
        if (matched === -1) failures.push(err);
      } else if (matched === -1) matched = i;
      else {
        errors.push(this.leaf(location, `'oneOf' failed, subschemas ${formatXTextInt(matched)}, ${formatXTextInt(i)} matched`));
        return;
      }
    }
    if (matched === -1) errors.push(this.leaf(location, "'oneOf' failed, none matched", failures));
  }
}
