/**
 * Which repository paths (tenants) hold charts, read from storage: ChartMuseum has no such listing, and
 * the web console needs one to offer a choice. A tenant is a folder at the configured depth (any depth up
 * to MAX_DYNAMIC_DEPTH with --depth-dynamic) with at least one `.tgz` object in it. Storage is the source
 * of truth (uploads write it first), so tenants this process never loaded are found too. Folders that
 * could never be a tenant path (dot-leading like `.chartroom`, `%`, control characters) are skipped.
 *
 *   storage/                  depth 2 → ["class/alice", "class/bob"]
 *   ├── class/alice/web-1.0.0.tgz
 *   ├── class/bob/api-0.1.0.tgz
 *   └── class/carol/.chartroom/…   (no archive: not listed)
 */
import type { StorageBackend } from '../storage/backend.js';
import { tenantFolder } from './tenant-path.js';

/** How deep --depth-dynamic looks for tenants (ChartMuseum sets no bound; a listing needs one). */
export const MAX_DYNAMIC_DEPTH = 6;

/** The tenants found, sorted; `truncated` when the walk stopped at `limit`. */
export interface TenantListing {
  tenants: string[];
  truncated: boolean;
}

/**
 * Walks storage from the root to `depth` (or, with `dynamic`, every level up to MAX_DYNAMIC_DEPTH) and
 * returns the folders holding a chart archive, at most `limit` of them. Storage errors propagate.
 */
export async function listChartTenants(storage: StorageBackend, depth: number, dynamic: boolean, limit = 1000): Promise<TenantListing> {
  const tenants: string[] = [];
  const maxLevel = dynamic ? MAX_DYNAMIC_DEPTH : depth;
  let level: string[][] = [[]];
  for (let at = 0; at <= maxLevel && level.length > 0; at += 1) {
    const next: string[][] = [];
    for (const segments of level) {
      const listing = await storage.list(segments.join('/'));
      const isTenantLevel = dynamic || at === depth;
      if (isTenantLevel && listing.objects.some((o) => o.key.endsWith('.tgz'))) tenants.push(segments.join('/'));
      if (tenants.length >= limit) return { tenants: tenants.sort(), truncated: true };
      if (at < maxLevel) next.push(...listing.folders.filter(isTenantSegment).map((f) => [...segments, f]));
    }
    level = next;
  }
  return { tenants: tenants.sort(), truncated: false };
}

function isTenantSegment(name: string): boolean {
  try {
    tenantFolder([name]);
    return true;
  } catch {
    return false;
  }
}
