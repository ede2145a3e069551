/**
 * Go's `path.Clean`: the shortest equivalent slash-separated path by lexical processing. Collapses `//`,
 * drops `.` segments, resolves `x/..`, keeps leading `..` of a relative path, drops `..` above the root of a
 * rooted one, and returns `.` for an empty result. Shared by the archive reader (which follows Helm's loader)
 * and Sprig's path functions.
 */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const body = out.join('/');
  if (rooted) return '/' + body;
  return body === '' ? '.' : body;
}
