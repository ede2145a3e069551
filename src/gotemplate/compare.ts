/**
 * The comparison builtins eq, ne, lt, le, gt, ge with Go's type rules (text/template funcs.go): basic kinds
 * compare by value, signed and unsigned integers compare with each other, int against float is
 * `incompatible types for comparison`, nil against a value is unequal, and ordering non-basic kinds or
 * bools is `invalid type for comparison`.
 */
import { type ExecValue, execTypeName, unwrap } from './exec-state.js';
import { sprintf } from './fmt/print.js';
import { GoInt, type GoValue, compareGoStrings, kindOf } from './value.js';

type BasicKind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string';

/** Thrown by comparisons; the message is Go's. */
export class ComparisonError extends Error {
  override readonly name = 'ComparisonError' as const;
}

function basicKind(v: GoValue): BasicKind {
  const k = kindOf(v);
  return k === 'bool' || k === 'int' || k === 'uint' || k === 'float' || k === 'string' ? k : 'invalid';
}

function incompatible(a: GoValue, b: GoValue): ComparisonError {
  return new ComparisonError(`incompatible types for comparison: ${execTypeName(a)} and ${execTypeName(b)}`);
}

function intOf(v: GoValue): bigint {
  return (v as GoInt).value;
}

function eqSameKind(k: BasicKind, a: GoValue, b: GoValue): boolean {
  switch (k) {
    case 'int': case 'uint': return intOf(a) === intOf(b);
    case 'bool': case 'float': case 'string': return a === b;
    default: return eqNonBasic(a, b);
  }
}

function isNilValue(v: GoValue): boolean {
  return v === null;
}

function eqNonBasic(a: GoValue, b: GoValue): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka !== kb && ka !== 'invalid' && kb !== 'invalid') {
    throw new ComparisonError(`non-comparable types ${sprintf('%s', [a])}: ${execTypeName(a)}, ${execTypeName(b)}: ${sprintf('%v', [b])}`);
  }
  if (isNilValue(a) || isNilValue(b)) return isNilValue(a) === isNilValue(b);
  if (kb === 'slice' || kb === 'map' || kb === 'func') {
    throw new ComparisonError(`non-comparable type ${sprintf('%s', [b])}: ${execTypeName(b)}`);
  }
  return a === b;
}

/** Go's eq: true when arg1 equals any of the others. */
export function eq(arg1x: ExecValue, others: ExecValue[]): boolean {
  const arg1 = unwrap(arg1x);
  if (others.length === 0) throw new ComparisonError('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (const argx of others) {
    const arg = unwrap(argx);
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint') truth = intOf(arg1) >= 0n && intOf(arg1) === intOf(arg);
      else if (k1 === 'uint' && k2 === 'int') truth = intOf(arg) >= 0n && intOf(arg1) === intOf(arg);
      else if (arg1 !== null && arg !== null) throw incompatible(arg1, arg);
    } else {
      truth = eqSameKind(k1, arg1, arg);
    }
    if (truth) return true;
  }
  return false;
}

/** Go's lt. */
export function lt(ax: ExecValue, bx: ExecValue): boolean {
  const a = unwrap(ax);
  const ka = basicKind(a);
  if (ka === 'invalid') throw new ComparisonError('invalid type for comparison');
  const b = unwrap(bx);
  const kb = basicKind(b);
  if (kb === 'invalid') throw new ComparisonError('invalid type for comparison');
  if (ka !== kb) {
    if (ka === 'int' && kb === 'uint') return intOf(a) < 0n || intOf(a) < intOf(b);
    if (ka === 'uint' && kb === 'int') return intOf(b) >= 0n && intOf(a) < intOf(b);
    throw incompatible(a, b);
  }
  switch (ka) {
    case 'bool': throw new ComparisonError('invalid type for comparison');
    case 'float': return (a as number) < (b as number);
    case 'int': case 'uint': return intOf(a) < intOf(b);
    default: return compareGoStrings(a as string, b as string) < 0;
  }
}

/** Go's le. */
export function le(a: ExecValue, b: ExecValue): boolean {
  return lt(a, b) || eq(a, [b]);
}

/** Go's gt. */
export function gt(a: ExecValue, b: ExecValue): boolean {
  return !le(a, b);
}

/** Go's ge. */
export function ge(a: ExecValue, b: ExecValue): boolean {
  return !lt(a, b);
}

/** Go's ne. */
export function ne(a: ExecValue, b: ExecValue): boolean {
  return !eq(a, [b]);
}
