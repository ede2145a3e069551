/**
 * JSON patch (RFC 6902), the `application/json-patch+json` body of `kubectl rollout undo`: operations
 * add, remove, replace, move, copy and test over RFC 6901 pointers, applied in order to a copy.
 */
import { BadRequestError } from '../errors.js';

/** One operation. */
export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

type Container = Record<string, unknown> | unknown[];

/** Applies `operations` to a copy of `document`. Throws BadRequestError for a bad path or a failed test. */
export function applyJsonPatch(document: unknown, operations: readonly JsonPatchOperation[]): unknown {
  let doc = structuredClone(document);
  for (const op of operations) {
    switch (op.op) {
      case 'add':
        doc = add(doc, op.path, structuredClone(op.value));
        break;
      case 'remove':
        doc = remove(doc, op.path).doc;
        break;
      case 'replace':
        doc = add(remove(doc, op.path).doc, op.path, structuredClone(op.value));
        break;
      case 'move': {
        const taken = remove(doc, requireFrom(op));
        doc = add(taken.doc, op.path, taken.value);
        break;
      }
      case 'copy':
        doc = add(doc, op.path, structuredClone(get(doc, requireFrom(op))));
        break;
      case 'test':
        if (JSON.stringify(get(doc, op.path)) !== JSON.stringify(op.value)) throw new BadRequestError(`test operation failed at ${op.path}`);
        break;
      default:
        throw new BadRequestError(`unknown JSON patch operation "${(op as { op: string }).op}"`);
    }
  }
  return doc;
}

/** Splits an RFC 6901 pointer into unescaped tokens: "/a~1b/0" → ["a/b", "0"]. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new BadRequestError(`invalid JSON pointer "${pointer}"`);
  return pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function requireFrom(op: JsonPatchOperation): string {
  if (op.from === undefined) throw new BadRequestError(`"${op.op}" needs "from"`);
  return op.from;
}

function get(doc: unknown, pointer: string): unknown {
  let node = doc;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(node) && /^\d+$/.test(token) && Number(token) < node.length) node = node[Number(token)];
    else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, token)) node = node[token];
    else throw new BadRequestError(`path ${pointer} does not exist`);
  }
  return node;
}

function parentOf(doc: unknown, pointer: string): [Container, string] {
  const tokens = parsePointer(pointer);
  const last = tokens.pop()!;
  const parent = get(doc, tokens.length ? `/${tokens.map((t) => t.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '');
  if (!Array.isArray(parent) && !isObject(parent)) throw new BadRequestError(`path ${pointer} has no parent container`);
  return [parent, last];
}

function add(doc: unknown, pointer: string, value: unknown): unknown {
  if (pointer === '') return value;
  const [parent, key] = parentOf(doc, pointer);
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (!/^(\d+|-)$/.test(key) || index > parent.length) throw new BadRequestError(`index ${key} out of range at ${pointer}`);
    parent.splice(index, 0, value);
  } else parent[key] = value;
  return doc;
}

function remove(doc: unknown, pointer: string): { doc: unknown; value: unknown } {
  const value = get(doc, pointer);
  if (pointer === '') return { doc: undefined, value };
  const [parent, key] = parentOf(doc, pointer);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
  return { doc, value };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
