/**
 * Masterminds/sprig v3.3.0 functions for the template engine, grouped as Sprig's source files are.
 * Implemented so far: strings, lists, dicts, defaults, math, reflection. Still to come (issue 4): regex,
 * encoding (base32, JSON), dates, semver, paths/URLs, crypto and random identifiers.
 */
import type { GoFuncDef } from '../../gotemplate/index.js';
import { DEFAULT_FUNCS } from './defaults.js';
import { DICT_FUNCS } from './dicts.js';
import { LIST_FUNCS } from './lists.js';
import { MATH_FUNCS } from './math.js';
import { STRING_FUNCS } from './strings.js';
import { TYPE_FUNCS } from './types.js';

/** Every implemented Sprig function by name, ready for `Template.funcs`. */
export function sprigFuncMap(): Record<string, GoFuncDef> {
  return { ...STRING_FUNCS, ...LIST_FUNCS, ...DICT_FUNCS, ...DEFAULT_FUNCS, ...MATH_FUNCS, ...TYPE_FUNCS };
}
