/**
 * Sprig's urlParse and urlJoin over a port of the parts of Go's net/url they use: Parse (scheme,
 * authority, opaque, path, query, fragment, userinfo) and URL.String with Go's per-component escaping.
 * Hosts are not validated as strictly as Go does (IPv6 zones, non-ASCII hosts).
 */
import { type GoFuncDef, type GoValue, kindOf, quote } from '../../gotemplate/index.js';
import { SprigError } from './errors.js';

type Mode = 'path' | 'host' | 'userinfo' | 'fragment';

const EXTRA_SAFE: Record<Mode, string> = {
  path: "$&+,/:;=@",
  userinfo: "$&+,;=",
  host: "!\"$&'()*+,:;<=>[]",
  fragment: "!$&()*+,/:;=?@",
};

function shouldEscape(c: number, mode: Mode): boolean {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9\-._~]/.test(ch)) return false;
  if (c >= 0x80) return mode !== 'host';
  return !EXTRA_SAFE[mode].includes(ch);
}

function escape(s: string, mode: Mode): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    out += shouldEscape(b, mode) ? '%' + b.toString(16).toUpperCase().padStart(2, '0') : String.fromCharCode(b);
  }
  return Buffer.from(out, 'latin1').toString('utf8');
}

/** Go's unescape (%XX decoding); throws with Go's `invalid URL escape` text. */
function unescape(s: string): string {
  const bytes: number[] = [];
  const raw = Buffer.from(s, 'utf8');
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === 0x25) {
      const hex = raw.subarray(i + 1, i + 3).toString('latin1');
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw new SprigError(`invalid URL escape ${quote(raw.subarray(i, i + 3).toString('utf8'))}`);
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(raw[i]!);
  }
  return Buffer.from(bytes).toString('utf8');
}

interface ParsedUrl {
  scheme: string; opaque: string; user: { name: string; password?: string } | null; host: string; path: string;
  rawQuery: string; fragment: string;
}

function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === ':') {
      if (i === 0) throw new SprigError('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

function parseAuthority(authority: string): Pick<ParsedUrl, 'user' | 'host'> {
  const at = authority.lastIndexOf('@');
  const hostPart = at < 0 ? authority : authority.slice(at + 1);
  const port = /:([^\]]*)$/.exec(hostPart.replace(/^\[[^\]]*\]/, ''));
  if (port && !/^\d*$/.test(port[1]!)) throw new SprigError(`invalid port ${quote(':' + port[1])} after host`);
  const host = unescape(hostPart);
  if (at < 0) return { user: null, host };
  const info = authority.slice(0, at);
  if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(info)) throw new SprigError('net/url: invalid userinfo');
  const colon = info.indexOf(':');
  if (colon < 0) return { user: { name: unescape(info) }, host };
  return { user: { name: unescape(info.slice(0, colon)), password: unescape(info.slice(colon + 1)) }, host };
}

