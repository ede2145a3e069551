/**
 * Strategic merge patch, apply side (kubernetes/apimachinery pkg/util/strategicpatch), for the cases
 * kubectl sends: maps merge key by key and `null` deletes; lists with a merge key merge item by item
 * (`$patch: delete` removes an item, `$patch: replace` replaces the list, `$setElementOrder/<field>` orders
 * it); primitive set lists (finalizers) merge as sets with `$deleteFromPrimitiveList/<field>`; `$patch:
 * replace|delete` on a map; `$retainKeys` drops unlisted keys. All other lists are replaced.
 */
import { BadRequestError } from '../errors.js';
import { listMeta } from './patch-meta.js';

type Json = unknown;
type JsonMap = Record<string, unknown>;

/** Applies `patch` to `original` (an object of `kind`); neither is modified. Throws BadRequestError. */
export function applyStrategicMergePatch(kind: string, original: JsonMap, patch: JsonMap): JsonMap {
  const merged = mergeMap(kind, [], original, patch);
  if (merged === undefined) throw new BadRequestError('the patch deletes the whole object');
  return merged;
}

function mergeMap(kind: string, path: string[], original: JsonMap | undefined, patch: JsonMap): JsonMap | undefined {
  const directive = patch.$patch;
  if (directive === 'delete') return undefined;
  if (directive === 'replace') return stripDirectives(patch) as JsonMap;
  if (directive !== undefined && directive !== 'merge') throw new BadRequestError(`unknown patch type: ${String(directive)}`);
  const result: JsonMap = original ? structuredClone(original) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    if (value === null) {
      delete result[key];
      continue;
    }
    const merged = mergeValue(kind, [...path, key], result[key], value, patch);
    if (merged === undefined) delete result[key];
    else result[key] = merged;
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const remove = new Set((value as Json[]).map((v) => JSON.stringify(v)));
      if (Array.isArray(result[field])) result[field] = (result[field] as Json[]).filter((v) => !remove.has(JSON.stringify(v)));
    }
  }
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set(patch.$retainKeys as string[]);
    for (const key of Object.keys(result)) if (!keep.has(key)) delete result[key];
  }
  return result;
}

function mergeValue(kind: string, path: string[], original: Json, value: Json, parentPatch: JsonMap): Json {
  if (isMap(value)) return mergeMap(kind, path, isMap(original) ? original : undefined, value);
  if (!Array.isArray(value)) return value;
  const meta = listMeta(kind, path);
  if (!meta || !Array.isArray(original)) return stripDirectives(value);
  const order = parentPatch[`$setElementOrder/${path[path.length - 1]}`] as Json[] | undefined;
  if (meta.mergeKey === undefined) return mergePrimitiveList(original, value);
  return mergeKeyedList(kind, path, original, value, meta.mergeKey, order);
}

function mergePrimitiveList(original: Json[], patch: Json[]): Json[] {
  const seen = new Set(original.map((v) => JSON.stringify(v)));
  return [...original, ...patch.filter((v) => !seen.has(JSON.stringify(v)))];
}

function mergeKeyedList(kind: string, path: string[], original: Json[], patch: Json[], key: string, order?: Json[]): Json[] {
  if (patch.some((item) => isMap(item) && item.$patch === 'replace' && Object.keys(item).length === 1)) {
    return stripDirectives(patch.filter((item) => !(isMap(item) && item.$patch === 'replace'))) as Json[];
  }
  let result = [...original];
  for (const item of patch) {
    if (!isMap(item)) throw new BadRequestError(`list items of ${path.join('.')} must be objects with "${key}"`);
    const index = result.findIndex((o) => isMap(o) && o[key] === item[key]);
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
      continue;
    }
    const merged = mergeMap(kind, path, index >= 0 ? (result[index] as JsonMap) : undefined, item);
    if (index >= 0) result[index] = merged;
    else result.push(merged);
  }
  if (order) {
    const rank = new Map(order.map((o, i) => [isMap(o) ? o[key] : o, i]));
    result = [...result].sort((a, b) => (rank.get((a as JsonMap)[key]) ?? Infinity) - (rank.get((b as JsonMap)[key]) ?? Infinity));
  }
  return result;
}

function stripDirectives(value: Json): Json {
  if (Array.isArray(value)) return value.map(stripDirectives);
  if (!isMap(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith('$')).map(([k, v]) => [k, stripDirectives(v)]));
}

function isMap(v: Json): v is JsonMap {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
