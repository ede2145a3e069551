/**
 * Manifests as kubectl reads them: YAML (one or many `---` documents) or JSON, where a `List` (any kind
 * ending in "List" with `items`) counts as its items and empty documents are skipped.
 */
import YAML from 'yaml';
import { assertYamlDepth } from '../yaml/depth-guard.js';
import { BadRequestError } from './errors.js';
import type { KubeObject } from './types.js';

/**
 * The objects in `text`, in order. Throws BadRequestError for unparsable text or a document that is not
 * an object with `apiVersion`, `kind` and `metadata.name`.
 */
export function parseManifests(text: string): KubeObject[] {
  const out: KubeObject[] = [];
  try {
    assertYamlDepth(text);
  } catch (e) {
    throw new BadRequestError(`error parsing manifest: ${(e as Error).message}`);
  }
  for (const doc of YAML.parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new BadRequestError(`error parsing manifest: ${doc.errors[0]!.message}`);
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    out.push(...flatten(value));
  }
  return out;
}

function flatten(value: unknown): KubeObject[] {
  if (typeof value !== 'object' || Array.isArray(value)) throw new BadRequestError('each document must be an object');
  const obj = value as Partial<KubeObject> & { items?: unknown[] };
  if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items)) return obj.items.flatMap(flatten);
  if (typeof obj.kind !== 'string' || typeof obj.apiVersion !== 'string') throw new BadRequestError("Object 'Kind' is missing in manifest");
  if (!obj.metadata || typeof obj.metadata.name !== 'string') throw new BadRequestError(`${obj.kind} without metadata.name`);
  return [obj as KubeObject];
}