/** Go's url.Parse; throws Error with Go's `parse "…": …` message. */
export function parseUrl(rawUrl: string): ParsedUrl {
  const hash = rawUrl.indexOf('#');
  const u = hash < 0 ? rawUrl : rawUrl.slice(0, hash);
  try {
    if (/[\x00-\x1f\x7f]/.test(u)) throw new SprigError('net/url: invalid control character in URL');
    const url: ParsedUrl = { scheme: '', opaque: '', user: null, host: '', path: '', rawQuery: '', fragment: '' };
    let rest: string;
    [url.scheme, rest] = getScheme(u);
    url.scheme = url.scheme.toLowerCase();
    const q = rest.indexOf('?');
    if (q >= 0) {
      url.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
    if (!rest.startsWith('/')) {
      if (url.scheme !== '') {
        url.opaque = rest;
        url.fragment = hash < 0 ? '' : unescape(rawUrl.slice(hash + 1));
        return url;
      }
      if (rest.split('/')[0]!.includes(':')) throw new SprigError('first path segment in URL cannot contain colon');
    }
    if ((url.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
      let authority = rest.slice(2);
      const slash = authority.indexOf('/');
      rest = slash < 0 ? '' : authority.slice(slash);
      if (slash >= 0) authority = authority.slice(0, slash);
      Object.assign(url, parseAuthority(authority));
    }
    url.path = unescape(rest);
    url.fragment = hash < 0 ? '' : unescape(rawUrl.slice(hash + 1));
    return url;
  } catch (e) {
    throw new SprigError(`parse ${quote(u)}: ${(e as Error).message}`);
  }
}

function userString(user: ParsedUrl['user']): string {
  if (!user) return '';
  return escape(user.name, 'userinfo') + (user.password !== undefined ? ':' + escape(user.password, 'userinfo') : '');
}

/** Go's URL.String. */
export function urlString(u: ParsedUrl): string {
  let buf = '';
  if (u.scheme !== '') buf += u.scheme + ':';
  if (u.opaque !== '') buf += u.opaque;
  else {
    if (u.scheme !== '' || u.host !== '' || u.user !== null) {
      if (u.host !== '' || u.path !== '' || u.user !== null) buf += '//';
      if (u.user) buf += userString(u.user) + '@';
      if (u.host !== '') buf += escape(u.host, 'host');
    }
    const path = escape(u.path, 'path');
    if (path !== '' && path[0] !== '/' && u.host !== '') buf += '/';
    if (buf === '' && path.split('/')[0]!.includes(':')) buf += './';
    buf += path;
  }
  if (u.rawQuery !== '') buf += '?' + u.rawQuery;
  if (u.fragment !== '') buf += '#' + escape(u.fragment, 'fragment');
  return buf;
}

function hostname(host: string): string {
  const bracket = /^\[([^\]]*)\]/.exec(host);
  if (bracket) return bracket[1]!;
  const colon = host.lastIndexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
}

function dictString(d: Map<string, GoValue>, key: string): string {
  if (!d.has(key)) return '';
  const v = d.get(key)!;
  if (typeof v !== 'string') {
    if (v === null) throw new SprigError('runtime error: invalid memory address or nil pointer dereference');
    throw new SprigError(`unable to parse ${key} key, must be of type string, but ${kindOf(v) === 'float' ? 'float64' : kindOf(v)} found`);
  }
  return v;
}

function urlJoin(d: Map<string, GoValue>): string {
  const info = dictString(d, 'userinfo');
  let user: ParsedUrl['user'] = null;
  if (info !== '') {
    try {
      user = parseUrl(`proto://${info}@host`).user;
    } catch (e) {
      throw new SprigError(`unable to parse userinfo in dict: ${(e as Error).message}`);
    }
  }
  return urlString({
    scheme: dictString(d, 'scheme'), host: dictString(d, 'host'), path: dictString(d, 'path'),
    rawQuery: dictString(d, 'query'), opaque: dictString(d, 'opaque'), fragment: dictString(d, 'fragment'), user,
  });
}

function urlParse(v: string): Map<string, GoValue> {
  let u: ParsedUrl;
  try {
    u = parseUrl(v);
  } catch (e) {
    throw new SprigError(`unable to parse url: ${(e as Error).message}`);
  }
  return new Map<string, GoValue>([
    ['scheme', u.scheme], ['host', u.host], ['hostname', hostname(u.host)], ['path', u.path], ['query', u.rawQuery],
    ['opaque', u.opaque], ['fragment', u.fragment], ['userinfo', userString(u.user)],
  ]);
}

/** Sprig's URL function map. */
export const URL_FUNCS: Record<string, GoFuncDef> = {
  urlParse: { params: ['string'], fn: ([v]) => urlParse(v as string), result: 'map[string]interface {}' },
  urlJoin: { params: ['map[string]interface {}'], fn: ([d]) => urlJoin(d as Map<string, GoValue>), result: 'string' },
};
