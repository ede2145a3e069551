/**
 * Masterminds/sprig v3.3.0 functions for the template engine, grouped as Sprig's source files are.
 * Implemented so far: strings, lists, dicts, defaults, math, reflection, paths, base32/JSON encoding,
 * regex, random strings, dates. Still to come (issue 4): semver, URLs and crypto (bcrypt, certificates, AES).
 */
import type { GoFuncDef } from '../../gotemplate/index.js';
import { DATE_FUNCS } from './dates.js';
import { DEFAULT_FUNCS } from './defaults.js';
import { DICT_FUNCS } from './dicts.js';
import { ENCODING_FUNCS } from './encoding.js';
import { LIST_FUNCS } from './lists.js';
import { MATH_FUNCS } from './math.js';
import { PATH_FUNCS } from './paths.js';
import { RANDOM_FUNCS } from './random.js';
import { REGEX_FUNCS } from './regex.js';
import { STRING_FUNCS } from './strings.js';
import { TYPE_FUNCS } from './types.js';

/** Every implemented Sprig function by name, ready for `Template.funcs`. */
export function sprigFuncMap(): Record<string, GoFuncDef> {
  return {
    ...STRING_FUNCS, ...LIST_FUNCS, ...DICT_FUNCS, ...DEFAULT_FUNCS, ...MATH_FUNCS, ...TYPE_FUNCS, ...PATH_FUNCS,
    ...ENCODING_FUNCS, ...REGEX_FUNCS, ...RANDOM_FUNCS, ...DATE_FUNCS,
  };
}
