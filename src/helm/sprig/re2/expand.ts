/** Go's Regexp.Expand for ReplaceAllString templates: `$1`, `${1}`, `$name`, `${name}`, `$$`. */

/** A match: [start, end] of the whole match and of each group, -1 when a group did not take part. */
export type Match = ArrayLike<number>;

/** Go's extract: the name after `$` (bare or in braces), or undefined when malformed. */
function extract(template: string): { name: string; num: number; rest: string } | undefined {
  const ref = /^(\{)?([\p{L}\p{Nd}_]+)(\})?/u.exec(template);
  if (!ref || (ref[1] && !ref[3])) return undefined;
  const name = ref[2]!;
  // Go reads at most nine digits as a number, and no leading zero.
  const isNumber = /^\d{1,9}$/.test(name) && !(name[0] === '0' && name.length > 1);
  const num = isNumber ? Number(name) : -1;
  return { name, num, rest: template.slice(ref[1] ? ref[0].length : name.length) };
}

function group(names: readonly string[], name: string, num: number, m: Match): number {
  if (num >= 0) return num;
  // Go takes the first group of that name that took part in the match.
  for (let i = 0; i < names.length; i++) if (names[i] === name && 2 * i + 1 < m.length && m[2 * i]! >= 0) return i;
  return -1;
}

/** Expands `template` for match `m` of `s`; `names` are the pattern's group names. */
export function expandTemplate(names: readonly string[], template: string, s: string, m: Match): string {
  let out = '';
  for (;;) {
    const at = template.indexOf('$');
    if (at < 0) break;
    out += template.slice(0, at);
    template = template.slice(at + 1);
    if (template[0] === '$') {
      out += '$';
      template = template.slice(1);
      continue;
    }
    const ref = extract(template);
    if (!ref) {
      out += '$';
      continue;
    }
    template = ref.rest;
    const g = group(names, ref.name, ref.num, m);
    if (g >= 0 && 2 * g + 1 < m.length && m[2 * g]! >= 0) out += s.slice(m[2 * g], m[2 * g + 1]);
  }
  return out + template;
}
