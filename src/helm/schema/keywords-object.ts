/**
 * The object keywords in jsonschema v6's order: minProperties, maxProperties, required, dependencies,
 * then per property (in the map's order) properties, patternProperties, additionalProperties; then
 * propertyNames (draft 6+), dependentSchemas and dependentRequired (2019+).
 */
import type { GoValue } from '../../gotemplate/index.js';
import { compileGoRegexp, matchString } from '../sprig/re2.js';
import type { Json, SchemaNode } from './schema-doc.js';
import { quoteSingle, type SchemaErrorNode } from './validation-error.js';
import type { SchemaObject, Validator } from './validator.js';
import { formatXTextInt } from './xtext-number.js';

const joinQuoted = (names: readonly string[]): string => names.map(quoteSingle).join(', ');

function missingOf(obj: Map<string, GoValue>, names: Json | undefined): string[] {
  return Array.isArray(names) ? (names as string[]).filter((n) => !obj.has(n)) : [];
}

function requiredMessage(missing: string[]): string {
  return missing.length === 1 ? `missing property ${quoteSingle(missing[0]!)}` : `missing properties ${joinQuoted(missing)}`;
}

function matches(pattern: string, name: string): boolean {
  return matchString(compileGoRegexp(pattern), name);
}

function validateDependencies(v: Validator, schema: SchemaObject, obj: Map<string, GoValue>, location: string[], errors: SchemaErrorNode[]): void {
  const deps = schema['dependencies'];
  if (v.doc.draft >= 2019 || !deps || typeof deps !== 'object' || Array.isArray(deps)) return;
  for (const [name, dep] of Object.entries(deps)) {
    if (!obj.has(name)) continue;
    if (Array.isArray(dep)) {
      const missing = missingOf(obj, dep);
      if (missing.length > 0) errors.push(v.leaf(location, `properties ${joinQuoted(missing)} required, if ${quoteSingle(name)} exists`));
    } else {
      const err = v.validate(dep as SchemaNode, obj, location);
      if (err) errors.push(err);
    }
  }
}

function validateProperties(v: Validator, schema: SchemaObject, obj: Map<string, GoValue>, location: string[], errors: SchemaErrorNode[]): void {
  const props = (schema['properties'] ?? {}) as SchemaObject;
  const patterns = Object.entries((schema['patternProperties'] ?? {}) as SchemaObject);
  const additional = schema['additionalProperties'];
  const extra: string[] = [];
  for (const [name, value] of obj) {
    let evaluated = false;
    if (Object.hasOwn(props, name)) {
      evaluated = true;
      const err = v.child(props[name], value, location, name);
      if (err) errors.push(err);
    }
    for (const [pattern, sub] of patterns) {
      if (!matches(pattern, name)) continue;
      evaluated = true;
      const err = v.child(sub, value, location, name);
      if (err) errors.push(err);
    }
    if (evaluated || additional === undefined) continue;
    if (additional === false) extra.push(name);
    else if (additional !== true) {
      const err = v.child(additional, value, location, name);
      if (err) errors.push(err);
    }
  }
  if (extra.length > 0) errors.push(v.leaf(location, `additional properties ${joinQuoted(extra)} not allowed`));
}

function validateLaterKeywords(v: Validator, schema: SchemaObject, obj: Map<string, GoValue>, location: string[], errors: SchemaErrorNode[]): void {
  if (v.doc.draft >= 6 && schema['propertyNames'] !== undefined) {
    for (const name of obj.keys()) {
      const err = v.validate(schema['propertyNames'] as SchemaNode, name, []);
      if (err) errors.push(v.leaf(location, `invalid propertyName ${quoteSingle(name)}`, err.kind === 'group' ? err.causes : [err]));
    }
  }
  if (v.doc.draft < 2019) return;
  for (const [name, sub] of Object.entries((schema['dependentSchemas'] ?? {}) as SchemaObject)) {
    if (!obj.has(name)) continue;
    const err = v.validate(sub as SchemaNode, obj, location);
    if (err) errors.push(err);
  }
  for (const [name, reqd] of Object.entries((schema['dependentRequired'] ?? {}) as SchemaObject)) {
    const missing = obj.has(name) ? missingOf(obj, reqd) : [];
    if (missing.length > 0) errors.push(v.leaf(location, `properties ${joinQuoted(missing)} required, if ${quoteSingle(name)} exists`));
  }
}

/** Appends the object keywords' errors for `obj` to `errors`. */
export function validateObject(v: Validator, schema: SchemaObject, obj: Map<string, GoValue>, location: string[], errors: SchemaErrorNode[]): void {
  const min = schema['minProperties'];
  if (typeof min === 'number' && obj.size < min) errors.push(v.leaf(location, `minProperties: got ${formatXTextInt(obj.size)}, want ${formatXTextInt(min)}`));
  const max = schema['maxProperties'];
  if (typeof max === 'number' && obj.size > max) errors.push(v.leaf(location, `maxProperties: got ${formatXTextInt(obj.size)}, want ${formatXTextInt(max)}`));
  const missing = missingOf(obj, schema['required']);
  if (missing.length > 0) errors.push(v.leaf(location, requiredMessage(missing)));
  validateDependencies(v, schema, obj, location, errors);
  validateProperties(v, schema, obj, location, errors);
  validateLaterKeywords(v, schema, obj, location, errors);
}
