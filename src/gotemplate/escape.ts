/**
 * The escaping builtins `html`, `js` and `urlquery` (Go's HTMLEscapeString, JSEscapeString and
 * url.QueryEscape) and how they turn their arguments into one string.
 */
import { sprint } from './fmt/print.js';
import { isPrint } from './strconv.js';
import type { GoValue } from './value.js';

/** Go's evalArgs: a single string argument as is, otherwise fmt.Sprint with nil shown as `<no value>`. */
export function evalArgsString(args: GoValue[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === null ? '<no value>' : a)));
}

const HTML_ESCAPES: Record<string, string> = {
  '\0': '\uFFFD', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;',
};

/** Go's template.HTMLEscapeString. */
export function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => HTML_ESCAPES[c]!);
}

const JS_ESCAPES: Record<string, string> = {
  '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D',
};

/** Go's template.JSEscapeString. */
export function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch in JS_ESCAPES) out += JS_ESCAPES[ch];
    else if (cp < 0x20) out += '\\u00' + cp.toString(16).toUpperCase().padStart(2, '0');
    else if (cp < 0x80) out += ch;
    else if (isPrint(cp)) out += ch;
    else out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

/** Go's url.QueryEscape. */
export function urlQueryEscape(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}
