/**
 * Sprig's path functions: Go's path.Base, Dir, Clean, Ext and IsAbs (and the os* variants, which on Linux
 * are the same functions under filepath).
 */
import type { GoFuncDef, GoValue } from '../../gotemplate/index.js';
import { cleanPath } from '../../util/go-path.js';

export { cleanPath };

/** Go's path.Base. */
export function basePath(p: string): string {
  if (p === '') return '.';
  p = p.replace(/\/+$/, '');
  if (p === '') return '/';
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Go's path.Dir. */
export function dirPath(p: string): string {
  const i = p.lastIndexOf('/');
  return cleanPath(p.slice(0, i + 1));
}

/** Go's path.Ext: the suffix from the last dot in the final element. */
export function extPath(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) {
    if (p[i] === '.') return p.slice(i);
  }
  return '';
}

function f(fn: (s: string) => GoValue, result = 'string'): GoFuncDef {
  return { params: ['string'], fn: ([s]) => fn(s as string), result };
}

/** Sprig's path function map. */
export const PATH_FUNCS: Record<string, GoFuncDef> = {
  base: f(basePath), dir: f(dirPath), clean: f(cleanPath), ext: f(extPath), isAbs: f((s) => s.startsWith('/'), 'bool'),
  osBase: f(basePath), osDir: f(dirPath), osClean: f(cleanPath), osExt: f(extPath), osIsAbs: f((s) => s.startsWith('/'), 'bool'),
};
