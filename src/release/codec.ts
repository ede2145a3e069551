/**
 * How Helm stores a release (pkg/storage/driver/util.go encodeRelease): Go's encoding/json of the
 * release (struct fields in declaration order, map keys sorted, `<>&` escaped, zero times as ""), gzip at
 * best compression, base64. `decodeRelease` reads Helm's own records too (ungzipped ones included).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ChartMetadata } from '../repo/chart-metadata.js';
import { ReleaseError } from './errors.js';
import type { ChartFile, Release, ReleaseHook, ReleaseStatus } from './record.js';

/** A Go struct: fields in declaration order, `undefined` values omitted (omitempty decided by the caller). */
class Fields {
  constructor(readonly pairs: [string, unknown][]) {}
}

const struct = (pairs: [string, unknown][]): Fields => new Fields(pairs.filter(([, v]) => v !== undefined));
const omitEmpty = <T>(v: T): T | undefined => {
  if (v === undefined || v === null || v === '' || v === false || v === 0) return undefined;
  if (Array.isArray(v) && v.length === 0) return undefined;
  if (typeof v === 'object' && !Array.isArray(v) && !(v instanceof Fields) && Object.keys(v as object).length === 0) return undefined;
  return v;
};

/** Go's encoding of a string: HTML-safe, U+2028/U+2029 escaped, \u00XX for other control characters. */
export function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/\\[\s\S]|[<>&\u2028\u2029]/g, (c) => {
    if (c === '\\b') return '\\u0008';
    if (c === '\\f') return '\\u000c';
    if (c.startsWith('\\')) return c;
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Go's encoding/json of plain data (objects are maps: keys sorted) and Fields (structs). */
export function goJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof Fields) return `{${v.pairs.map(([k, x]) => `${goJsonString(k)}:${goJson(x)}`).join(',')}}`;
  if (Buffer.isBuffer(v)) return goJsonString(v.toString('base64'));
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  const keys = Object.keys(v as object).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return `{${keys.map((k) => `${goJsonString(k)}:${goJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** Go's time.Time JSON (RFC 3339, nanoseconds with trailing zeros trimmed, UTC as `Z`); zero time as "". */
export function goTime(ms: number | undefined): string {
  if (ms === undefined) return '';
  return new Date(ms).toISOString().replace(/\.?0+Z$/, 'Z');
}

function metadataFields(m: ChartMetadata): Fields {
  return struct([
    ['name', omitEmpty(m.name)], ['home', omitEmpty(m.home)], ['sources', omitEmpty(m.sources)],
    ['version', omitEmpty(m.version)], ['description', omitEmpty(m.description)], ['keywords', omitEmpty(m.keywords)],
    ['maintainers', omitEmpty(m.maintainers?.map((x) => struct([['name', omitEmpty(x.name)], ['email', omitEmpty(x.email)], ['url', omitEmpty(x.url)]])))],
    ['icon', omitEmpty(m.icon)], ['apiVersion', omitEmpty(m.apiVersion)], ['condition', omitEmpty(m.condition)],
    ['tags', omitEmpty(m.tags)], ['appVersion', omitEmpty(m.appVersion)], ['deprecated', omitEmpty(m.deprecated)],
    ['annotations', omitEmpty(m.annotations)], ['kubeVersion', omitEmpty(m.kubeVersion)],
    ['dependencies', omitEmpty(m.dependencies?.map((d) => struct([
      ['name', d.name], ['version', omitEmpty(d.version)], ['repository', d.repository ?? ''],
      ['condition', omitEmpty(d.condition)], ['tags', omitEmpty(d.tags)], ['enabled', omitEmpty(d.enabled)],
      ['import-values', omitEmpty(d['import-values'])], ['alias', omitEmpty(d.alias)],
    ])))],
    ['type', omitEmpty(m.type)],
  ]);
}

const fileFields = (f: ChartFile): Fields => struct([['name', f.name], ['data', f.data]]);

function hookFields(h: ReleaseHook): Fields {
  return struct([
    ['name', omitEmpty(h.name)], ['kind', omitEmpty(h.kind)], ['path', omitEmpty(h.path)], ['manifest', omitEmpty(h.manifest)],
    ['events', omitEmpty(h.events)],
    ['last_run', struct([['started_at', goTime(h.lastRun.startedAt)], ['completed_at', goTime(h.lastRun.completedAt)], ['phase', h.lastRun.phase]])],
    ['weight', omitEmpty(h.weight)], ['delete_policies', omitEmpty(h.deletePolicies)],
  ]);
}

/** The release as Go's json.Marshal writes Helm's release.Release. */
export function releaseJson(r: Release): string {
  const info = r.info;
  return goJson(struct([
    ['name', omitEmpty(r.name)],
    ['info', struct([
      ['first_deployed', goTime(info.firstDeployed)], ['last_deployed', goTime(info.lastDeployed)], ['deleted', goTime(info.deleted)],
      ['description', omitEmpty(info.description)], ['status', omitEmpty(info.status)], ['notes', omitEmpty(info.notes)],
    ])],
    ['chart', struct([
      ['metadata', metadataFields(r.chart.metadata)], ['lock', null], ['templates', r.chart.templates.map(fileFields)],
      ['values', r.chart.values], ['schema', null], ['files', r.chart.files.length === 0 ? null : r.chart.files.map(fileFields)],
    ])],
    ['config', omitEmpty(r.config)], ['manifest', omitEmpty(r.manifest)], ['hooks', omitEmpty(r.hooks.map(hookFields))],
    ['version', omitEmpty(r.version)], ['namespace', omitEmpty(r.namespace)],
  ]));
}

/** base64(gzip(best)(JSON)): the `release` data of Helm's storage Secret (before Kubernetes' own base64). */
export function encodeRelease(r: Release): string {
  return gzipSync(Buffer.from(releaseJson(r), 'utf8'), { level: 9 }).toString('base64');
}

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);
const parseTime = (s: unknown): number | undefined => (typeof s === 'string' && s !== '' ? Date.parse(s) : undefined);

