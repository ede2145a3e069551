/**
 * Chart.lock as Helm writes it (pkg/downloader/manager.go writeLock, internal/resolver HashReq): the
 * locked dependencies `{name, repository, version}`, a digest over the declared and locked dependencies,
 * and the time it was generated, in sigs.k8s.io/yaml's layout (keys sorted).
 *
 *   hashReq(declared, locked) → "sha256:af51b0e9…"   (sha256 of Go's json.Marshal([declared, locked]))
 */
import { createHash } from 'node:crypto';
import YAML from 'yaml';
import type { Dependency } from '../../repo/chart-metadata.js';
import { marshalGoYaml } from '../../yaml/go-yaml-emitter.js';

/** A locked dependency. */
export interface LockedDependency {
  name: string;
  version: string;
  repository: string;
}

/** A parsed Chart.lock. */
export interface ChartLock {
  generated: string;
  digest: string;
  dependencies: LockedDependency[];
}

/** chart.Dependency's JSON: its fields in Go's order, empty ones omitted as its `omitempty` tags say. */
function dependencyJson(d: Dependency | LockedDependency): Record<string, unknown> {
  const full = d as Dependency;
  const out: Record<string, unknown> = { name: d.name };
  if (d.version) out.version = d.version;
  out.repository = d.repository ?? '';
  if (full.condition) out.condition = full.condition;
  if (full.tags && full.tags.length > 0) out.tags = full.tags;
  if (full.enabled) out.enabled = true;
  if (full['import-values'] && full['import-values'].length > 0) out['import-values'] = full['import-values'];
  if (full.alias) out.alias = full.alias;
  return out;
}

/** Go's json.Marshal escapes <, >, &, U+2028 and U+2029 inside strings. */
const goJson = (v: unknown): string => JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** resolver.HashReq: `sha256:` + the hex sha256 of the JSON of [declared, locked]. */
export function hashReq(declared: readonly Dependency[], locked: readonly LockedDependency[]): string {
  const json = goJson([declared.map(dependencyJson), locked.map(dependencyJson)]);
  return `sha256:${createHash('sha256').update(json).digest('hex')}`;
}

/** Go's RFC3339Nano of a time: trailing zeros of the fraction dropped (`…:53.15Z`, `…:53Z`). */
export function rfc3339Nano(at: Date): string {
  return at.toISOString().replace(/\.?0+Z$/, 'Z');
}

/** The file text of a lock. */
export function formatLock(lock: ChartLock): string {
  const dependencies = lock.dependencies.map((d) => ({ name: d.name, repository: d.repository, version: d.version }));
  return marshalGoYaml({ dependencies, digest: lock.digest, generated: lock.generated });
}

/** Parses Chart.lock / requirements.lock; undefined when it is not a lock. */
export function parseLock(text: string): ChartLock | undefined {
  const raw = YAML.parse(text) as Partial<ChartLock> | null;
  if (!raw || typeof raw !== 'object') return undefined;
  return { generated: String(raw.generated ?? ''), digest: String(raw.digest ?? ''), dependencies: (raw.dependencies ?? []) as LockedDependency[] };
}
