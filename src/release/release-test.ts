/**
 * `helm test NAME` (pkg/action/release_testing.go): runs the latest revision's `test` hooks and records
 * their last runs on that revision, whatever the outcome.
 */
import { validateReleaseName } from '../helm/render/index.js';
import { type ActionContext, recordRelease } from './context.js';
import { asReleaseError, InvalidReleaseRequestError } from './errors.js';
import { execHooks } from './hooks.js';
import type { Release } from './record.js';

/** The tested revision, and Helm's error text when a test failed. */
export interface TestResult {
  release: Release;
  error?: string;
}

/** Runs the tests of `name`. Throws InvalidReleaseRequestError (bad name) or ReleaseNotFoundError. */
export function testRelease(ctx: ActionContext, name: string, namespace: string): TestResult {
  try {
    validateReleaseName(name);
  } catch {
    throw new InvalidReleaseRequestError(`releaseTest: Release name is invalid: ${name}`);
  }
  const rel = ctx.storage.last(name, namespace);
  const hookCtx = { cluster: ctx.cluster, record: (r: Release) => recordRelease(ctx, r) };
  let error: string | undefined;
  try {
    execHooks(hookCtx, rel, 'test');
  } catch (e) {
    error = asReleaseError(e).message;
  }
  recordRelease(ctx, rel);
  return error === undefined ? { release: rel } : { release: rel, error };
}
