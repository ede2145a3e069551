/**
 * The strategic three-way merge patch Helm sends on upgrade and rollback
 * (k8s.io/apimachinery strategicpatch.CreateThreeWayMergePatch with overwrite): what changed from the
 * live object to the new manifest (additions and changes only) merged with what the new manifest
 * dropped from the old one (deletions only). Lists with a merge key (containers by `name`, ...) are
 * diffed item by item and carry `$setElementOrder`; other lists are replaced when they differ.
 *
 *   old {spec: {replicas: 1, x: 1}}  new {spec: {replicas: 3}}  live {spec: {replicas: 1, x: 1, y: 2}}
 *   → {spec: {replicas: 3, x: null}}       (y, which no manifest mentions, is left alone)
 */
import { listMeta } from '../cluster/patch/patch-meta.js';

type Json = unknown;
type JsonMap = Record<string, Json>;

const isMap = (v: Json): v is JsonMap => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Structural equality of JSON values. */
export function jsonEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && jsonEqual(a[k], b[k]));
  }
  return false;
}

interface DiffMode {
  kind: string;
  /** Report keys of `from` missing in `to` as deletions (null / `$patch: delete`). */
  deletions: boolean;
  /** Report keys added or changed in `to`. */
  changes: boolean;
}

function diffMaps(from: JsonMap, to: JsonMap, path: string[], mode: DiffMode): JsonMap {
  const patch: JsonMap = {};
  for (const [key, b] of Object.entries(to)) {
    const here = [...path, key];
    if (!(key in from)) {
      if (mode.changes) patch[key] = b;
      continue;
    }
    const a = from[key];
    if (isMap(a) && isMap(b)) {
      const sub = diffMaps(a, b, here, mode);
      if (Object.keys(sub).length > 0) patch[key] = sub;
      continue;
    }
    const mergeKey = Array.isArray(a) && Array.isArray(b) ? listMeta(mode.kind, here)?.mergeKey : undefined;
    if (mergeKey !== undefined) {
      const items = diffKeyedList(a as Json[], b as Json[], mergeKey, here, mode);
      if (items.length > 0) {
        patch[key] = items;
        patch[`$setElementOrder/${key}`] = (b as Json[]).filter(isMap).map((item) => ({ [mergeKey]: item[mergeKey] }));
      }
      continue;
    }
    if (mode.changes && !jsonEqual(a, b)) patch[key] = b;
  }
  if (mode.deletions) {
    for (const key of Object.keys(from)) if (!(key in to)) patch[key] = null;
  }
  return patch;
}

function diffKeyedList(from: Json[], to: Json[], mergeKey: string, path: string[], mode: DiffMode): Json[] {
  const out: Json[] = [];
  const keyOf = (item: Json): Json => (isMap(item) ? item[mergeKey] : undefined);
  for (const item of to) {
    const before = from.find((x) => jsonEqual(keyOf(x), keyOf(item)));
    if (before === undefined) {
      if (mode.changes) out.push(item);
    } else if (isMap(before) && isMap(item)) {
      const sub = diffMaps(before, item, path, mode);
      if (Object.keys(sub).length > 0) out.push({ [mergeKey]: item[mergeKey], ...sub });
    }
  }
  if (mode.deletions) {
    for (const item of from) {
      if (!to.some((x) => jsonEqual(keyOf(x), keyOf(item)))) out.push({ [mergeKey]: keyOf(item), $patch: 'delete' });
    }
  }
  return out;
}

/** Deep-merges two patches; `b` wins on conflicts, keyed lists are concatenated. */
function mergePatches(a: JsonMap, b: JsonMap): JsonMap {
  const out: JsonMap = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    if (isMap(prev) && isMap(v)) out[k] = mergePatches(prev, v);
    else if (Array.isArray(prev) && Array.isArray(v) && !k.startsWith('$setElementOrder/')) out[k] = [...prev, ...v];
    else out[k] = v;
  }
  return out;
}

/**
 * The patch turning `live` into what `modified` asks for, given that `original` was applied before.
 * An empty object means there is nothing to change (Helm logs "Looks like there are no changes").
 */
export function threeWayMergePatch(kind: string, original: JsonMap, modified: JsonMap, live: JsonMap): JsonMap {
  const delta = diffMaps(live, modified, [], { kind, deletions: false, changes: true });
  const deletions = diffMaps(original, modified, [], { kind, deletions: true, changes: false });
  return mergePatches(deletions, delta);
}
