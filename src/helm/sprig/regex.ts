/**
 * Sprig's regex functions (regex.go) over Go regexp semantics (see re2.ts). Searches run on the linear-time
 * matcher and check the render's time limit (the template set's ExecBudget) as they go.
 */
import { type CallContext, type GoFuncDef, GoSlice, type GoValue, quote } from '../../gotemplate/index.js';
import { canBackquote } from '../../gotemplate/strconv.js';
import {
  GoRegexError, type SearchCheck, compileGoRegexp, findAllMatches, matchString, quoteMeta, replaceAll, splitRegexp,
} from './re2.js';
import { SprigError } from './errors.js';

/** A sprig function body: the arguments, and the render's time check. */
type Body = (a: GoValue[], check: SearchCheck | undefined) => GoValue;

function f(params: string[], body: Body, result: string): GoFuncDef {
  const fn = (args: GoValue[], ctx: CallContext): GoValue => {
    const budget = ctx?.template?.budget;
    return body(args, budget ? () => budget.checkTime() : undefined);
  };
  return { params, fn, result };
}

/** regexp.MustCompile's panic text. */
function mustCompile(src: string) {
  try {
    return compileGoRegexp(src);
  } catch (e) {
    if (!(e instanceof GoRegexError)) throw e;
    const q = canBackquote(src) ? '`' + src + '`' : quote(src);
    throw new SprigError(`regexp: Compile(${q}): ${e.message}`);
  }
}

function findAll(src: string, s: string, n: number, compile: typeof compileGoRegexp, check?: SearchCheck) {
  const r = compile(src);
  return new GoSlice('string', findAllMatches(r, s, n, check).map((m) => s.slice(m[0], m[1])));
}

function findOne(src: string, s: string, compile: typeof compileGoRegexp, check?: SearchCheck): string {
  const m = findAllMatches(compile(src), s, 1, check)[0];
  return m ? s.slice(m[0], m[1]) : '';
}

function regexMatch(src: string, s: string, check?: SearchCheck): boolean {
  let r;
  try {
    r = compileGoRegexp(src);
  } catch {
    return false;
  }
  return matchString(r, s, check);
}

const S = 'string';
const str = (v: GoValue | undefined) => v as string;
const int = (v: GoValue | undefined) => Number((v as { value: bigint }).value);
const slice = (items: string[]) => new GoSlice('string', items);

/** Sprig's regex function map (the must… variants return Go's compile error instead of panicking). */
export const REGEX_FUNCS: Record<string, GoFuncDef> = {
  regexMatch: f([S, S], ([r, s], c) => regexMatch(str(r), str(s), c), 'bool'),
  mustRegexMatch: f([S, S], ([r, s], c) => matchString(compileGoRegexp(str(r)), str(s), c), 'bool'),
  regexFindAll: f([S, S, 'int'], ([r, s, n], c) => findAll(str(r), str(s), int(n), mustCompile, c), '[]string'),
  mustRegexFindAll: f([S, S, 'int'], ([r, s, n], c) => findAll(str(r), str(s), int(n), compileGoRegexp, c), '[]string'),
  regexFind: f([S, S], ([r, s], c) => findOne(str(r), str(s), mustCompile, c), S),
  mustRegexFind: f([S, S], ([r, s], c) => findOne(str(r), str(s), compileGoRegexp, c), S),
  regexReplaceAll: f([S, S, S], ([r, s, p], c) => replaceAll(mustCompile(str(r)), str(s), str(p), false, c), S),
  mustRegexReplaceAll: f([S, S, S], ([r, s, p], c) => replaceAll(compileGoRegexp(str(r)), str(s), str(p), false, c), S),
  regexReplaceAllLiteral: f([S, S, S], ([r, s, p], c) => replaceAll(mustCompile(str(r)), str(s), str(p), true, c), S),
  mustRegexReplaceAllLiteral: f([S, S, S], ([r, s, p], c) => replaceAll(compileGoRegexp(str(r)), str(s), str(p), true, c), S),
  regexSplit: f([S, S, 'int'], ([r, s, n], c) => slice(splitRegexp(mustCompile(str(r)), str(s), int(n), c)), '[]string'),
  mustRegexSplit: f([S, S, 'int'], ([r, s, n], c) => slice(splitRegexp(compileGoRegexp(str(r)), str(s), int(n), c)), '[]string'),
  regexQuoteMeta: f([S], ([s]) => quoteMeta(str(s)), S),
};
