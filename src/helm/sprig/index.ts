/**
 * Masterminds/sprig v3.3.0 functions for the template engine, grouped as Sprig's source files are.
 * Implemented so far: strings, lists, dicts, defaults, math, reflection, paths, base32/JSON encoding,
 * regex, random strings, dates, URLs,
 * derivePassword/AES, env, semver and semverCompare (on src/helm/semver).
 */
import type { GoFuncDef } from '../../gotemplate/index.js';
import { CERTIFICATE_FUNCS } from './certs.js';
import { CRYPTO_FUNCS, MISC_FUNCS } from './crypto.js';
import { DATE_FUNCS } from './dates.js';
import { DEFAULT_FUNCS } from './defaults.js';
import { DICT_FUNCS } from './dicts.js';
import { ENCODING_FUNCS } from './encoding.js';
import { LIST_FUNCS } from './lists.js';
import { MATH_FUNCS } from './math.js';
import { PATH_FUNCS } from './paths.js';
import { RANDOM_FUNCS } from './random.js';
import { REGEX_FUNCS } from './regex.js';
import { SEMVER_FUNCS } from './semver.js';
import { STRING_FUNCS } from './strings.js';
import { TYPE_FUNCS } from './types.js';
import { URL_FUNCS } from './urls.js';

/** Every Sprig function of TxtFuncMap by name, for `Template.funcs`. */
export function sprigFuncMap(): Record<string, GoFuncDef> {
  return {
    ...STRING_FUNCS, ...LIST_FUNCS, ...DICT_FUNCS, ...DEFAULT_FUNCS, ...MATH_FUNCS, ...TYPE_FUNCS, ...PATH_FUNCS,
    ...ENCODING_FUNCS, ...REGEX_FUNCS, ...RANDOM_FUNCS, ...DATE_FUNCS, ...URL_FUNCS, ...CRYPTO_FUNCS, ...MISC_FUNCS,
    ...CERTIFICATE_FUNCS, ...SEMVER_FUNCS,
  };
}
