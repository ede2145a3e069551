/**
 * Go's `path/filepath.Match` on slash-separated names: `*` is any run of non-`/` characters, `?` one
 * non-`/` character, `[a-z]` / `[^a-z]` a class, `\` escapes the next character. A malformed pattern
 * matches nothing (Go returns ErrBadPattern, which `helm template --show-only` ignores).
 *
 *   matchGoPath('templates/*.yaml', 'templates/a.yaml') → true
 *   matchGoPath('templates/*', 'templates/x/a.yaml')   → false
 */

function escapeRegex(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

function escapeClassChar(c: string): string {
  return c === '-' ? '\\-' : escapeRegex(c);
}

/** Translates a `[...]` class starting at `i` (just after `[`); returns the regex part and the index after `]`. */
function translateClass(pattern: string, start: number): { part: string; next: number } {
  let i = start;
  let negate = false;
  if (pattern[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  for (;;) {
    if (i >= pattern.length) throw new Error('bad pattern');
    if (pattern[i] === ']' && !first) break;
    first = false;
    let lo = pattern[i]!;
    if (lo === '-') throw new Error('bad pattern');
    if (lo === '\\') lo = pattern[++i] ?? '';
    if (lo === '') throw new Error('bad pattern');
    i++;
    body += escapeClassChar(lo);
    if (pattern[i] === '-' && pattern[i + 1] !== undefined && pattern[i + 1] !== ']') {
      let hi = pattern[i + 1]!;
      i += 2;
      if (hi === '\\') hi = pattern[i++] ?? '';
      if (hi === '' || hi < lo) throw new Error('bad pattern');
      body += `-${escapeClassChar(hi)}`;
    }
  }
  const cls = negate ? `[^/${body}]` : `(?=[^/])[${body}]`;
  return { part: cls, next: i + 1 };
}

function toRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    if (c === '*') {
      re += '[^/]*';
      i++;
    } else if (c === '?') {
      re += '[^/]';
      i++;
    } else if (c === '[') {
      const { part, next } = translateClass(pattern, i + 1);
      re += part;
      i = next;
    } else if (c === '\\') {
      if (i + 1 >= pattern.length) throw new Error('bad pattern');
      re += escapeRegex(pattern[i + 1]!);
      i += 2;
    } else {
      re += escapeRegex(c);
      i++;
    }
  }
  return new RegExp(`^${re}$`, 'su');
}

/** Whether `name` matches the Go glob `pattern`; false for a malformed pattern. */
export function matchGoPath(pattern: string, name: string): boolean {
  try {
    return toRegex(pattern).test(name);
  } catch {
    return false;
  }
}
