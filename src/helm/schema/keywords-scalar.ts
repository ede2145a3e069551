/**
 * Array, string and number keywords in jsonschema v6's order. Arrays: minItems, maxItems, uniqueItems,
 * items/additionalItems (before 2020) or prefixItems/items (2020), contains/minContains/maxContains.
 * Strings: minLength, maxLength (in runes), pattern (Go regexp syntax). Numbers: minimum, maximum,
 * exclusiveMinimum, exclusiveMaximum (draft 4's boolean forms too), multipleOf, all compared exactly.
 */
import { GoInt, type GoValue } from '../../gotemplate/index.js';
import { compileGoRegexp, matchString } from '../sprig/re2.js';
import { arrayItems, equalsValue } from './json-values.js';
import { compareRationals, isMultipleOf, rationalOf, rationalToFloat, type Rational } from './rational.js';
import type { Json } from './schema-doc.js';
import { quoteSingle, type SchemaErrorNode } from './validation-error.js';
import type { SchemaObject, Validator } from './validator.js';
import { formatXTextFloat, formatXTextInt } from './xtext-number.js';

function countCheck(v: Validator, location: string[], errors: SchemaErrorNode[], name: string, got: number, want: Json | undefined, tooMany: boolean): void {
  if (typeof want !== 'number') return;
  if (tooMany ? got > want : got < want) errors.push(v.leaf(location, `${name}: got ${formatXTextInt(got)}, want ${formatXTextInt(want)}`));
}

function validateItems(v: Validator, schema: SchemaObject, items: GoValue[], location: string[], errors: SchemaErrorNode[]): void {
  const push = (e: SchemaErrorNode | null): void => void (e && errors.push(e));
  if (v.doc.draft < 2020) {
    const itemSchema = schema['items'];
    let evaluated = 0;
    if (Array.isArray(itemSchema)) {
      evaluated = Math.min(items.length, itemSchema.length);
      for (let i = 0; i < evaluated; i++) push(v.child(itemSchema[i], items[i]!, location, String(i)));
    } else if (itemSchema !== undefined) {
      items.forEach((item, i) => push(v.child(itemSchema, item, location, String(i))));
      evaluated = items.length;
    }
    const additional = schema['additionalItems'];
    if (additional === false && evaluated !== items.length) {
      errors.push(v.leaf(location, `last ${formatXTextInt(items.length - evaluated)} additionalItem(s) not allowed`));
    } else if (additional !== undefined && typeof additional !== 'boolean') {
      for (let i = evaluated; i < items.length; i++) push(v.child(additional, items[i]!, location, String(i)));
    }
    return;
  }
  const prefix = Array.isArray(schema['prefixItems']) ? schema['prefixItems'] : [];
  const evaluated = Math.min(prefix.length, items.length);
  for (let i = 0; i < evaluated; i++) push(v.child(prefix[i], items[i]!, location, String(i)));
  if (schema['items'] !== undefined) {
    for (let i = evaluated; i < items.length; i++) push(v.child(schema['items'], items[i]!, location, String(i)));
  }
}

function validateContains(v: Validator, schema: SchemaObject, items: GoValue[], location: string[], errors: SchemaErrorNode[]): void {
  if (v.doc.draft < 6 || schema['contains'] === undefined) return;
  const failures: SchemaErrorNode[] = [];
  const matched: number[] = [];
  items.forEach((item, i) => {
    const err = v.child(schema['contains'], item, location, String(i));
    if (err) failures.push(err);
    else matched.push(i);
  });
  const min = schema['minContains'];
  if (typeof min === 'number' && v.doc.draft >= 2019) {
    if (matched.length < min) {
      const msg = matched.length === 0
        ? `min ${min} items required to match contains schema, but none matched`
        : `min ${min} items required to match contains schema, but matched ${matched.length} items at ${matched.join(' ')}`;
      errors.push(v.leaf(location, msg, failures));
    }
  } else if (matched.length === 0) errors.push(v.leaf(location, 'no items match contains schema', failures));
  const max = schema['maxContains'];
  if (typeof max === 'number' && v.doc.draft >= 2019 && matched.length > max) {
    errors.push(v.leaf(location, `max ${max} items required to match contains schema, but matched ${matched.length} items at ${matched.join(' ')}`));
  }
}

/** Appends the array keywords' errors. */
export function validateArray(v: Validator, schema: SchemaObject, value: GoValue, location: string[], errors: SchemaErrorNode[]): void {
  const items = arrayItems(value);
  countCheck(v, location, errors, 'minItems', items.length, schema['minItems'], false);
  countCheck(v, location, errors, 'maxItems', items.length, schema['maxItems'], true);
  if (schema['uniqueItems'] === true && items.length > 1) {
    outer: for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        if (!equalsValue(items[i]!, items[j]!)) continue;
        errors.push(v.leaf(location, `items at ${formatXTextInt(i)} and ${formatXTextInt(j)} are equal`));
        break outer;
      }
    }
  }
  validateItems(v, schema, items, location, errors);
  validateContains(v, schema, items, location, errors);
}

/** Appends the string keywords' errors. */
export function validateString(schema: SchemaObject, s: string, location: string[], errors: SchemaErrorNode[], v: Validator): void {
  const length = [...s].length;
  countCheck(v, location, errors, 'minLength', length, schema['minLength'], false);
  countCheck(v, location, errors, 'maxLength', length, schema['maxLength'], true);
  const pattern = schema['pattern'];
  if (typeof pattern === 'string') {
    if (!matchString(compileGoRegexp(pattern), s)) errors.push(v.leaf(location, `${quoteSingle(s)} does not match pattern ${quoteSingle(pattern)}`));
  }
}

function bound(schema: SchemaObject, key: string): Rational | undefined {
  const b = schema[key];
  return typeof b === 'number' ? rationalOf(b) : undefined;
}

/** Appends the number keywords' errors. */
export function validateNumber(schema: SchemaObject, value: GoValue, location: string[], errors: SchemaErrorNode[], v: Validator): void {
  const n = rationalOf(value as number | GoInt);
  const got = formatXTextFloat(rationalToFloat(n));
  const fail = (name: string, want: Rational): void => void errors.push(v.leaf(location, `${name}: got ${got}, want ${formatXTextFloat(rationalToFloat(want))}`));
  let min = bound(schema, 'minimum');
  let max = bound(schema, 'maximum');
  let exMin = bound(schema, 'exclusiveMinimum');
  let exMax = bound(schema, 'exclusiveMaximum');
  if (v.doc.draft === 4) {
    // Draft 4: exclusiveMinimum/Maximum are booleans that make minimum/maximum exclusive.
    if (schema['exclusiveMinimum'] === true) [exMin, min] = [min, undefined];
    if (schema['exclusiveMaximum'] === true) [exMax, max] = [max, undefined];
  }
  if (min && compareRationals(n, min) < 0) fail('minimum', min);
  if (max && compareRationals(n, max) > 0) fail('maximum', max);
  if (exMin && compareRationals(n, exMin) <= 0) fail('exclusiveMinimum', exMin);
  if (exMax && compareRationals(n, exMax) >= 0) fail('exclusiveMaximum', exMax);
  const multiple = bound(schema, 'multipleOf');
  if (multiple && !isMultipleOf(n, multiple)) fail('multipleOf', multiple);
}