type Json = Record<string, any>;

const toFile = (f: Json): ChartFile => ({ name: String(f.name), data: Buffer.from(String(f.data ?? ''), 'base64') });

function toHook(h: Json): ReleaseHook {
  const run = (h.last_run ?? {}) as Json;
  return {
    name: h.name ?? '', kind: h.kind ?? '', path: h.path ?? '', manifest: h.manifest ?? '', events: h.events ?? [],
    lastRun: { startedAt: parseTime(run.started_at), completedAt: parseTime(run.completed_at), phase: run.phase ?? '' },
    weight: h.weight ?? 0, deletePolicies: h.delete_policies ?? [],
  };
}

/** Decodes a stored record; `labels` are the storage object's custom labels. Throws ReleaseError. */
export function decodeRelease(data: string, labels: Record<string, string> = {}): Release {
  let j: Json;
  try {
    let bytes = Buffer.from(data, 'base64');
    if (bytes.subarray(0, 3).equals(GZIP_MAGIC)) bytes = gunzipSync(bytes);
    j = JSON.parse(bytes.toString('utf8')) as Json;
  } catch (e) {
    throw new ReleaseError(`cannot decode release: ${(e as Error).message}`);
  }
  const info = (j.info ?? {}) as Json;
  const chart = (j.chart ?? {}) as Json;
  return {
    name: j.name ?? '', namespace: j.namespace ?? '', version: j.version ?? 0,
    info: {
      firstDeployed: parseTime(info.first_deployed), lastDeployed: parseTime(info.last_deployed), deleted: parseTime(info.deleted),
      description: info.description ?? '', status: (info.status ?? 'unknown') as ReleaseStatus, notes: info.notes ?? '',
    },
    chart: {
      metadata: (chart.metadata ?? {}) as ChartMetadata, templates: ((chart.templates ?? []) as Json[]).map(toFile),
      values: (chart.values ?? {}) as Record<string, unknown>, files: ((chart.files ?? []) as Json[]).map(toFile),
    },
    config: (j.config ?? {}) as Record<string, unknown>, manifest: j.manifest ?? '', hooks: ((j.hooks ?? []) as Json[]).map(toHook),
    labels,
  };
}
