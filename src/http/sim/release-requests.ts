/**
 * Reading the bodies of the release routes: the chart (a base64 `.tgz`, or base64 files of a chart
 * folder), the user values (the `-f` files' YAML and the `--set` family, merged as Helm does), and the flags.
 *
 *   {"name":"web","namespace":"default","chart":{"archive":"H4sI..."},
 *    "values":{"files":[{"name":"prod.yaml","text":"replicaCount: 3\n"}],"set":["image.tag=1.27"]},
 *    "wait":true,"timeout":"2m","atomic":false,"createNamespace":false,"dryRun":false}
 */
import type { FastifyRequest } from 'fastify';
import { assembleChart, type LoadedChart, loadChartArchive, type Values } from '../../helm/render/index.js';
import { GoFileError, mergeValueOptions, type ValueOptions, ValueOptionsError } from '../../helm/values/index.js';
import { parseGoDuration } from '../../config/duration.js';
import { BadBodyError, jsonBody } from './sim-context.js';

/** The parsed JSON body of a release request. */
export type ReleaseBody = Record<string, unknown>;

/** The body as a JSON object. Throws BadBodyError. */
export function releaseBody(request: FastifyRequest): ReleaseBody {
  return jsonBody(request);
}

/** Loads the chart of a body. Throws BadBodyError, or the chart loader's errors. */
export async function chartOf(body: ReleaseBody): Promise<LoadedChart> {
  const chart = body.chart as { archive?: unknown; files?: unknown } | undefined;
  if (chart && typeof chart.archive === 'string') return await loadChartArchive(Buffer.from(chart.archive, 'base64'));
  if (chart && chart.files && typeof chart.files === 'object') {
    const files = new Map(Object.entries(chart.files as Record<string, unknown>).map(([k, v]) => [k, Buffer.from(String(v), 'base64')]));
    return await assembleChart(files);
  }
  throw new BadBodyError('"chart" must hold "archive" (base64 .tgz) or "files" (path → base64)');
}

/** The `--set`-family fields of `values`, and the ValueOptions field each fills. */
const SET_FIELDS: [body: string, field: keyof ValueOptions][] = [
  ['set', 'values'], ['setString', 'stringValues'], ['setJson', 'jsonValues'], ['setFile', 'fileValues'], ['setLiteral', 'literalValues'],
];

function strings(v: unknown, key: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new BadBodyError(`"values.${key}" must be a list of strings`);
  return v as string[];
}

/**
 * The user values, merged as Helm's MergeValues does (src/helm/values mergeValueOptions): `values.files`
 * (`[{name, text}]`, the `-f` files in order), then `set`, `setString`, `setJson`, `setFile`, `setLiteral`
 * (each a list of flag values) in Helm's flag-kind order. `--set-file` paths are read from
 * `values.fileTexts` (path → text) as the client read them. Throws BadBodyError with Helm's message
 * (`failed to parse x: …`, `failed parsing --set data: …`).
 */
export function valuesOf(body: ReleaseBody): Values {
  const values = (body.values ?? {}) as Record<string, unknown>;
  const texts = new Map<string, string>(Object.entries((values.fileTexts ?? {}) as Record<string, string>).map(([k, v]) => [k, String(v)]));
  const files = Array.isArray(values.files) ? (values.files as { name?: unknown; text?: unknown }[]) : [];
  const options: ValueOptions = { valueFiles: [] };
  files.forEach((f, i) => {
    const name = typeof f.name === 'string' && f.name !== '' ? f.name : `values-${i + 1}.yaml`;
    options.valueFiles!.push(name);
    texts.set(name, String(f.text ?? ''));
  });
  for (const [key, field] of SET_FIELDS) options[field] = strings(values[key], key);
  const readFile = (path: string): Buffer => {
    const text = texts.get(path);
    if (text === undefined) throw new GoFileError(`open ${path}: no such file or directory`);
    return Buffer.from(text, 'utf8');
  };
  try {
    return mergeValueOptions(options, readFile);
  } catch (e) {
    if (e instanceof ValueOptionsError || e instanceof GoFileError) throw new BadBodyError(e.message);
    throw e;
  }
}

/** A boolean flag of the body (absent = false). */
export function flag(body: ReleaseBody, key: string): boolean {
  return body[key] === true;
}

/** A string flag of the body, or undefined. */
export function text(body: ReleaseBody, key: string): string | undefined {
  return typeof body[key] === 'string' ? (body[key] as string) : undefined;
}

/** `timeout` as a Go duration (`5m0s`), in ms; undefined when absent. Throws BadBodyError. */
export function timeoutOf(body: ReleaseBody): number | undefined {
  const t = text(body, 'timeout');
  if (t === undefined) return undefined;
  const ms = parseGoDuration(t);
  if (ms === undefined || ms < 0) throw new BadBodyError(`invalid timeout "${t}"`);
  return ms;
}

/** A non-negative integer field, or undefined. Throws BadBodyError. */
export function integer(body: ReleaseBody, key: string): number | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new BadBodyError(`"${key}" must be an integer`);
  return v;
}

/** The custom labels of a body (`--labels`). Throws BadBodyError. */
export function labelsOf(body: ReleaseBody): Record<string, string> | undefined {
  const l = body.labels;
  if (l === undefined) return undefined;
  if (!l || typeof l !== 'object' || Object.values(l).some((v) => typeof v !== 'string')) throw new BadBodyError('"labels" must map strings to strings');
  return l as Record<string, string>;
}
