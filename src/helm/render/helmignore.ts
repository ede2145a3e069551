/**
 * `.helmignore` rules (pkg/ignore), applied when a chart is loaded from a directory. Line-based, `#`
 * comments; a pattern without `/` matches the basename anywhere, one with an inner `/` the whole relative
 * path, a leading `/` anchors at the root, a trailing `/` matches directories only. A negated rule `!p`
 * ignores every path that does NOT match `p` (Helm's semantics, unlike gitignore). A built-in rule
 * ignores dotfiles inside `templates/`.
 */

/** A rule file could not be parsed (`double-star (**) syntax is not supported`). */
export class HelmIgnoreSyntaxError extends Error {
  override name = 'HelmIgnoreSyntaxError';
}

interface Rule {
  negate: boolean;
  dirOnly: boolean;
  matchPath: boolean;
  re: RegExp;
}

/** Go filepath.Match as a RegExp over one path (`*` and `?` do not cross `/`). */
function matchToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      const body = end < 0 ? '' : pattern.slice(i + 1, end);
      re += end < 0 ? '\\[' : `[${body.startsWith('^') ? '^' + body.slice(1) : body}]`;
      if (end >= 0) i = end;
    } else if (c === '\\' && i + 1 < pattern.length) re += '\\' + pattern[++i]!;
    else re += /[.+^${}()|\]\\/]/.test(c) ? '\\' + c : c;
  }
  return new RegExp(`^${re}$`, 's');
}

function parseRule(line: string): Rule {
  if (line.includes('**')) throw new HelmIgnoreSyntaxError('double-star (**) syntax is not supported');
  let p = line;
  const negate = p.startsWith('!');
  if (negate) p = p.slice(1);
  const dirOnly = p.endsWith('/');
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.startsWith('/');
  if (anchored) p = p.slice(1);
  return { negate, dirOnly, matchPath: anchored || p.includes('/'), re: matchToRegExp(p) };
}

/**
 * Parses a `.helmignore` text into a predicate `(relativePath, isDir) => ignored`.
 * Throws HelmIgnoreSyntaxError.
 */
export function parseHelmIgnore(text: string): (path: string, isDir: boolean) => boolean {
  const rules = text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')).map(parseRule);
  rules.push(parseRule('templates/.?*'));
  return (path, isDir) => {
    if (path === '.' || path === '') return false;
    const base = path.slice(path.lastIndexOf('/') + 1);
    for (const r of rules) {
      if (r.dirOnly && !isDir) continue;
      const hit = r.re.test(r.matchPath ? path : base);
      if (r.negate ? !hit : hit) return true;
    }
    return false;
  };
}
