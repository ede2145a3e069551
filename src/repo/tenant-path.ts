import { InvalidTenantError } from './errors.js';

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f/\\%]/;

/**
 * Validates decoded tenant path segments and joins them into the tenant's storage folder. Rejects empty,
 * `.`/`..` and dot-leading segments (which would reach Chartroom's `.chartroom` state), and segments that
 * contain slashes, backslashes, percent signs (double encoding) or control characters.
 * Throws `InvalidTenantError`.
 */
export function tenantFolder(segments: readonly string[]): string {
  for (const segment of segments) {
    if (segment === '' || segment.startsWith('.') || FORBIDDEN.test(segment) || segment.length > 128) {
      throw new InvalidTenantError(`invalid repository path segment: ${JSON.stringify(segment)}`);
    }
  }
  return segments.join('/');
}
