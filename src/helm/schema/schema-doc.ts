/**
 * A values.schema.json document: parsed JSON, its draft (from `$schema`; 2020-12 when absent, as in
 * santhosh-tekuri/jsonschema v6, Helm's validator), and local `$ref` resolution (`#`, `#/json/pointer`,
 * `#anchor`). Remote references are not fetched (Helm has no loader for them either).
 */

/** A JSON value of a schema document. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A schema object or boolean schema. */
export type SchemaNode = boolean | { [key: string]: Json };

/** The schema could not be used; the message is the closest text to Helm's that Chartroom knows. */
export class SchemaCompileError extends Error {
  override readonly name = 'SchemaCompileError' as const;
}

/** A loaded document: its root and draft (4, 6, 7, 2019 or 2020). */
export interface SchemaDoc {
  root: SchemaNode;
  draft: number;
}

const DRAFTS: [marker: string, draft: number][] = [
  ['draft-04', 4], ['draft-06', 6], ['draft-07', 7], ['2019-09', 2019], ['2020-12', 2020],
];

/**
 * Parses schema text. Throws SchemaCompileError: `unexpected EOF` for truncated JSON (Go's wording),
 * the parser's message otherwise, or for a root that is not an object or boolean.
 */
export function loadSchemaDoc(text: string): SchemaDoc {
  let root: Json;
  try {
    root = JSON.parse(text) as Json;
  } catch (e) {
    // Go's decoder says `unexpected EOF` when the text ends inside a value; other syntax errors keep
    // the JavaScript parser's wording (a known difference).
    const msg = (e as Error).message;
    const at = /at position (\d+)/.exec(msg);
    const truncated = /end of (JSON )?input|Unterminated/i.test(msg) || (at !== null && Number(at[1]) >= text.trimEnd().length);
    throw new SchemaCompileError(truncated ? 'unexpected EOF' : msg);
  }
  if (typeof root !== 'boolean' && (root === null || typeof root !== 'object' || Array.isArray(root))) {
    throw new SchemaCompileError('jsonschema: invalid schema: not an object or boolean');
  }
  const marker = typeof root === 'object' && typeof root['$schema'] === 'string' ? root['$schema'] : '';
  const draft = DRAFTS.find(([m]) => marker.includes(m))?.[1] ?? 2020;
  return { root, draft };
}

function findAnchor(node: Json, anchor: string, draft: number): SchemaNode | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  if (!Array.isArray(node)) {
    if (node['$anchor'] === anchor || (draft < 2019 && node['$id'] === `#${anchor}`) || (draft === 4 && node['id'] === `#${anchor}`)) {
      return node;
    }
  }
  for (const child of Array.isArray(node) ? node : Object.values(node)) {
    const hit = findAnchor(child, anchor, draft);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** Resolves a local `$ref`. Throws SchemaCompileError for remote or dangling references. */
export function resolveRef(doc: SchemaDoc, ref: string): SchemaNode {
  const hash = ref.indexOf('#');
  if (hash !== 0 && !(hash > 0 && ref.slice(0, hash) === 'file:///values.schema.json')) {
    throw new SchemaCompileError(`jsonschema: cannot load remote reference ${JSON.stringify(ref)}`);
  }
  const fragment = decodeURIComponent(ref.slice(hash + 1));
  if (fragment !== '' && !fragment.startsWith('/')) {
    const hit = findAnchor(doc.root as Json, fragment, doc.draft);
    if (hit === undefined) throw new SchemaCompileError(`jsonschema: anchor ${JSON.stringify(fragment)} not found`);
    return hit;
  }
  let node: Json = doc.root as Json;
  for (const raw of fragment === '' ? [] : fragment.slice(1).split('/')) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (node === null || typeof node !== 'object') throw new SchemaCompileError(`jsonschema: reference ${JSON.stringify(ref)} not found`);
    node = Array.isArray(node) ? (node[Number(token)] as Json) : (node[token] as Json);
    if (node === undefined) throw new SchemaCompileError(`jsonschema: reference ${JSON.stringify(ref)} not found`);
  }
  if (typeof node !== 'boolean' && (node === null || typeof node !== 'object' || Array.isArray(node))) {
    throw new SchemaCompileError(`jsonschema: reference ${JSON.stringify(ref)} is not a schema`);
  }
  return node;
}
