/**
 * Sprig's math functions (numeric.go and the arithmetic in functions.go). Integer arithmetic is int64
 * with Go's wrap-around; float arithmetic goes through exact decimals as shopspring/decimal does.
 */
import { ANY, type GoFuncDef, GoInt, type GoValue, goInt, sprint } from '../../gotemplate/index.js';
import { floatToInt64, toFloat64, toInt64 } from './cast.js';
import { type Decimal, decimalAdd, decimalDiv, decimalFromFloat, decimalMul, decimalSub, decimalToFloat } from './decimal.js';
import { untilStep } from './lists.js';
import { SprigError } from './errors.js';

function f(params: string[], fn: (a: GoValue[]) => GoValue, result: string, variadic = false): GoFuncDef {
  return { params, fn, result, variadic };
}
const i64 = (v: bigint) => new GoInt('int64', v);
const I = (v: GoValue | undefined) => toInt64(v ?? null);
const F = (v: GoValue | undefined) => toFloat64(v ?? null);

function intDiv(a: bigint, b: bigint, op: '/' | '%'): bigint {
  if (b === 0n) throw new SprigError('runtime error: integer divide by zero');
  return op === '/' ? a / b : a % b;
}

function decimalOp(first: GoValue, rest: GoValue[], op: (a: Decimal, b: Decimal) => Decimal): number {
  let acc = decimalFromFloat(F(first));
  for (const x of rest) acc = op(acc, decimalFromFloat(F(x)));
  return decimalToFloat(acc);
}

function round(a: GoValue, p: GoValue, rOpt: GoValue[]): number {
  const roundOn = rOpt.length > 0 ? (rOpt[0] as number) : 0.5;
  const val = F(a);
  const pow = Math.pow(10, F(p));
  const digit = pow * val;
  const div = digit - Math.trunc(digit);
  return (div >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow;
}

function seq(params: number[]): string {
  let inc = 1;
  let list;
  switch (params.length) {
    case 0: return '';
    case 1: {
      const end = params[0]!;
      if (end < 1) inc = -1;
      list = untilStep(1, end + inc, inc);
      break;
    }
    case 2: {
      const [start, end] = params as [number, number];
      const step = end < start ? -1 : 1;
      list = untilStep(start, end + step, step);
      break;
    }
    case 3: {
      const [start, step, end] = params as [number, number, number];
      if (end < start) {
        inc = -1;
        if (step > 0) return '';
      }
      list = untilStep(start, end + inc, step);
      break;
    }
    default: return '';
  }
  return list.items.map((x) => sprint([x])).join(' ');
}

function toDecimal(v: GoValue): GoInt {
  const s = sprint([v]);
  if (!/^[+-]?[0-7]+$/.test(s)) return i64(0n);
  const n = BigInt.asIntN(64, BigInt('0o' + s.replace(/^[+-]/, '')) * (s.startsWith('-') ? -1n : 1n));
  return i64(n);
}

const wrap = (v: bigint) => BigInt.asIntN(64, v);

/** Sprig's math function map. */
export const MATH_FUNCS: Record<string, GoFuncDef> = {
  int64: f([ANY], ([v]) => i64(I(v)), 'int64'),
  int: f([ANY], ([v]) => goInt(I(v)), 'int'),
  float64: f([ANY], ([v]) => F(v), 'float64'),
  add1: f([ANY], ([v]) => i64(wrap(I(v) + 1n)), 'int64'),
  add: f([ANY], (vs) => i64(vs.reduce((a: bigint, b) => wrap(a + I(b)), 0n)), 'int64', true),
  sub: f([ANY, ANY], ([a, b]) => i64(wrap(I(a) - I(b))), 'int64'),
  div: f([ANY, ANY], ([a, b]) => i64(wrap(intDiv(I(a), I(b), '/'))), 'int64'),
  mod: f([ANY, ANY], ([a, b]) => i64(intDiv(I(a), I(b), '%')), 'int64'),
  mul: f([ANY, ANY], ([a, ...vs]) => i64(vs.reduce((acc: bigint, b) => wrap(acc * I(b)), I(a))), 'int64', true),
  add1f: f([ANY], ([v]) => decimalOp(v!, [goInt(1)], decimalAdd), 'float64'),
  addf: f([ANY], (vs) => decimalOp(0, vs, decimalAdd), 'float64', true),
  subf: f([ANY, ANY], ([a, ...vs]) => decimalOp(a!, vs, decimalSub), 'float64', true),
  divf: f([ANY, ANY], ([a, ...vs]) => decimalOp(a!, vs, decimalDiv), 'float64', true),
  mulf: f([ANY, ANY], ([a, ...vs]) => decimalOp(a!, vs, decimalMul), 'float64', true),
  biggest: f([ANY, ANY], ([a, ...vs]) => i64(vs.reduce((m: bigint, b) => (I(b) > m ? I(b) : m), I(a))), 'int64', true),
  max: f([ANY, ANY], ([a, ...vs]) => i64(vs.reduce((m: bigint, b) => (I(b) > m ? I(b) : m), I(a))), 'int64', true),
  min: f([ANY, ANY], ([a, ...vs]) => i64(vs.reduce((m: bigint, b) => (I(b) < m ? I(b) : m), I(a))), 'int64', true),
  maxf: f([ANY, ANY], ([a, ...vs]) => vs.reduce((m: number, b) => goMax(m, F(b)), F(a)), 'float64', true),
  minf: f([ANY, ANY], ([a, ...vs]) => vs.reduce((m: number, b) => goMin(m, F(b)), F(a)), 'float64', true),
  ceil: f([ANY], ([v]) => Math.ceil(F(v)), 'float64'),
  floor: f([ANY], ([v]) => Math.floor(F(v)), 'float64'),
  round: f([ANY, 'int', 'float64'], ([a, p, ...r]) => round(a!, p!, r), 'float64', true),
  seq: f(['int'], (ps) => seq(ps.map((p) => Number((p as GoInt).value))), 'string', true),
  toDecimal: f([ANY], ([v]) => toDecimal(v!), 'int64'),
  randInt: f(['int', 'int'], ([a, b]) => {
    const lo = Number((a as GoInt).value);
    const hi = Number((b as GoInt).value);
    if (hi - lo <= 0) throw new SprigError('invalid argument to Intn');
    return goInt(lo + Math.floor(Math.random() * (hi - lo)));
  }, 'int'),
};

function goMax(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (a === 0 && b === 0) return Object.is(a, -0) ? b : a;
  return a > b ? a : b;
}

function goMin(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (a === 0 && b === 0) return Object.is(a, -0) ? a : b;
  return a < b ? a : b;
}

export { floatToInt64 };
