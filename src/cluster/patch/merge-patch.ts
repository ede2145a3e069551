/**
 * JSON merge patch (RFC 7386), the `application/merge-patch+json` patches of `kubectl scale`, `label`,
 * `annotate` and `rollout pause|resume` can be expressed in: objects merge key by key, `null` deletes a
 * key, anything else (arrays included) replaces. Strategic merge patch is in strategic-merge.ts.
 */

/** Applies `patch` to `target` and returns the result; neither argument is modified. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const result: Record<string, unknown> = isObject(target) ? structuredClone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
