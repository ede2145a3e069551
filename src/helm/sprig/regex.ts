/** Sprig's regex functions (regex.go) over Go regexp semantics (see re2.ts). */
import { type GoFuncDef, GoSlice, type GoValue, quote } from '../../gotemplate/index.js';
import { canBackquote } from '../../gotemplate/strconv.js';
import { GoRegexError, compileGoRegexp, findAllMatches, quoteMeta, replaceAll, splitRegexp } from './re2.js';
import { SprigError } from './errors.js';

function f(params: string[], fn: (a: GoValue[]) => GoValue, result: string): GoFuncDef {
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

function matches(src: string, s: string): boolean {
  const r = compileGoRegexp(src);
  return findAllMatches(r, s, 1).length > 0;
}

function findAll(src: string, s: string, n: number, compile: typeof compileGoRegexp) {
  const r = compile(src);
  return new GoSlice('string', findAllMatches(r, s, n).map((m) => s.slice(m[0], m[1])));
}

function findOne(src: string, s: string, compile: typeof compileGoRegexp): string {
  const m = findAllMatches(compile(src), s, 1)[0];
  return m ? s.slice(m[0], m[1]) : '';
}

const S = 'string';
const str = (v: GoValue | undefined) => v as string;
const int = (v: GoValue | undefined) => Number((v as { value: bigint }).value);

/** Sprig's regex function map (the must… variants return Go's compile error instead of panicking). */
export const REGEX_FUNCS: Record<string, GoFuncDef> = {
  regexMatch: f([S, S], ([r, s]) => { try { return matches(str(r), str(s)); } catch { return false; } }, 'bool'),
  mustRegexMatch: f([S, S], ([r, s]) => matches(str(r), str(s)), 'bool'),
  regexFindAll: f([S, S, 'int'], ([r, s, n]) => findAll(str(r), str(s), int(n), mustCompile), '[]string'),
  mustRegexFindAll: f([S, S, 'int'], ([r, s, n]) => findAll(str(r), str(s), int(n), compileGoRegexp), '[]string'),
  regexFind: f([S, S], ([r, s]) => findOne(str(r), str(s), mustCompile), S),
  mustRegexFind: f([S, S], ([r, s]) => findOne(str(r), str(s), compileGoRegexp), S),
  regexReplaceAll: f([S, S, S], ([r, s, p]) => replaceAll(mustCompile(str(r)), str(s), str(p), false), S),
  mustRegexReplaceAll: f([S, S, S], ([r, s, p]) => replaceAll(compileGoRegexp(str(r)), str(s), str(p), false), S),
  regexReplaceAllLiteral: f([S, S, S], ([r, s, p]) => replaceAll(mustCompile(str(r)), str(s), str(p), true), S),
  mustRegexReplaceAllLiteral: f([S, S, S], ([r, s, p]) => replaceAll(compileGoRegexp(str(r)), str(s), str(p), true), S),
  regexSplit: f([S, S, 'int'], ([r, s, n]) => new GoSlice('string', splitRegexp(mustCompile(str(r)), str(s), int(n))), '[]string'),
  mustRegexSplit: f([S, S, 'int'], ([r, s, n]) => new GoSlice('string', splitRegexp(compileGoRegexp(str(r)), str(s), int(n))), '[]string'),
  regexQuoteMeta: f([S], ([s]) => quoteMeta(str(s)), S),
};
